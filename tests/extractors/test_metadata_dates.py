"""Dates: extractors/metadata/dates.py."""

from __future__ import annotations

import pytest

from extractors.metadata.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("raw", "language", "iso"),
    [
        ("2022-03-09T10:15:00+01:00", None, "2022-03-09T10:15:00+01:00"),
        ("2022-05-11T08:30:00Z", None, "2022-05-11T08:30:00+00:00"),
        ("2022-04-20", None, "2022-04-20"),
        ("21 april 2022 - 17:40", "nl", "2022-04-21T17:40:00"),
        ("السبت 23 أبريل 2022 على الساعة 00:05", "ar", "2022-04-23T00:05:00"),
        ("20 - 04 - 2022", "fr", "2022-04-20"),
        ("8. März 2022", "de", "2022-03-08"),
        ("April 21, 2022 at 5:40 pm", "en", "2022-04-21T17:40:00"),
        # Numeric dates are day first; an ISO date in a text line stays year-month-day.
        ("04.05.2022", None, "2022-05-04"),
        ("Updated 2022-05-04 10:30", None, "2022-05-04T10:30:00"),
        ("November 18th, 2019 11:04 a.m.", None, "2019-11-18T11:04:00"),
        # A month name dateutil does not know: dateparser reads it, with or without
        # the page's language.
        ("30. Juli 2018", None, "2018-07-30"),
        ("23 mai 2022", "fr", "2022-05-23"),
        # Digits of other scripts, in visible lines and in structured values.
        ("２０２２年４月２１日", "ja", "2022-04-21"),
        ("٢٠٢٢-٠٤-٢٠", None, "2022-04-20"),
        # The Thai solar calendar: Buddhist Era years, 543 over the Common Era's.
        ("21 มกราคม 2562", "th", "2019-01-21"),
        ("21 ม.ค. 2562 13:49 น.", "th", "2019-01-21T13:49:00"),
        ("21/01/2562", "th", "2019-01-21"),
        # A structured date and time closed by a timezone's abbreviation: the time
        # stays, with the zone's offset.
        ("2021-01-03T17:40:00EET", None, "2021-01-03T17:40:00+02:00"),
        ("2021-01-03T17:40:00 CET", None, "2021-01-03T17:40:00+01:00"),
        ("2021-01-03T17:40EST", None, "2021-01-03T17:40:00-05:00"),
        # An abbreviation no table holds: the day only, as before.
        ("2021-01-03T17:40:00QQQ", None, "2021-01-03"),
    ],
)
def test_parse_date(raw: str, language: str | None, iso: str) -> None:
    parsed = parse_date(raw, language)
    assert parsed is not None
    assert parsed.iso == iso


@pytest.mark.parametrize("raw", ["", "mai 2022", "17:40", "31-02-2022", "no date here"])
def test_not_a_full_date(raw: str) -> None:
    assert parse_date(raw, "fr") is None


def test_find_date_keeps_the_raw_substring() -> None:
    found = find_date("Publié dans Maroc Diplomatique le 20 - 04 - 2022", "fr")
    assert found is not None
    assert (found.raw, found.iso) == ("20 - 04 - 2022", "2022-04-20")


@pytest.mark.parametrize(
    ("raw", "language"),
    [
        # A Buddhist Era year on a page not in Thai, and a part of one ("21/01/25").
        ("21/01/2562", "en"),
        ("21 January 2562", "en"),
        # A Solar Hijri (Persian) date is not 2 August 2026 ("02/08/26" inside it).
        ("۱۴۰۲/۰۸/۲۶", "fa"),
    ],
)
def test_no_date_from_another_calendar_s_numbers(raw: str, language: str) -> None:
    assert parse_date(raw, language) is None
