"""The body as HTML: extractors/render/html.py."""

from __future__ import annotations

import lxml.etree

from extractors.generic.markup import Keep, markup_blocks
from extractors.generic.walk import Block, Cell
from extractors.render.html import body_html

BASE = "https://news.example/2024/story/"


def render(html: str, base: str | None = BASE, *, figures: bool = False) -> list[str]:
    tree = lxml.etree.fromstring(html, lxml.etree.HTMLParser())
    body = tree.find("body")
    assert body is not None
    return body_html(markup_blocks([body], Keep(figures=figures)), base).splitlines()


def test_headings_keep_their_level_and_an_h1_becomes_an_h2() -> None:
    assert render("<h1>One</h1><h3>Three</h3><h6>Six</h6>") == [
        "<h2>One</h2>",
        "<h3>Three</h3>",
        "<h6>Six</h6>",
    ]


def test_an_item_holding_only_a_list_still_nests_it() -> None:
    assert render("<ul><li><ol><li>a</li><li>b</li></ol></li><li>c</li></ul>") == [
        "<ul>",
        "<li>",
        "<ol>",
        "<li>a</li>",
        "<li>b</li>",
        "</ol>",
        "</li>",
        "<li>c</li>",
        "</ul>",
    ]


def test_two_lists_in_a_row_stay_two() -> None:
    assert render("<ul><li>a</li></ul><ol><li>b</li></ol><ul><li>c</li></ul>") == [
        "<ul>",
        "<li>a</li>",
        "</ul>",
        "<ol>",
        "<li>b</li>",
        "</ol>",
        "<ul>",
        "<li>c</li>",
        "</ul>",
    ]


def test_text_after_a_nested_list_stays_in_its_item() -> None:
    assert render("<ul><li>Before<ul><li>inner</li></ul>after</li></ul>") == [
        "<ul>",
        "<li><p>Before</p>",
        "<ul>",
        "<li>inner</li>",
        "</ul>",
        "<p>after</p>",
        "</li>",
        "</ul>",
    ]


def test_links_are_absolute_and_text_is_escaped() -> None:
    (line,) = render(
        "<p>A <a href='../x?a=1&amp;b=\"2\"'>rel &lt;link&gt;</a>, "
        "<a href=' /y\n'>root</a>, <a href='https://o.test/z'>abs</a>, "
        "<a href='http://[broken'>broken</a> &amp; done</p>"
    )
    assert line == (
        '<p>A <a href="https://news.example/2024/x?a=1&amp;b=&quot;2&quot;">rel &lt;link&gt;</a>, '
        '<a href="https://news.example/y">root</a>, <a href="https://o.test/z">abs</a>, '
        "broken &amp; done</p>"
    )


def test_without_a_base_links_stay_as_written() -> None:
    assert render("<p>See <a href='/x'>this</a>.</p>", None) == [
        '<p>See <a href="/x">this</a>.</p>'
    ]


def test_spaces_at_the_edges_of_a_link_go_outside_it() -> None:
    assert render("<p>See<a href='/x'> this </a>now.</p>") == [
        '<p>See <a href="https://news.example/x">this</a> now.</p>'
    ]


def test_a_table_without_header_row_has_no_thead() -> None:
    assert render(
        "<table><tr><th>Year</th><td>2023</td></tr><tr><td></td><td>x</td></tr></table>"
    ) == [
        "<table>",
        "<tbody>",
        "<tr><th>Year</th><td>2023</td></tr>",
        "<tr><td></td><td>x</td></tr>",
        "</tbody>",
        "</table>",
    ]


def test_preformatted_lines_and_quotes_are_grouped_by_their_element() -> None:
    assert render(
        "<pre>a &lt; b<br>  c</pre><pre>d</pre>"
        "<blockquote>One.</blockquote><blockquote>Two.</blockquote>"
    ) == [
        "<pre>a &lt; b",
        "  c</pre>",
        "<pre>d</pre>",
        "<blockquote>",
        "<p>One.</p>",
        "</blockquote>",
        "<blockquote>",
        "<p>Two.</p>",
        "</blockquote>",
    ]


def test_figures_have_absolute_sources_and_their_caption() -> None:
    tree = lxml.etree.fromstring(
        "<div><figure><img src='i.jpg' alt='A \"quote\"'/><figcaption>Ann &amp; Bo</figcaption>"
        "</figure></div>"
    )
    captions = {figure: "Ann & Bo" for figure in tree.iter("figure")}
    found = markup_blocks([tree], Keep(figures=True, captions=captions))
    assert body_html(found, BASE).splitlines()[0] == (
        '<figure><img src="https://news.example/2024/story/i.jpg" alt="A &quot;quote&quot;">'
        "<figcaption>Ann &amp; Bo</figcaption></figure>"
    )


def test_blocks_without_markup_are_written_from_their_text() -> None:
    found = [
        Block("Intro & more\x81", 0, "p"),
        Block("a", 0, "li", "item", 1, list=1),
        Block("b", 0, "li", "item", 1, list=1),
        Block("x | y", 0, "tr", "row", cells=(Cell("x", True), Cell("y", True))),
        Block("1 | 2", 0, "tr", "row", cells=(Cell("1"), Cell("2"))),
    ]
    assert body_html(found).splitlines() == [
        "<p>Intro &amp; more</p>",
        "<ul>",
        "<li>a</li>",
        "<li>b</li>",
        "</ul>",
        "<table>",
        "<thead>",
        "<tr><th>x</th><th>y</th></tr>",
        "</thead>",
        "<tbody>",
        "<tr><td>1</td><td>2</td></tr>",
        "</tbody>",
        "</table>",
    ]
