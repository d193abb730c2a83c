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
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

import dateparser
from dateparser.timezone_parser import pop_tz_offset_from_string
from dateutil import parser as dateutil_parser

from extractors.limits import checkpoint

__all__ = [
    "BUDDHIST_ERA_LANGUAGES",
    "DATE_PATTERN",
    "DMY",
    "MARKS",
    "MDY",
    "YMD",
    "ParsedDate",
    "ascii_digits",
    "default_order",
    "find_date",
    "numeric_order",
    "parse_date",
    "reads_buddhist_era",
]

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


_BMP = 0x10000


def _mark_class() -> str:
    """The combining marks (Unicode categories Mn, Mc) as a character class's
    ranges: the vowel signs of Thai, Burmese and the Indic scripts, which month
    names hold ("กุมภาพันธ์", "अक्टूबर") and ``\\w`` does not count as letters. Those of
    the Basic Multilingual Plane: the planes above hold historic scripts' marks, and
    reading them would cost 0.2 s at import, against 15 ms."""
    marks = [c for c in range(_BMP) if unicodedata.category(chr(c)) in ("Mn", "Mc")]
    ranges, start = [], marks[0]
    for previous, char in zip(marks, [*marks[1:], -1], strict=True):
        if char != previous + 1:
            ranges.append(f"{chr(start)}-{chr(previous)}" if previous > start else chr(start))
            start = char
    return "".join(ranges)


#: The combining marks, for a character class: ``f"[{MARKS}]"``.
MARKS = _mark_class()
# A month's name, or its abbreviation with inner dots ("ม.ค.", Thai for January).
_MONTH_WORD = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}]|\.(?=[^\W\d_])){{2,}}\.?"
# The Thai solar calendar counts Buddhist Era years, 543 over the Common Era's:
# "21 มกราคม 2562" is 21 January 2019. A year from 2400 (1857) is one of them on a
# page in Thai, and no date on any other page.
BUDDHIST_ERA_LANGUAGES = frozenset({"th"})
_BUDDHIST_ERA_OFFSET = 543
_FIRST_BUDDHIST_ERA_YEAR = 2400
_DATE = (
    r"(?:(?:19|20)\d\d-\d\d-\d\d"  # 2022-04-21
    # Year first: 2022.04.21, 2022/4/21, 2022. 04. 21. (hu), 2022年4月21日, 2022년 4월 21일
    r"|(?:19|20)\d\d\s*(?:[./年년]|\.\s)\s*\d{1,2}\s*(?:[./月월]|\.\s)\s*\d{1,2}(?:\s*[日일.])?"
    rf"|(?:19|20)\d\d\.?\s+(?:m\.\s+)?{_MONTH_WORD}\s+\d{{1,2}}\.?(?:\s*d\.)?"  # 2022. április 21.
    # 21.04.2022, 20 - 04 - 2022, 21/01/2562; never a part of a longer number
    # ("1402/08/26", a Persian date, holds "02/08/26")
    r"|(?<!\d)\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:19|20|25)?\d\d(?!\d)"
    # 21 april 2022, 8. März 2022, 22 de outubro de 2010, 21 ม.ค. 2562
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH_WORD}\s+(?:de\s+|del\s+)?(?:19|20|25)\d\d"
    rf"|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"  # April 21, 2022
)
#: A date inside a line of text (no time): where a byline's names end.
DATE_PATTERN = re.compile(_DATE, re.I)
_TIME = r"\d{1,2}\s*[:h]\s*\d\d(?:\s*[ap]\.?m\.?)?"
# Words that may stand between a date and its time: "-", "à", "às", "om", "um", "at",
# "على الساعة" (Arabic: "at the hour").
_JOINER = r"(?:\s*[-–|,/]?\s*(?:à|às|a las|om|um|at|o|على الساعة|الساعة)?\s*[-–,]?\s*)"
_DATE_TIME = re.compile(rf"(?P<date>{_DATE})(?:{_JOINER}(?P<time>{_TIME}))?", re.I)
# A date and time closed by a timezone's abbreviation instead of an offset
# ("2021-01-03T17:40:00EET" in the JSON-LD of a Latvian news site, "... CET", "EST").
_ISO_ZONE_NAME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*[A-Za-z]{2,5}")
# Chinese, Japanese and Korean date marks, read as ISO separators: 2022年4月21日.
_CJK_MARKS = str.maketrans({"年": "-", "月": "-", "日": " ", "년": "-", "월": "-", "일": " "})


