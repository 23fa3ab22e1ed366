"""Chromium reports no Content-Security-Policy violation on the public site (strict policy)
nor while an editor logs in to the admin, edits a page (StreamField, image chooser) and
looks at the preview (relaxed admin policy). A control shows that a violation is seen.

Violations are collected from the `securitypolicyviolation` event (in every frame, the
preview's included) and from Chromium's own console errors about the policy."""

import pytest
from axes.models import AccessAttempt
from wagtail.models import Page

from metropolregion.settings import base as base_settings

from .conftest import axe_violations, describe, log_in_as_editor

pytestmark = pytest.mark.browser

REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error("CSP violation: " + JSON.stringify({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        document: event.documentURI,
    }));
});
"""

PUBLIC_PAGES = [
    "/",
    "/ueber-uns/",
    "/projekte/",
    "/news/",
    "/termine/",
    "/termine/monat/2026/11/",
    "/termine/netzwerktreffen-wasserstoff-mittelstand/",
    "/termine/netzwerktreffen-wasserstoff-mittelstand/anmeldung/",
    "/suche/?q=Sachsen",
    "/konto/anmelden/",
    "/gibt-es-nicht/",
]


@pytest.fixture
def violations(context):
    """The CSP violations any page of the browser context reports (a live list)."""
    found = []
    context.add_init_script(REPORTER)

    def collect(message):
        text = message.text
        if text.startswith("CSP violation:") or "Content Security Policy" in text:
            found.append(f"{message.page.url if message.page else '?'}: {text}")

    context.on("console", collect)
    return found


def test_public_pages_report_no_violation(demo_site, page, violations):
    for path in PUBLIC_PAGES:
        page.goto(demo_site + path)
        page.wait_for_load_state("networkidle")
    # JSON-LD (a data block) was on the home page and is no script to the policy.
    page.goto(demo_site + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    # The gallery's lightbox and the menu script run under the policy, too.
    gallery = Page.objects.live().filter(content_type__model="gallerypage").first()
    page.goto(demo_site + gallery.url)
    page.locator("a.gallery__link").first.click()
    page.wait_for_timeout(500)
    assert page.locator("dialog.lightbox[open]").count() == 1
    page.keyboard.press("Escape")

    assert violations == []


def test_control_an_injected_inline_script_is_blocked_and_reported(demo_site, page, violations):
    page.goto(demo_site + "/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.head.append(script);
            document.body.setAttribute("style", "outline: 1px solid red");
        }"""
    )
    page.wait_for_timeout(300)

    assert page.evaluate("window.inlineRan") is None
    assert any("script-src" in violation for violation in violations), violations
    assert any("style-src" in violation for violation in violations), violations


def test_editor_logs_in_edits_and_previews_without_violation(demo_site, page, violations, editor):
    home = Page.objects.get(depth=2, locale__language_code="de")
    log_in_as_editor(page, demo_site)

    page.goto(demo_site + "/admin/pages/")
    page.wait_for_load_state("networkidle")
    page.goto(demo_site + f"/admin/pages/{home.pk}/edit/")
    page.wait_for_load_state("networkidle")

    # StreamField: the block picker opens.
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("listbox").first.wait_for()
    page.keyboard.press("Escape")
    # The image chooser: its modal lists the images.
    page.evaluate("document.querySelector('.image-chooser [data-chooser-action-choose]').click()")
    page.locator(".modal-content img").first.wait_for()
    page.locator(".modal").get_by_role("button", name="Schließen").click()
    page.locator(".modal").wait_for(state="hidden")
    # The preview, framed by the admin.
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").first.inner_text().strip()
    page.wait_for_load_state("networkidle")

    # The editor sees the public site with Wagtail's user bar under the strict policy.
    page.goto(demo_site + "/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("networkidle")

    assert violations == []


@pytest.fixture
def lockout_on(demo_site, settings):
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = base_settings.AUTHENTICATION_BACKENDS
    yield
    AccessAttempt.objects.all().delete()


def test_lockout_page_is_accessible_and_within_the_policy(demo_site, page, violations, lockout_on):
    for _ in range(5):
        page.goto(demo_site + "/konto/anmelden/")
        page.locator("#id_username").fill("niemand")
        page.locator("#id_password").fill("falsch")
        page.locator("form.account-form button[type=submit]").click()
        page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Zu viele fehlgeschlagene Anmeldungen"
    )
    found = axe_violations(page)
    assert not found, describe(found)
    assert violations == []
