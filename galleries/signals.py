"""Keep the search index in step with the pictures' captions.

Wagtail indexes a page when the page row is saved, which happens before its pictures (a
child relation) are written; the captions would only reach the index on the next save.
Indexing again once publishing has finished includes them."""

from wagtail.search import index


def reindex_published_gallery(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
