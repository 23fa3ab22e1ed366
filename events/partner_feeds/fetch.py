"""Download a partner's feed, guarded: only http(s), only public addresses, a timeout and
a size limit.

How requests are kept away from internal addresses (SSRF):
- the address must be http or https, with a host name and without a login;
- the host name is resolved once here; if ANY of its addresses is not a public one
  (private, loopback, link-local, shared, reserved, multicast: `ip.is_global` is false),
  the request is refused;
- the connection goes to the address that was checked (the host name only travels in the
  Host header and in TLS SNI/certificate check), so a second DNS answer cannot swap in an
  internal address between check and connect;
- redirects are not followed by the HTTP library: each `Location` (at most
  PARTNER_FEEDS_MAX_REDIRECTS) goes through the same check before it is requested.
PARTNER_FEEDS_ALLOWED_PRIVATE_HOSTS names host names that may resolve to private addresses
(empty by default; the tests' local server, an intranet partner). Every failure is a
`FetchError` with a message for the editors' import log.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = (
    "Metropolregion-Portal Partnerkalender (+https://www.metropolregion-mitteldeutschland.de)"
)


class FetchError(Exception):
    """The feed could not be fetched; `str(error)` says why, for editors."""


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    text: str


def timeout_seconds():
    return getattr(settings, "PARTNER_FEEDS_TIMEOUT", 15)


def max_bytes():
    return getattr(settings, "PARTNER_FEEDS_MAX_BYTES", 5 * 1024 * 1024)


def max_redirects():
    return getattr(settings, "PARTNER_FEEDS_MAX_REDIRECTS", 3)


def allowed_private_hosts():
    return {host.lower() for host in getattr(settings, "PARTNER_FEEDS_ALLOWED_PRIVATE_HOSTS", [])}


def megabytes(size):
    return f"{size / 1024 / 1024:.0f}"


def check_url(url):
    """(scheme, host, port, address) of an address that may be requested; else FetchError."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(_("Only http and https addresses can be imported: %(url)s") % {"url": url})
    if not parts.hostname or parts.username or parts.password:
        raise FetchError(_("The address has no valid host name: %(url)s") % {"url": url})
    host = parts.hostname.lower()
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(_("The address has no valid port: %(url)s") % {"url": url}) from error
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            _("The feed cannot be reached: the host %(host)s is unknown.") % {"host": host}
        ) from error
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    private = [str(a) for a in addresses if not a.is_global or a.is_multicast]
    if private and host not in allowed_private_hosts():
        raise FetchError(
            _(
                "Refused: %(host)s leads to an internal address (%(address)s). Only public "
                "addresses on the internet are imported."
            )
            % {"host": host, "address": private[0]}
        )
    # IPv4 first: a host without an IPv6 route still answers.
    return scheme, host, port, str(sorted(addresses, key=lambda a: a.version)[0])


def _request(url, target):
    scheme, host, port, address = target
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = 443 if scheme == "https" else 80
    headers = {
        "Host": host if port == default_port else f"{host}:{port}",
        "User-Agent": USER_AGENT,
        "Accept": "text/calendar, text/plain;q=0.5, */*;q=0.1",
    }
    timeout = urllib3.Timeout(connect=timeout_seconds(), read=timeout_seconds())
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    return pool.urlopen(
        "GET",
        path,
        headers=headers,
        redirect=False,
        retries=False,
        preload_content=False,
        decode_content=True,
        assert_same_host=False,
    )


def _read(response, deadline):
    """The body, at most max_bytes(), read before `deadline` (monotonic seconds)."""
    limit = max_bytes()
    too_large = FetchError(
        _("The feed is larger than %(size)s MB and was not imported.") % {"size": megabytes(limit)}
    )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    for chunk in response.stream(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise too_large
        if time.monotonic() > deadline:
            raise urllib3.exceptions.ReadTimeoutError(None, None, "deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body, content_type):
    charset = "utf-8"
    for part in content_type.split(";")[1:]:
        name, _sep, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip('"')
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    return text.lstrip("\ufeff")


def fetch(url):
    """The feed at `url` (following up to max_redirects() checked redirects)."""
    deadline = time.monotonic() + 3 * timeout_seconds()
    for _hop in range(max_redirects() + 1):
        target = check_url(url)
        response = None
        try:
            response = _request(url, target)
            if response.status in REDIRECTS:
                location = response.headers.get("Location", "")
                if not location:
                    raise FetchError(_("The feed redirects without saying where to."))
                url = urljoin(url, location)
                continue
            if response.status >= 400:
                raise FetchError(
                    _("The feed answers with the error %(status)s.") % {"status": response.status}
                )
            body = _read(response, deadline)
            content_type = response.headers.get("Content-Type", "")
            return Fetched(url=url, content_type=content_type, text=_decode(body, content_type))
        except urllib3.exceptions.NewConnectionError as error:  # (a ConnectTimeoutError too)
            raise FetchError(
                _("The feed cannot be reached: %(host)s does not answer.") % {"host": target[1]}
            ) from error
        except urllib3.exceptions.TimeoutError as error:
            raise FetchError(
                _("The feed did not answer within %(seconds)s seconds.")
                % {"seconds": timeout_seconds()}
            ) from error
        except urllib3.exceptions.SSLError as error:
            raise FetchError(
                _("The feed's secure connection failed (certificate): %(host)s")
                % {"host": target[1]}
            ) from error
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise FetchError(
                _("The feed cannot be reached: %(host)s does not answer.") % {"host": target[1]}
            ) from error
        finally:
            if response is not None:
                response.release_conn()
    raise FetchError(
        _("The feed redirects more than %(count)s times.") % {"count": max_redirects()}
    )
