"""`make lighthouse`: Lighthouse scores of one page of each type that issue 15 names, on a
phone and a desktop, measured on the demo served with the production settings.

`pages()` picks the pages from `demo.screenshots.page_types()`; `serve()` starts gunicorn
with the production settings on a free port of 127.0.0.1 (the runner of `make bench`,
demo/bench/load.py); `measure()` runs the Lighthouse CLI (npm package, pinned; `make
lighthouse` installs it into .cache/lighthouse) with Debian's Chromium for one page and form
factor and keeps its JSON report in .cache/lighthouse/reports/; `run()` measures the pages
one after the other (two cores: parallel runs would spoil each other's timings) and prints
a Markdown table of the scores and every audit below a full score, with the elements, links
or files it names. Called by the `lighthouse` management command.

Set-up, and how it differs from production:
- Chromium reaches nothing but 127.0.0.1: besides the flags that switch off its own
  traffic, every other address goes to a proxy that does not exist (loopback bypasses
  proxies), so a request to another origin fails and shows up in the report.
- Media are served by Django (SERVE_MEDIA=1); production's nginx serves them with a
  Cache-Control header (docs/nginx.conf), so cache-lifetime findings on /media/ are this
  set-up's.
- The page cache is on, as in production, but in files of this run (CACHE_DIR) instead of
  Redis, which other runs on other databases may share; every page is requested a few
  times before it is measured, so Lighthouse sees a warm cache like most visitors."""

import json
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from demo.bench import load
from demo.screenshots import page_types

DIRECTORY = Path(settings.BASE_DIR) / ".cache" / "lighthouse"
CLI = DIRECTORY / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = DIRECTORY / "reports"
STATIC_ROOT = DIRECTORY / "static"

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
# Issue 15's pages (names of demo.screenshots.page_types()), then the two that may be
# noindex: their SEO score is shown, not counted.
PAGES = ("home", "news-list", "calendar", "project", "event", "gallery", "news-article")
NOINDEX_PAGES = ("search-results", "event-registration")
CHROME_FLAGS = (
    "--headless=new",
    *load.CHROMIUM_ARGS,  # the browser tests' and the bench's offline flags
    "--proxy-server=127.0.0.1:9",  # nothing listens there: no way out but loopback
)
RUN_TIMEOUT = 300  # seconds for one page and form factor
ATTEMPTS = 2
WARMUP_REQUESTS = 2  # per page: fills the page cache before Lighthouse comes
MAX_ITEMS = 8  # elements or files listed per audit and page
# Findings that come from this set-up rather than from the site.
NOTES = {
    "uses-long-cache-ttl": "here Django serves /media/ without a Cache-Control header; "
    "production's nginx sends 30 days (docs/nginx.conf)",
}
NOTES["cache-insight"] = NOTES["uses-long-cache-ttl"]
# A metric below a full score is listed with the findings of the audit that explains it.
EXPLAINED_BY = {
    "total-blocking-time": "long-tasks",
    "largest-contentful-paint": "largest-contentful-paint-element",
    "cumulative-layout-shift": "layout-shifts",
}


@dataclass
class Result:
    """One page in one form factor: scores 0 to 100 (None when Lighthouse gave none)."""

    name: str
    path: str
    form_factor: str
    report: Path
    scores: dict = field(default_factory=dict)
    cls: float | None = None
    lcp_ms: float | None = None
    transfer_bytes: float | None = None
    foreign: int = 0
    audits: dict = field(default_factory=dict)
    weights: dict = field(default_factory=dict)  # audit id -> (category, weight)
    error: str = ""

    @property
    def noindex_allowed(self):
        return self.name in NOINDEX_PAGES

    @property
    def label(self):
        return f"{self.name} ({self.form_factor})"


