"""extractors.caseless: a pattern matched ignoring case, lower-casing an ASCII text."""

from __future__ import annotations

import re

import pytest

from extractors.caseless import Caseless
from extractors.generic import lines
from extractors.textdump import rules

LINES = [
    "Read more",
    "READ MORE: the minister's visit",
    "Lees ook: Blinken ontmoet Bourita",
    "LIRE AUSSI",
    "Related Stories from The Times",
    "34 Comments",
    "Leave a Reply",
    "Click HERE to subscribe",
    "Cliquez ici pour lire l'article depuis sa source.",
    "ЧИТАЙТЕ ТАКЖЕ",
    "Читайте также: новости",
    "Μια πρόταση χωρίς κανόνα",
    "İstanbul'da yeni köprü",  # "İ" lower-cases to two characters
    "The ministers met in Marrakech on 11 May 2022.",
    "",
]
PATTERNS = [lines._RELATED_HEADING, lines._ANY_RULE, rules._CALL_TO_ACTION, rules._COMMENTS]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
@pytest.mark.parametrize("text", LINES)
def test_the_same_match_as_ignoring_case(pattern: Caseless, text: str) -> None:
    expected = re.compile(pattern.pattern, re.IGNORECASE).match(text)
    got = pattern.match(text)
    assert (got is None) == (expected is None)
    if got is not None and expected is not None:
        assert got.span() == expected.span()


def test_a_lowered_text_given_is_used() -> None:
    more = Caseless(r"^(?:read more)\b")
    assert more.match("Read more", "read more") is not None
    assert more.match("Read more", "something else") is None


@pytest.mark.parametrize("pattern", ["Read more", r"^(?:lees ook|Lire aussi)", "ça[A-Z]"])
def test_a_capital_letter_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="capital letter"):
        Caseless(pattern)


def test_escapes_are_no_letters() -> None:
    assert Caseless(r"^\W*\d+\s+comments?\b").match("12 COMMENTS") is not None
