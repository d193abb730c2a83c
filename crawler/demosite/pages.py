"""HTML, XML and text templates of the demo site.

Every generated page carries the boilerplate a real news site has (navigation,
cookie banner, "most read" box, share buttons, related links, footer) so that a
crawl of the demo site shows extraction removing it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

__all__ = [
    "ArticleSpec",
    "Teaser",
    "article_page",
    "atom_feed",
    "listing_page",
    "news_sitemap",
    "robots_txt",
    "rss_feed",
    "sitemap_index",
    "urlset",
]

SITE_NAME = "Demo Daily"


@dataclass(slots=True)
class Teaser:
    """A link to an article as listing pages, feeds and sitemaps show it."""

    path: str
    title: str
    summary: str
    published: str  # ISO 8601 with zone


@dataclass(slots=True)
class ArticleSpec:
    """Everything needed to render one generated article page."""

    path: str
    title: str
    paragraphs: list[str]
    published: str
    section: str
    author: str
    related: Sequence[Teaser] = ()
    json_ld_type: str | None = "NewsArticle"
    og_type: str = "article"
    show_title: bool = True
    extra_links: Sequence[tuple[str, str]] = field(default_factory=tuple)


def _head(title: str | None, *, og_type: str, base: str, path: str, json_ld: str = "") -> str:
    title_tag = f"<title>{escape(title)} | {SITE_NAME}</title>" if title else ""
    og_title = f'<meta property="og:title" content="{escape(title)}">' if title else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{title_tag}
<link rel="canonical" href="{base}{path}">
<meta property="og:type" content="{og_type}">
{og_title}
<meta property="og:url" content="{base}{path}">
<meta property="og:site_name" content="{SITE_NAME}">
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} RSS" href="/feed.rss">
<link rel="alternate" type="application/atom+xml" title="{SITE_NAME} Atom" href="/feed.atom">
{json_ld}
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience.
<button>Accept all</button></div>
<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/section/politics/">Politics</a></li>
<li><a href="/section/economy/">Economy</a></li><li><a href="/section/culture/">Culture</a></li>
<li><a href="/section/sport/">Sport</a></li><li><a href="/archive/">Archive</a></li>
<li><a href="/search?q=">Search</a></li><li><a href="/private/subscriber-area">Subscribers</a></li>
</ul></nav></header>
"""


_FOOTER = f"""<footer class="site-footer"><p>&copy; 2022 {SITE_NAME}. All rights reserved.
Reproduction without permission is prohibited.</p>
<ul><li><a href="https://social.example.org/demodaily">Follow us</a></li>
<li><a href="https://partner.example.net/offers">Partner offers</a></li></ul></footer>
</body></html>
"""


def _teaser_links(teasers: Iterable[Teaser]) -> str:
    return "\n".join(f'<li><a href="{t.path}">{escape(t.title)}</a></li>' for t in teasers)


def article_page(spec: ArticleSpec, base: str) -> str:
    """An article page: headline, byline, body, then boilerplate around it."""
    json_ld = ""
    if spec.json_ld_type:
        headline = f'"headline": "{escape(spec.title)}", ' if spec.show_title else ""
        json_ld = (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "{spec.json_ld_type}", {headline}"datePublished": "{spec.published}", '
            f'"author": {{"@type": "Person", "name": "{escape(spec.author)}"}}, '
            f'"articleSection": "{spec.section.capitalize()}"}}</script>'
        )
    title = spec.title if spec.show_title else None
    head = _head(title, og_type=spec.og_type, base=base, path=spec.path, json_ld=json_ld)
    h1 = f'<h1 class="entry-title">{escape(spec.title)}</h1>' if spec.show_title else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in spec.paragraphs)
    extra = "\n".join(f'<a href="{href}">{escape(text)}</a>' for href, text in spec.extra_links)
    return f"""{head}<main>
<article class="post">
{h1}
<div class="entry-meta">By <span class="author">{escape(spec.author)}</span> &middot;
<time datetime="{spec.published}">{spec.published[:10]}</time> &middot;
<a href="/section/{spec.section}/">{spec.section.capitalize()}</a></div>
<div class="share">Share: <a href="https://social.example.org/share?u={spec.path}">Social</a>
<a href="mailto:?subject=news">E-mail</a></div>
<div class="entry-content">
{body}
</div>
<p class="tags">{extra}</p>
</article>
<aside class="related"><h2>Related articles</h2><ul>
{_teaser_links(spec.related)}
</ul></aside>
<section class="comments"><h2>0 comments</h2><p>Log in to comment.</p></section>
</main>
<aside class="most-read"><h2>Most read</h2><ol>{_teaser_links(spec.related[:3])}</ol></aside>
{_FOOTER}"""


