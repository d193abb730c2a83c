"""``extract()``: one page in, one Article out; ``load_page()``: one bounded parse.

Whatever the input, ``extract()`` returns an Article or raises
:class:`~extractors.exceptions.InputError` for an argument of the wrong type. An
Article with no article in it has an empty ``body`` and one of these reasons:

- ``"empty-input"``: nothing but whitespace;
- ``"not-html"``: a binary file (PDF, image, archive) or undecodable bytes;
- ``"no-article"``: HTML without an article (a script-only page, a teaser);
- ``"too-large"``: over a bound of :class:`~extractors.limits.Limits`, or cut
  short by libxml2's own limits (nesting depth, length of one text) before any
  article text;
- ``"timeout"``: the deadline passed before a stage could start;
- ``"unparseable"``: libxml2, a codec or the recursion limit failed on it in a
  way no check foresaw (logged as a warning: worth a bug report).

A caller that needs more than the article from a page (a crawler reads its
links and its page type too) loads it once with :func:`load_page`, reads what it
needs from ``page.tree``, then passes the :class:`~extractors.page.Page` to
:func:`extract`: the page reaches libxml2 once, within the limits.
"""

from __future__ import annotations

import logging

import lxml.etree

from extractors.article import Article
from extractors.exceptions import InputError, UnreadablePage, UseGeneric
from extractors.generic import MIN_BODY_CHARS, Findings, body_size, generic_body
from extractors.generic.blocks import Block
from extractors.generic.markup import Keep
from extractors.limits import DEFAULT_LIMITS, Limits, OutOfTime, checkpoint, deadline
from extractors.metadata import (
    Metadata,
    ParsedDate,
    detect_language,
    page_language,
    parse_date,
    read_metadata,
    url_date,
    visible_date,
)
from extractors.page import Page, load
from extractors.page.links import base_url
from extractors.page.tree import ItemProps, itemprops
from extractors.render import TEXT, Formats, render
from extractors.site import SiteChoice, SiteExtractor, handover_note, registry
from extractors.text import CONTROLS, clean, join_paragraphs
from extractors.writing import size

__all__ = ["extract", "load_page"]

logger = logging.getLogger(__name__)

GENERIC = "generic"


