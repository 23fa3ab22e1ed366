"""`{% image_credit image %}`: the photographer credit of an image, formatted in one place
(templates/components/credit.html) wherever an image is shown.

- `{% image_credit image %}` gives `<small class="credit">Foto: Erika Beispiel (CC BY 4.0)
  </small>` to place inside a caption that says more (a gallery picture's);
- `caption=True` wraps it in its own `<figcaption>` (the image's `<figure>` has no other);
- `links=False` leaves the licence unlinked: cards whose whole area is a link may not
  contain another one;
- `class_name` adds a class to the outer element.

Nothing is rendered for an image without a credit (images from before it was required).
The credit is a column of the image row, so no query is added.
"""

from django import template

register = template.Library()


@register.inclusion_tag("components/credit.html")
def image_credit(image, caption=False, links=True, class_name=""):
    return {
        "image": image if image is not None and getattr(image, "credit", "") else None,
        "caption": caption,
        "links": links,
        "class_name": class_name,
    }
