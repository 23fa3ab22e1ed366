# Varnish 7.1 (Debian's package) in front of the portal's app servers:
#
#     nginx (TLS, :443) -> Varnish (:6081) -> gunicorn app servers (:8000, …)
#
# Install: copy this file and site.vcl into /etc/varnish/, edit site.vcl (backends, the
# probe's Host, the purge ACL), check with `varnishd -C -f /etc/varnish/default.vcl`.
# docs/http-cache.md explains the whole set-up; the tests in tests/deploy/ run this file
# against a real varnishd.
#
# The contract between the app and this cache
# -------------------------------------------
# Varnish shares exactly what the app's own page cache (metropolregion/cache.py) would
# share, by the same rules, and is told about changes the same way:
# - Only anonymous GET/HEAD requests are looked up: a request with the session cookie
#   (sessionid) or the CSRF cookie (csrftoken: somebody filled in a form with a token)
#   goes to the app, and so does every path that is never shared (below). All other
#   cookies (analytics and the like) are dropped: the app ignores them too.
# - A response is stored only when the app said nothing against sharing it: status 200,
#   301, 404 or 410; no Set-Cookie (a CSRF token or a message for this visitor always
#   comes with one); Cache-Control without `private` or `no-store`; no `Vary: *`.
#   Everything else is "hit-for-miss": the next request goes to the app again.
# - `Cache-Control: no-cache` + ETag (what the app sends for a page its cache stored) is
#   meant for browsers: they ask again every time and get a 304 from Varnish. Varnish
#   itself keeps the page until it is purged: the app purges every URL a change affects
#   after the change commits (metropolregion/dependencies.py, metropolregion/purge.py).
# - How long: `Surrogate-Control: max-age=N` or `Cache-Control: s-maxage=N` from the app
#   wins where sent; otherwise pages are kept 5 minutes (the app cache's
#   PAGE_CACHE_SECONDS: time changes pages too, e.g. an event that has ended leaves the
#   upcoming lists), 404/410 1 minute, /static/ a year when whitenoise marks the file
#   immutable (hashed names), else an hour.
# - `Vary: Cookie`/`Accept-Language` from the app only say that it looked at the session
#   and the language header; for an anonymous request the page is the same for everyone
#   (the language is in the path), so only `Vary: Accept-Encoding` is kept.
# - Grace: when the app servers are healthy, a page up to 10 s past its time is delivered
#   while a fresh one is fetched; when all are sick (probe on /healthz/), pages up to 6 h
#   old are delivered instead of an error.
#
# Purging (only from the `purgers` ACL in site.vcl; anyone else gets 403)
# - PURGE /path/            drops /path/ and all its query variants (?page=2, ?thema=…).
# - PURGE /path/*           drops every URL that starts with /path/ (a page and the pages
#                           below it; a list's archive routes such as /path/archiv/2024/).
# - PURGE /*                drops everything (a change that shows on every page: menus,
#                           footer, settings, snippets, images).
# The host of a PURGE is not compared: all host names of the site are dropped together.
# Bans are "lurker-friendly" (they test only obj.* headers), so the ban lurker removes the
# objects in the background and the ban list stays short.
#
# Response header X-Cache: HIT (from Varnish), MISS (fetched and maybe stored) or PASS (never
# looked up). Age: seconds the object has been in Varnish.

vcl 4.1;

import directors;
import std;

# Backends, probe, director `app` and the `purgers` ACL (per installation).
include "./site.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();
    unset req.http.X-Cache-Pass;

    if (req.method == "PURGE") {
        call purge_request;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Static files and media: the same for everybody, cookies or not.
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
        return (hash);
    }
    # Never shared (the app's PAGE_CACHE_EXCLUDE, plus the readiness check).
    if (req.url ~ "^/(admin|documents|_util|healthz|readyz)(/|\?|$)"
        || req.url ~ "^/(en/)?(konto|suche)(/|\?|$)") {
        return (pass);
    }
    # Somebody logged in, or a form with a CSRF token on its way.
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|csrftoken)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Long URLs (fuzzers, tracking junk) are not stored, as in the app's cache.
    if (req.url ~ "^.{1025}") {
        return (pass);
    }
    # Analytics cookies and the like: the app ignores them, so does the cache.
    unset req.http.Cookie;
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub purge_request {
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (req.url == "/*") {
        ban("obj.http.x-url ~ ^/");
        return (synth(200, "Banned everything"));
    }
    if (req.url ~ "\*$") {
        # The prefix as a regular expression: its special characters escaped.
        set req.http.X-Ban-Prefix = regsuball(
            regsub(req.url, "\*$", ""), "([][.+?^$(){}|\\*])", "\\\1");
        ban("obj.http.x-url ~ ^" + req.http.X-Ban-Prefix);
        return (synth(200, "Banned prefix"));
    }
    ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
    return (synth(200, "Purged"));
}

sub vcl_hash {
    # http and https are different pages (the app redirects one to the other).
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_pass {
    set req.http.X-Cache-Pass = "1";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache-Pass;
}

sub vcl_backend_response {
    # For the bans (purges): the URL with and without the query string.
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store)"
        || beresp.http.Surrogate-Control ~ "(?i)no-store"
        || beresp.http.Vary ~ "\*"
        || (beresp.status != 200 && beresp.status != 301
            && beresp.status != 404 && beresp.status != 410)) {
        # Hit-for-miss: not shared; the next request goes to the app again.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.grace = 6h;
    if (bereq.url ~ "^/(static|media)/") {
        unset beresp.http.Set-Cookie;
        if (beresp.http.Cache-Control ~ "immutable") {
            set beresp.ttl = 365d;
        } else {
            set beresp.ttl = 1h;
        }
    } elsif (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"), 0s);
    } elsif (beresp.http.Cache-Control ~ "s-maxage=[0-9]+") {
        # Varnish already took its TTL from s-maxage.
    } elsif (beresp.status == 404 || beresp.status == 410) {
        set beresp.ttl = 60s;
    } else {
        set beresp.ttl = 300s;
    }
    unset beresp.http.Surrogate-Control;
    if (beresp.http.Vary ~ "(?i)accept-encoding") {
        set beresp.http.Vary = "Accept-Encoding";
    } else {
        unset beresp.http.Vary;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-path;
    if (req.http.X-Cache-Pass) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
