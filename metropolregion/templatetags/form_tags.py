"""Tags of the site's forms.

- `{% page_form_csrf %}`: the CSRF field of a form on a Wagtail page, for logged-in people
  only. Anonymous visitors get none, so the page sets no cookie and can come from the page
  cache; their POST is checked by origin (metropolregion.csrf.PageFormCsrfMiddleware).
- `{% form_field field note=… privacy_url=… %}`: a field as the site's field component
  (metropolregion/forms.py), like `{{ field.as_field_group }}`, for any form, with what the
  page adds to a check box's label: a `note` and the link to the privacy notice.
- `{{ field.label|error_summary_line:error }}`: a field's line in a form's error summary.
"""

from django import template
from django.template.defaulttags import CsrfTokenNode

from metropolregion.forms import FIELD_TEMPLATE, SiteFormRenderer, error_summary_line

register = template.Library()
renderer = SiteFormRenderer()


class PageFormCsrfNode(template.Node):
    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        return CsrfTokenNode().render(context)


@register.tag
def page_form_csrf(parser, token):
    return PageFormCsrfNode()


@register.simple_tag
def form_field(field, **extra):
    context = field.get_context()
    context.update(extra)
    return field.render(template_name=FIELD_TEMPLATE, context=context, renderer=renderer)


register.filter("error_summary_line", error_summary_line)
