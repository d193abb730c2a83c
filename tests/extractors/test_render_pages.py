"""The body as HTML and Markdown on hand-made pages: tests/extractors/pages/structure-*/;
and from the site extractors, on the bundled fixtures.

Each folder holds ``source.html`` and the article written by hand three times:
``expected.txt`` (the plain body, read by ``test_generic_pages.py``),
``expected.html`` (``Article.body_html``) and ``expected.md``
(``Article.body_markdown``). Between them the pages hold every element the
structured body keeps:

- ``structure-lists-and-tables``: a relative link, a table with a header row and
  a link and an empty cell, a table without header cells, a list nested in a
  list item, a list item of two paragraphs, ``<ol start="3">``, ``<h2>``, ``<h3>``;
- ``structure-code-and-quotes``: ``<base href>``, inline ``<code>``, ``<pre><code>``
  with indentation and ``<``, a quotation of two paragraphs with a link,
  ``<h4>``, a ``|`` inside a table cell, ``mailto:``, an in-page and a script link;
- ``structure-figures`` (figures asked for): a ``<figure>`` whose ``<img>`` sits in
  a ``<picture>`` with ``<source>`` lists, with its caption; a lazy-loaded image;
  a tracking pixel, a credit line and a related list with thumbnails, which go;
- ``structure-wrapped-cells``: a table of data whose cells hold their text in
  ``<p>`` and ``<div>`` (one line per row, not per cell), inside a layout table
  that holds the article (cut as anywhere else); ``<h5>``, ``<h6>``.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import lxml.html
import pytest

from extractors import Formats, extract

PAGES = Path(__file__).resolve().parent / "pages"
NAMES = sorted(path.name for path in PAGES.glob("structure-*") if path.is_dir())
URL = "https://news.example/2024/03/12/story/"
FIGURES = frozenset({"structure-figures"})
WORD = re.compile(r"\w+")


def _diff(want: str, got: str) -> str:
    lines = difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "got", "", "", 0)
    return "\n".join(lines)


def _extract(name: str, formats: Formats) -> tuple[str, str | None, str | None]:
    source = (PAGES / name / "source.html").read_bytes()
    article = extract(source, URL, generic=True, formats=formats)
    return article.body, article.body_html, article.body_markdown


def test_the_structure_pages_are_there() -> None:
    assert len(NAMES) == 4, NAMES
    for name in NAMES:
        for file in ("source.html", "expected.txt", "expected.html", "expected.md"):
            assert (PAGES / name / file).is_file(), f"{name}/{file} is missing"


@pytest.mark.parametrize("name", NAMES)
def test_html_and_markdown_are_the_hand_written_ones(name: str) -> None:
    formats = Formats(html=True, markdown=True, figures=name in FIGURES)
    _, html, markdown = _extract(name, formats)
    want_html = (PAGES / name / "expected.html").read_text(encoding="utf-8").strip()
    want_markdown = (PAGES / name / "expected.md").read_text(encoding="utf-8").strip()
    assert html == want_html, "body_html differs:\n" + _diff(want_html, html or "")
    assert markdown == want_markdown, "body_markdown differs:\n" + _diff(
        want_markdown, markdown or ""
    )


@pytest.mark.parametrize("name", NAMES)
def test_only_what_is_asked_for_is_made(name: str) -> None:
    body, html, markdown = _extract(name, Formats())
    assert html is None
    assert markdown is None
    _, html, markdown = _extract(name, Formats(markdown=True))
    assert html is None
    assert markdown
    assert _extract(name, Formats(html=True, markdown=True, figures=True))[0] == body


def test_without_figures_the_html_has_none() -> None:
    _, html, _ = _extract("structure-figures", Formats(html=True))
    want = (PAGES / "structure-figures" / "expected.html").read_text(encoding="utf-8")
    without = "\n".join(line for line in want.strip().splitlines() if "<figure>" not in line)
    assert html == without, _diff(without, html or "")


FIXTURES = sorted((PAGES.parents[2] / "fixtures").glob("*/*/source.html"))


@pytest.mark.parametrize("source", FIXTURES, ids=lambda path: path.parent.name)
def test_site_extractors_give_the_body_with_its_structure(source: Path) -> None:
    """A site extractor's body is rendered as the generic one's: the HTML holds the
    plain body's words in order, nothing more, and its links are absolute."""
    meta = json.loads(source.with_name("meta.json").read_text(encoding="utf-8"))
    article = extract(source.read_bytes(), meta["url"], formats=Formats(html=True))
    assert article.extractor.startswith("site:"), article.extractor_note
    html = lxml.html.fragment_fromstring(article.body_html, create_parent="div")
    assert WORD.findall(html.text_content()) == WORD.findall(article.body)
    hrefs = [a.get("href") for a in html.iter("a")]
    assert all(href.startswith(("https://", "http://", "mailto:")) for href in hrefs), hrefs


def test_a_site_extractor_keeps_links_and_headings() -> None:
    kept = {}
    for source in FIXTURES:
        meta = json.loads(source.with_name("meta.json").read_text(encoding="utf-8"))
        html = extract(source.read_bytes(), meta["url"], formats=Formats(html=True)).body_html
        kept[source.parent.name] = (html or "").count("<a href="), (html or "").count("<h")
    assert sum(links for links, _ in kept.values()) >= 10, kept
    assert sum(headings for _, headings in kept.values()) >= 4, kept
