"""Template tags of the calendar: feed autodiscovery, schema.org Event data, dates."""

from django import template
from django.utils.html import format_html_join
from django.utils.timezone import localtime
from wagtail.images.shortcuts import get_rendition_or_not_found

from events import dates
from events.choices import SCHEMA_ATTENDANCE, SCHEMA_STATUS, EventStatus
from events.join_links import public_join_link
from metropolregion.site_settings import SiteSettings
from metropolregion.site_urls import page_url
from metropolregion.templatetags.seo_tags import json_ld

register = template.Library()

EVENT_IMAGE_SPEC = "fill-1200x630|format-jpeg"  # the Open Graph rendition, made once


@register.filter
def event_day(day):
    """A programme day: "Di., 24. Juni"."""
    return dates.format_day(day, with_year=False) if day else ""


@register.simple_tag(takes_context=True)
def event_feed_links(context, index):
    """<link rel="alternate" type="text/calendar"> so that calendar apps find the feed."""
    if index is None:
        return ""
    url = index.url_for("feed", request=context.get("request"))
    if not url:
        return ""
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="text/calendar" title="{}" href="{}">',
        [(f"{index.title} (iCal)", url)],
    )


def event_data(page, request, topics=None):
    """schema.org Event for an event page (`topics`: its topics, if already loaded)."""
    site_settings = SiteSettings.for_request(request)
    url = page_url(page, request)
    if page.all_day:
        first, last = dates.first_and_last_day(page.start, page.end, True)
        start, end = first.isoformat(), last.isoformat()
    else:
        start, end = localtime(page.start).isoformat(), localtime(page.end).isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.teaser,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA_STATUS.get(page.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": SCHEMA_ATTENDANCE.get(page.format),
        "url": url,
    }
    locations = []
    if page.has_venue:
        locations.append(
            {
                "@type": "Place",
                "name": page.venue or page.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.street,
                    "postalCode": page.postcode,
                    "addressLocality": page.city,
                    "addressCountry": "DE",
                },
            }
        )
    if page.has_online_part:
        virtual = {"@type": "VirtualLocation"}
        virtual["url"] = public_join_link(page) or url
        locations.append(virtual)
    data["location"] = locations[0] if len(locations) == 1 else locations
    if page.own_event:
        organiser = {
            "@type": "Organization",
            "name": site_settings.organisation_name,
            "url": request.build_absolute_uri("/"),
        }
    else:
        organiser = {"@type": "Organization", "name": page.organiser_name}
        if page.organiser_url:
            organiser["url"] = page.organiser_url
    data["organizer"] = organiser
    rendition = page.image and get_rendition_or_not_found(page.image, EVENT_IMAGE_SPEC)
    if rendition and rendition.width:  # not when the original cannot be read
        data["image"] = [request.build_absolute_uri(rendition.url)]
    names = [tag.name for tag in (page.topics.all() if topics is None else topics)]
    if names:
        data["keywords"] = ", ".join(names)
    if page.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "availability": "https://schema.org/InStock",
        }
    return data


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    return json_ld(event_data(page, context["request"], context.get("topics")))
