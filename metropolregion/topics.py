"""Topics, one convention for every app: a page's topics are taggit tags shared by projects,
news and events, in a field called `topics` (a `ClusterTaggableManager` through a tag
model of the page's app); a block that chooses a topic uses `TopicChoiceBlock`, whose
value is the topic's slug (the `?thema=` value of the lists)."""

from wagtail import blocks


class TopicChoiceBlock(blocks.ChoiceBlock):
    """A topic (tag slug) chosen from `choices`: a callable that returns (slug, name)
    pairs, so the list is read from the database when the form is shown or checked.

    The value is the slug as stored. Wagtail's ChoiceBlock would look it up in its
    choices, a query for callable choices, every time a page with the block renders or
    is indexed for search (so it is left out of the search index)."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("search_index", False)
        super().__init__(choices=choices, **kwargs)

    def to_python(self, value):
        return value or ""

    def deconstruct(self):
        """Frozen into migrations without its choices: they come from the database, and a
        migration of the page that holds the block must not import the app that lists
        them (the core's migrations would import the content apps)."""
        path, args, kwargs = super().deconstruct()
        return path, args, {**kwargs, "choices": []}