class _AsciiDigits(dict[int, int]):
    """A ``str.translate`` table: every decimal digit (Arabic-Indic "٢", Persian "۲",
    Devanagari "२", Burmese "၂", fullwidth "２"...) to its ASCII digit, as the
    Unicode database gives it, filled as characters come."""

    def __missing__(self, char: int) -> int:
        digit = unicodedata.decimal(chr(char), None)
        self[char] = value = char if digit is None else ord("0") + digit
        return value


_ASCII_DIGITS = _AsciiDigits()


def ascii_digits(text: str) -> str:
    """``text`` with its digits in ASCII, character for character (the positions of a
    match hold in ``text`` too), for the patterns and parsers that read ASCII digits.

    >>> ascii_digits("١٢ أغسطس ٢٠١٣"), ascii_digits("２０２２年")
    ('12 أغسطس 2013', '2022年')
    """
    return text if text.isascii() else text.translate(_ASCII_DIGITS)


#: Orders of a numeric date: year-month-day, day-month-year, month-day-year.
YMD, DMY, MDY = "YMD", "DMY", "MDY"
# Languages that write a short numeric date year first ("19/4/14" is 14 April 2019
# in Japanese; "19-04-14" in Swedish, "19. 04. 14." in Hungarian).
_YEAR_FIRST = frozenset({"ja", "zh", "ko", "hu", "lt", "sv"})
# Regions that write the month first ("4/5/2022" is 5 April in en-US).
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "pw", "mh"})
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(?:19|20)?\d\d(?![\d])")
MONTHS = 12


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date as found (``raw``) and in ISO 8601 (``iso``)."""

    raw: str
    iso: str


def _iso(value: datetime, has_time: bool) -> str:
    if not has_time:
        return value.date().isoformat()
    return value.isoformat()


def default_order(language: str | None) -> str:
    """The order a page's numeric dates are read in, from its language tag.

    >>> default_order("ja"), default_order("en-US"), default_order("en-GB"), default_order(None)
    ('YMD', 'MDY', 'DMY', 'DMY')
    """
    if not language:
        return DMY
    code, _, region = language.replace("_", "-").lower().partition("-")
    if code in _YEAR_FIRST:
        return YMD
    if region[:2] in _MONTH_FIRST_REGIONS:
        return MDY
    return DMY


def numeric_order(texts: list[str], language: str | None) -> str:
    """The order of the numeric dates in ``texts``, the page's date lines: a date
    whose first number is over 12 is day first ("25/12/2019"), one whose second
    is, month first ("12/25/2019"); the page's language decides when none is
    plain, and always for a year-first language.

    >>> numeric_order(["Posted 12/25/2019", "4/5/2020"], "en")
    'MDY'
    >>> numeric_order(["4/5/2020"], "en"), numeric_order(["25/12/19"], "ja")
    ('DMY', 'YMD')
    """
    order = default_order(language)
    if order == YMD:
        return order
    day_first = month_first = 0
    for text in texts:
        for first, second in _NUMERIC.findall(text):
            if int(first) > MONTHS >= int(second):
                day_first += 1
            elif int(second) > MONTHS >= int(first):
                month_first += 1
    if day_first != month_first:
        return DMY if day_first > month_first else MDY
    return order


def parse_date(
    raw: str | None, language: str | None = None, order: str | None = None
) -> ParsedDate | None:
    """Parse a date string from structured data or a visible date line.

    ``language`` is the page's language tag; ``order`` the order of its numeric
    dates (:func:`numeric_order`; by default, the language's).

    >>> parse_date("2022-03-09T10:15:00+01:00").iso
    '2022-03-09T10:15:00+01:00'
    >>> parse_date("2022-04-20").iso
    '2022-04-20'
    >>> parse_date("2021-01-03T17:40:00EET").iso
    '2021-01-03T17:40:00+02:00'
    >>> parse_date("21 april 2022 - 17:40", "nl").iso
    '2022-04-21T17:40:00'
    >>> parse_date("19/4/14", "ja").iso, parse_date("19/4/14", "fr").iso
    ('2019-04-14', '2014-04-19')
    >>> parse_date("nonsense") is None
    True
    """
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    ascii_raw = ascii_digits(raw)
    structured = _from_iso(ascii_raw)
    if structured is not None:
        return ParsedDate(raw, structured)
    match = _DATE_TIME.search(ascii_raw)
    if match is None:
        return None
    return _from_match(match, language, raw, order)


def _from_iso(raw: str) -> str | None:
    text = raw.replace("Z", "+00:00") if raw.endswith("Z") else raw
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return _with_zone_name(raw)


def _with_zone_name(raw: str) -> str | None:
    """An ISO 8601 date and time closed by a timezone's abbreviation, which the
    standard library does not read, with the offset dateparser's table gives it.

    >>> _with_zone_name("2021-01-03T17:40:00EET"), _with_zone_name("2021-01-03 17:40 EST")
    ('2021-01-03T17:40:00+02:00', '2021-01-03T17:40:00-05:00')
    >>> _with_zone_name("2021-01-03T17:40:00 XYZ") is None
    True
    """
    if _ISO_ZONE_NAME.fullmatch(raw) is None:
        return None
    rest, zone = pop_tz_offset_from_string(raw)
    if not isinstance(zone, tzinfo):
        return None
    try:
        return datetime.fromisoformat(rest.strip()).replace(tzinfo=zone).isoformat()
    except ValueError:
        return None


def _from_match(
    match: re.Match[str], language: str | None, raw: str, order: str | None = None
) -> ParsedDate | None:
    """The date ``match`` found in ``ascii_digits(raw)``; its ``raw`` is the page's
    own writing, digits and all."""
    day, clock = match.group("date"), match.group("time")
    day = day.translate(_CJK_MARKS).strip()
    text = f"{day} {clock.replace('h', ':')}" if clock else day
    order = order or default_order(language)
    code = _language_code(language)
    value = _common_era(_standard(text, order) or _localized(text, code, order), code)
    if value is None:
        return None
    found = raw[match.start() : match.end()].strip()
    return ParsedDate(raw=found, iso=_iso(value, clock is not None))


def _language_code(language: str | None) -> str | None:
    """The language of the tag ``language``, lower-cased: "th-TH" and "TH" are "th"."""
    return language.replace("_", "-").partition("-")[0].lower() if language else None


def reads_buddhist_era(language: str | None) -> bool:
    """Whether a page whose language tag is ``language`` may date in the Buddhist Era.

    >>> reads_buddhist_era("th-TH"), reads_buddhist_era("en"), reads_buddhist_era(None)
    (True, False, False)
    """
    return _language_code(language) in BUDDHIST_ERA_LANGUAGES


def _common_era(value: datetime | None, language: str | None) -> datetime | None:
    """``value`` with a Buddhist Era year read as the Common Era's on a page in Thai;
    None for a year that high elsewhere, or a 29 February the Common Era year lacks."""
    if value is None or value.year < _FIRST_BUDDHIST_ERA_YEAR:
        return value
    if language not in BUDDHIST_ERA_LANGUAGES:
        return None
    try:
        return value.replace(year=value.year - _BUDDHIST_ERA_OFFSET)
    except ValueError:
        return None


def _standard(text: str, order: str = DMY) -> datetime | None:
    """ISO 8601 with the standard library, then numeric (in ``order``) and English
    dates with dateutil, which fails on any word it does not know ("Juli")."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        # Not for "2022-05-04": dateutil reads it day first, as 5 April.
        return dateutil_parser.parse(text, dayfirst=order == DMY, yearfirst=order == YMD)
    except (ValueError, OverflowError):
        return None


def _localized(text: str, language: str | None, order: str = DMY) -> datetime | None:
    """Month names in any language, with dateparser."""
    languages = [language] if language else None
    # dateparser takes milliseconds a call: a page of thousands of date-like
    # strings must not outlast the extraction's deadline.
    checkpoint("parsing a date")
    try:
        settings = _SETTINGS if order == DMY else {**_SETTINGS, "DATE_ORDER": order}
        value = dateparser.parse(text, languages=languages, settings=settings)
        if value is None and languages:
            value = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, KeyError):
        # dateparser raises these on out-of-range parts ("31-02-2022"): not a date.
        return None
    return value


def find_date(
    text: str, language: str | None = None, order: str | None = None
) -> ParsedDate | None:
    """The first date in a line of visible text.

    >>> find_date("Publié dans Maroc Diplomatique le 20 - 04 - 2022", "fr")
    ParsedDate(raw='20 - 04 - 2022', iso='2022-04-20')
    >>> find_date("السبت 23 أبريل 2022 على الساعة 00:05", "ar").iso
    '2022-04-23T00:05:00'
    """
    for match in _DATE_TIME.finditer(ascii_digits(text)):
        parsed = _from_match(match, language, text, order)
        if parsed is not None:
            return parsed
    return None
