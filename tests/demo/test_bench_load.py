"""The load bench refuses figures it did not measure: no completed request, error answers,
404s in the page weight, a static copy whitenoise does not serve at its true size; the
figure by type comes from the Content-Type, not the URL."""

import pytest

from demo.bench import load
from demo.bench.checks import BenchError, check_load, content_type, ratio, weigh

ORIGIN = "http://127.0.0.1:8123"


def answer(path, status=200, kind="text/html; charset=utf-8", body=1000, header=200):
    return {
        "url": ORIGIN + path,
        "status": status,
        "headers": {"content-type": kind} if kind else {},
        "body_bytes": body,
        "header_bytes": header,
    }


@pytest.mark.parametrize(
    ("requests", "non_2xx", "socket_errors", "message"),
    [
        (0, 0, 0, "no request completed"),
        (120, 120, 0, "120 of 120 answers were not 2xx"),
        (120, 1, 0, "1 of 120 answers were not 2xx"),
        (120, 0, 3, "3 requests failed at the socket"),
    ],
)
def test_a_run_with_nothing_or_errors_gives_no_figure(requests, non_2xx, socket_errors, message):
    with pytest.raises(BenchError, match=message):
        check_load("uncached page", requests, non_2xx, socket_errors, seconds=8)


def test_a_clean_run_passes_and_a_zero_ratio_is_refused():
    check_load("cached page", 5000, 0, 0)
    assert ratio("a / b", 10, 4) == 2.5
    with pytest.raises(BenchError, match="denominator is zero"):
        ratio("cached / uncached", 614.0, 0.0)


def test_wrk_output_is_read_exactly_and_a_cold_server_fails():
    output = "Running 8s test\nRESULT 0 8004000 0 0 0 0 0 0 16\n"
    assert load.parse_wrk(output) == (0, 8.004, 0.0, 0.0, 0, 16)
    with pytest.raises(BenchError, match="no request completed"):
        check_load("uncached page", *load.parse_wrk(output)[:1], 0, 0)
    with pytest.raises(BenchError, match="no result"):
        load.parse_wrk("unable to connect to 127.0.0.1:8123 Connection refused\n")


def test_page_weight_counts_2xx_by_content_type_not_by_url_suffix():
    weight = weigh(
        [
            answer("/"),
            answer("/static/css/site.4f2a.css", kind="text/css", body=4000),
            # a rendition without a suffix the URL could tell, and one whose suffix lies
            answer("/media/images/hero.2e16d0ba.fill-800x450", kind="image/avif", body=9000),
            answer("/media/images/logo.png", kind="image/webp", body=3000),
            answer("/static/js/site.js", kind="text/javascript", body=500),
            {**answer("/pixel"), "url": "data:image/png;base64,AAAA"},
            answer("/old-link/", status=301, kind="text/html", body=0),
        ],
        ORIGIN,
    )
    assert weight.requests == 5 and weight.redirects == 1
    assert weight.by_type == {
        "text/html": 1200,
        "text/css": 4200,
        "image/avif": 9200,
        "image/webp": 3200,
        "text/javascript": 700,
    }
    assert weight.total == sum(weight.by_type.values()) and weight.foreign == []


@pytest.mark.parametrize(
    "bad",
    [
        answer("/media/images/hero.fill-800x450.avif", status=404, kind="text/html"),
        answer("/media/images/hero.fill-800x450.avif", status=302, kind="text/html"),
        answer("/static/css/missing.css", status=404, kind="text/html"),
        answer("/favicon.ico", status=500),
        {**answer("/media/images/broken.avif"), "status": None, "headers": {}},
    ],
)
def test_page_weight_refuses_a_page_whose_requests_failed(bad):
    with pytest.raises(BenchError, match="requests failed"):
        weigh([answer("/"), bad], ORIGIN)


def test_content_type_without_parameters_and_in_any_case():
    assert content_type({"Content-Type": "Text/HTML; charset=utf-8"}) == "text/html"
    assert content_type({}) == "(none)"


def test_static_copy_replaces_stale_compressed_versions(tmp_path):
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "page-copy.html.gz").write_bytes(b"old")
    target = load.write_static_copy(tmp_path, b"<html>new</html>")
    assert target.read_bytes() == b"<html>new</html>"
    assert sorted(p.name for p in (tmp_path / "bench").iterdir()) == ["page-copy.html"]


def rush_figures(confirmed, waitlisted, failures=0):
    row = {"count": 20, "failures": failures, "p50": 20, "p95": 90, "p99": 120, "max": 130}
    return {
        "rows": {"All requests": row, "POST registration (anonymous)": row},
        "failures": "",
        "workers": 2,
        "logins": 3,
        "login_seconds": 1.0,
        "cpu_ms": 15.0,
        "cpu_app_ms": 12.0,
        "cpu_db_ms": 3.0,
        "cpu_seconds": 1.0,
        "confirmed": confirmed,
        "waitlisted": waitlisted,
        "registrations": confirmed + waitlisted,
    }


