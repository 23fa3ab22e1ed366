"""The event editor's form: the repetition of an event in words an editor understands
("every month, on the same weekday: the second Tuesday", until a date or a number of
dates; extra, left-out and cancelled dates as one date per line), composed into the
RFC 5545 rule the page stores (events.recurrence). Every problem names its field."""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from metropolregion.clock import BERLIN

from . import recurrence, rule_words

DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d.%m.%Y.")
MAX_COUNT = recurrence.MAX_OCCURRENCES


class Repeat:
    NONE = ""
    CHOICES = [
        ("", gettext_lazy("Does not repeat")),
        ("DAILY", gettext_lazy("Daily")),
        ("WEEKLY", gettext_lazy("Weekly")),
        ("MONTHLY", gettext_lazy("Monthly")),
        ("YEARLY", gettext_lazy("Yearly")),
    ]
    MONTHLY_CHOICES = [
        ("weekday", gettext_lazy("On the same weekday (e.g. the second Tuesday)")),
        ("last", gettext_lazy("On the last such weekday of the month")),
        ("day", gettext_lazy("On the same day of the month (e.g. the 13th)")),
    ]
    WEEKDAY_CHOICES = [
        ("MO", gettext_lazy("Monday")),
        ("TU", gettext_lazy("Tuesday")),
        ("WE", gettext_lazy("Wednesday")),
        ("TH", gettext_lazy("Thursday")),
        ("FR", gettext_lazy("Friday")),
        ("SA", gettext_lazy("Saturday")),
        ("SU", gettext_lazy("Sunday")),
    ]


DATES_HELP = gettext_lazy("One date per line, e.g. 24.12.2026. The series' times apply.")


def dates_field(label, help_text=DATES_HELP):
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
    )


