"""Month and weekday names (articles.calendar, which the datelines of articles/metadata.py
also read)."""
from articles.calendar import MONTH_OF, MONTHS, WEEKDAYS

__all__ = ["MONTHS", "MONTH_OF", "WEEKDAYS"]
