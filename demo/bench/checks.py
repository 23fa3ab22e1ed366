"""The benchmarks' rule: a step that measured nothing, or measured errors, fails loudly
instead of printing a figure (a rate of zero requests, a page weight made of 404 pages)."""

from dataclasses import dataclass, field


class BenchError(RuntimeError):
    """A measurement that cannot be trusted; the message says why."""


def check_load(label, requests, non_2xx=0, socket_errors=0, seconds=None):
    """Refuse a load run that completed no request or got any error answer."""
    if requests <= 0:
        within = f" in {seconds} s" if seconds else ""
        raise BenchError(
            f"{label}: no request completed{within} (cold or stuck workers?); no figure"
        )
    if non_2xx or socket_errors:
        raise BenchError(
            f"{label}: {non_2xx} of {requests} answers were not 2xx and {socket_errors} "
            "requests failed at the socket (connect/read/write/timeout); no figure"
        )


def ratio(label, numerator, denominator):
    if not denominator:
        raise BenchError(f"{label}: the denominator is zero; no ratio")
    return numerator / denominator


@dataclass
class Weight:
    total: int = 0  # bytes (bodies + headers) of the 2xx answers
    requests: int = 0
    by_type: dict = field(default_factory=dict)  # Content-Type -> bytes
    foreign: list = field(default_factory=list)  # URLs of other origins
    redirects: int = 0  # 3xx answers, not counted


def content_type(headers):
    """The media type of a response, from its Content-Type header ("text/html")."""
    value = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    return value.split(";", 1)[0].strip().lower() or "(none)"


def weigh(responses, origin):
    """Add up what a browser loaded: `responses` are dicts with url, status (None for a
    request that failed), headers, body and header bytes. Only 2xx answers count; any
    failed request or 4xx/5xx answer, and an image or media request that is not 2xx,
    makes the figure wrong and raises."""
    weight = Weight()
    bad = []
    for response in responses:
        url, status = response["url"], response["status"]
        if url.startswith("data:"):
            continue
        kind = content_type(response["headers"])
        media = "/media/" in url or kind.startswith(("image/", "video/", "audio/", "font/"))
        if status is None or status >= 400 or (media and not 200 <= status < 300):
            bad.append(f"{url} ({status or 'failed'})")
            continue
        if not 200 <= status < 300:
            weight.redirects += 1
            continue
        size = response["body_bytes"] + response["header_bytes"]
        weight.total += size
        weight.requests += 1
        weight.by_type[kind] = weight.by_type.get(kind, 0) + size
        if not url.startswith(origin):
            weight.foreign.append(url)
    if bad:
        raise BenchError(f"page weight: requests failed, the figure would be wrong: {bad}")
    if not weight.requests:
        raise BenchError("page weight: no request answered 2xx; no figure")
    return weight
