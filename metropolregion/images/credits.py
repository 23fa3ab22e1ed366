"""Photo credits as editors type them and as the site shows them.

Editors used to type "Foto: Erika Beispiel" into a credit field that a template then
prefixed with "Foto:" again. The image now stores the name alone ("Erika Beispiel") and
`Image.credit_line` adds the prefix once; `strip_prefix()` removes any typed prefix, in the
image form and in the data migrations that moved the old page credits onto the images.
"""

import re

# "Foto:", "Foto :", "Photo:", "Bild:", "Fotos:", also repeated ("Foto: Foto: …").
_PREFIX = re.compile(r"^(?:\s*(?:fotos?|photos?|bild)\s*:\s*)+", re.IGNORECASE)


def strip_prefix(credit):
    """The credit without a leading "Foto:"/"Photo:" and surrounding spaces."""
    return _PREFIX.sub("", credit or "").strip()


def credit_images(Image, credits):
    """Give the images that have no credit yet the first credit found for them.

    For the data migrations that moved the page credits onto the images: `Image` is the
    historical model, `credits` (image id, credit, licence or None) in order of precedence.
    A licence is set together with the credit. Returns how many images got a credit."""
    found = {}
    for image_id, credit, licence in credits:
        credit = strip_prefix(credit)[:200]
        if image_id and credit and image_id not in found:
            found[image_id] = (credit, licence)
    images = list(Image.objects.filter(pk__in=list(found), credit="")) if found else []
    for image in images:
        image.credit, licence = found[image.pk]
        if licence:
            image.licence = licence
    Image.objects.bulk_update(images, ["credit", "licence"], batch_size=500)
    return len(images)


def draft_contents(apps, page_model):
    """The content (a dict) of the latest revision of every page of `page_model` that has
    unpublished changes: credits typed into a draft move as well."""
    Revision = apps.get_model("wagtailcore", "Revision")
    drafts = page_model.objects.filter(has_unpublished_changes=True, latest_revision__isnull=False)
    revisions = Revision.objects.filter(pk__in=drafts.values("latest_revision_id"))
    return [revision.content for revision in revisions.order_by("pk").iterator()]
