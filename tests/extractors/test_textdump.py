"""extract_text() on the seeds as text, and the guarantees it shares with extract().

The text fixtures (fixtures/text/<slug>/) hold each seed dump byte for byte and
an expected.json written by hand: the article lines of the seed, as a person
chose them reading it, and the title, date and language the text shows. The
noise lines are those of the seed's HTML fixture (its meta.json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import Article, InputError, extract_text
from extractors.evaluation.fixtures import leaks
from extractors.limits import Limits
from extractors.textdump import explain_text
from extractors.textdump.lines import MAX_LINES

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TEXT_FIXTURES = sorted(p for p in (FIXTURES / "text").iterdir() if p.is_dir())


def _read(folder: Path) -> tuple[str, dict[str, Any], dict[str, Any]]:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return (folder / "seed.txt").read_text(encoding="utf-8"), meta, expected


def _html_fixture(meta: dict[str, Any]) -> Path:
    return FIXTURES / meta["html_fixture"]


def _diff(body: str, expected: str) -> str:
    got, want = body.split("\n\n"), expected.split("\n\n")
    return "\n".join(
        [f"  missing: {p[:90]!r}" for p in want if p not in got]
        + [f"  extra:   {p[:90]!r}" for p in got if p not in want]
    )


@pytest.mark.parametrize("folder", TEXT_FIXTURES, ids=[p.name for p in TEXT_FIXTURES])
def test_seed_body_exactly(folder: Path) -> None:
    dump, meta, expected = _read(folder)
    article = extract_text(dump, meta["url"])
    assert article.body == expected["body"], "body differs:\n" + _diff(
        article.body, expected["body"]
    )
    noise = json.loads((_html_fixture(meta) / "meta.json").read_text(encoding="utf-8"))["noise"]
    assert not leaks(article.body, noise)


@pytest.mark.parametrize("folder", TEXT_FIXTURES, ids=[p.name for p in TEXT_FIXTURES])
def test_seed_title_date_language(folder: Path) -> None:
    dump, meta, expected = _read(folder)
    article = extract_text(dump, meta["url"])
    for name in ("title", "published", "published_raw", "language"):
        assert getattr(article, name) == expected[name], f"{name} differs"
    assert article.extractor == "text"
    assert article.reason is None


@pytest.mark.parametrize("folder", TEXT_FIXTURES, ids=[p.name for p in TEXT_FIXTURES])
def test_text_fixture_agrees_with_its_html_fixture(folder: Path) -> None:
    """The same seed, the same article: the hand-written bodies of the text fixture
    and of the HTML reconstruction are equal, and the dump is the seed as it is."""
    dump, meta, expected = _read(folder)
    html = _html_fixture(meta)
    assert (folder / "seed.txt").read_bytes() == (html / "seed.txt").read_bytes()
    html_expected = json.loads((html / "expected.json").read_text(encoding="utf-8"))
    assert expected["body"] == html_expected["body"]
    assert expected["language"] == html_expected["language"]
    noise = json.loads((html / "meta.json").read_text(encoding="utf-8"))["noise"]
    assert not leaks(expected["body"], noise)
    lines = {" ".join(line.split()) for line in dump.splitlines()}
    assert all(p in lines for p in expected["body"].split("\n\n")), "a body line not in the seed"


def test_every_dropped_line_has_a_reason() -> None:
    dump, meta, _ = _read(FIXTURES / "text" / "marokkonieuws-blinken-mei-marokko")
    verdicts = {v.text: v.reason for v in explain_text(dump, meta["url"])}
    assert verdicts["Lees meer"] == "related-heading"
    assert verdicts["21 april 2022 - 17:40 - Marokko"] == "date-line"
    assert (
        verdicts["Lees ook: Antony Blinken ontmoet prins van Abu Dhabi in Marokko"] == "read-also"
    )
    assert all(reason for text, reason in verdicts.items() if text.startswith("Op verzoek"))


def test_ticker_of_wide_gaps_is_one_dropped_line() -> None:
    dump, _, _ = _read(FIXTURES / "text" / "revue-de-presse-blinken-attendu")
    first = explain_text(dump)[0]
    assert first.reason == "ticker"
    assert first.text.startswith("Selon Oxford Analytica")


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "empty-input"), ("  \n\t\n", "empty-input"), ("Home\nNews\nSport", "no-article")],
)
def test_no_article_gives_a_reason(text: str, reason: str) -> None:
    article = extract_text(text, "https://n.test/a")
    assert (article.body, article.reason, article.url) == ("", reason, "https://n.test/a")


def test_too_large_and_timeout() -> None:
    assert extract_text("word " * 100, limits=Limits(max_bytes=50)).reason == "too-large"
    assert (
        extract_text(
            "A sentence that is long enough to count. " * 9, limits=Limits(max_seconds=0)
        ).reason
        == "timeout"
    )


def test_lines_past_the_bound_are_not_read() -> None:
    article_line = "The minister, who arrived on Monday, will travel to Rabat in May."
    dump = "Menu\n" * MAX_LINES + article_line
    assert extract_text(dump).reason == "no-article"


@pytest.mark.parametrize("bad", [b"bytes", 3, None])
def test_wrong_types_raise_input_error(bad: object) -> None:
    with pytest.raises(InputError, match="extract_text"):
        extract_text(bad)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        extract_text("text", url=b"https://n.test/")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_any_text_gives_an_article(text: str) -> None:
    article = extract_text(text)
    assert isinstance(article, Article)
    assert article.body or article.reason
    assert not any(ch in article.body for ch in "\x00\x0b\x1b")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Home",
                "Lees ook: Blinken in Rabat",
                "21 april 2022 - 17:40",
                "The minister, who arrived on Monday, will travel to Rabat in May.",
                "Le ministre, arrivé lundi, se rendra à Rabat en mai avec sa délégation.",
                "© 2022 Example. All rights reserved.",
                "   ",
                "a   b   c   d",
            ]
        ),
        max_size=60,
    )
)
def test_body_lines_come_from_the_dump_in_order(lines: list[str]) -> None:
    dump = "\n".join(lines)
    body = extract_text(dump).body
    kept = [v.text for v in explain_text(dump) if v.kept]
    assert body == "\n\n".join(kept)
