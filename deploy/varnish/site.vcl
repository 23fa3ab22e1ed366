# The part of the Varnish configuration that differs per installation: the app servers,
# their health probe, and who may purge. Included by default.vcl (keep both files in one
# folder, e.g. /etc/varnish/). The tests write their own copy of this file with the ports
# of the gunicorn servers they start (tests/deploy/conftest.py).
#
# CHANGE: one `backend` per app server (gunicorn, GUNICORN_BIND) and one `add_backend`
# line per backend in vcl_init; the Host of the probe must be one of the app's
# ALLOWED_HOSTS (Django answers any other with 400, and the backend would count as sick).

probe healthz {
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: localhost"  # CHANGE: a name in ALLOWED_HOSTS, e.g. portal.example.org
        "User-Agent: varnish-probe"
        "Connection: close";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# Who may send PURGE: the app servers (they purge after an editor's change). Add the
# addresses of app servers on other hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}
