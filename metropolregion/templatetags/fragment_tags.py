"""`{% fragment %}`: a piece of a template cached by what it shows (metropolregion.fragments).

    {% load fragment_tags %}
    {% fragment "header" request.get_full_path %} … {% endfragment %}
    {% fragment "content" request.get_full_path shows=page.content_fragment_shows %} …

The first argument names the fragment; any further ones are parts of its key (the host and
the language always are); a last `get_only` keeps the answers to forms (POST) out of it. A fragment shows pages (titles, links, menus): it is rendered
anew whenever any page changes, and whenever anything else that may show on a page does
(settings, snippets, images); `shows=` adds the labels of what else it shows (model labels
such as "events.eventpage", whose registrations change the free places). When `shows=`
is given but is not a list (the page does not say what its content shows), or the context
holds a form (a registration, a report, the feedback form), the fragment is rendered
every time. Never cached in a preview (the page is a draft); a fragment with `shows=` or
`get_only` only for GET and HEAD (a form's errors may show in it).
"""

from django import template

from metropolregion import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, shows, nodelist, get_only=False):
        self.get_only = get_only
        self.name = name
        self.parts = parts
        self.shows = shows
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        labels = (fragments.ANY_PAGE,)
        if self.shows is not None:
            shows = self.shows.resolve(context)
            labels = (*labels, *shows) if isinstance(shows, (list, tuple)) else None
            if context.get("form") is not None:  # a page's form (registration, report)
                labels = None
        if (
            labels is None
            or request is None
            or (self.get_only and request.method not in ("GET", "HEAD"))  # a form's errors
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        parts = [request.get_host(), *(part.resolve(context) for part in self.parts)]
        return fragments.fragment(
            self.name.resolve(context),
            [str(part) for part in parts],
            labels,
            lambda: self.nodelist.render(context),
            request,
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    get_only = bits[-1] == "get_only"
    if get_only:
        bits.pop()
    shows = None
    if bits[-1].startswith("shows="):
        shows = parser.compile_filter(bits.pop()[len("shows=") :])
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
        shows,
        nodelist,
        get_only=get_only or shows is not None,
    )