def parse_dates(text):
    """The dates of a text with one date per line; ValueError naming a line that is none."""
    found = []
    for line in (text or "").replace(",", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        for pattern in DATE_FORMATS:
            try:
                found.append(datetime.datetime.strptime(line, pattern).date())
                break
            except ValueError:
                continue
        else:
            raise ValueError(line)
    return sorted(set(found))


def dates_text(values):
    return "\n".join(day.strftime("%d.%m.%Y") for day in recurrence.iso_days(values))


class EventPageForm(WagtailAdminPageForm):
    repeat = forms.ChoiceField(
        label=gettext_lazy("How often"), choices=Repeat.CHOICES, required=False
    )
    repeat_interval = forms.IntegerField(
        label=gettext_lazy("Every … (days, weeks, months or years)"),
        min_value=1,
        max_value=99,
        required=False,
        initial=1,
        help_text=gettext_lazy("1: every week (month …), 2: every other week, and so on."),
    )
    repeat_weekdays = forms.MultipleChoiceField(
        label=gettext_lazy("On these weekdays (weekly)"),
        choices=Repeat.WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: the weekday of the first date."),
    )
    repeat_monthly = forms.ChoiceField(
        label=gettext_lazy("Which day of the month (monthly)"),
        choices=Repeat.MONTHLY_CHOICES,
        required=False,
        initial="weekday",
    )
    repeat_until = forms.DateField(
        label=gettext_lazy("Last date on"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"placeholder": "30.06.2027"}),
    )
    repeat_count = forms.IntegerField(
        label=gettext_lazy("Or: number of dates"),
        min_value=1,
        max_value=MAX_COUNT,
        required=False,
        help_text=gettext_lazy("Leave both empty for a series without end."),
    )
    extra_dates_text = dates_field(gettext_lazy("Extra dates"))
    skipped_dates_text = dates_field(
        gettext_lazy("Dates left out"),
        gettext_lazy(
            "Dates that are not part of the series (e.g. holidays); not shown. "
            "One date per line, e.g. 24.12.2026."
        ),
    )
    cancelled_dates_text = dates_field(
        gettext_lazy("Cancelled dates"),
        gettext_lazy(
            "Shown as cancelled on the site and in calendars. One date per line, e.g. 24.12.2026."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        try:
            parts = recurrence.parse_rule(page.recurrence)
        except ValueError:
            parts = {}
        byday = [item for item in parts.get("BYDAY", "").split(",") if item]
        monthly = "day"
        if byday and byday[0][:-2]:
            monthly = "last" if byday[0].startswith("-1") else "weekday"
        self.initial.update(
            {
                "repeat": parts.get("FREQ", ""),
                "repeat_interval": int(parts.get("INTERVAL") or 1),
                "repeat_weekdays": (
                    [item[-2:] for item in byday] if parts.get("FREQ") == "WEEKLY" else []
                ),
                "repeat_monthly": monthly if parts.get("FREQ") == "MONTHLY" else "weekday",
                "repeat_until": recurrence.until_day(parts),
                "repeat_count": int(parts["COUNT"]) if parts.get("COUNT") else None,
                "extra_dates_text": dates_text(page.extra_dates),
                "skipped_dates_text": dates_text(page.skipped_dates),
                "cancelled_dates_text": dates_text(page.cancelled_dates),
            }
        )
        if page.recurrence and page.start:
            self.fields["repeat"].help_text = _("Now: %(rule)s.") % {
                "rule": rule_words.describe(page.recurrence, page.start)
            }

    def clean(self):
        cleaned = super().clean()
        if "repeat" not in self.fields:
            return cleaned
        for name, attribute in (
            ("extra_dates_text", "extra_dates"),
            ("skipped_dates_text", "skipped_dates"),
            ("cancelled_dates_text", "cancelled_dates"),
        ):
            try:
                days = parse_dates(cleaned.get(name))
            except ValueError as error:
                self.add_error(
                    name,
                    _("“%(line)s” is not a date. Write one date per line, e.g. 24.12.2026.")
                    % {"line": error.args[0]},
                )
                continue
            setattr(self.instance, attribute, [day.isoformat() for day in days])
        self.instance.recurrence = self.rule(cleaned)
        return cleaned

    def rule(self, cleaned):
        """The RRULE value of the fields ("" for no repetition); errors name the field."""
        freq = cleaned.get("repeat") or ""
        if not freq:
            return ""
        start = cleaned.get("start")
        local = start.astimezone(BERLIN) if start else None
        parts = {"FREQ": freq}
        interval = cleaned.get("repeat_interval") or 1
        if interval > 1:
            parts["INTERVAL"] = str(interval)
        weekdays = cleaned.get("repeat_weekdays") or []
        if freq == "WEEKLY" and weekdays:
            order = [code for code, _label in Repeat.WEEKDAY_CHOICES]
            parts["BYDAY"] = ",".join(sorted(weekdays, key=order.index))
        if freq == "MONTHLY" and local is not None:
            how = cleaned.get("repeat_monthly") or "weekday"
            code = recurrence.WEEKDAYS[local.weekday()]
            if how == "weekday":
                nth = (local.day - 1) // 7 + 1
                if nth == 5:
                    self.add_error(
                        "repeat_monthly",
                        _(
                            "The first date is a fifth weekday, which not every month has: "
                            "choose “the last such weekday” or “the same day of the month”."
                        ),
                    )
                parts["BYDAY"] = f"{nth}{code}"
            elif how == "last":
                parts["BYDAY"] = f"-1{code}"
            else:
                parts["BYMONTHDAY"] = str(local.day)
        until, count = cleaned.get("repeat_until"), cleaned.get("repeat_count")
        if until and count:
            self.add_error(
                "repeat_count", _("Give either the last date or the number of dates, not both.")
            )
        elif until:
            if local is not None and until < local.date():
                self.add_error("repeat_until", _("The last date lies before the first date."))
            parts["UNTIL"] = recurrence.until_value(until)
        elif count:
            parts["COUNT"] = str(count)
        return recurrence.compose_rule(parts)
