"""Dates: ISO 8601 strings from structured data, localized dates from visible text.

Structured values (JSON-LD, meta tags, ``<time datetime>``) are ISO 8601 nearly
always and parse with the standard library. Visible date lines ("21 april 2022 -
17:40", "السبت 23 أبريل 2022", "20 - 04 - 2022") are found with a pattern and
parsed by the fastest library that reads them: the standard library for ISO
8601, dateutil for numeric and English dates (microseconds a call), dateparser,
which knows month and weekday names in 200 locales, for the rest (milliseconds a
call).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import dateparser
from dateutil import parser as dateutil_parser

from extractors.limits import checkpoint

__all__ = ["DATE_PATTERN", "ParsedDate", "find_date", "parse_date"]

# dateparser settings: day before month when a numeric date is ambiguous (the
# order of most of the world's news sites), and a date needs all three parts, so
# "mai 2022" or "17:40" alone is not taken for a publication day.
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    # The pattern below has matched an absolute date: relative dates ("2 hours
    # ago") and timestamps never apply, and trying them costs time on every call.
    "PARSERS": ["absolute-time"],
}

_MONTH_WORD = r"[^\W\d_]{3,}\.?"
_DATE = (
    r"(?:(?:19|20)\d\d-\d\d-\d\d"  # 2022-04-21
    r"|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:19|20)?\d\d"  # 21.04.2022, 20 - 04 - 2022
    rf"|\d{{1,2}}\.?\s+{_MONTH_WORD}\s+(?:19|20)\d\d"  # 21 april 2022, 8. März 2022
    rf"|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"  # April 21, 2022
)
#: A date inside a line of text (no time): where a byline's names end.
DATE_PATTERN = re.compile(_DATE, re.I)
_TIME = r"\d{1,2}\s*[:h]\s*\d\d(?:\s*[ap]\.?m\.?)?"
# Words that may stand between a date and its time: "-", "à", "om", "um", "at",
# "على الساعة" (Arabic: "at the hour").
_JOINER = r"(?:\s*[-–|,/]?\s*(?:à|a las|om|um|at|o|على الساعة|الساعة)?\s*[-–,]?\s*)"
_DATE_TIME = re.compile(rf"(?P<date>{_DATE})(?:{_JOINER}(?P<time>{_TIME}))?", re.I)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date as found (``raw``) and in ISO 8601 (``iso``)."""

    raw: str
    iso: str


def _iso(value: datetime, has_time: bool) -> str:
    if not has_time:
        return value.date().isoformat()
    return value.isoformat()


def parse_date(raw: str | None, language: str | None = None) -> ParsedDate | None:
    """Parse a date string from structured data or a visible date line.

    >>> parse_date("2022-03-09T10:15:00+01:00").iso
    '2022-03-09T10:15:00+01:00'
    >>> parse_date("2022-04-20").iso
    '2022-04-20'
    >>> parse_date("21 april 2022 - 17:40", "nl").iso
    '2022-04-21T17:40:00'
    >>> parse_date("nonsense") is None
    True
    """
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    structured = _from_iso(raw)
    if structured is not None:
        return ParsedDate(raw, structured)
    match = _DATE_TIME.search(raw)
    if match is None:
        return None
    return _from_match(match, language, raw)


def _from_iso(raw: str) -> str | None:
    text = raw.replace("Z", "+00:00") if raw.endswith("Z") else raw
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str], language: str | None, raw: str) -> ParsedDate | None:
    day, clock = match.group("date"), match.group("time")
    text = f"{day} {clock.replace('h', ':')}" if clock else day
    value = _standard(text) or _localized(text, language)
    if value is None:
        return None
    return ParsedDate(raw=match.group(0).strip(), iso=_iso(value, clock is not None))


def _standard(text: str) -> datetime | None:
    """ISO 8601 with the standard library, then numeric (day first) and English
    dates with dateutil, which fails on any word it does not know ("Juli")."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        # Not for "2022-05-04": dateutil reads it day first, as 5 April.
        return dateutil_parser.parse(text, dayfirst=True)
    except (ValueError, OverflowError):
        return None


def _localized(text: str, language: str | None) -> datetime | None:
    """Month names in any language, with dateparser."""
    languages = [language] if language else None
    # dateparser takes milliseconds a call: a page of thousands of date-like
    # strings must not outlast the extraction's deadline.
    checkpoint("parsing a date")
    try:
        value = dateparser.parse(text, languages=languages, settings=_SETTINGS)
        if value is None and languages:
            value = dateparser.parse(text, settings=_SETTINGS)
    except (ValueError, OverflowError, KeyError):
        # dateparser raises these on out-of-range parts ("31-02-2022"): not a date.
        return None
    return value


def find_date(text: str, language: str | None = None) -> ParsedDate | None:
    """The first date in a line of visible text.

    >>> find_date("Publié dans Maroc Diplomatique le 20 - 04 - 2022", "fr")
    ParsedDate(raw='20 - 04 - 2022', iso='2022-04-20')
    >>> find_date("السبت 23 أبريل 2022 على الساعة 00:05", "ar").iso
    '2022-04-23T00:05:00'
    """
    for match in _DATE_TIME.finditer(text):
        parsed = _from_match(match, language, text)
        if parsed is not None:
            return parsed
    return None