def pages(names=None):
    """The pages to measure as `Shot`s of demo.screenshots, in the order of PAGES."""
    names = list(names or (*PAGES, *NOINDEX_PAGES))
    known = PAGES + NOINDEX_PAGES
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ValueError(f"unknown page {', '.join(unknown)}; known: {', '.join(known)}")
    by_name = {shot.name: shot for shot in page_types()}
    return [by_name[name] for name in known if name in names]


def version():
    """The installed Lighthouse's version (the Makefile pins it)."""
    package = json.loads((CLI.parent.parent / "package.json").read_text(encoding="utf-8"))
    return package["version"]


def check_tools():
    """Raises RuntimeError with a hint when node, the Lighthouse CLI or Chromium is missing."""
    if not shutil.which("node"):
        raise RuntimeError("needs Node.js 18.20 or later: `sudo apt-get install nodejs npm`")
    if not CLI.is_file():
        raise RuntimeError(f"Lighthouse is missing at {CLI}: `make lighthouse` installs it")
    if not shutil.which(load.CHROMIUM):
        raise RuntimeError(f"needs Chromium at {load.CHROMIUM}: `make browser`")


@contextmanager
def serve():
    """gunicorn with the production settings on a free port until the block ends; yields
    the base URL. The page cache lives in a folder of this run that every worker shares."""
    port = load.free_port()
    base = f"http://{load.HOST}:{port}"
    env = load.server_env(port, STATIC_ROOT)
    env.pop("REDIS_URL", None)
    env.pop("WEB_CONCURRENCY", None)  # gunicorn.conf.py's production default
    env.update({"PAGE_CACHE_SECONDS": "600", "SERVE_MEDIA": "1", "WAGTAILADMIN_BASE_URL": base})
    load.collectstatic(env)
    with tempfile.TemporaryDirectory(prefix="lighthouse-pages-") as cache_dir:
        env["CACHE_DIR"] = cache_dir
        with load.Server(env) as server:
            load.wait_until_up(base, server.process)
            yield base


