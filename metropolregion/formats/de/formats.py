"""German: Django's formats ("24. Juni 2025", 24-hour clock) and the portal's named ones
(metropolregion/formats/__init__.py)."""

WEEKDAY_DATE_FORMAT = "D., j. F Y"  # Di., 24. Juni 2025
WEEKDAY_MONTH_DAY_FORMAT = "D., j. F"  # Di., 24. Juni
LONG_WEEKDAY_DATE_FORMAT = "l, j. F Y"  # Dienstag, 24. Juni 2025
CLOCK_SUFFIX_FORMAT = r"\U\h\r"  # 10:00-16:30 Uhr
