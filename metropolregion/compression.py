"""gzip for the app's own responses: pages, feeds, sitemaps, JSON.

`GZipMiddleware` is Django's, for rendered responses only. Streamed files (documents,
uploads in development, spreadsheet exports) go out as they are: mostly compressed
already (PDF, AVIF, ZIP, DOCX), and gzip would cost the worker CPU time and drop their
Content-Length. Static files never reach it (whitenoise above it serves their .gz/.br).

Its place in settings.MIDDLEWARE, above the page cache: the cache stores and serves the
plain body with its strong ETag; gzip compresses hits and misses alike, adds
`Vary: Accept-Encoding` and makes the ETag weak (W/"…"), which the cache's If-None-Match
check still matches, so a 304 stays a 304. A 304 carries the ETag and Vary the 200 would
have had (RFC 9110, 15.4.5): weak for a client that takes gzip.

BREACH (reading a secret out of a compressed body by its length, with guesses the attacker
gets echoed into the same body, such as a search term):
- The CSRF token. Pages for anonymous visitors carry none (`{% page_form_csrf %}` renders
  it for logged-in people only). Where one is in the body (log-in and password-reset
  forms, members' pages, the admin) Django never sends the secret itself: get_token()
  masks it with a fresh random mask on every call, so its bytes differ in every response
  and there is nothing constant to guess.
- Data bound to a session (a member's registrations, what the admin lists): the session
  id is only in the cookie, never in a body, and the cookie is SameSite=Lax, so the
  background requests another site makes come without it and get the anonymous page;
  the admin cannot be framed (X-Frame-Options DENY).
- Django pads every gzip body with 0-100 random bytes ("Heal the Breach"), which
  multiplies the requests any length measurement needs.
"""

from django.middleware import gzip
from django.utils.cache import patch_vary_headers


class GZipMiddleware(gzip.GZipMiddleware):
    """Django's GZipMiddleware for rendered (not streamed) responses."""

    def process_response(self, request, response):
        if response.streaming:
            return response
        if response.status_code == 304:
            return self.not_modified(request, response)
        return super().process_response(request, response)

    def not_modified(self, request, response):
        patch_vary_headers(response, ("Accept-Encoding",))
        etag = response.get("ETag", "")
        accepts = gzip.re_accepts_gzip.search(request.headers.get("Accept-Encoding", ""))
        if accepts and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        return response
