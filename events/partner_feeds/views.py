"""Admin views of a partner feed beside its ModelViewSet (wagtail_hooks.py): the import log
with the imported events, "Jetzt importieren" and hiding a single imported event."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import importer
from .models import ImportedEvent, PartnerFeed
from .tasks import import_partner_feed

CHANGE = "partner_feeds.change_partnerfeed"
RUNS_SHOWN = 10


def log_url(feed):
    return reverse("partnerkalender:log", args=[feed.pk])


@permission_required(CHANGE, raise_exception=True)
def feed_log(request, pk):
    """The feed's last runs with their messages and every event it imported."""
    feed = get_object_or_404(PartnerFeed, pk=pk)
    runs = list(feed.runs.prefetch_related("messages")[:RUNS_SHOWN])
    events = feed.events.select_related("page")
    return render(
        request,
        "partner_feeds/feed_log.html",
        {
            "feed": feed,
            "runs": runs,
            "events": events,
            "edit_url": reverse("partnerkalender:edit", args=[feed.pk]),
        },
    )


@require_POST
@permission_required(CHANGE, raise_exception=True)
def import_now(request, pk):
    """Queue an import of the feed (the task queue runs it; the log shows the result)."""
    feed = get_object_or_404(PartnerFeed, pk=pk)
    try:
        import_partner_feed.enqueue(feed.pk)
    except Exception:
        messages.error(request, _("The import could not be started. Please try again later."))
    else:
        messages.success(
            request,
            _("The import of “%(name)s” has started. Reload this page to see its result.")
            % {"name": feed.name},
        )
    return redirect(log_url(feed))


@require_POST
@permission_required(CHANGE, raise_exception=True)
def hide_event(request, pk):
    """Hide one imported event (unpublished, not imported again), or show it again."""
    mapping = get_object_or_404(ImportedEvent.objects.select_related("page", "feed"), pk=pk)
    if (
        mapping.page is not None
        and not mapping.page.permissions_for_user(request.user).can_unpublish()
    ):
        raise PermissionDenied
    if request.POST.get("action") == "show":
        mapping.hidden = False
        mapping.content_hash = ""  # the next import brings the feed's version back
        mapping.save(update_fields=["hidden", "content_hash"])
        messages.success(
            request,
            _("“%(title)s” is imported again from the next run on.") % {"title": mapping.title},
        )
    else:
        importer.hide(mapping, request.user)
        messages.success(
            request,
            _("“%(title)s” is hidden and will not be imported again.") % {"title": mapping.title},
        )
    return redirect(log_url(mapping.feed))
