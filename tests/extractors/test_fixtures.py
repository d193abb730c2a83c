"""Regression tests over the saved pages in fixtures/: one test per fixture and path.

Both paths are judged by extractors/evaluation/checks.py, as `scrapy quality` judges
them. Site path: the expected extractor, title, published and language exactly as
expected.json, body precision and recall >= SITE_MIN, no noise line. Generic path
(generic=True): precision and recall at least the figures recorded in the
fixture's generic.json, and no noise line beyond its recorded leaks. Fixtures
whose meta.json says "reviewed": false (drafts made by `scrapy savefixture`) fail
their review check, never counted as passing. Each failure message names what
failed: the field, the leaked line, the missing or extra paragraph, and the reason
a site extractor handed the page over.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.etree
import pytest

from extractors import Article
from extractors.article import FETCH_FIELDS, RENDERED_FIELDS
from extractors.evaluation.checks import explain, measure
from extractors.evaluation.fixtures import Fixture, find_fixtures, leaks
from extractors.page.tree import text_of
from extractors.text import collapse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ALL = list(find_fixtures(FIXTURES))
SEEDED = [fx for fx in ALL if fx.seed]


def _ids(fixtures: list[Fixture]) -> list[str]:
    return [fx.slug for fx in fixtures]


@pytest.mark.parametrize("fixture", ALL, ids=_ids(ALL))
def test_site_extractor(fixture: Fixture) -> None:
    result = measure(fixture, "site")
    if not result.passed:
        pytest.fail(explain(result), pytrace=False)  # the reasons, not the objects


@pytest.mark.parametrize("fixture", ALL, ids=_ids(ALL))
def test_generic_extractor(fixture: Fixture) -> None:
    result = measure(fixture, "generic")
    assert result.article.extractor == "generic"
    if not result.passed:
        pytest.fail(explain(result), pytrace=False)


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
    """expected.json has every Article field (reason, extractor_note, the fetch
    fields and the body's renderings may be left out), no noise line is in its own
    body, and every noise line is on the page."""
    optional = {"reason", "extractor_note", *FETCH_FIELDS, *RENDERED_FIELDS}
    assert set(fixture.expected) >= set(Article.field_names()) - optional
    assert fixture.expected["url"] == fixture.url
    assert not leaks(fixture.expected["body"], fixture.noise)
    text = collapse(_visible_text(fixture.source))
    absent = [line for line in fixture.noise if collapse(line) not in text]
    assert not absent, f"noise lines not in the page's visible text: {absent}"
