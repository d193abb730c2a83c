"""Listing pages built from real corpus pages, for the page-type benchmark and crawl tests.

:func:`build_listings` makes ``per_kind`` listings of each kind of
:data:`~benchmarks.listing_markup.KINDS` (home, section, tag, author, archive by
month, search results, paginated list, video or photo teasers, long lead
story over teasers). Each keeps a real page's header, navigation, sidebars
and footer (:mod:`benchmarks.hostpage`) and lists teasers made from *other*
corpus pages (:mod:`benchmarks.teasers`). The same pages and seed give the
same listings, byte for byte; nothing is written to disk.

>>> from benchmarks.corpus import load_corpus                    # doctest: +SKIP
>>> listings = build_listings(load_corpus(folder), seed=13)      # doctest: +SKIP
>>> listings[0].kind, listings[0].url, listings[0].teasers       # doctest: +SKIP
('home', 'https://www.example.com/', 12)
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

from benchmarks.corpus import Page
from benchmarks.hostpage import (
    MAX_LEFTOVER,
    leftover_share,
    locate_article,
    parse_host,
    relabel_head,
    serialize,
    site_of,
    transplant,
    visible_shingles,
)
from benchmarks.listing_markup import KINDS, ListingSpec
from benchmarks.teasers import (
    LONG_EXCERPT,
    MIN_STORY_CHARS,
    MONTHS,
    Story,
    lead_paragraphs,
    make_teasers,
    slugify,
    story_of,
)
from extractors.evaluation.quality import shingles

__all__ = [
    "DEFAULT_SEED",
    "KINDS",
    "TEASER_COUNTS",
    "Listing",
    "build_listings",
    "listing_for",
    "make_spec",
    "usable_pages",
]

logger = logging.getLogger(__name__)

DEFAULT_SEED = 13
"""The seed ``make bench`` uses; any other gives other listings, equally valid."""

TEASER_COUNTS = {
    "home": (12, 40),
    "section": (5, 30),
    "tag": (3, 20),
    "author": (3, 15),
    "archive": (10, 40),
    "search": (5, 20),
    "paginated": (10, 30),
    "media": (6, 40),
    "lead": (3, 15),
}
"""Teasers per listing, (fewest, most) by kind: a tag or author page can hold three
stories, a home page or an archive month forty. The first listing of a kind has
the fewest, the second the most, the others a count drawn between."""

# The names listings are given. Invented, plain English: the host pages are in a
# dozen languages, and a section name is a small part of a page.
SECTIONS = ("politics", "world", "business", "technology", "science", "culture", "sport")
TAGS = ("climate-change", "elections", "artificial-intelligence", "housing", "space", "energy")
QUERIES = ("climate", "election results", "budget", "transport strike", "vaccine", "apple")
AUTHORS = ("Jane Holloway", "Marco Bianchi", "Amina Haddad", "Pieter de Vries", "Chloé Martin")
# The readability test pages include a few made-up test documents whose body is
# placeholder Latin: no news site lists them, so they neither host nor feed teasers.
SYNTHETIC = re.compile(r"lorem ipsum|consectetur adipisicing|tempor incididunt", re.IGNORECASE)
# Every fourth listing keeps the host's og:type=article, as CMSs that print it on
# every page do (the demo site's round-up trap); every second listing declares no
# og:type at all, as many tag, author and search pages do; the others say
# og:type=website. A builder that always wrote og:type=website would hand the
# classifier a cue that real listings do not all give.
OG_ARTICLE_EVERY = 4


@dataclass(frozen=True, slots=True)
class Listing:
    """One built listing page: what it is, where it lives, and its bytes."""

    kind: str
    url: str
    """A URL shaped like this kind of listing, on the host page's site."""
    html: bytes
    """The page, UTF-8, with ``<meta charset="utf-8">``."""
    host: str
    """The id of the real page whose markup it keeps."""
    sources: tuple[str, ...]
    """The ids of the pages its teasers were made from, in order."""
    og_type: str | None
    """The ``og:type`` it declares: ``article`` (kept from the host), ``website``, or
    None (none at all)."""
    leftover: float
    """The share of the host's article still visible on the page (at most MAX_LEFTOVER)."""
    quoted: float
    """The largest share of one teaser source's article visible on the page (a lead's
    long excerpt is at most half its article, a teaser's excerpt much less)."""

    @property
    def teasers(self) -> int:
        """How many teasers it lists (the lead story included)."""
        return len(self.sources)


