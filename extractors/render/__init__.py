"""The body with its structure: semantic HTML and Markdown, written from its blocks.

- :mod:`~extractors.render.formats`: :class:`Formats`, which renderings an
  extraction makes (the plain text always; HTML, Markdown, figures on request);
- :mod:`~extractors.render.html`: the blocks as clean semantic HTML;
- :mod:`~extractors.render.markdown`: that HTML as Markdown (markdownify).

May import :mod:`extractors.generic` (the blocks and their markup),
:mod:`extractors.text` and :mod:`extractors.exceptions`; never the API, the
metadata readers or the site extractors.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.generic.blocks import Block
from extractors.render.formats import BODY_FIELDS, FORMAT_NAMES, TEXT, Formats, unwritten
from extractors.render.html import body_html
from extractors.render.markdown import body_markdown

__all__ = [
    "BODY_FIELDS",
    "FORMAT_NAMES",
    "TEXT",
    "Formats",
    "body_html",
    "body_markdown",
    "render",
    "render_paragraphs",
    "unwritten",
]


def render(
    found: Sequence[Block], base: str | None, formats: Formats
) -> tuple[str | None, str | None]:
    """The body's HTML and Markdown as ``formats`` asks (None for one not asked for).

    >>> from extractors.generic.blocks import Block
    >>> render([Block("In.", 0, "p")], None, Formats(markdown=True))
    (None, 'In.')
    """
    if not formats.structured:
        return None, None
    html = body_html(found, base)
    return (html if formats.html else None), (body_markdown(html) if formats.markdown else None)


def render_paragraphs(body: str, formats: Formats) -> tuple[str | None, str | None]:
    r""":func:`render` for a body known only as plain text (``Article.body``: a text
    dump's, which has no markup to read headings, lists or links from): each of its
    lines a paragraph.

    >>> html, markdown = render_paragraphs("A *b*\n\nC.", Formats(html=True, markdown=True))
    >>> print(html)
    <p>A *b*</p>
    <p>C.</p>
    >>> print(markdown)
    A \*b\*
    <BLANKLINE>
    C.
    """
    lines = [Block(line, 0.0, "p") for line in body.split("\n\n") if line]
    return render(lines, None, formats)
