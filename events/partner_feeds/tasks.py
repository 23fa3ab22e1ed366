"""The import as a task of the queue (django-tasks), for "Jetzt importieren" in the admin:
the editor's request does not wait for the partner's server."""

from django_tasks import task

from . import importer
from .models import PartnerFeed


@task()
def import_partner_feed(feed_id):
    """Import one feed; its run and messages land in the import log."""
    feed = PartnerFeed.objects.filter(pk=feed_id).first()
    if feed is None:
        return None
    return importer.import_feed(feed).pk