def load_page(
    html: bytes | str,
    url: str | None = None,
    *,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Page:
    """Decode and parse one page within ``limits``, for :func:`extract` and more.

    Arguments as for :func:`extract`. Raises
    :class:`~extractors.exceptions.UnreadablePage` (with the Article's
    ``reason``) for input that holds no page or is over the limits, and
    :class:`~extractors.exceptions.InputError` for an argument of the wrong type.

    >>> page = load_page(b"<p>" + b"Text, more text. " * 20 + b"</p>", "https://n.test/a")
    >>> extract(page).body[:16]
    'Text, more text.'
    """
    _check_arguments(url, encoding, limits)
    try:
        with deadline(limits.max_seconds):
            return load(html, url, encoding, limits)
    except OutOfTime as exc:
        raise UnreadablePage("timeout", str(exc)) from exc
    except (lxml.etree.LxmlError, RecursionError, UnicodeError) as exc:
        logger.warning("parsing failed on %s: %s: %s", url, type(exc).__name__, exc)
        raise UnreadablePage("unparseable", f"{type(exc).__name__}: {exc}") from exc


def extract(
    html: bytes | str | Page,
    url: str | None = None,
    *,
    encoding: str | None = None,
    generic: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    formats: Formats = TEXT,
    findings: Findings | None = None,
) -> Article:
    """Extract the article from one page.

    ``html`` is the page as served (bytes), already decoded (str), or loaded by
    :func:`load_page` (then ``url`` and ``encoding`` are the page's own; a loaded
    page can be extracted once: extraction prunes its tree). ``encoding`` is the
    charset from the HTTP ``Content-Type`` header when known. The site extractor
    registered for ``url``'s domain runs first, unless ``generic`` is true; failing
    that, the one for the page's canonical URL or ``og:url`` when its selectors fit
    the page (:meth:`~extractors.site.Registry.for_page`). The generic extractor
    runs when there is none or it hands over; ``Article.extractor_note`` then says
    why. ``limits`` bounds the work (:mod:`extractors.limits`). ``formats`` asks for
    the body as HTML and Markdown besides the plain text
    (:class:`~extractors.render.Formats`: ``Formats(html=True, markdown=True)``).
    ``findings``, an empty :class:`~extractors.generic.Findings`, is filled with
    what the generic extractor saw (the page-type classifier reads it; left empty
    when a site extractor produced the body).

    Bad content never raises: the Article then has an empty ``body`` and a
    machine-readable ``reason`` (listed in :mod:`extractors.api`). An argument of
    the wrong type raises :class:`~extractors.exceptions.InputError`.
    """
    _check_arguments(url, encoding, limits)
    if not isinstance(formats, Formats):
        raise InputError(
            f"extract() takes formats as an extractors.Formats, not {type(formats).__name__}; "
            "e.g. Formats(html=True, markdown=True)"
        )
    if isinstance(html, Page):
        if html.extracted:
            raise InputError(
                "extract() takes a loaded page once: extraction prunes its tree; "
                "call load_page() again for a second extraction"
            )
        url = html.url
    try:
        with deadline(limits.max_seconds):
            page = html if isinstance(html, Page) else load(html, url, encoding, limits)
            page.extracted = True
            return _extract(page, generic, formats, findings)
    except UnreadablePage as exc:
        logger.debug("no article in %s: %s", url, exc)
        return Article(url=url, reason=exc.reason)
    except OutOfTime as exc:
        logger.info("gave up on %s: %s", url, exc)
        return Article(url=url, reason="timeout")
    except (lxml.etree.LxmlError, RecursionError, UnicodeError) as exc:
        # libxml2 and deep trees can fail in ways no input check foresees; the caller
        # gets an Article that says so, never the parser's own exception.
        logger.warning("extraction failed on %s: %s: %s", url, type(exc).__name__, exc)
        return Article(url=url, reason="unparseable")


def _check_arguments(url: object, encoding: object, limits: object) -> None:
    if url is not None and not isinstance(url, str):
        raise InputError(
            f"extract() takes the url as a str or None, not {type(url).__name__}; "
            "pass response.url"
        )
    if encoding is not None and not isinstance(encoding, str):
        raise InputError(
            f"extract() takes the encoding as a str or None, not {type(encoding).__name__}; "
            "pass the charset of the Content-Type header, e.g. 'utf-8'"
        )
    if not isinstance(limits, Limits):
        raise InputError(
            f"extract() takes limits as an extractors.limits.Limits, not {type(limits).__name__}"
        )


def _extract(
    page: Page, generic: bool, formats: Formats, findings: Findings | None = None
) -> Article:
    checkpoint("reading metadata")
    props = itemprops(page.tree) if page.has_microdata else {}
    meta = read_metadata(page.tree, page.url, props)
    # The site extractor for the URL the page was fetched from, else for the URL it
    # was published under (a mirror, a replay, the demo site); extractors/site.py.
    choice = SiteChoice(None) if generic else registry.for_page(page.url, page.tree)
    site = choice.extractor(page.tree) if choice.extractor is not None else None
    title = (site.extract_title() if site else None) or meta.title
    site_authors = site.extract_authors() if site else None
    authors = site_authors or meta.authors
    # The site extractor's author elements are the byline as found, name by name.
    authors_raw = ", ".join(site_authors) if site_authors else meta.authors_raw
    section = (site.extract_section() if site else None) or meta.section
    # The language decides how a localized date reads; a page that does not declare
    # one is guessed from its headline, and only when a date needs it.
    hint = meta.language
    raw_date = site.extract_published() if site else None
    if raw_date or meta.published is None:
        hint = hint or detect_language(_headline_text(title, meta))
    published = parse_date(raw_date, meta.language_tag or hint) if raw_date else None
    # Visible date lines are read before the body is cut out of the tree; the URL's
    # date is the last resort.
    published = (
        published
        or meta.published
        or visible_date(page.tree, meta.language_tag or hint)
        or url_date(page.url)
        or url_date(meta.canonical_url)
    )
    checkpoint("extracting the body")
    keep = formats.keep()
    # Links and images resolve against the page's <base href>, else its URL.
    base = base_url(page.tree, page.url) if keep is not None else None
    found, name, note = _body(page, site, title, props, keep, findings)
    if name == GENERIC and meta.body:
        markup, stated = body_size(found), size(meta.body)
        if _is_shell(markup, stated):
            # The markup held a fraction of what the page's structured data
            # states: a page whose story a script writes in, or a teaser over a wall.
            note = _STRUCTURED_NOTE.format(markup, stated)
            found = [Block(paragraph, 0.0, "p") for paragraph in meta.body.split("\n\n")]
    text = join_paragraphs(_without_controls([block.text for block in found if block.text]))
    article = _article(page, meta, title, text, published, (authors, authors_raw), section, name)
    article.extractor_note = note or choice.note
    if text and keep is not None:
        checkpoint("rendering the body")
        article.body_html, article.body_markdown = render(found, base, formats)
    return article


def _body(
    page: Page,
    site: SiteExtractor | None,
    title: str | None,
    props: ItemProps,
    keep: Keep | None,
    findings: Findings | None,
) -> tuple[list[Block], str, str | None]:
    """The body's blocks, the extractor that gave them, and why a site extractor
    handed the page over (None when it did not)."""
    if site is not None:
        try:
            return _site_blocks(site, title, keep), site.name(), None
        except UseGeneric as exc:
            note = handover_note(type(site), str(exc))
            logger.debug("%s: %s", page.url, note)
            checkpoint("the generic extractor")
            return generic_body(page.tree, title, props, findings, keep=keep), GENERIC, note
    return generic_body(page.tree, title, props, findings, keep=keep), GENERIC, None


# The body's markup is a shell when it holds less than this share of the text of
# the page's JSON-LD articleBody (sizes, :func:`extractors.writing.size`). A full
# story gives about as much as its articleBody on every page of both development
# corpora that has one (24 of 311); an articleBody cut to a teaser gives less.
SHELL_SHARE = 1 / 3
_STRUCTURED_NOTE = (
    "the body is the page's JSON-LD articleBody: its markup gave {} characters of it, "
    "the articleBody holds {}"
)


def _is_shell(markup: int, stated: int) -> bool:
    """Whether a body of size ``markup`` found in the markup holds too little of the
    story the page's structured data states (of size ``stated``) to be it."""
    return stated >= MIN_BODY_CHARS and markup < SHELL_SHARE * stated


def _site_blocks(site: SiteExtractor, title: str | None, keep: Keep | None) -> list[Block]:
    """A site extractor's blocks; the paragraphs of its own ``extract_body``, when it
    has one (they have no structure to render: each is a paragraph)."""
    if type(site).extract_body is SiteExtractor.extract_body:
        return site.extract_blocks(title, keep)
    return [Block(paragraph, 0.0, "p") for paragraph in site.extract_body(title)]


def _headline_text(title: str | None, meta: Metadata) -> str:
    """The title and description, the text a language is guessed from without a body.

    >>> _headline_text("Bonjour", Metadata())
    'Bonjour'
    """
    return " ".join(part for part in (title, meta.description) if part)


def _without_controls(paragraphs: list[str]) -> list[str]:
    cleaned = (CONTROLS.sub("", p).strip() for p in paragraphs)
    return [p for p in cleaned if p]


def _article(
    page: Page,
    meta: Metadata,
    title: str | None,
    body: str,
    published: ParsedDate | None,
    authors: tuple[list[str], str | None],
    section: str | None,
    extractor: str,
) -> Article:
    return Article(
        url=page.url,
        canonical_url=meta.canonical_url,
        title=clean(title) or None,
        body=body,
        published=published.iso if published else None,
        published_raw=published.raw if published else None,
        modified=meta.modified.iso if meta.modified else None,
        modified_raw=meta.modified.raw if meta.modified else None,
        authors=authors[0],
        authors_raw=authors[1],
        language=page_language(meta.language, body or _headline_text(title, meta)),
        section=clean(section) or None,
        site_name=meta.site_name,
        description=meta.description,
        image=meta.image,
        extractor=extractor,
        reason=None if body else _no_body(page),
    )


def _no_body(page: Page) -> str:
    """Why a parsed page gave no body: libxml2 stopped early, or there is none."""
    if page.truncated:
        logger.info("no article in the part of %s that libxml2 read: %s", page.url, page.truncated)
        return "too-large"
    return "no-article"