def command(url, form_factor, output):
    command = ["node", str(CLI), url, "--output=json", f"--output-path={output}", "--quiet"]
    command += [
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--no-enable-error-reporting",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    return command


def measure(base, shot, form_factor, reports=REPORTS, attempts=ATTEMPTS):
    """Run Lighthouse (again when the run failed, as Lighthouse itself advises: a trace is
    sometimes lost); returns a `Result`, with `error` set when no attempt succeeded."""
    for _ in range(attempts):
        result = _measure_once(base, shot, form_factor, reports)
        if not result.error:
            break
    return result


def _measure_once(base, shot, form_factor, reports):
    reports.mkdir(parents=True, exist_ok=True)
    output = reports / f"{shot.number:02d}-{shot.name}-{form_factor}.json"
    output.unlink(missing_ok=True)
    result = Result(shot.name, shot.path, form_factor, output)
    env = {**os.environ, "CHROME_PATH": load.CHROMIUM}
    try:
        process = subprocess.run(  # noqa: S603 - our own node_modules, fixed arguments
            command(base + shot.path, form_factor, output),
            env=env,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        result.error = f"no report within {RUN_TIMEOUT} s"
        return result
    if process.returncode != 0 or not output.is_file():
        result.error = (process.stderr or process.stdout).strip()[-500:] or "no report"
        return result
    read(result, json.loads(output.read_text(encoding="utf-8")), base)
    return result


def read(result, report, base):
    """Fill `result` from a Lighthouse JSON report."""
    if report.get("runtimeError"):
        result.error = report["runtimeError"].get("message", "runtime error")
    audits = report["audits"]
    for category in CATEGORIES:
        score = report["categories"].get(category, {}).get("score")
        result.scores[category] = None if score is None else round(score * 100)
        for ref in report["categories"].get(category, {}).get("auditRefs", []):
            result.weights[ref["id"]] = (category, ref.get("weight", 0))
    result.cls = audits.get("cumulative-layout-shift", {}).get("numericValue")
    result.lcp_ms = audits.get("largest-contentful-paint", {}).get("numericValue")
    result.transfer_bytes = audits.get("total-byte-weight", {}).get("numericValue")
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    result.foreign = sum(not item.get("url", "").startswith((base, "data:")) for item in requests)
    result.audits = {
        audit_id: audit
        for audit_id, audit in audits.items()
        if audit.get("scoreDisplayMode") == "error"
        or (audit.get("score") is not None and audit["score"] < 1)
    }
    for metric, explanation in EXPLAINED_BY.items():
        found = audits.get(explanation, {}).get("details")
        if metric in result.audits and found:
            result.audits[metric] = {**result.audits[metric], "details": found}


def _short(text, limit=220):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item_lines(item):
    """What one row of an audit's details names: the element, the file or link, the reason."""
    if item.get("type") in {"table", "opportunity", "list", "criticalrequestchain"}:
        return [line for sub in item.get("items", []) for line in _item_lines(sub)]
    parts = []
    node = item.get("node") or {}
    if node.get("selector") or node.get("snippet"):
        parts.append(f"`{node.get('selector', '')}` {_short(node.get('snippet', ''), 160)}")
    for key in ("url", "source", "href", "text", "description", "groupLabel", "label", "value"):
        value = item.get(key)
        if isinstance(value, dict):  # a source location, an element, a code value
            value = value.get("url") or value.get("snippet") or value.get("value")
        if value and isinstance(value, str | int | float):
            parts.append(f"{key}: {_short(value, 160)}")
    for key in ("wastedBytes", "totalBytes", "transferSize"):
        if isinstance(item.get(key), int | float) and item[key]:
            parts.append(f"{key}: {item[key] / 1024:.1f} KiB")
    for key in ("wastedMs", "duration", "cacheLifetimeMs", "displayedSize", "actualSize"):
        if isinstance(item.get(key), int | float):
            parts.append(f"{key}: {item[key]:.0f}")
        elif item.get(key):
            parts.append(f"{key}: {item[key]}")
    if isinstance(item.get("score"), int | float):  # a layout shift's
        parts.append(f"score: {item['score']:.3f}")
    if node.get("explanation"):
        parts.append(_short(node["explanation"].replace("\n", " ")))
    sub_items = (item.get("subItems") or {}).get("items", [])
    lines = ["; ".join(parts)] if parts else []
    return lines + ["  ↳ " + line for sub in sub_items[:3] for line in _item_lines(sub)]


def details(audit):
    """Up to MAX_ITEMS lines about what an audit found, plus its explanation."""
    lines = []
    if audit.get("explanation"):
        lines.append(_short(audit["explanation"], 300))
    if audit.get("errorMessage"):
        lines.append("error: " + _short(audit["errorMessage"], 300))
    found = _item_lines(audit.get("details") or {}) if audit.get("details") else []
    lines += found[:MAX_ITEMS]
    if len(found) > MAX_ITEMS:
        lines.append(f"… {len(found) - MAX_ITEMS} more in the JSON report")
    return tuple(lines)


def _score(result, category):
    score = result.scores.get(category)
    if score is None:
        return "–"
    if category == "seo" and result.noindex_allowed:
        return f"({score})"
    return f"**{score}**" if score < 100 else str(score)


def print_table(out, results):
    out(
        "| Page | URL | Form factor | Performance | Accessibility | Best practices | SEO "
        "| CLS | LCP s | Transfer KiB |"
    )
    out("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        if r.error and not r.scores:
            out(
                f"| {r.name} | {r.path} | {r.form_factor} | error: {_short(r.error, 120)} "
                "| | | | | | |"
            )
            continue
        cls = "–" if r.cls is None else f"{r.cls:.3f}"
        lcp = "–" if r.lcp_ms is None else f"{r.lcp_ms / 1000:.1f}"
        kib = "–" if r.transfer_bytes is None else f"{r.transfer_bytes / 1024:.0f}"
        scores = " | ".join(_score(r, category) for category in CATEGORIES)
        out(f"| {r.name} | {r.path} | {r.form_factor} | {scores} | {cls} | {lcp} | {kib} |")
    out("")
    out(
        "Scores below 100 in **bold**; SEO in (brackets) is not counted (search and form "
        "pages may be noindex). LCP on mobile is Lighthouse's simulated slow 4G."
    )


def counted_shortfalls(results):
    """(page label, category, score) of every counted score below 100."""
    return [
        (r.label, category, score)
        for r in results
        for category, score in r.scores.items()
        if score is not None and score < 100 and not (category == "seo" and r.noindex_allowed)
    ]


def print_failures(out, results):
    """Every audit below a full score, grouped by audit, then by identical findings."""
    found = {}  # audit id -> {details: [page labels]}
    info = {}  # audit id -> (title, category, weight)
    for r in results:
        for audit_id, audit in r.audits.items():
            category, weight = r.weights.get(audit_id, ("none", 0))
            info.setdefault(audit_id, (audit.get("title", audit_id), category, weight))
            label = r.label
            if audit.get("score") is not None:
                label += f" {audit['score']:.2f}"
            if audit.get("displayValue"):
                label += f" {audit['displayValue']}"
            if category == "seo" and r.noindex_allowed:
                label += " [not counted]"
            found.setdefault(audit_id, {}).setdefault(details(audit), []).append(label)
    if not found:
        out("Every audit has a full score.")
        return
    order = {category: n for n, category in enumerate(CATEGORIES)}
    ranked = sorted(
        found,
        key=lambda a: (order.get(info[a][1], 9), -info[a][2], -sum(map(len, found[a].values()))),
    )
    every_run = {r.label for r in results if r.scores}
    for audit_id in ranked:
        title, category, weight = info[audit_id]
        note = f" ({NOTES[audit_id]})" if audit_id in NOTES else ""
        out(f"- **{audit_id}** ({category}, weight {weight:.3g}): {title}{note}")
        for lines, labels in found[audit_id].items():
            if len(every_run) > 1 and set(labels) == every_run:
                out(f"  - on every page and form factor ({len(labels)} runs)")
            else:
                out(f"  - on {', '.join(labels)}")
            for line in lines:
                out(f"    - {line}")


def run(out, names=None, form_factors=FORM_FACTORS):
    """Measure every page in every form factor, one run after the other; print the
    results. Returns the `Result`s."""
    started = time.monotonic()
    check_tools()
    shots = pages(names)
    results = []
    with serve() as base:
        for shot in shots:
            for _ in range(WARMUP_REQUESTS):
                load.fetch(base + shot.path)
        out(
            f"Lighthouse {version()} against {base} (gunicorn, production settings), "
            f"{len(shots)} pages × {', '.join(form_factors)}; reports in {REPORTS}/"
        )
        for shot in shots:
            for form_factor in form_factors:
                start = time.monotonic()
                result = measure(base, shot, form_factor)
                results.append(result)
                scores = "/".join(str(result.scores.get(c, "–")) for c in CATEGORIES)
                note = f" error: {_short(result.error, 200)}" if result.error else ""
                out(f"  {result.label}: {scores} in {time.monotonic() - start:.0f} s{note}")
    out("")
    print_table(out, results)
    foreign = sum(r.foreign for r in results)
    out(f"Requests to other origins (blocked): {foreign}.")
    out("")
    out("### Audits below a full score")
    out("")
    print_failures(out, results)
    out("")
    shortfalls = counted_shortfalls(results)
    counted = sum(len(r.scores) for r in results) - sum(r.noindex_allowed for r in results)
    listed = ", ".join(f"{label} {category} {score}" for label, category, score in shortfalls)
    out(
        f"Counted scores below 100: {len(shortfalls)} of {counted}"
        + (f": {listed}." if listed else ".")
    )
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    out(f"Duration: {minutes} min {seconds} s.")
    return results
