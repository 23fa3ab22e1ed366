"""The guide's two views: the table of contents and one page per topic. Both are admin
views: Wagtail wraps every URL registered through `register_admin_urls` in its
`require_admin_access` check, so any user who may use the admin may read the guide."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .topics import BY_SLUG, TOPICS, neighbours

GUIDE_TITLE = _("Help")


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "help"

    def get_guide_breadcrumbs(self):
        return [{"url": "", "label": GUIDE_TITLE}]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, *self.get_guide_breadcrumbs()]


class GuideIndexView(GuideView):
    template_name = "guide/index.html"
    page_title = _("Editor guide")

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=TOPICS, **kwargs)


class GuideTopicView(GuideView):
    @cached_property
    def topic(self):
        topic = BY_SLUG.get(self.kwargs["slug"])
        if topic is None:
            raise Http404("No such topic in the guide")
        return topic

    def get_template_names(self):
        return [self.topic.template_name]

    def get_page_title(self):
        return self.topic.title

    def get_guide_breadcrumbs(self):
        return [
            {"url": reverse("guide:index"), "label": GUIDE_TITLE},
            {"url": "", "label": self.topic.title},
        ]

    def get_context_data(self, **kwargs):
        previous, following = neighbours(self.topic)
        return super().get_context_data(
            topic=self.topic,
            previous_topic=previous,
            next_topic=following,
            topics=TOPICS,
            # Facts of this installation the guide states (topic "veranstaltungen").
            registration_retention_days=settings.REGISTRATION_RETENTION_DAYS,
            **kwargs,
        )
