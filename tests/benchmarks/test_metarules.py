"""The metadata comparison rules of benchmarks.metarules (issue 14)."""

from __future__ import annotations

import pytest

from benchmarks.metarules import (
    FIELDS,
    byline_matches,
    same_day,
    site_matches,
    title_matches,
    title_undecorated,
)


@pytest.mark.parametrize(
    ("expected", "found", "right"),
    [
        ("Kyiv braces for winter", "Kyiv braces for winter", True),
        ("Kyiv  braces\nfor winter ", " Kyiv braces for winter", True),
        ("Kyiv braces for winter", "kyiv braces for winter", False),  # case counts
        ("Kyiv braces for winter", "Kyiv braces for winter | The Paper", False),
        ("Kyiv braces for winter", None, False),
        ("Kyiv braces for winter", "  ", False),
    ],
)
def test_title_is_exact_after_whitespace_folding(
    expected: str, found: str | None, right: bool
) -> None:
    assert title_matches(expected, found) is right


@pytest.mark.parametrize(
    ("expected", "found", "right"),
    [
        ("By Alex Hutchinson", "Alex Hutchinson", True),  # ours inside theirs
        ("alex hutchinson", "Alex  Hutchinson", True),  # casefolded, folded
        ("Jane Doe", "Jane Doe, John Roe", True),  # theirs inside ours
        ("By Jane Doe and John Roe", "Jane Doe, John Roe", False),  # neither inside
        ("Alex Hutchinson", "Condé Nast", False),
        ("Alex Hutchinson", "", False),  # "" is inside everything: never right
        ("Alex Hutchinson", None, False),
    ],
)
def test_byline_is_right_when_one_is_inside_the_other(
    expected: str, found: str | None, right: bool
) -> None:
    assert byline_matches(expected, found) is right


@pytest.mark.parametrize(
    ("expected", "found", "right"),
    [
        ("2019-01-03T07:00:02.000Z", "2019-01-03", True),
        ("2019-01-03", "2019-01-03T23:59:00+05:00", True),
        ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00", True),
        ("2015-07-24T05:36:09+01:00", "2015-07-24T04:36:09+00:00", True),
        ("2015-07-24T00:30:00+01:00", "2015-07-23T23:30:00+00:00", False),  # no zone maths
        ("2015-07-24", "2014-07-24", False),
        ("2015-07-24", "24 July 2015", False),  # not ISO 8601: not a day we can compare
        ("2015-07-24", None, False),
    ],
)
def test_published_time_is_the_same_calendar_day(
    expected: str, found: str | None, right: bool
) -> None:
    assert same_day(expected, found) is right


@pytest.mark.parametrize(
    ("expected", "found", "right"),
    [
        ("The Guardian", "the  guardian", True),
        ("GitLab", "GitLab Inc", False),
        ("GitLab", None, False),
    ],
)
def test_site_name_is_equal_casefolded(expected: str, found: str | None, right: bool) -> None:
    assert site_matches(expected, found) is right


def test_fields_are_the_ground_truth_keys_in_report_order() -> None:
    assert list(FIELDS) == ["title", "byline", "publishedTime", "siteName"]


@pytest.mark.parametrize(
    ("expected", "found", "undecorated"),
    [
        ("How to Build a Terrarium | eHow", "How to Build a Terrarium", True),
        ("Mozilla - Wikipedia", "Mozilla", True),
        (
            "LWN.net Weekly Edition for March 26, 2015 [LWN.net]",
            "LWN.net Weekly Edition for March 26, 2015",
            True,
        ),
        ("Opinion | Slow Trains", "Slow Trains", True),
        ("Slow Trains", "Slow Trains", False),  # a match, not a mismatch
        ("Slow Trains Win", "Slow Trains", False),  # no separator: a wrong title
        ("Slow Trains | Daily", None, False),
    ],
)
def test_title_undecorated_is_the_title_less_a_separated_part(
    expected: str, found: str | None, undecorated: bool
) -> None:
    assert title_undecorated(expected, found) is undecorated
