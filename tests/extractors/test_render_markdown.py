"""The body as Markdown: extractors/render/markdown.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from benchmarks.markdown_converters import structure
from extractors import Formats, extract
from extractors.render.markdown import body_markdown

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "fixtures").glob("*/*/source.html")) + sorted(
    (ROOT / "tests" / "extractors" / "pages").glob("*/source.html")
)
RENDER = MarkdownIt("commonmark").enable("table").render
# A list with an item of two paragraphs is "loose" in CommonMark: the text of its
# other items comes back in a <p> too, which structure() unwraps unless a nested
# list follows it. Presentation, not structure: unwrapped here as well.
_LOOSE_ITEM = re.compile(r"<li><p>((?:(?!</?p>).)*)</p>(?=<[uo]l\b)")


def _structure(html: str) -> str:
    return _LOOSE_ITEM.sub(r"<li>\1", structure(html))


def test_a_pipe_is_escaped_in_table_cells_only() -> None:
    markdown = body_markdown(
        "<p>Either a | b.</p>\n<table>\n<tbody>\n"
        '<tr><td>a | b</td><td><a href="https://n.test/?x=1|2">c</a></td></tr>\n'
        "</tbody>\n</table>"
    )
    assert markdown.splitlines() == [
        "Either a | b.",
        "",
        "|  |  |",
        "| --- | --- |",
        "| a \\| b | [c](https://n.test/?x=1\\|2) |",
    ]


def test_markdown_characters_in_the_text_stay_text() -> None:
    markdown = body_markdown("<p>*Not* emphasis, snake_case and 3 < 4.</p>")
    assert markdown == "\\*Not\\* emphasis, snake\\_case and 3 < 4."
    assert structure(RENDER(markdown)) == "<p>*Not* emphasis, snake_case and 3 < 4.</p>"


@pytest.mark.parametrize("source", PAGES, ids=[p.parent.name for p in PAGES])
def test_markdown_read_back_has_the_structure_of_the_html(source: Path) -> None:
    meta = source.parent / "meta.json"
    url = json.loads(meta.read_text(encoding="utf-8"))["url"] if meta.is_file() else None
    article = extract(source.read_bytes(), url, formats=Formats(html=True, markdown=True))
    assert article.body_html
    assert article.body_markdown
    assert _structure(RENDER(article.body_markdown)) == _structure(article.body_html)
