"""The measurements of `make bench` besides the in-process table of the `bench` command:
the load test under gunicorn (load.py) and the registration race on PostgreSQL
(registrations.py)."""
