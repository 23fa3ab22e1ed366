"""The guide's addresses under the admin: /admin/hilfe/ and /admin/hilfe/<topic>/."""

from django.urls import path

from .views import GuideIndexView, GuideTopicView

app_name = "guide"

urlpatterns = [
    path("", GuideIndexView.as_view(), name="index"),
    path("<slug:slug>/", GuideTopicView.as_view(), name="topic"),
]
