"""`{{ phone|tel_url }}`: the `tel:` address of a phone number as people write it, with
only its digits and the plus ("+49 341 123-45" → "tel:+4934112345")."""

from django import template

register = template.Library()


@register.filter
def tel_url(phone):
    return "tel:" + "".join(ch for ch in str(phone or "") if ch.isdigit() or ch == "+")
