"""Regression tests over the saved pages in fixtures/: one test per fixture and path.

Site path: title, published and language exactly as expected.json, body at
4-gram shingle F1 >= SITE_MIN_F1, no noise line. Generic path (generic=True): no
noise line, recall of the expected body >= GENERIC_MIN_RECALL. Fixtures whose
meta.json says "reviewed": false (drafts made by `scrapy savefixture`) are
collected but expected to fail their review check, never counted as passing.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.etree
import pytest

from extractors import Article, extract
from extractors.article import FETCH_FIELDS
from extractors.evaluation.fixtures import Fixture, find_fixtures, leaks
from extractors.evaluation.quality import score
from extractors.page.tree import text_of
from extractors.text import collapse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ALL = list(find_fixtures(FIXTURES))
SEEDED = [fx for fx in ALL if fx.seed]

SITE_MIN_F1 = 0.99  # the bar for a site extractor on its own page
GENERIC_MIN_RECALL = 0.95  # the generic path may lose a little, never leak


def _ids(fixtures: list[Fixture]) -> list[str]:
    return [fx.slug for fx in fixtures]


def _missing_and_extra(body: str, expected: str) -> str:
    got = [collapse(p) for p in body.split("\n\n") if p.strip()]
    want = [collapse(p) for p in expected.split("\n\n") if p.strip()]
    missing = [p for p in want if p not in got]
    extra = [p for p in got if p not in want]
    lines = [f"  missing: {p[:100]!r}" for p in missing] + [
        f"  extra:   {p[:100]!r}" for p in extra
    ]
    return "\n".join(lines) or "  (same paragraphs, different order or spacing)"


def _require_reviewed(fixture: Fixture) -> None:
    if not fixture.reviewed:
        pytest.fail(f"{fixture.path}: draft expectation, review expected.json and set reviewed")


@pytest.mark.parametrize("fixture", ALL, ids=_ids(ALL))
def test_site_extractor(fixture: Fixture) -> None:
    _require_reviewed(fixture)
    article = extract(fixture.source, fixture.url, encoding=fixture.encoding)
    expected = fixture.expected
    assert article.extractor == expected["extractor"], "a different extractor ran"
    for name in ("title", "published", "language"):
        assert getattr(article, name) == expected[name], f"{name} differs"
    found = leaks(article.body, fixture.noise)
    assert not found, "noise leaked into the body:\n" + "\n".join(f"  {n!r}" for n in found)
    result = score(article.body, expected["body"])
    assert result.f1 >= SITE_MIN_F1, (
        f"body F1 {result.f1:.3f} < {SITE_MIN_F1}\n"
        + _missing_and_extra(article.body, expected["body"])
    )


@pytest.mark.parametrize("fixture", ALL, ids=_ids(ALL))
def test_generic_extractor(fixture: Fixture) -> None:
    _require_reviewed(fixture)
    article = extract(fixture.source, fixture.url, encoding=fixture.encoding, generic=True)
    assert article.extractor == "generic"
    found = leaks(article.body, fixture.noise)
    assert not found, "noise leaked into the body:\n" + "\n".join(f"  {n!r}" for n in found)
    result = score(article.body, fixture.expected["body"])
    assert result.recall >= GENERIC_MIN_RECALL, (
        f"recall {result.recall:.3f} < {GENERIC_MIN_RECALL}\n"
        + _missing_and_extra(article.body, fixture.expected["body"])
    )


def _visible_text(source: bytes) -> str:
    tree = lxml.etree.fromstring(source, lxml.etree.HTMLParser(remove_comments=True))
    for el in tree.xpath("//head|//script|//style|//noscript|//template"):
        el.getparent().remove(el)
    body = tree.find("body")
    return re.sub(r"\s+", " ", text_of(body if body is not None else tree))


@pytest.mark.parametrize("fixture", SEEDED, ids=_ids(SEEDED))
def test_page_shows_every_seed_line_in_order(fixture: Fixture) -> None:
    text = _visible_text(fixture.source)
    seed = (fixture.path / "seed.txt").read_text(encoding="utf-8")
    position = 0
    for line in seed.splitlines():
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            continue
        found = text.find(line, position)
        assert found >= 0, f"seed line not in the page after position {position}: {line[:80]!r}"
        position = found + len(line)


@pytest.mark.parametrize("fixture", ALL, ids=_ids(ALL))
def test_expectation_is_consistent(fixture: Fixture) -> None:
    """expected.json has every Article field, and no noise line is in its own body."""
    assert set(fixture.expected) >= set(Article.field_names()) - {"reason", *FETCH_FIELDS}
    assert fixture.expected["url"] == fixture.url
    assert not leaks(fixture.expected["body"], fixture.noise)
