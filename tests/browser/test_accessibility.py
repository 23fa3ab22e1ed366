"""Accessibility of every page type in one place (WCAG 2.1 AA / BITV 2.0).

- axe-core finds nothing, of any impact, on one page of every type at 375 px and 1280 px,
  including the forms in their error state and after a successful submit;
- reflow (WCAG 1.4.10): at 320 CSS px (1280 px at 400 %) and 640 px (200 %) no page scrolls
  sideways and nothing is cut off;
- keyboard: the skip link comes first and moves focus to the main content, every
  focusable element shows a focus indicator, the main menu (also the phone menu) and the
  gallery lightbox work with the keyboard alone, no focus trap keeps anyone from the footer;
- `prefers-reduced-motion: reduce` turns off transitions, animations and smooth scrolling;
- privacy: every request a page makes stays on the site's own origin, and no page sets a
  cookie but the log-in and password-reset forms (Django's CSRF cookie).

Each page type is loaded once and checked at every width by resizing the window.

The per-app browser tests go deeper into each flow; this suite is the list of page types.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session

from events import registration as rules
from metropolregion import clock

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

EVENT_WITH_REGISTRATION = "/termine/netzwerktreffen-wasserstoff-mittelstand/"
GALLERY = "/galerien/5-mitteldeutscher-wasserstoffkongress/"
FEEDBACK = "/barrierefreiheit/"


def submit_empty(form_selector):
    """An action that sends a form empty (the server answers with its error summary)."""

    def act(page):
        page.locator(f"{form_selector} button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("#form-errors").is_visible(), "no error summary shown"

    return act


def month_url():
    today = clock.today()
    return f"/termine/monat/{today.year}/{today.month}/"


# One page of every type: name → (path, action after loading or None).
PAGES = {
    "home": ("/", None),
    "standard": ("/ueber-uns/", None),
    "leichte-sprache": ("/leichte-sprache/", None),
    "member-directory": ("/mitglieder/", None),
    "feedback-form": (FEEDBACK, None),
    "feedback-form-errors": (FEEDBACK, submit_empty("form.feedback-form")),
    "project-index": ("/projekte/", None),
    "project": ("/projekte/unternehmen-revier/", None),
    "working-group-index": ("/arbeitsgruppen/", None),
    "working-group": ("/arbeitsgruppen/wasserstoff-und-energie/", None),
    "news-index": ("/news/", None),
    "news-article": ("/news/staatssekretaer-ude-besucht-revierpionier-projekte/", None),
    "gallery-index": ("/galerien/", None),
    "gallery": (GALLERY, None),
    "event-index": ("/termine/", None),
    "event-archive": ("/termine/archiv/", None),
    "month-view": (month_url, None),
    "event": ("/termine/5-mitteldeutscher-wasserstoffkongress/", None),
    "search-results": ("/suche/?q=Wasserstoff", None),
    "registration-form": (EVENT_WITH_REGISTRATION + "anmeldung/", None),
    "registration-errors": (
        EVENT_WITH_REGISTRATION + "anmeldung/",
        submit_empty("form.registration-form"),
    ),
    "member-login": ("/konto/anmelden/", None),
    "member-login-errors": ("/konto/anmelden/", submit_empty("form.account-form")),
    "password-reset": ("/konto/passwort-vergessen/", None),
    "not-found": ("/gibt-es-nicht/", None),
    # The English tree (issue 16): each page type that has a translation in the demo.
    "en-home": ("/en/", None),
    "en-standard": ("/en/about/", None),
    "en-project-index": ("/en/projects/", None),
    "en-project": ("/en/projects/unternehmen-revier/", None),
    "en-working-group": ("/en/working-groups/hydrogen-and-energy/", None),
    "en-news-index": ("/en/news/", None),
    "en-news-article": ("/en/news/state-secretary-ude-visits-revierpionier-projects/", None),
    "en-gallery": ("/en/galleries/5th-central-german-hydrogen-congress/", None),
    "en-event-index": ("/en/events/", None),
    "en-event": ("/en/events/hydrogen-network-meeting-smes/", None),
    "en-search-results": ("/en/suche/?q=hydrogen", None),
    "en-registration-errors": (
        "/en/events/hydrogen-network-meeting-smes/anmeldung/",
        submit_empty("form.registration-form"),
    ),
    "en-feedback-form": ("/en/accessibility/", None),
}
AXE_WIDTHS = [375, 1280]
REFLOW_WIDTHS = [320, 640]  # 1280 px at 400 % and at 200 % zoom


def size(width):
    return {"width": width, "height": 800 if width < 700 else 900}


def open_page(page, demo_site, name):
    path, action = PAGES[name]
    path = path() if callable(path) else path
    response = page.goto(demo_site + path)
    assert response.status == (404 if name == "not-found" else 200), path
    if action:
        action(page)


def show_everything(page):
    """Scroll once through the page so that lazy images load before axe looks."""
    page.mouse.wheel(0, 30000)
    page.wait_for_load_state("networkidle")


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


# Elements that are off-screen or clipped on purpose: the skip link until it is focused,
# text for screen readers only, the honeypot field people never see.
OVERFLOW_SCRIPT = """() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const hidden = (el) => el.closest('.skip-link, .visually-hidden, [aria-hidden=true], '
        + '.form-field--trap, template, dialog:not([open])');
    const cut = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (hidden(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width < 2 || box.height < 2) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const label = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
        if (box.right > width + 1 || box.left < -1) {
            cut.push(label + ' spans ' + Math.round(box.left) + '…' + Math.round(box.right));
        } else if (['hidden', 'clip'].includes(style.overflowX)
                   && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'HTML'
                   && el.tagName !== 'BODY') {
            cut.push(label + ' clips ' + el.scrollWidth + ' > ' + el.clientWidth);
        }
    }
    return {scrollWidth: doc.scrollWidth, clientWidth: width, cut: cut.slice(0, 10)};
}"""


_warmed = set()


@pytest.fixture
def demo_site(demo_site):
    """The demo site with every page type rendered once before the browser starts, so
    that the image renditions exist before Chromium asks (made on first render; AVIF is
    slow to make)."""
    from django.test import Client

    from tests.conftest import demo

    if id(demo.row_counts) not in _warmed:  # once per loaded demo
        client = Client()
        for path, _action in PAGES.values():
            client.get(path() if callable(path) else path)
        _warmed.add(id(demo.row_counts))
    return demo_site


def check_at_every_width(page):
    """axe at the phone and desktop widths, reflow at 200 % and 400 % zoom: one page load,
    resized (media queries apply on resize as on load)."""
    for width in AXE_WIDTHS:
        page.set_viewport_size(size(width))
        assert_accessible(page)
    for width in REFLOW_WIDTHS:
        page.set_viewport_size(size(width))
        result = page.evaluate(OVERFLOW_SCRIPT)
        assert result["scrollWidth"] <= result["clientWidth"], (width, result)
        assert result["cut"] == [], (width, result["cut"])


# Forms that set Django's CSRF cookie, which they strictly need; reading pages and the
# forms on pages (registration, feedback: see metropolregion.cache) set none.
FORMS_WITH_CSRF_COOKIE = {"member-login", "member-login-errors", "password-reset"}


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_is_accessible_reflows_and_stays_private(demo_site, page, context, name):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(size(AXE_WIDTHS[-1]))
    open_page(page, demo_site, name)
    show_everything(page)

    # Privacy: every request on the site's own origin; no cookie but a form's CSRF cookie.
    own = urlsplit(demo_site)[:2]
    foreign = [u for u in requested if not u.startswith("data:") and urlsplit(u)[:2] != own]
    assert foreign == []
    assert len(requested) >= 2  # the page and at least its stylesheet
    cookies = sorted(cookie["name"] for cookie in context.cookies())
    assert cookies == (["csrftoken"] if name in FORMS_WITH_CSRF_COOKIE else [])

    check_at_every_width(page)


@pytest.fixture
def member(demo_site):
    """A member login of its own, removed again with its sessions afterwards (the
    shared demo keeps its row counts; see tests/conftest.py)."""
    sessions_before = set(Session.objects.values_list("session_key", flat=True))
    user = get_user_model().objects.create_user(
        "a11y-mitglied", "a11y.mitglied@example.org", "barrierefrei-2025"
    )
    group, created = Group.objects.get_or_create(name=rules.MEMBERS_GROUP)
    user.groups.add(group)
    yield user
    Session.objects.exclude(session_key__in=sessions_before).delete()
    user.delete()
    if created:
        group.delete()


def test_member_account_after_login(demo_site, page, member):
    page.goto(demo_site + "/konto/anmelden/")
    page.locator("#id_username").fill("a11y-mitglied")
    page.locator("#id_password").fill("barrierefrei-2025")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(demo_site + "/konto/")
    assert page.get_by_role("heading", level=1).is_visible()
    check_at_every_width(page)


def test_forms_after_a_successful_submit(demo_site, page, demo_changes):
    """The thank-you pages of the feedback form and of a registration (data is stored,
    hence `demo_changes`)."""
    from metropolregion.models import FeedbackSubmission

    before = FeedbackSubmission.objects.count()
    page.goto(demo_site + FEEDBACK)
    page.locator("#id_barrier").fill("Ein Bild hat keinen Alternativtext.")
    page.locator("#id_page_url").fill(demo_site + "/galerien/")
    page.locator("#id_consent").check()
    page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#form-errors").count() == 0
    assert page.get_by_role("heading", level=1).is_visible()
    check_at_every_width(page)
    assert FeedbackSubmission.objects.count() == before + 1

    page.set_viewport_size(size(AXE_WIDTHS[-1]))
    page.goto(demo_site + EVENT_WITH_REGISTRATION + "anmeldung/")
    page.locator("#id_name").fill("Erika Beispiel")
    page.locator("#id_email").fill("a11y-danke@example.org")
    page.locator("#id_consent").check()
    page.locator("form.registration-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#form-errors").count() == 0
    check_at_every_width(page)


# -- keyboard --


def active(page, expression):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(demo_site, page):
    page.set_viewport_size(size(1280))
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    assert active(page, "el.classList.contains('skip-link')"), "the skip link is not first"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert active(page, "el.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the main content
    assert active(page, "!!el.closest('main')")


# The focus indicator: outline and box-shadow of the element and of its ancestors (a
# card shows focus around itself with :focus-within).
FOCUS_STYLE = """(el) => {
    const look = (node) => {
        const s = getComputedStyle(node);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
            ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : 'none';
        return outline + ' | ' + s.boxShadow;
    };
    const out = [];
    for (let node = el; node && node !== document.body; node = node.parentElement) {
        out.push(look(node));
    }
    return out.join(' || ');
}"""


def test_every_focusable_element_on_the_home_page_shows_focus(demo_site, page):
    page.set_viewport_size(size(1280))
    page.goto(demo_site + "/")
    seen, missing = 0, []
    for _ in range(300):
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        if page.evaluate("el => el === document.body", handle):
            break  # past the last element
        focused = page.evaluate(FOCUS_STYLE, handle)
        page.evaluate("el => el.blur()", handle)
        unfocused = page.evaluate(FOCUS_STYLE, handle)
        description = page.evaluate("el => el.outerHTML.slice(0, 120)", handle)
        page.evaluate("el => el.focus()", handle)
        seen += 1
        if focused == unfocused:
            missing.append(description)
    assert seen > 20, f"only {seen} focusable elements reached"
    assert missing == [], "no visible focus indicator:\n" + "\n".join(missing)


def test_tabbing_through_the_home_page_reaches_the_footer(demo_site, page):
    page.set_viewport_size(size(1280))
    page.goto(demo_site + "/")
    last_link = page.locator(".site-footer a").last
    for _ in range(300):
        page.keyboard.press("Tab")
        if last_link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the last link of the footer: a focus trap?")


def test_main_menu_works_by_keyboard_on_a_phone(demo_site, page):
    page.set_viewport_size(size(375))
    page.goto(demo_site + "/")
    toggle = page.locator(".main-nav__toggle")
    first_link = page.locator(".main-nav__link").first
    for key in ("Enter", " "):
        toggle.focus()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not first_link.is_visible()
        page.keyboard.press(key)
        assert toggle.get_attribute("aria-expanded") == "true", f"{key!r} did not open"
        assert first_link.is_visible()
        page.keyboard.press("Tab")  # into the open menu
        assert active(page, "el.classList.contains('main-nav__link')")
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not first_link.is_visible()
        assert active(page, "el.classList.contains('main-nav__toggle')"), "focus not returned"
    # Opened again, Enter on a link follows it.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    href = active(page, "el.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site + href)


def test_main_menu_works_by_keyboard_on_a_desktop(demo_site, page):
    page.set_viewport_size(size(1280))
    page.goto(demo_site + "/")
    assert not page.locator(".main-nav__toggle").is_visible()
    for _ in range(20):
        page.keyboard.press("Tab")
        if active(page, "el.classList.contains('main-nav__link')"):
            break
    else:
        pytest.fail("Tab never reached the main menu")
    href = active(page, "el.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site + href)
    assert page.locator(".main-nav [aria-current=page]").get_attribute("href") == href


def test_gallery_lightbox_by_keyboard(demo_site, page):
    page.set_viewport_size(size(1280))
    page.goto(demo_site + GALLERY)
    for _ in range(80):
        page.keyboard.press("Tab")
        if active(page, "el.classList.contains('gallery__link')"):
            break
    else:
        pytest.fail("Tab never reached a thumbnail")
    thumbnail = active(page, "el.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('dialog.lightbox')?.open")
    assert active(page, "!!el.closest('dialog.lightbox')")
    for key in ["Tab"] * 8 + ["Shift+Tab"] * 8:
        page.keyboard.press(key)
        assert active(page, "!!el.closest('dialog.lightbox')"), f"{key} left the open lightbox"
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('dialog.lightbox').open")
    assert active(page, "el.getAttribute('href')") == thumbnail


# -- display --

MOTION_SCRIPT = """() => {
    const moving = [];
    for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
        const s = getComputedStyle(el);
        const durations = (s.transitionDuration + ',' + s.animationDuration).split(',');
        const moves = s.animationName !== 'none'
            || durations.some((d) => parseFloat(d) > 0 && s.transitionProperty !== 'none');
        if (moves) moving.push(el.tagName.toLowerCase() + '.' + el.className);
    }
    return {moving: moving.slice(0, 10), count: moving.length,
            scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""


@pytest.mark.parametrize("path", ["/", GALLERY])
def test_reduced_motion_turns_off_transitions_animations_and_smooth_scrolling(
    demo_site, page, path
):
    page.set_viewport_size(size(1280))
    page.goto(demo_site + path)
    if path == GALLERY:
        # Without the preference the page does move (so the check below can fail).
        assert page.evaluate(MOTION_SCRIPT)["count"] > 0
    page.emulate_media(reduced_motion="reduce")
    page.reload()
    result = page.evaluate(MOTION_SCRIPT)
    assert result["moving"] == [] and result["scroll"] == "auto", result
    if path == GALLERY:
        page.locator("a.gallery__link").first.focus()
        page.keyboard.press("Enter")
        dialog = page.locator("dialog.lightbox[open]")
        dialog.wait_for()
        assert dialog.evaluate("el => getComputedStyle(el).animationName") == "none"
        assert page.evaluate(MOTION_SCRIPT)["moving"] == []


def test_error_summary_links_move_focus_to_the_field(demo_site, page):
    page.set_viewport_size(size(375))
    page.goto(demo_site + FEEDBACK)
    submit_empty("form.feedback-form")(page)
    summary = page.locator("#form-errors")
    assert summary.locator("a").count() == 3  # barrier, page, consent
    summary.locator("a").nth(1).click()
    assert active(page, "el.id") == "id_page_url"
    assert page.locator("#id_page_url").get_attribute("aria-invalid") == "true"
    assert re.search(
        r"id_page_url_error", page.locator("#id_page_url").get_attribute("aria-describedby")
    )