@pytest.mark.parametrize(
    ("confirmed", "waitlisted", "failures", "message"),
    [
        (11, 9, 0, "OVERBOOKED: 11 confirmed for 10 places"),
        (9, 11, 0, "expected 10 confirmed of 20 registrations"),
        (10, 9, 0, "expected 10 confirmed of 20 registrations"),
        (10, 10, 2, "the rush had 2 failed requests"),
    ],
)
def test_the_rush_report_fails_on_overbooking_lost_registrations_and_errors(
    confirmed, waitlisted, failures, message
):
    from demo.bench import rush

    plan = rush.Plan(visitors=60, registrants=20, places=10, cpu_posts=10)
    lines = []
    with pytest.raises(BenchError, match=message):
        rush.report(lines.append, plan, rush_figures(confirmed, waitlisted, failures))
    assert any(line.startswith("- Confirmed:") for line in lines)  # figures printed first


def test_the_rush_report_says_met_for_a_clean_run():
    from demo.bench import rush

    lines = []
    rush.report(
        lines.append, rush.Plan(registrants=20, places=10, cpu_posts=10), rush_figures(10, 10)
    )
    text = "\n".join(lines)
    assert "errors: 0 (target 0: met)" in text
    assert "Registration POST p99: 120 ms (target ≤ 1000 ms: met)" in text
    assert "App CPU per registration POST: 15.0 ms" in text and "≤ 20 ms: met" in text


def test_locust_statistics_are_summarised_with_its_percentiles():
    from demo.bench import rush

    entries = [
        {"name": "GET event page", "num_requests": 100, "num_failures": 0,
         "max_response_time": 950.2, "response_times": {"10": 90, "200": 9, "950": 1}},
        {"name": "POST registration (anonymous)", "num_requests": 10, "num_failures": 1,
         "max_response_time": 1400.0, "response_times": {"300": 9, "1400": 1}},
    ]  # fmt: skip
    rows = rush.summarise(entries)
    assert rows["GET event page"] == {
        "count": 100, "failures": 0, "p50": 10, "p95": 200, "p99": 950, "max": 950.2
    }  # fmt: skip
    assert rows["POST registration (anonymous)"]["p99"] == 1400
    assert rows["All requests"]["count"] == 110 and rows["All requests"]["failures"] == 1
    assert rows["All requests"]["max"] == 1400.0


def test_the_comparison_says_how_to_set_it_up_without_bakerydemo(monkeypatch):
    from demo.bench import compare

    monkeypatch.delenv("BAKERYDEMO_URL", raising=False)
    lines = []
    compare.run(lines.append)
    assert "BAKERYDEMO_URL is not set" in "\n".join(lines) and "docs/bench.md" in lines[-1]
    monkeypatch.setenv("BAKERYDEMO_URL", "http://127.0.0.1:18000")
    monkeypatch.delenv("BAKERYDEMO_PIDFILE", raising=False)
    with pytest.raises(BenchError, match="set BAKERYDEMO_PIDFILE and BAKERYDEMO_DB"):
        compare.run(lines.append)


def test_the_comparison_reports_ratios_per_round_against_the_targets():
    from demo.bench import compare

    def row(name, round_, cpu):
        return {"round": round_, "name": name, "per_second": 10.0, "p50": 100.0, "cpu": cpu,
                "app": cpu * 0.8, "db": cpu * 0.2, "load": 3.0}  # fmt: skip

    rows = []
    for round_, (home, article, event) in enumerate([(15, 30, 20), (18, 35, 22), (25, 32, 21)], 1):
        rows += [row("P home", round_, home), row("P news article", round_, article),
                 row("P event", round_, event), row("P news index", round_, 40),
                 row("P calendar", round_, 45), row("B home", round_, 100),
                 row("B blog page", round_, 100), row("B blog index", round_, 80)]  # fmt: skip
    paths = {r["name"]: "/" for r in rows[:8]}
    lines = []
    compare.report(lines.append, rows, paths, 3, "portal 5, bakerydemo 5")
    text = "\n".join(lines)
    assert (
        "| home / home | 0.18 [0.15–0.25] | ≤ 0.2 | MET in the median, MISSED in a round |" in text
    )
    assert "| news article / blog page | 0.32 [0.30–0.35] | ≤ 0.2 | MISSED |" in text
    assert "| event / blog page | 0.21 [0.20–0.22] | ≤ 0.2 | MISSED |" in text
    assert "| calendar / blog index | 0.56 [0.56–0.56] | — |  |" in text
