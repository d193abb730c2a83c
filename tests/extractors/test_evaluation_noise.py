"""Proposed noise lines for a new fixture: extractors/evaluation/noise.py."""

from __future__ import annotations

from pathlib import Path

from extractors.evaluation.fixtures import find_fixtures, load_fixture
from extractors.evaluation.noise import page_blocks, propose_noise
from extractors.text import collapse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SITE = FIXTURES / "thehill.com"
OMAR = SITE / "471031-new-york-man-pleads-guilty-to-threatening-to-kill-omar"


def test_proposals_are_the_blocks_the_generic_path_removed() -> None:
    fixture = load_fixture(OMAR)
    proposed = propose_noise(fixture)
    # lines of meta.json's hand-written noise list that are blocks of their own
    for line in ("By Justine Coleman - 11/18/19 11:04 PM EST", "© Aaron Schwartz"):
        assert line in proposed
    assert "Updated at 1:23 p.m." in proposed
    body = collapse(fixture.expected["body"])
    assert not [line for line in proposed if line in body]
    # the second paragraph of the article is no proposal, even though it is a block
    assert fixture.expected["body"].split("\n\n")[1] in page_blocks(fixture.source, fixture.url)


def test_lines_the_site_repeats_come_first() -> None:
    fixture = load_fixture(OMAR)
    others = [fx for fx in find_fixtures(FIXTURES) if fx.site == "thehill.com"]
    proposed = propose_noise(fixture, others)
    alone = propose_noise(fixture)
    assert sorted(proposed) == sorted(alone)
    # the byline is this page's own; the footer address is on both pages of the site
    address = (
        "The Hill 1625 K Street, NW Suite 900 Washington DC 20006 | 202-628-8500 tel | "
        "202-628-8503 fax"
    )
    byline = "By Justine Coleman - 11/18/19 11:04 PM EST"
    assert proposed.index(address) < proposed.index(byline)
    assert alone.index(address) > alone.index(byline)


def test_no_page_no_proposal() -> None:
    assert page_blocks(b"", "https://news.test/") == []
