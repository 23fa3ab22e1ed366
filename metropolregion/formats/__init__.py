"""How dates and times read in each language (FORMAT_MODULE_PATH): Django's own formats of
the language, with the portal's changes and its named formats on top.

Named formats of the portal (pass the name where a format string goes: the `date`
filter, `django.utils.formats.date_format`); every language module defines all of them:

- WEEKDAY_DATE_FORMAT: an event's day, "Di., 24. Juni 2025" / "Tue, 24 June 2025"
- WEEKDAY_MONTH_DAY_FORMAT: the same without the year (a programme day)
- LONG_WEEKDAY_DATE_FORMAT: the full date for screen readers, "Tuesday, 24 June 2025"
- CLOCK_SUFFIX_FORMAT: what follows a clock time or a range of them, applied to the
  (last) moment: "Uhr" in German, the zone in English ("CET", "CEST")
"""
