"""Noise lines to propose for a new fixture, for a person to confirm.

A fixture's noise list (meta.json ``noise``) holds page text that must never
reach the body. Finding it by hand means copying exact visible text; this
proposes it instead, from two sources:

- the text blocks of the page the generic path removed (menus, teasers, bylines,
  footers...), and
- among them first, the blocks that repeat on the site's other fixtures (the
  site's own furniture, seen on every page).

No block that is mostly text of the expected body is proposed: a paragraph with
a short label inside ("ADVERTISEMENT", "Read also") is article text. A block that
holds more widget than sentence (thehill.com's pop-up cards) is proposed, and the
person reviewing the list deletes it. The proposals go to meta.json
``noise_proposed``; the fixture does not pass until a person has moved the true
ones to ``noise`` and deleted the rest (fixtures/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.api import extract, load_page
from extractors.evaluation.fixtures import Fixture
from extractors.evaluation.quality import shingles
from extractors.exceptions import UnreadablePage
from extractors.generic.blocks import blocks
from extractors.page.tree import drop
from extractors.text import collapse

__all__ = ["page_blocks", "propose_noise"]

# Elements whose text no reader sees.
_INVISIBLE = ("head", "script", "style", "noscript", "template", "title")


def page_blocks(html: bytes, url: str | None, encoding: str | None = None) -> list[str]:
    """The page's visible text, one block (paragraph, list item, cell...) a line, in
    page order, each once. Empty for input that is no page."""
    try:
        page = load_page(html, url, encoding=encoding)
    except UnreadablePage:
        return []
    for el in [el for el in page.tree.iter(*_INVISIBLE)]:
        drop(el)
    texts = (collapse(block.text) for block in blocks([page.tree]))
    return list(dict.fromkeys(text for text in texts if text))


# A block whose 4-token shingles are at least this share text of the expected
# body is an article paragraph with something inside it, not noise: half, so that
# whichever of the two is the larger part decides.
BODY_SHARE = 0.5


def _in_body(line: str, flat: str, body_shingles: set[tuple[str, ...]]) -> bool:
    if line in flat:
        return True
    own = shingles(line)
    shared = sum(n for shingle, n in own.items() if shingle in body_shingles)
    return shared >= BODY_SHARE * sum(own.values())


def propose_noise(fixture: Fixture, others: Iterable[Fixture] = ()) -> list[str]:
    """Noise lines to propose for ``fixture``: blocks that repeat on ``others`` (the
    site's other fixtures) first, then the other blocks the generic path removed,
    each in page order; never text of the expected body."""
    found = page_blocks(fixture.source, fixture.url, fixture.encoding)
    body = fixture.expected.get("body", "")
    flat = collapse(body)
    body_shingles = set(shingles(body))
    generic = extract(fixture.source, fixture.url, encoding=fixture.encoding, generic=True)
    kept = {collapse(p) for p in generic.body.split("\n\n")}
    removed = [
        line for line in found if line not in kept and not _in_body(line, flat, body_shingles)
    ]
    elsewhere: set[str] = set()
    for other in others:
        if other.path != fixture.path:
            elsewhere.update(page_blocks(other.source, other.url, other.encoding))
    repeated = [line for line in removed if line in elsewhere]
    return repeated + [line for line in removed if line not in elsewhere]
