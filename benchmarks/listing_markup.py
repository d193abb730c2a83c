"""The markup of a listing's main column, one shape per kind of listing page.

:func:`render` turns a :class:`ListingSpec` into the element that takes the
article's place in a real page (:mod:`benchmarks.listings`). The shapes are
the common ones of news sites: cards in a grid, a list of stories, teasers as
``<article>`` elements, a search result list, figures with captions, a lead
story with several paragraphs above a list. Text is escaped by lxml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from lxml.html import HtmlElement
from lxml.html import builder as E  # noqa: N812  # lxml's documented name for it

from benchmarks.teasers import MONTHS, Teaser

__all__ = ["KINDS", "ListingSpec", "render"]

KINDS = ("home", "section", "tag", "author", "archive", "search", "paginated", "media", "lead")
"""The kinds of listing page the builder makes, in report order."""

# Image teasers carry a caption, not an excerpt: a headline cut to this length.
CAPTION_CHARS = 70


@dataclass(frozen=True, slots=True)
class ListingSpec:
    """What one listing shows, before it is written into a page."""

    kind: str
    """One of :data:`KINDS`."""
    name: str
    """The listing's heading ("Politics", "Jane Holloway", "March 2024"...)."""
    path: str
    """The listing's own site-relative URL (with its query, if any)."""
    teasers: list[Teaser]
    lead: tuple[str, ...] = ()
    """For ``lead``: the paragraphs of the first teaser's long excerpt."""
    query: str = ""
    """For ``search``: what was searched."""
    results: int = 0
    """For ``search``: the result count the page announces."""
    page_number: int = 1
    """For ``paginated`` and ``search``: which page of the list this is."""
    bio: str = ""
    """For ``author``: the short biography above the list."""
    extra: dict[str, Any] = field(default_factory=dict)
    """For ``media``: ``{"video": bool}``."""
    last_page: int = 0
    """For ``paginated`` and ``search``: the last page the pager links to (0: a few
    pages past this one, as on a list with no known end)."""
    links: tuple[tuple[str, str], ...] = ()
    """(text, href) of links shown above the list, e.g. a site's sections."""


def render(spec: ListingSpec) -> HtmlElement:
    """The main column of the listing page ``spec`` describes."""
    renderers: dict[str, Callable[[ListingSpec], list[HtmlElement]]] = {
        "home": _home,
        "section": _section,
        "tag": _tag,
        "author": _author,
        "archive": _archive,
        "search": _search,
        "paginated": _paginated,
        "media": _media,
        "lead": _lead,
    }
    links = [E.A(text, href=href) for text, href in spec.links]
    nav = [E.NAV(E.CLASS("listing-links"), *links)] if links else []
    return E.DIV(E.CLASS(f"listing listing-{spec.kind}"), *nav, *renderers[spec.kind](spec))


def _link(teaser: Teaser, text: str | None = None) -> HtmlElement:
    return E.A(text or teaser.headline, href=teaser.href)


def _time(teaser: Teaser) -> HtmlElement:
    return E.TIME(teaser.date_text, datetime=teaser.when.isoformat())


def _card(teaser: Teaser) -> HtmlElement:
    return E.DIV(
        E.CLASS("card"),
        E.A(E.IMG(src=teaser.image, alt=""), href=teaser.href, **{"class": "card-image"}),
        E.H3(_link(teaser)),
        E.P(teaser.excerpt, **{"class": "card-dek"}),
        _time(teaser),
    )


def _story_item(teaser: Teaser) -> HtmlElement:
    return E.LI(
        E.CLASS("story"),
        E.H2(_link(teaser)),
        E.P(teaser.excerpt, **{"class": "dek"}),
        E.SPAN(_time(teaser), **{"class": "meta"}),
    )


def _pager(spec: ListingSpec, ahead: int) -> HtmlElement:
    """Links to the pages of the list, the current one unlinked; up to ``spec.last_page``,
    else ``ahead`` pages past this one."""
    last = spec.last_page or spec.page_number + ahead
    base = spec.path.split("?")[0].split("/page/")[0].rstrip("/")
    links: list[HtmlElement] = []
    for number in range(1, last + 1):
        href = f"{base}/page/{number}/" if number > 1 else f"{base}/"
        links.append(
            E.SPAN(str(number), **{"class": "current"})
            if number == spec.page_number
            else E.A(str(number), href=href)
        )
    if spec.page_number < last:
        links.append(E.A("Next »", href=f"{base}/page/{spec.page_number + 1}/", rel="next"))
    return E.NAV(E.CLASS("pagination"), *links)