def listing_page(
    title: str,
    path: str,
    teasers: Sequence[Teaser],
    base: str,
    *,
    next_path: str | None = None,
    prev_path: str | None = None,
    og_type: str = "website",
    extra_links: Sequence[tuple[str, str]] = (),
) -> str:
    """A section, archive or home page: teaser cards and pagination links."""
    cards = "\n".join(
        f"""<article class="card"><h2><a href="{t.path}">{escape(t.title)}</a></h2>
<p class="teaser">{escape(t.summary)}</p><time datetime="{t.published}">{t.published[:10]}</time>
</article>"""
        for t in teasers
    )
    pager = []
    if prev_path:
        pager.append(f'<a rel="prev" href="{prev_path}">&laquo; Newer</a>')
    if next_path:
        pager.append(f'<a rel="next" href="{next_path}">Older &raquo;</a>')
    extra = "\n".join(
        f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in extra_links
    )
    return f"""{_head(title, og_type=og_type, base=base, path=path)}<main>
<h1>{escape(title)}</h1>
<div class="cards">
{cards}
</div>
<nav class="pagination">{" ".join(pager)}</nav>
<ul class="elsewhere">{extra}</ul>
</main>
{_FOOTER}"""


def robots_txt(base: str) -> str:
    """robots.txt with a Disallow rule and the sitemap index."""
    return (
        "User-agent: *\nDisallow: /private/\nDisallow: /search\n\n"
        f"Sitemap: {base}/sitemap_index.xml\n"
    )


_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _sitemap(root: str, namespaces: str, items: Iterable[str]) -> str:
    """A sitemap document: the XML declaration, then ``items`` one per line in
    ``<root namespaces>``."""
    body = "\n".join(items)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} {namespaces}>\n{body}\n</{root}>\n'


def sitemap_index(base: str, paths: Iterable[str]) -> str:
    """A sitemap index pointing at the given sitemaps."""
    items = (f"<sitemap><loc>{base}{p}</loc></sitemap>" for p in paths)
    return _sitemap("sitemapindex", _SITEMAP_NS, items)


def urlset(base: str, teasers: Iterable[Teaser]) -> str:
    """A plain sitemap with ``lastmod`` dates."""
    items = (
        f"<url><loc>{base}{t.path}</loc><lastmod>{t.published}</lastmod></url>" for t in teasers
    )
    return _sitemap("urlset", _SITEMAP_NS, items)


def news_sitemap(base: str, teasers: Iterable[Teaser]) -> str:
    """A Google News sitemap: publication name, date and title per URL."""
    items = (
        f"""<url><loc>{base}{t.path}</loc><news:news><news:publication>
<news:name>{SITE_NAME}</news:name><news:language>en</news:language></news:publication>
<news:publication_date>{t.published}</news:publication_date>
<news:title>{xml_escape(t.title)}</news:title></news:news></url>"""
        for t in teasers
    )
    return _sitemap("urlset", f"{_SITEMAP_NS} {_NEWS_NS}", items)


def rss_feed(base: str, teasers: Iterable[Teaser]) -> str:
    """RSS 2.0; item links carry tracking parameters, as many feeds do."""

    items = "\n".join(
        f"""<item><title>{xml_escape(t.title)}</title>
<link>{base}{t.path}?utm_source=rss&amp;utm_medium=feed</link>
<pubDate>{format_datetime(datetime.fromisoformat(t.published))}</pubDate>
<description>{xml_escape(t.summary)}</description></item>"""
        for t in teasers
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        f"<title>{SITE_NAME}</title><link>{base}/</link>\n{items}\n</channel></rss>\n"
    )


def atom_feed(base: str, teasers: Iterable[Teaser]) -> str:
    """An Atom feed of the same kind."""
    entries = "\n".join(
        f"""<entry><title>{xml_escape(t.title)}</title>
<link rel="alternate" href="{base}{t.path}"/><id>{base}{t.path}</id>
<updated>{t.published}</updated><summary>{xml_escape(t.summary)}</summary></entry>"""
        for t in teasers
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>{SITE_NAME}</title><id>{base}/</id><updated>2022-04-30T00:00:00Z</updated>\n"
        f"{entries}\n</feed>\n"
    )
