"""The rules of an import: which pages a feed's events create, change, leave or withdraw.

- Every event is found again by its UID (and RECURRENCE-ID for a single date published on
  its own): `ImportedEvent` maps it to its page, so nothing is imported twice.
- New events become partner events (`own_event` False, the feed's organiser, its topics and
  working group, a link to the source) below the German calendar: drafts when the feed
  needs approval, else live. Events that are over are not imported.
- A changed event is updated: published at once when the page is live and the feed needs
  no approval, else saved as a draft for the editors to publish.
- THE RULE FOR EDITED IMPORTS: an event whose page an editor changed after the last import
  (its latest revision differs from what the import wrote in any imported field: title,
  dates, place, status, description, links, topics, moved dates) is never overwritten
  again. When the feed changes it, the log says "changed locally, not overwritten" once per
  new version. Publishing an imported draft unchanged (the approval) is no change.
- Hidden by an editor (or its page deleted, or unpublished by an editor): never imported
  again. An unpublished page stays unpublished; its changes are saved as drafts.
- An event removed from the feed is withdrawn (unpublished, not deleted); a locally
  edited one stays and is reported. Nothing is withdrawn when the feed could not be read
  completely (a cut-off feed, an event that could not be identified).
- A feed that cannot be fetched or is no calendar changes nothing.
"""

import hashlib
import json
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events import dates
from events.models import EventIndexPage, EventPage
from metropolregion import clock

from . import fetch, pages, parse
from .models import ImportedEvent, ImportMessage, ImportRun, PartnerFeed

logger = logging.getLogger(__name__)
MAX_MESSAGES = 500

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"


class Log:
    """The messages of one run, counted and written as `ImportMessage` rows."""

    def __init__(self, run):
        self.run = run
        self.count = 0
        self.problems = 0

    def add(self, level, text, uid=""):
        if level != ImportMessage.Level.INFO:
            self.problems += 1
        self.count += 1
        if self.count == MAX_MESSAGES + 1:
            text, level, uid = _("Further messages left out."), ImportMessage.Level.INFO, ""
        elif self.count > MAX_MESSAGES:
            return
        ImportMessage.objects.create(run=self.run, level=level, text=text, uid=uid[:500])

    def info(self, text, uid=""):
        self.add(ImportMessage.Level.INFO, text, uid)

    def warning(self, text, uid=""):
        self.add(ImportMessage.Level.WARNING, text, uid)

    def error(self, text, uid=""):
        self.add(ImportMessage.Level.ERROR, text, uid)


def calendar_page():
    """The German calendar the imported events go below."""
    calendars = EventIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return calendars.order_by("path").first()


def import_feed(feed):
    """Fetch `feed` and import it; the `ImportRun` with its log."""
    with translation.override(settings.LANGUAGE_CODE):
        run = ImportRun.objects.create(feed=feed)
        try:
            fetched = fetch.fetch(feed.url)
            parsed = parse.read(fetched.text, fetched.content_type, feed.organiser_name)
        except (fetch.FetchError, parse.NotACalendar) as error:
            return fail(feed, run, str(error))
        return apply(feed, parsed, run)


def import_text(feed, text):
    """Import an ICS text for `feed` (the demo's files): the same rules, no download."""
    with translation.override(settings.LANGUAGE_CODE):
        run = ImportRun.objects.create(feed=feed)
        try:
            parsed = parse.read(text, "text/calendar", feed.organiser_name)
        except parse.NotACalendar as error:
            return fail(feed, run, str(error))
        return apply(feed, parsed, run)


def fail(feed, run, reason):
    Log(run).error(reason)
    summary = _("Failed: %(reason)s Nothing was changed.") % {"reason": reason}
    return finish(feed, run, ImportRun.Outcome.FAILED, summary)


def finish(feed, run, outcome, summary):
    run.outcome, run.summary, run.finished_at = outcome, summary[:300], timezone.now()
    run.save()
    feed.last_run_at, feed.last_status = run.finished_at, run.summary
    PartnerFeed.objects.filter(pk=feed.pk).update(
        last_run_at=feed.last_run_at, last_status=feed.last_status
    )
    return run


