"""Blocks and their structure: extractors/generic/walk.py."""

from __future__ import annotations

import lxml.etree

from extractors.generic.walk import Block, Cell, blocks


def cut(html: str) -> list[Block]:
    return blocks([lxml.etree.fromstring(html, lxml.etree.HTMLParser()).find("body")])


def test_each_block_keeps_its_kind() -> None:
    found = cut(
        "<h2>Results</h2><p>The count is in.</p><blockquote><p>We won.</p></blockquote>"
        "<pre>x = 1</pre><h4><a href='#results'>Details</a></h4>"
    )
    assert [(b.kind, b.level, b.text) for b in found] == [
        ("heading", 2, "Results"),
        ("paragraph", 0, "The count is in."),
        ("quote", 0, "We won."),
        ("pre", 0, "x = 1"),
        ("heading", 4, "Details"),
    ]


def test_list_items_keep_their_list_and_depth() -> None:
    found = cut(
        "<ol><li>First<ul><li>first a</li><li><p>first b</p></li></ul></li><li>Second</li></ol>"
    )
    assert [(b.kind, b.level, b.ordered, b.text) for b in found] == [
        ("item", 1, True, "First"),
        ("item", 2, False, "first a"),
        ("item", 2, False, "first b"),
        ("item", 1, True, "Second"),
    ]


def test_a_table_row_is_one_block_with_its_cells() -> None:
    found = cut(
        "<table><tr><th>Year</th><th></th><th>GDP growth</th></tr>"
        "<tr><td>2023</td><td></td><td>1.2<br>%</td></tr></table>"
    )
    # The empty cell keeps its place: a value after it stays in its own column.
    assert [b.text for b in found] == ["Year |  | GDP growth", "2023 |  | 1.2 %"]
    assert found[0].kind == "row"
    assert found[0].cells == (Cell("Year", True), Cell("", True), Cell("GDP growth", True))
    assert found[1].cells == (Cell("2023"), Cell(""), Cell("1.2 %"))


def test_empty_cells_at_the_end_of_a_row_go_and_an_empty_row_is_none() -> None:
    found = cut("<table><tr><td>Seats</td><td></td></tr><tr><td> </td><td></td></tr></table>")
    assert [b.text for b in found] == ["Seats"]


def test_a_layout_table_is_cut_into_its_paragraphs() -> None:
    found = cut("<table><tr><td><p>One paragraph.</p><p>Another one.</p></td></tr></table>")
    assert [(b.kind, b.text) for b in found] == [
        ("paragraph", "One paragraph."),
        ("paragraph", "Another one."),
    ]


def test_a_row_of_short_cells_written_in_paragraphs_is_one_row() -> None:
    found = cut(
        "<table><tr><td><p>Maps</p></td><td><p>32.7 MB</p><p>(54%)</p></td></tr>"
        "<tr><td><div><p><a href='/mail/'>Mail</a></p></div></td><td><p>17.8 MB</p></td></tr>"
        "</table>"
    )
    assert [(b.kind, b.text) for b in found] == [
        ("row", "Maps | 32.7 MB (54%)"),
        ("row", "Mail | 17.8 MB"),
    ]


def test_a_long_row_of_paragraphs_lays_out_the_page() -> None:
    prose = "<p>" + "The council met on Monday and voted on the budget. " * 4 + "</p>"
    found = cut(f"<table><tr><td><p>Menu</p></td><td>{prose}{prose}</td></tr></table>")
    assert [b.kind for b in found] == ["paragraph"] * 3


def test_link_text_is_weighed_by_where_the_link_goes() -> None:
    found = cut(
        "<p><a href='https://other.test/'>elsewhere</a></p>"
        "<p><a href='#section-2'>in the page</a></p>"
        "<p><a href='javascript:print()'>Print</a></p>"
        "<p><a name='x'>named</a></p>"
    )
    assert [round(b.link_density, 2) for b in found] == [1.0, 0.3, 1.0, 0.0]


def test_a_script_link_around_paragraphs_is_a_container() -> None:
    found = cut("<a href='javascript:'><p>abc</p><p>def</p>ghi</a>")
    assert [(b.text, b.link_density) for b in found] == [
        ("abc", 0.0),
        ("def", 0.0),
        ("ghi", 0.0),
    ]
