"""The markup walk: extractors/generic/markup.py."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.etree
import pytest

from extractors import load_page
from extractors.generic import generic_body
from extractors.generic.blocks import article_blocks
from extractors.generic.markup import (
    Figure,
    Image,
    Keep,
    ListLevel,
    Markup,
    Run,
    markup_blocks,
)
from extractors.generic.walk import Block, blocks

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SOURCES = sorted(FIXTURES.glob("*/*/source.html"))


def _body(html: str) -> lxml.etree._Element:
    tree = lxml.etree.fromstring(html, lxml.etree.HTMLParser())
    body = tree.find("body")
    assert body is not None
    return body


def cut(html: str, keep: Keep | None = None) -> list[Block]:
    return markup_blocks([_body(html)], keep or Keep())


def runs(block: Block) -> list[tuple[str, str | None, bool]]:
    assert block.markup is not None
    return [(run.text, run.href, run.code) for run in block.markup.runs]


def test_links_and_code_are_runs_of_the_block_text() -> None:
    (block,) = cut(
        "<p>The <a href='/r'>full <b>report</b></a> says <code>x = 1</code>, "
        "see <a href='https://o.test/a'>this</a>.</p>"
    )
    assert block.text == "The full report says x = 1, see this."
    assert runs(block) == [
        ("The ", None, False),
        ("full report", "/r", False),
        (" says ", None, False),
        ("x = 1", None, True),
        (", see ", None, False),
        ("this", "https://o.test/a", False),
        (".", None, False),
    ]


def test_script_links_and_bare_anchors_are_no_links_but_their_text_stays() -> None:
    (block,) = cut(
        "<p><a href='javascript:void(0)'>Open</a> the <a href='#'>box</a> or the "
        "<a name='x'>list</a> <a href='#notes'>notes</a></p>"
    )
    assert runs(block) == [("Open the box or the list ", None, False), ("notes", "#notes", False)]


def test_a_link_around_two_paragraphs_is_a_run_of_each() -> None:
    found = cut("<a href='/story'><p>One paragraph.</p><p>Another one.</p></a>")
    assert [runs(b) for b in found] == [
        [("One paragraph.", "/story", False)],
        [("Another one.", "/story", False)],
    ]


def test_the_markup_walk_cuts_the_plain_walk_s_blocks() -> None:
    html = (
        "<h2>A <a href='/h'>heading</a></h2><p>Text with <a href='/x'>a link</a>.</p>"
        "<ul><li>one<ul><li><a href='/y'>two</a></li></ul></li></ul>"
        "<table><tr><th>a</th><td><a href='/z'>b</a></td></tr></table>"
        "<blockquote><p>Quoted.</p></blockquote><pre>x\n  y</pre>"
        "<figure><img src='/i.jpg' alt='I'></figure><p>After <img src='/j.jpg'> it.</p>"
    )
    plain = blocks([_body(html)])
    marked = [b for b in cut(html, Keep(figures=True)) if b.kind != "figure"]
    assert [_fields(b) for b in marked] == [_fields(b) for b in plain]
    assert all(b.markup is None for b in plain)


def _fields(b: Block) -> tuple[object, ...]:
    return (b.text, b.link_chars, b.tag, b.kind, b.level, b.ordered, b.list, b.cells)


@pytest.mark.parametrize("source", SOURCES, ids=[p.parent.name for p in SOURCES])
def test_on_every_fixture_the_runs_read_as_the_text(source: Path) -> None:
    meta = json.loads((source.parent / "meta.json").read_text(encoding="utf-8"))
    page = load_page(source.read_bytes(), meta.get("url"))
    found = generic_body(page.tree, None, keep=Keep(figures=True))
    assert found
    for block in found:
        assert block.markup is not None
        if block.kind == "row":
            cells = [" ".join("".join(r.text for r in rs).split()) for rs in block.markup.cells]
            assert cells == [cell.text for cell in block.cells]
        elif block.kind != "figure":
            assert "".join(run.text for run in block.markup.runs) == block.text


def test_list_items_know_their_item_and_their_lists() -> None:
    found = cut(
        "<ol start='4'><li><p>Four.</p><p>More on four.</p></li><li>Five"
        "<ul><li>five a</li></ul></li></ol>"
    )
    groups = [(b.text, b.markup.group) for b in found if b.markup]
    assert groups == [("Four.", 1), ("More on four.", 1), ("Five", 2), ("five a", 3)]
    assert found[0].markup is not None
    assert found[0].markup.lists == (ListLevel(1, True, 4, 1),)
    assert found[3].markup is not None
    assert found[3].markup.lists == (ListLevel(1, True, 4, 2), ListLevel(2, False, 1, 3))


def test_rows_quotes_and_pre_know_their_element() -> None:
    found = cut(
        "<table><tr><td>a</td><td>b</td></tr></table><table><tr><td>c</td></tr></table>"
        "<blockquote><p>One.</p><p>Two.</p></blockquote><blockquote>Three.</blockquote>"
        "<pre><code>x = 1\n    y = 2</code><br>z</pre>"
    )
    got = [(b.kind, b.markup.group) for b in found if b.markup]
    rows_and_quotes = [("row", 1), ("row", 2), ("quote", 3), ("quote", 3), ("quote", 4)]
    assert got == [*rows_and_quotes, ("pre", 5), ("pre", 5)]
    assert found[-2].markup == Markup((Run("x = 1\n    y = 2", code=True),), group=5)
    assert found[-2].text == "x = 1 y = 2"


def test_cells_keep_their_links() -> None:
    (row,) = cut("<table><tr><th>Who</th><td><a href='/p'>Ann</a> and Bo</td></tr></table>")
    assert row.markup is not None
    assert row.markup.cells == ((Run("Who"),), (Run("Ann", "/p"), Run(" and Bo")))


def test_figures_only_when_asked_for() -> None:
    html = "<p>Text.</p><figure><img src='/a.jpg' alt='A'></figure><p><img src='/b.jpg'>More.</p>"
    assert [b.kind for b in cut(html)] == ["paragraph", "paragraph"]
    found = cut(html, Keep(figures=True))
    assert [b.kind for b in found] == ["paragraph", "figure", "figure", "paragraph"]
    assert [b.markup.figure for b in found if b.markup and b.markup.figure] == [
        Figure((Image("/a.jpg", "A"),)),
        Figure((Image("/b.jpg"),)),
    ]


def test_icons_pixels_and_placeholders_are_no_figures() -> None:
    found = cut(
        "<p>Text.<img src='/p.gif' width='1' height='1'><img src='/smile.png' width='20'>"
        "<img src='data:image/gif;base64,R0lG'><img data-src='/real.jpg' src='data:,'>"
        "<img srcset='/s-800.jpg 800w, /s-400.jpg 400w'></p>",
        Keep(figures=True),
    )
    figures = [b.markup.figure for b in found if b.markup and b.markup.figure]
    assert figures == [Figure((Image("/real.jpg"),)), Figure((Image("/s-800.jpg"),))]


def test_figures_go_with_the_links_they_stand_among() -> None:
    keep = Keep(figures=True)
    found = cut(
        "<figure><img src='/lead.jpg'></figure><p>By Ann Lee</p>"
        "<p>The story, long enough to be a paragraph of an article, goes on here.</p>"
        "<h3>Related</h3><p><img src='/t.jpg'><a href='/other'>Another story</a></p>"
        "<p>The story goes on below the box, with a paragraph long enough to count.</p>",
        keep,
    )
    kept = article_blocks(found)
    assert [(b.kind, b.text[:9]) for b in kept] == [
        ("figure", ""),
        ("paragraph", "The story"),
        ("paragraph", "The story"),
    ]
    assert kept[0].markup == Markup(figure=Figure((Image("/lead.jpg"),)))
