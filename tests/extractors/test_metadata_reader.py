"""Metadata: extractors/metadata/reader.py and extractors/metadata/jsonld.py."""

from __future__ import annotations

from extractors.metadata import read_metadata, visible_date
from extractors.page.load import load

JSONLD_PAGE = b"""<!DOCTYPE html><html lang="de-DE"><head>
<title>Koalition tagt in Marokko | Marokko Heute</title>
<meta property="og:site_name" content="Marokko Heute">
<meta property="og:image" content="/img/lead.jpg">
<link rel="canonical" href="https://example.test/a/1">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Marokko Heute"},
 {"@type": "NewsArticle", "headline": "Koalition tagt in Marokko",
  "datePublished": "2022-03-09T10:15:00+01:00", "dateModified": "2022-03-10T08:00:00+01:00",
  "author": [{"@type": "Person", "name": "Anna Weber"}], "articleSection": "Politik"}
]}</script>
<script type="application/ld+json">{ broken json, </script>
</head><body><h1>Koalition tagt in Marokko</h1></body></html>"""


def test_jsonld_graph_fields() -> None:
    meta = read_metadata(load(JSONLD_PAGE).tree, "https://example.test/a/1?utm=x")
    assert meta.title == "Koalition tagt in Marokko"
    assert meta.published is not None
    assert meta.published.iso == "2022-03-09T10:15:00+01:00"
    assert meta.modified is not None
    assert meta.modified.iso == "2022-03-10T08:00:00+01:00"
    assert meta.authors == ["Anna Weber"]
    assert meta.section == "Politik"
    assert meta.language == "de"
    assert meta.site_name == "Marokko Heute"
    assert meta.canonical_url == "https://example.test/a/1"
    assert meta.image == "https://example.test/img/lead.jpg"


def test_title_suffix_with_site_name_is_dropped() -> None:
    page = b"""<html><head><title>Blinken attendu au Maroc - Le Journal</title>
    <meta property="og:site_name" content="Le Journal"></head><body></body></html>"""
    assert read_metadata(load(page).tree, None).title == "Blinken attendu au Maroc"


def test_header_today_date_is_not_the_article_date() -> None:
    page = """<html><body><header><div class="top-bar">vendredi, novembre 22, 2024</div>
    </header><main><h1>Titre</h1><p class="meta">Publié le 11 mai 2022 à 09:30</p>
    <p>Texte.</p></main></body></html>""".encode()
    found = visible_date(load(page).tree, "fr")
    assert found is not None
    assert found.iso == "2022-05-11T09:30:00"


def test_ticker_dates_are_skipped() -> None:
    page = b"""<html><body><div class="news-ticker"><a>Le temps du mardi 11 mars 2025</a>
    </div><div class="source">Publi\xc3\xa9 le 20 - 04 - 2022</div></body></html>"""
    found = visible_date(load(page).tree, "fr")
    assert found is not None
    assert found.iso == "2022-04-20"


def test_byline_authors_from_meta_are_split() -> None:
    page = b"""<html><head><meta name="author" content="By Jane Doe and John Roe">
    </head><body></body></html>"""
    assert read_metadata(load(page).tree, None).authors == ["Jane Doe", "John Roe"]