def apply(feed, parsed, run):
    log = Log(run)
    calendar = calendar_page()
    if calendar is None:
        return fail(feed, run, _("There is no calendar page to import into."))
    with transaction.atomic():
        PartnerFeed.objects.select_for_update().filter(pk=feed.pk).first()
        counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0, SKIPPED: 0}
        complete = not parsed.truncated
        protected = set()
        if parsed.truncated:
            log.warning(
                _(
                    "The feed holds %(total)s events; only the first %(limit)s are imported. "
                    "Events missing from the feed are not withdrawn in this run."
                )
                % {"total": parsed.total, "limit": parse.max_events()}
            )
        for uid, message in parsed.errors:
            log.error(message, uid)
            if uid:
                protected.add(uid)
            else:
                complete = False
        mappings = {(m.uid, m.recurrence_id): m for m in feed.events.select_related("page")}
        seen = set()
        past = 0
        for item in parsed.items:
            seen.add(item.key)
            for warning in item.warnings:
                log.warning(f"{item.title}: {warning}", item.uid)
            try:
                with transaction.atomic():
                    outcome = import_item(feed, calendar, item, mappings.get(item.key), log)
            except Exception as error:
                logger.exception("Partner feed %s: event %s not saved", feed.pk, item.uid)
                reason = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else type(error).__name__
                )
                log.error(
                    _("%(title)s could not be saved (%(error)s).")
                    % {"title": item.title, "error": reason},
                    item.uid,
                )
                protected.add(item.uid)
                continue
            if outcome == "past":
                past += 1
                outcome = SKIPPED
            counts[outcome] += 1
        if past:
            log.info(_("%(count)s events that are over were not imported.") % {"count": past})
        withdrawn = 0
        if complete:
            gone = [m for key, m in mappings.items() if key not in seen and m.uid not in protected]
            withdrawn = sum(withdraw(mapping, log) for mapping in gone)
        elif not parsed.truncated:
            log.warning(_("Some events could not be identified: none is withdrawn in this run."))
    run.created, run.updated, run.unchanged = counts[CREATED], counts[UPDATED], counts[UNCHANGED]
    run.skipped, run.withdrawn = counts[SKIPPED], withdrawn
    summary = _(
        "%(created)s new, %(updated)s changed, %(withdrawn)s withdrawn, %(unchanged)s "
        "unchanged, %(problems)s warnings or errors."
    ) % {**counts, "withdrawn": withdrawn, "problems": log.problems}
    outcome = ImportRun.Outcome.PARTIAL if log.problems else ImportRun.Outcome.OK
    return finish(feed, run, outcome, summary)


# -- one event --


def digest(feed, item, values):
    data = {
        "values": values,
        "changes": item.changes,
        "topics": feed.topic_names,
        "approval": feed.needs_approval,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def is_over(values):
    if values["recurrence"] or values["extra_dates"]:
        return False
    end = values["end"] + dates.ONE_DAY if values["all_day"] else values["end"]
    return end < clock.now()


def import_item(feed, calendar, item, mapping, log):
    values = pages.page_values(feed, item)
    version = digest(feed, item, values)
    title = item.title
    if mapping is None:
        if is_over(values):
            return "past"
        page = pages.create(feed, calendar, item, values)
        mapping = ImportedEvent(
            feed=feed, uid=item.uid, recurrence_id=item.recurrence_id, page=page, title=title
        )
        mapping.content_hash = version
        pages.remember(mapping, page)
        mapping.save()
        if feed.needs_approval:
            log.info(
                _("New, saved as a draft for approval: %(title)s") % {"title": title}, item.uid
            )
        else:
            log.info(_("New and published: %(title)s") % {"title": title}, item.uid)
        return CREATED
    if mapping.hidden:
        return SKIPPED
    if mapping.page_id is None:  # an editor deleted the page: it stays deleted
        mapping.hidden = True
        mapping.save(update_fields=["hidden"])
        log.info(
            _("Deleted by an editor, not imported again: %(title)s") % {"title": title}, item.uid
        )
        return SKIPPED
    if pages.edited_locally(mapping):
        if version != mapping.content_hash:
            log.warning(
                _(
                    "Changed locally, not overwritten: %(title)s. The feed has a newer version; "
                    "compare it with the source and edit the page by hand."
                )
                % {"title": title},
                item.uid,
            )
            mapping.content_hash = version
            mapping.save(update_fields=["content_hash"])
        return SKIPPED
    if version == mapping.content_hash and not mapping.withdrawn:
        return UNCHANGED
    page = EventPage.objects.get(pk=mapping.page_id)
    pages.fill(page, feed, item, values)
    revision = page.save_revision()
    returning = mapping.withdrawn
    publish = not feed.needs_approval and (page.live or returning or not page.first_published_at)
    if publish:
        revision.publish()
    if returning:
        log.info(_("Back in the feed: %(title)s") % {"title": title}, item.uid)
    else:
        log.info(_("Changed: %(title)s") % {"title": title}, item.uid)
    if not publish:
        log.info(_("The change waits as a draft: %(title)s") % {"title": title}, item.uid)
    mapping.title, mapping.content_hash, mapping.withdrawn = title, version, False
    pages.remember(mapping, page)
    mapping.save()
    return UPDATED


def withdraw(mapping, log):
    """Unpublish the page of an event that left the feed; 1 if withdrawn."""
    if mapping.hidden or mapping.withdrawn or mapping.page_id is None:
        return 0
    if pages.edited_locally(mapping):
        log.warning(
            _("No longer in the feed, but changed locally: %(title)s stays as it is. Please check.")
            % {"title": mapping.title},
            mapping.uid,
        )
        return 0
    page = mapping.page
    if not page.live:  # a draft or unpublished by an editor: it stays as it is
        return 0
    page.unpublish(log_action=True)
    mapping.withdrawn = True
    mapping.save(update_fields=["withdrawn"])
    log.info(
        _("No longer in the feed, withdrawn: %(title)s") % {"title": mapping.title}, mapping.uid
    )
    return 1


def hide(mapping, user=None):
    """An editor hides an imported event: unpublished and never imported again."""
    mapping.hidden = True
    mapping.save(update_fields=["hidden"])
    if mapping.page is not None and mapping.page.live:
        mapping.page.unpublish(user=user, log_action=True)
