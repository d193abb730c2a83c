"""Text cleanup: extractors/text.py."""

from __future__ import annotations

import pytest

from extractors.text import _NEEDS_FTFY, clean, collapse, join_paragraphs


def test_mojibake_is_repaired() -> None:
    assert clean("SecrÃ©taire dâ€™Ã‰tat") == "Secrétaire d’État"


def test_double_encoded_utf8_is_repaired() -> None:
    once = "Marrakech, Zürich".encode().decode("latin-1")
    assert clean(once) == "Marrakech, Zürich"


def test_arabic_stays_in_logical_order_with_its_quotes() -> None:
    text = "في ماي المقبل.. “داعش” يجمع بلينكن وألباريس في مراكش!"
    assert clean(text) == text


def test_typographic_quotes_and_guillemets_are_kept() -> None:
    assert clean("«\N{NO-BREAK SPACE}Outre „so“ ») ") == "« Outre „so“ »)"


def test_invisible_characters_go_but_joiners_stay() -> None:
    persian = "می\N{ZERO WIDTH NON-JOINER}خواهم"
    assert clean(f"a\N{ZERO WIDTH SPACE}b {persian}") == f"ab {persian}"


def test_whitespace_runs_fold() -> None:
    assert collapse(" a \n\n b\t c ") == "a b c"
    assert join_paragraphs(["a", "b"]) == "a\n\nb"


@pytest.mark.parametrize(
    "text",
    ["CafÃ©", "itâ€™s", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "a\x85b", "Tom &amp; Jerry", "it&#39;s", "e&#x301;", "ﬁne",
     "\x1b[0m", "broken \ufffd byte"],
)  # fmt: skip
def test_signs_of_repairable_text_send_it_to_ftfy(text: str) -> None:
    assert _NEEDS_FTFY.search(text)


@pytest.mark.parametrize(
    "text",
    ["café naïve Ñandú", "Straße 12 €", "السبت 23 أبريل", "你好，世界", "AT&T & co", "A & B;", "Ã",
     "Ã ", "œuvre"],
)  # fmt: skip
def test_clean_text_in_any_script_skips_ftfy(text: str) -> None:
    assert not _NEEDS_FTFY.search(text)
