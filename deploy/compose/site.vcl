# compose.yaml's part of the Varnish configuration, in place of deploy/varnish/site.vcl
# (mounted as /etc/varnish/site.vcl beside deploy/varnish/default.vcl, which includes it).
#
# The app servers are the replicas of the compose service "app": however many
# `docker compose up --scale app=N` starts, Docker's DNS answers "app" with all of their
# addresses. A plain `backend { .host = "app"; }` would refuse to compile as soon as the
# name has more than one address, so the backends come from vmod_dynamic (part of the
# official varnish image): it resolves "app" again every 10 s and balances round-robin
# over every address it finds, each with the probe below.

import dynamic;

# Liveness: a replica whose process answers. /readyz/ is not used here: every replica
# shares the same database, Redis and bucket, so their outage would mark all replicas sick
# at once; Varnish then serves what it has in grace (default.vcl) and answers misses with 503.
probe healthz {
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: localhost"  # in ALLOWED_HOSTS (compose.yaml keeps localhost in it)
        "User-Agent: varnish-probe"
        "Connection: close";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;  # a replica found by a new lookup counts as healthy at once
}

# Who may send PURGE: the app replicas, somewhere on compose's backend network.
acl purgers {
    "172.30.118.0"/24;
}

sub vcl_init {
    new app_replicas = dynamic.director(
        port = "8000",
        probe = healthz,
        ttl = 10s,
        connect_timeout = 2s,
        first_byte_timeout = 60s,
        between_bytes_timeout = 30s);
    # default.vcl asks the director `app` for a backend.
    new app = directors.round_robin();
    app.add_backend(app_replicas.backend("app"));
}
