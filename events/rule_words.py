"""How the rule of a recurring event reads, in the active language: "jeden zweiten
Dienstag im Monat, bis Mi., 30. Juni 2027" / "every second Tuesday of the month, until …"
(for the event page, and for the editor below the repetition fields)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from metropolregion.clock import BERLIN

from . import dates
from .recurrence import WEEKDAYS, parse_rule, until_day


def _weekday_names():
    return {
        "MO": _("Monday"),
        "TU": _("Tuesday"),
        "WE": _("Wednesday"),
        "TH": _("Thursday"),
        "FR": _("Friday"),
        "SA": _("Saturday"),
        "SU": _("Sunday"),
    }


def _ordinal(number):
    return {
        1: _("first"),
        2: _("second"),
        3: _("third"),
        4: _("fourth"),
        5: _("fifth"),
        -1: _("last"),
    }.get(number, str(number))


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return _("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}


def _split_byday(value):
    """ "2TU" -> (2, "TU"); "TU" -> (None, "TU")."""
    number, day = value[:-2], value[-2:]
    return (int(number) if number else None), day


def describe(recurrence, start):
    """The rule in words, in the active language; "" for no rule."""
    try:
        parts = parse_rule(recurrence)
    except ValueError:
        return ""
    if not parts:
        return ""
    names = _weekday_names()
    interval = int(parts.get("INTERVAL") or 1)
    freq = parts["FREQ"]
    local = start.astimezone(BERLIN)
    byday = [_split_byday(item) for item in parts.get("BYDAY", "").split(",") if item]
    if freq == "DAILY":
        text = (
            _("daily")
            if interval == 1
            else ngettext("every %(n)s days", "every %(n)s days", interval) % {"n": interval}
        )
    elif freq == "WEEKLY":
        days = _join(names[day] for _n, day in byday) or names[WEEKDAYS[local.weekday()]]
        if interval == 1:
            text = _("every week on %(days)s") % {"days": days}
        elif interval == 2:
            text = _("every other week on %(days)s") % {"days": days}
        else:
            text = _("every %(n)s weeks on %(days)s") % {"n": interval, "days": days}
    elif freq == "MONTHLY":
        if byday and byday[0][0] is not None:
            number, day = byday[0]
            text = _("every %(nth)s %(day)s of the month") % {
                "nth": _ordinal(number),
                "day": names[day],
            }
        else:
            day_of_month = parts.get("BYMONTHDAY") or str(local.day)
            text = _("monthly on day %(day)s") % {"day": day_of_month}
        if interval > 1:
            text = _("%(rule)s, every %(n)s months") % {"rule": text, "n": interval}
    else:
        text = _("every year on %(day)s") % {"day": date_format(local.date(), "j. F")}
        if interval > 1:
            text = _("%(rule)s, every %(n)s years") % {"rule": text, "n": interval}
    last = until_day(parts)
    if last is not None:
        text = _("%(rule)s, until %(date)s") % {"rule": text, "date": dates.format_day(last)}
    elif parts.get("COUNT"):
        count = int(parts["COUNT"])
        text = ngettext("%(rule)s, %(n)s date", "%(rule)s, %(n)s dates", count) % {
            "rule": text,
            "n": count,
        }
    return text