def _home(spec: ListingSpec) -> list[HtmlElement]:
    blocks = []
    headings = ("Top stories", "Latest", "More news", "Editors' picks")
    size = max(4, len(spec.teasers) // 3)
    for index in range(0, len(spec.teasers), size):
        cards = [_card(teaser) for teaser in spec.teasers[index : index + size]]
        heading = headings[min(index // size, len(headings) - 1)]
        blocks.append(E.SECTION(E.H2(heading), E.DIV(E.CLASS("grid"), *cards)))
    return blocks


def _section(spec: ListingSpec) -> list[HtmlElement]:
    intro = f"The latest {spec.name.lower()} news, analysis and comment."
    return [
        E.H1(spec.name),
        E.P(intro, **{"class": "section-intro"}),
        E.UL(E.CLASS("story-list"), *[_story_item(teaser) for teaser in spec.teasers]),
    ]


def _tag(spec: ListingSpec) -> list[HtmlElement]:
    teasers = [
        E.ARTICLE(
            E.CLASS("teaser"),
            E.H3(_link(teaser)),
            E.P(teaser.excerpt),
            E.FOOTER(_time(teaser)),
        )
        for teaser in spec.teasers
    ]
    count = f"{len(spec.teasers)} stories"
    return [E.H1(f"Tag: {spec.name}"), E.P(count, **{"class": "count"}), *teasers]


def _author(spec: ListingSpec) -> list[HtmlElement]:
    bio = E.DIV(
        E.CLASS("author-bio"),
        E.IMG(src=f"/images/authors/{spec.path.strip('/').split('/')[-1]}.jpg", alt=spec.name),
        E.H1(spec.name),
        E.P(spec.bio),
        E.A(f"Follow {spec.name.split()[0]}", href="#follow"),
    )
    items = [_story_item(teaser) for teaser in spec.teasers]
    return [bio, E.H2(f"Latest from {spec.name}"), E.UL(E.CLASS("story-list"), *items)]


def _archive(spec: ListingSpec) -> list[HtmlElement]:
    blocks: list[HtmlElement] = [E.H1(f"Archive: {spec.name}")]
    for day, group in groupby(spec.teasers, key=lambda teaser: teaser.when.date()):
        heading = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        items = [E.LI(_link(teaser), " ", _time(teaser), E.P(teaser.excerpt)) for teaser in group]
        blocks += [E.H2(heading), E.UL(E.CLASS("archive-day"), *items)]
    return blocks


def _search(spec: ListingSpec) -> list[HtmlElement]:
    results = [
        E.LI(
            E.H3(_link(teaser)),
            E.CITE(teaser.href),
            E.P(teaser.date_text, " — ", teaser.excerpt, **{"class": "snippet"}),
        )
        for teaser in spec.teasers
    ]
    form = E.FORM(
        E.INPUT(type="search", name="q", value=spec.query),
        E.BUTTON("Search", type="submit"),
        action="/search",
        role="search",
    )
    count = f"About {spec.results:,} results for “{spec.query}”"
    return [
        E.H1("Search results"),
        form,
        E.P(count, **{"class": "result-count"}),
        E.OL(E.CLASS("search-results"), *results),
        _pager(spec, 4),
    ]


def _paginated(spec: ListingSpec) -> list[HtmlElement]:
    items = [_story_item(teaser) for teaser in spec.teasers]
    return [
        E.H1(f"{spec.name}: page {spec.page_number}"),
        E.UL(E.CLASS("story-list"), *items),
        _pager(spec, 3),
    ]


def _media(spec: ListingSpec) -> list[HtmlElement]:
    video = bool(spec.extra.get("video"))
    figures = []
    for index, teaser in enumerate(spec.teasers):
        caption = teaser.headline
        if len(caption) > CAPTION_CHARS:
            caption = caption[: CAPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
        badge = f"{1 + index % 9}:{(index * 17) % 60:02d}" if video else f"{5 + index} photos"
        figures.append(
            E.FIGURE(
                E.CLASS("video-teaser" if video else "gallery-teaser"),
                E.A(E.IMG(src=teaser.image, alt=caption), href=teaser.href),
                E.FIGCAPTION(_link(teaser, caption), " ", E.SPAN(badge, **{"class": "badge"})),
            )
        )
    return [E.H1(spec.name), E.DIV(E.CLASS("media-grid"), *figures)]


def _lead(spec: ListingSpec) -> list[HtmlElement]:
    first, rest = spec.teasers[0], spec.teasers[1:]
    lead = E.DIV(
        E.CLASS("lead-story"),
        E.A(E.IMG(src=first.image, alt=""), href=first.href),
        E.H2(_link(first)),
        E.P(_time(first), **{"class": "meta"}),
        *[E.P(paragraph) for paragraph in spec.lead],
        E.A("Continue reading", href=first.href, **{"class": "more"}),
    )
    return [lead, E.H2("More stories"), E.UL(E.CLASS("story-list"), *map(_story_item, rest))]
