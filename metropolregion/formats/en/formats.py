"""English as read in Europe: the day before the month, a 24-hour clock, and times in
Berlin followed by the zone ("Tue, 1 December 2026, 10:00-16:30 CET"). Output formats
only: the input formats stay Django's (ISO first, which date inputs need)."""

DATE_FORMAT = "j F Y"  # 1 December 2026
TIME_FORMAT = "H:i"  # 10:00
DATETIME_FORMAT = "j F Y, H:i"  # 1 December 2026, 10:00
MONTH_DAY_FORMAT = "j F"  # 1 December
SHORT_DATE_FORMAT = "j M Y"  # 1 Dec 2026 (neither 12/01 nor 01/12)
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

WEEKDAY_DATE_FORMAT = "D, j F Y"  # Tue, 1 December 2026
WEEKDAY_MONTH_DAY_FORMAT = "D, j F"  # Tue, 1 December
LONG_WEEKDAY_DATE_FORMAT = "l, j F Y"  # Tuesday, 1 December 2026
CLOCK_SUFFIX_FORMAT = "T"  # 10:00-16:30 CET