def build_listings(
    pages: Sequence[Page], seed: int = DEFAULT_SEED, per_kind: int = 12
) -> list[Listing]:
    """``per_kind`` listings of every kind, made from ``pages`` with ``seed``.

    Raises :class:`ValueError` when the pages run out of usable hosts.
    """
    rng = random.Random(seed)
    pages = usable_pages(pages)
    stories = [story_of(page, page.read()) for page in pages]
    hosts = _Hosts(pages, rng)
    listings: list[Listing] = []
    for kind in KINDS:
        low, high = TEASER_COUNTS[kind]
        for number in range(per_kind):
            count = (low, high)[number] if number < 2 else rng.randint(low, high)
            listing = None
            while listing is None:
                page = hosts.next()
                spec = make_spec(kind, _sources(stories, page.id, count, kind, rng), rng)
                listing = listing_for(page, spec, len(listings))
                if listing is None:
                    hosts.unable(page)
            listings.append(listing)
    return listings


def usable_pages(pages: Sequence[Page]) -> list[Page]:
    """``pages`` without the made-up test documents (placeholder Latin bodies)."""
    return [page for page in pages if not SYNTHETIC.search(page.expected)]


class _Hosts:
    """Pages in a seeded order, round and round, without those found unable to host."""

    def __init__(self, pages: Sequence[Page], rng: random.Random) -> None:
        self._order = list(pages)
        rng.shuffle(self._order)
        self._position = 0

    def next(self) -> Page:
        """The next page that may host; :class:`ValueError` when none is left."""
        if not self._order:
            raise ValueError("no corpus page can host a listing: no article found in their markup")
        index = self._position % len(self._order)
        self._position = index + 1
        return self._order[index]

    def unable(self, page: Page) -> None:
        """Never offer ``page`` again."""
        index = self._order.index(page)
        del self._order[index]
        if index < self._position:
            self._position -= 1


def _sources(
    stories: Sequence[Story], host: str, count: int, kind: str, rng: random.Random
) -> list[Story]:
    """``count`` stories from pages other than ``host``; a ``lead`` opens with a long one."""
    others = [s for s in stories if s.page_id != host and s.chars >= MIN_STORY_CHARS]
    chosen = rng.sample(others, min(count, len(others)))
    if kind == "lead":
        longs = [story for story in others if lead_paragraphs(story) and story not in chosen]
        chosen = [rng.choice(longs), *chosen[: count - 1]]
    return chosen


