"""HTTP clients of the rush (demo/bench/rush.py) besides locust: members log in through
the real log-in form, and the bounded batch of registration POSTs whose server CPU is
measured. Plain http.client with one keep-alive connection per thread; the production
settings mark cookies Secure, so their values are read from Set-Cookie and sent back by
hand over the loopback's plain HTTP."""

import http.client
import threading
from urllib.parse import urlencode, urlsplit

from demo.bench.checks import BenchError
from demo.bench.proc import timed_threads

FORM_MARKER = 'name="consent"'  # the registration form's consent box: the form came back


def cookie_values(response_headers):
    values = {}
    for header, value in response_headers:
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            values[name.strip()] = rest.split(";", 1)[0]
    return values


def log_in(base, user, password, number):
    """Log `user` in through /konto/anmelden/: its session and CSRF cookie values."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    forwarded = {"X-Forwarded-For": f"10.250.{number // 256}.{number % 256}"}
    try:
        conn.request("GET", "/konto/anmelden/", headers=forwarded)
        response = conn.getresponse()
        html = response.read().decode()
        csrf = cookie_values(response.getheaders()).get("csrftoken")
        token = html.split('name="csrfmiddlewaretoken" value="', 1)[-1].split('"', 1)[0]
        if response.status != 200 or not csrf:
            raise BenchError(f"log-in form answered {response.status} without a CSRF cookie")
        body = urlencode(
            {"username": user.username, "password": password, "csrfmiddlewaretoken": token}
        )
        conn.request(
            "POST",
            "/konto/anmelden/",
            body=body,
            headers={
                **forwarded,
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={csrf}",
                "Origin": base,
                "Referer": base + "/konto/anmelden/",
            },
        )
        response = conn.getresponse()
        response.read()
        cookies = cookie_values(response.getheaders())
    finally:
        conn.close()
    if response.status != 302 or "sessionid" not in cookies:
        raise BenchError(f"log-in of {user.username} answered {response.status}, no session")
    return {
        "sessionid": cookies["sessionid"],
        "csrftoken": cookies.get("csrftoken", csrf),
        "name": user.get_full_name(),
        "email": user.email,
    }


def parallel(function, items, concurrency):
    """[function(item) …] in `concurrency` threads; the first exception is raised."""
    results, errors, lock, queue = [None] * len(items), [], threading.Lock(), list(enumerate(items))

    def worker():
        while True:
            with lock:
                if not queue or errors:
                    return
                index, item = queue.pop()
            try:
                results[index] = function(index, item)
            except Exception as error:
                with lock:
                    errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def post_batch(base, path, count, concurrency, first):
    """`count` anonymous registration POSTs; returns the seconds taken; raises on any
    answer that is not the thank-you page."""
    parts = urlsplit(base)
    numbers, bad, lock = list(range(first, first + count)), [], threading.Lock()

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        while True:
            with lock:
                if not numbers:
                    break
                n = numbers.pop()
            body = urlencode({"name": f"CPU {n}", "email": f"cpu-{n}@example.org", "consent": "on"})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": base,
                "X-Forwarded-For": f"10.251.{n // 256 % 256}.{n % 256}",
            }
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            html = response.read().decode()
            if response.status != 200 or FORM_MARKER in html:
                with lock:
                    bad.append(response.status)
        conn.close()

    elapsed = timed_threads(client, concurrency)
    if bad:
        raise BenchError(f"CPU phase: {len(bad)} registration POSTs failed ({bad[:5]})")
    return elapsed
