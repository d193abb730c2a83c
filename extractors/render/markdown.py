"""The body as Markdown: the body's HTML converted by markdownify.

markdownify rather than html2text (``benchmarks/markdown_converters.py``, README):
it keeps tables as GFM tables with a header row always (an empty one when the
HTML has none, so that a first row of data stays data), and list items of two
paragraphs inside their item; html2text takes a table's first row for its
header and moves an item's second paragraph out of the list. Neither escapes a
``|`` inside a table cell, which ends the cell in GFM; this converter escapes it
there, and only there (markdownify's ``escape_misc`` would escape ``-``, ``+``,
``#`` and more in running text too).
"""

from __future__ import annotations

from bs4 import Tag
from markdownify import ATX, MarkdownConverter

__all__ = ["BodyConverter", "body_markdown"]


class BodyConverter(MarkdownConverter):
    """markdownify with ``|`` escaped in table cells.

    >>> BodyConverter().convert("<table><tr><th>Pair</th></tr><tr><td>EUR | MAD</td></tr></table>")
    '| Pair |\\n| --- |\\n| EUR \\\\| MAD |'
    """

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A data cell: its text on one line, ``|`` escaped (our cells span one column)."""
        return _cell(text)

    def convert_th(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A header cell, as a data cell."""
        return _cell(text)


def _cell(text: str) -> str:
    """markdownify's cell, with ``|`` escaped: GFM reads ``\\|`` as a ``|`` in a cell,
    inside a link or code span too."""
    return " " + text.strip().replace("\n", " ").replace("|", "\\|") + " |"


# ATX headings ("## Title") and one bullet at every depth: the plainest Markdown.
_CONVERTER = BodyConverter(heading_style=ATX, bullets="-")


def body_markdown(html: str) -> str:
    """The Markdown of a body's HTML (:func:`extractors.render.html.body_html`).

    >>> print(body_markdown('<h2>Votes</h2>\\n<p>See <a href="https://n.test/r">it</a>.</p>'))
    ## Votes
    <BLANKLINE>
    See [it](https://n.test/r).
    """
    return _CONVERTER.convert(html).strip("\n")
