"""The visitors of the registration rush (`make rush`, demo/bench/rush.py starts locust with
this file; no Django here, only HTTP).

Every visitor opens the event page once. Every (RUSH_VISITORS / RUSH_REGISTRANTS)-th one
then opens the registration form, takes RUSH_THINK_SECONDS (random, "min,max") to fill it
in and sends it; every third registrant is a member logged in beforehand through the real
log-in form (their session and CSRF cookies come from RUSH_SESSIONS, a JSON file written
by rush.py). Each visitor has an address of its own (X-Forwarded-For from the trusted
proxy, as nginx sends it), so the per-address rate limit sees distinct people. When every
visitor is done, locust stops; a visitor who is done stays idle until then.

An answer counts as a failure unless it is a 200 with what the visitor came for: the
page, the form, the thank-you page (a form that came back means the registration was
refused or invalid).
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

import gevent
from locust import HttpUser, constant, events, task

EVENT_PATH = os.environ.get("RUSH_EVENT_PATH", "/")
VISITORS = int(os.environ.get("RUSH_VISITORS", "1"))
REGISTRANTS = int(os.environ.get("RUSH_REGISTRANTS", "0"))
THINK = [float(x) for x in os.environ.get("RUSH_THINK_SECONDS", "2,8").split(",")]
SESSIONS = (
    json.loads(Path(os.environ["RUSH_SESSIONS"]).read_text())
    if os.environ.get("RUSH_SESSIONS")
    else []
)
EVERY = max(1, VISITORS // REGISTRANTS) if REGISTRANTS else 0
FORM_MARKER = 'name="consent"'  # the registration form's consent box

numbers = itertools.count()
finished = itertools.count(1)


def form_token(html):
    """The CSRF token of the form a logged-in member got (Django's hidden field)."""
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else None


def address(n):
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


class Visitor(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.done = False
        self.number = next(numbers)
        registrant = bool(EVERY) and self.number % EVERY == 0 and self.number // EVERY < REGISTRANTS
        self.registrant = self.number // EVERY if registrant else None
        self.member = None
        if self.registrant is not None and self.registrant % 3 == 0:
            index = self.registrant // 3
            if index < len(SESSIONS):
                self.member = SESSIONS[index]
                for name in ("sessionid", "csrftoken"):
                    self.client.cookies.set(name, self.member[name])
        self.client.headers.update(
            {"X-Forwarded-For": address(self.number), "Origin": self.host.rstrip("/")}
        )

    def get(self, path, name, marker):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif marker not in response.text:
                response.failure(f"no {marker!r} in the answer")
            else:
                response.success()
            return response.text or ""

    @task
    def visit(self):
        """Once per visitor; then it stays idle (a stopped user would be replaced by a
        new one, and there would be more visitors than asked for)."""
        if self.done:
            gevent.sleep(1)
            return
        self.done = True
        self.get(EVENT_PATH, "GET event page", "</html>")
        if self.registrant is not None:
            self.register()
        # Counted only when done: a visitor cut off by the run-time limit is not.
        if next(finished) >= VISITORS:
            gevent.spawn(self.environment.runner.quit)

    def register(self):
        form = EVENT_PATH + "anmeldung/"
        html = self.get(form, "GET registration form", FORM_MARKER)
        gevent.sleep(random.uniform(*THINK))  # noqa: S311 (think time, not a secret)
        n = self.registrant
        data = {"name": f"Rush Person {n}", "email": f"rush-{n}@example.org", "consent": "on"}
        if self.member:
            data.update(
                name=self.member["name"],
                email=self.member["email"],
                csrfmiddlewaretoken=form_token(html) or self.member["csrftoken"],
            )
        kind = "member" if self.member else "anonymous"
        with self.client.post(
            form, data=data, name=f"POST registration ({kind})", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif FORM_MARKER in response.text:
                response.failure("the form came back: refused or invalid")
            else:
                response.success()


@events.quitting.add_listener
def _report_unfinished(environment, **kwargs):
    done = next(finished) - 1
    if done < VISITORS:
        environment.process_exit_code = 1
        print(f"RUSH UNFINISHED {done} of {VISITORS} visitors done")
