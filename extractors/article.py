"""The Article item: what every extractor returns.

Its field names are the project's own: short, snake_case, in Python's style.
They are not schema.org's or zyte-common-items' names; :mod:`extractors.zyte`
maps them to those (``title`` is ``headline``, ``body`` is ``articleBody``,
``published`` is ``datePublished``...), and a crawl or ``newsclean extract``
writes them so on request (README, "Output in standard names").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = ["FETCH_FIELDS", "RENDERED_FIELDS", "Article"]

FETCH_FIELDS = ("fetched", "http_status", "discovered_by", "page_type_confidence")
"""The fields that say how a page was fetched and judged, not what it holds: empty
from :func:`extractors.extract`, so a fixture's ``expected.json`` need not list them."""

RENDERED_FIELDS = ("body_html", "body_markdown")
"""The body's renderings, made only when asked for (``extract(..., formats=...)``,
a crawl's ``NEWSCLEAN_BODY_FORMATS``): empty from :func:`extractors.extract` by
default, so a fixture's ``expected.json`` need not list them, and a crawl writes
them only when asked to."""


@dataclass(slots=True)
class Article:
    """One news article, cleaned of the page around it.

    The names are the project's own (see the module docstring for the standard
    names they map to). Every date of the page is given twice: parsed (ISO 8601)
    and as found on the page. The last four fields say how the page was
    fetched and judged; :func:`extractors.extract` leaves them empty, the crawl and
    ``newsclean extract`` (from a WARC record) fill them in.
    """

    url: str | None = None
    """The URL the page was fetched from, as given to :func:`extractors.extract`."""

    canonical_url: str | None = None
    """Absolute URL from ``<link rel=canonical>``, ``og:url`` or JSON-LD ``url``."""

    title: str | None = None
    """The headline, plain text on one line."""

    body: str = ""
    """Plain text, one line per block (a paragraph, a heading, a list item, a table
    row with its cells joined by ``" | "`` and an empty cell keeping its place, a
    quotation, preformatted text on one line), lines separated by one blank line
    (``"\\n\\n"``). Empty when the page holds no article; ``reason`` then says why."""

    body_html: str | None = None
    """The body as clean semantic HTML, one element per line: ``<p>``, ``<h2>``-``<h6>``,
    ``<ul>``/``<ol>``/``<li>`` nested as on the page, ``<table>`` with its rows and
    header cells (``<th>``), ``<blockquote>``, ``<pre>``/``<code>``, ``<a>`` with an
    absolute ``href``, and with figures asked for, ``<figure>``/``<img>`` with an
    absolute ``src`` and ``<figcaption>``; no class, style or other attribute. The
    same blocks as ``body``, in the same order. None unless asked for
    (``extract(..., formats=Formats(html=True))``), and when ``body`` is empty."""

    body_markdown: str | None = None
    """``body_html`` as Markdown (GFM tables, ATX headings, ``-`` bullets), written by
    markdownify. None unless asked for (``Formats(markdown=True)``), and when
    ``body`` is empty."""

    published: str | None = None
    """Publication date in ISO 8601: ``2022-04-21T17:40:00`` (no zone given),
    ``2022-04-21T17:40:00+02:00`` (zone given) or ``2022-04-20`` (day only)."""

    published_raw: str | None = None
    """The string ``published`` was parsed from, exactly as on the page; the page's
    URL when the date was read from its path (``/2024/03/06/story/``), the source
    of last resort."""

    modified: str | None = None
    """Last modification date in ISO 8601, same formats as ``published``."""

    modified_raw: str | None = None
    """The string ``modified`` was parsed from, exactly as on the page."""

    authors: list[str] = field(default_factory=list)
    """Author names, in page order, without "By"/"Door"/"Par" lead-ins, dates,
    roles or agency suffixes; an organization (the publisher, an agency) only when
    no person is named."""

    authors_raw: str | None = None
    """The string ``authors`` were read from, as found: the visible byline
    (``"By Jane Doe and John Roe, Reuters | May 3, 2019"``), a meta tag's content, or
    the JSON-LD author names joined by ``", "``; from a site extractor, the text of
    its author elements joined by ``", "``. None when there is none."""

    language: str | None = None
    """ISO 639-1 code (``"nl"``, ``"ar"``): declared by the page, else detected."""

    section: str | None = None
    """The site's section or category for the article, e.g. ``"Marokko"``."""

    site_name: str | None = None
    """The publication's name, e.g. from ``og:site_name``."""

    description: str | None = None
    """The page's own summary (meta description, ``og:description``)."""

    image: str | None = None
    """Absolute URL of the lead image."""

    extractor: str = ""
    """Which extractor produced the body: ``"site:<domain>"`` or ``"generic"``."""

    extractor_note: str | None = None
    """Why a site extractor chosen for the page did not produce the body, or None:
    ``"site:<domain> handed the page to the generic extractor: <reason>"`` (its body
    selector matched nothing, or the extractor raised ``UseGeneric``). On the generic
    path, a note that the body is the page's JSON-LD ``articleBody``, the markup
    holding too little of it (a page a script renders, a teaser over a paywall)."""

    reason: str | None = None
    """Machine-readable reason when ``body`` is empty: ``"empty-input"``,
    ``"not-html"``, ``"no-article"``, ``"too-large"``, ``"timeout"``,
    ``"unparseable"`` (README, "Robustness")."""

    fetched: str | None = None
    """When the page was fetched, in UTC, to the second: ``2022-04-21T15:40:05Z``
    (zyte-common-items' ``metadata.dateDownloaded`` format). A crawl gives the time
    its response reached the page service; a WARC record its ``WARC-Date``."""

    http_status: int | None = None
    """The HTTP status of the response the page came in (``200``); None when the
    page was not fetched over HTTP (a file, a string)."""

    discovered_by: str | None = None
    """How the crawl found the URL: ``"start_url"`` (given to the spider),
    ``"sitemap"``, ``"news_sitemap"``, ``"feed"`` or ``"link"`` (on a listing
    page); None outside a crawl."""

    page_type_confidence: str | None = None
    """How sure the crawl was that the page is an article (:mod:`extractors.pagetype`):
    ``"high"``, or ``"low"`` for a page with little or mixed evidence (a short text,
    a page of several stories, a landing page), extracted rather than lost and
    perhaps no article at all. None when the page was not classified: outside a
    crawl, or fetched as a known article (the ``urls`` spider, fixtures)."""

    def to_dict(self) -> dict[str, Any]:
        """The article as a JSON-ready dict, keys in field order; the body's renderings
        (:data:`RENDERED_FIELDS`) only when they were made, so that a plain extraction
        gives a line no longer than it did before they existed."""
        data = asdict(self)
        for name in RENDERED_FIELDS:
            if data[name] is None:
                del data[name]
        return data

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Names of all fields, in declaration order (used for feed exports)."""
        return tuple(f.name for f in fields(cls))