def listing_for(
    page: Page, spec: ListingSpec, number: int = 0, site: str | None = None
) -> Listing | None:
    """The listing ``spec`` describes, in ``page``'s markup; None if it cannot host one.

    ``number`` (the listing's index in a run) decides its ``og:type``: the host's
    ``article`` kept (every :data:`OG_ARTICLE_EVERY`-th listing), none, or
    ``website`` (see :data:`OG_ARTICLE_EVERY`).
    The listing's URL is ``site`` (default: the host page's ``scheme://host``)
    followed by ``spec.path``.
    """
    host = parse_host(page, page.read())
    located = None if host is None else locate_article(host.root, host.expected)
    if host is None or located is None:
        logger.debug("page %s cannot host a listing: its article is not in its markup", page.id)
        return None
    site = site or site_of(page.url)
    names = host.root.xpath('//meta[@property="og:site_name"]/@content')
    site_name = str(names[0]).strip() if names else urlsplit(site).netloc
    root = transplant(host, located, spec)
    og_types = root.xpath('//meta[@property="og:type"]/@content')
    og_type = _og_type(number, "article" in [str(t).lower() for t in og_types])
    title = f"{spec.name.title() if spec.kind != 'author' else spec.name} | {site_name}"
    description = f"{spec.name}: the latest stories from {site_name}."
    relabel_head(root, title, site + spec.path, description, og_type)
    visible = visible_shingles(root)
    leftover = leftover_share(visible, host.expected)
    if leftover > MAX_LEFTOVER:
        logger.debug(
            "page %s cannot host a listing: %.0f %% of it is left", page.id, 100 * leftover
        )
        return None
    return Listing(
        kind=spec.kind,
        url=site + spec.path,
        html=serialize(root),
        host=page.id,
        sources=tuple(teaser.story.page_id for teaser in spec.teasers),
        og_type=og_type,
        leftover=leftover,
        quoted=max(
            (leftover_share(visible, _shingles(teaser.story)) for teaser in spec.teasers),
            default=0.0,
        ),
    )


def _og_type(number: int, host_says_article: bool) -> str | None:
    """The ``og:type`` of the ``number``-th listing (:data:`OG_ARTICLE_EVERY`)."""
    if number % OG_ARTICLE_EVERY == 0 and host_says_article:
        return "article"
    return None if number % 2 else "website"


def _shingles(story: Story) -> frozenset[tuple[str, ...]]:
    """The shingles of a story's expected body."""
    return frozenset(shingles("\n".join(story.paragraphs)))


def make_spec(kind: str, stories: Sequence[Story], rng: random.Random) -> ListingSpec:
    """A ``kind`` listing of ``stories``: its name, a path shaped for its kind, its teasers."""
    section = rng.choice(SECTIONS)
    long_lines = kind in ("section", "search", "archive")
    teasers = make_teasers(list(stories), rng, section, LONG_EXCERPT if long_lines else 160)
    name, path = section.title(), rng.choice((f"/section/{section}/", f"/{section}/"))
    extra: dict[str, object] = {}
    query = ""
    if kind == "home":
        name, path = "Home", "/"
    elif kind == "tag":
        tag = rng.choice(TAGS)
        name, path = tag.replace("-", " "), rng.choice((f"/tag/{tag}/", f"/topics/{tag}"))
    elif kind == "author":
        name = rng.choice(AUTHORS)
        path = f"/author/{slugify(name)}/"
    elif kind == "archive":
        newest = teasers[0].when
        name, path = f"{MONTHS[newest.month - 1]} {newest.year}", f"/{newest:%Y/%m}/"
    elif kind == "search":
        query = rng.choice(QUERIES)
        name, path = "Search", f"/search?q={quote_plus(query)}"
    elif kind == "paginated":
        path = rng.choice((f"/section/{section}/page/3/", f"/{section}/?page=3"))
    elif kind == "media":
        video = rng.random() < 0.5
        name = "Video" if video else "Photos"
        path = rng.choice(
            ("/video/", f"/video/{section}/") if video else ("/photos/", "/gallery/")
        )
        extra["video"] = video
    elif kind == "lead":
        path = rng.choice(("/", f"/{section}/"))
    return ListingSpec(
        kind=kind,
        name=name,
        path=path,
        teasers=teasers,
        lead=lead_paragraphs(stories[0]) if kind == "lead" else (),
        query=query,
        results=rng.randint(len(teasers) * 3, 4_000) if kind == "search" else 0,
        page_number=3 if kind == "paginated" else 1,
        bio=_bio(name) if kind == "author" else "",
        extra=extra,
    )


def _bio(name: str) -> str:
    """A short author biography: prose, as real author pages have above their list."""
    first = name.split(maxsplit=1)[0]
    return (
        f"{name} is a reporter covering housing, transport and local government. "
        f"Before joining the newsroom, {first} worked for regional papers for a decade. "
        "Send tips by email or follow on social media."
    )
