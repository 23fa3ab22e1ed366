"""Validate HTML with the W3C Nu HTML Checker (vnu.jar from the `vnu-jar` npm package).

The JVM takes a second or more to start, so documents are always checked in one batch:
every document is written to a temporary directory and a single `java -jar vnu.jar` run
checks them all.

    results = validate({"home": html, "404": other_html})
    assert not any(r.errors for r in results.values()), describe(results)

`make test` installs the jar into .cache/vnu (pinned version, npm's install scripts off);
VNU_JAR points to another copy. Java comes from Debian (`default-jre-headless`).
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JAR = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TIMEOUT = 300  # seconds for the whole batch
# vnu.jar prints its JSON in UTF-8 whatever the locale (checked with LC_ALL=C).

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class ValidatorUnavailable(RuntimeError):
    """Java or vnu.jar is missing."""


@dataclass(frozen=True)
class Message:
    name: str
    type: str  # "error", "info" or "non-document-error"
    message: str
    sub_type: str = ""
    line: int | None = None
    column: int | None = None
    extract: str = ""

    def __str__(self):
        where = f"{self.name}.html"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.extract:
            text += f"\n    {self.extract!r}"
        return text


@dataclass
class Result:
    errors: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def jar_path():
    return Path(os.environ.get("VNU_JAR") or DEFAULT_JAR)


def find_validator():
    """Return (java, jar) or raise ValidatorUnavailable saying how to install them."""
    java = shutil.which("java")
    jar = jar_path()
    problems = []
    if java is None:
        problems.append("no `java` on PATH (Debian: `sudo apt-get install default-jre-headless`)")
    if not jar.is_file():
        problems.append(f"no vnu.jar at {jar}")
    if problems:
        raise ValidatorUnavailable(
            "W3C Nu HTML Checker unavailable: "
            + "; ".join(problems)
            + ". Run `make test`, which installs it (needs npm and java), or set VNU_JAR."
        )
    return java, jar


def unavailable_reason():
    """None when the checker can run, else why it cannot (for pytest skip reasons)."""
    try:
        find_validator()
    except ValidatorUnavailable as exc:
        return str(exc)
    return None


def validate(documents: Mapping[str, str | bytes]) -> dict[str, Result]:
    """Check every document in one checker run; returns a Result per document name.

    Names become file names (NAME.html), so they must be simple: letters, digits, `._-`.
    Only Result.errors should fail a test; Result.warnings holds the checker's warnings.
    """
    java, jar = find_validator()
    for name in documents:
        if not _SAFE_NAME.match(name):
            raise ValueError(f"document name {name!r} must match {_SAFE_NAME.pattern}")
    results = {name: Result() for name in documents}
    if not documents:
        return results

    with tempfile.TemporaryDirectory(prefix="vnu-") as tmp:
        files = []
        by_file = {}
        for name, html in documents.items():
            path = Path(tmp) / f"{name}.html"
            path.write_bytes(html.encode() if isinstance(html, str) else html)
            files.append(str(path))
            by_file[path.name] = name
        command = [
            java,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            "--stdout",
            *files,
        ]
        proc = subprocess.run(  # noqa: S603 (fixed arguments: java, the jar, our temp files)
            command,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    if proc.returncode != 0:
        raise RuntimeError(
            f"vnu.jar failed (exit {proc.returncode}):\n{proc.stderr.strip() or proc.stdout}"
        )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"vnu.jar printed no JSON ({exc}):\n{proc.stdout[:2000]}{proc.stderr[:2000]}"
        ) from exc

    for raw in report.get("messages", []):
        file_name = raw.get("url", "").rsplit("/", 1)[-1]
        name = by_file.get(file_name)
        kind = raw.get("type", "")
        if name is None:
            # A message about no document we wrote (e.g. the checker's own I/O failure).
            raise RuntimeError(f"vnu.jar reported: {raw}")
        message = Message(
            name=name,
            type=kind,
            sub_type=raw.get("subType", ""),
            message=raw.get("message", ""),
            line=raw.get("lastLine", raw.get("firstLine")),
            column=raw.get("firstColumn"),
            extract=raw.get("extract", ""),
        )
        if kind in ("error", "non-document-error"):
            results[name].errors.append(message)
        elif kind == "info" and message.sub_type == "warning":
            results[name].warnings.append(message)
    return results


def describe(results: Mapping[str, Result], *, warnings=False) -> str:
    """One line (plus the extract) per error, or per warning with warnings=True."""
    lines = []
    for result in results.values():
        for message in result.warnings if warnings else result.errors:
            lines.append(str(message))
    return "\n".join(lines)
