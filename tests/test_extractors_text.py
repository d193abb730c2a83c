"""Text cleanup: extractors/text.py."""

from __future__ import annotations

from extractors.text import clean, collapse, join_paragraphs


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
