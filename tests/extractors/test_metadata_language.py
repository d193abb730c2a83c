"""Languages: extractors/metadata/language.py, on texts and pages written by hand."""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.metadata.language import detect_language, page_language

GERMAN = (
    "Der Stadtrat hat am Montag beschlossen, die alte Brücke über den Fluss zu schließen. "
    "Die Sanierung soll im kommenden Frühjahr beginnen und etwa zwei Jahre dauern. "
    "Bis dahin müssen Fußgänger und Radfahrer einen Umweg über die neue Fähre nehmen, "
    "die alle zwanzig Minuten fährt."
)
NORWEGIAN = (
    "Regjeringen vil styrke beredskapen i hele landet, sier statsministeren. Det blir "
    "flere penger til politiet og brannvesenet neste år, og kommunene får et større "
    "ansvar for å planlegge for kriser. Opposisjonen mener forslaget kommer altfor sent."
)
CROATIAN = (
    "Vlada je u četvrtak usvojila prijedlog zakona o zaštiti okoliša, koji bi trebao "
    "stupiti na snagu početkom sljedeće godine. Ministar je rekao da će nove mjere "
    "smanjiti zagađenje zraka u velikim gradovima."
)


def test_a_page_declared_in_english_but_written_in_german_is_german() -> None:
    # A template's default declaration (WordPress's lang="en-US") over a German text.
    page = (
        f'<html lang="en-US"><body><article><h1>Brücke</h1><p>{GERMAN}</p></article></body></html>'
    )
    assert extract(page, "https://news.test/a").language == "de"


@pytest.mark.parametrize(
    ("declared", "text"),
    [
        # Related languages stay as declared: py3langid tells them apart less surely.
        ("da", NORWEGIAN),
        ("sr", CROATIAN),
        ("de", GERMAN),
    ],
)
def test_the_declaration_stands_unless_the_text_is_surely_another_language(
    declared: str, text: str
) -> None:
    assert page_language(declared, text) == declared


def test_a_short_text_never_overrules_the_declaration() -> None:
    assert page_language("en", GERMAN[:80]) == "en"


def test_undeclared_pages_are_detected() -> None:
    assert page_language(None, GERMAN) == detect_language(GERMAN) == "de"
