"""Descriptions: extractors/metadata/taglines.py, on small pages written by hand."""

from __future__ import annotations

from extractors.metadata import read_metadata
from extractors.page.load import load

TAGLINE = "Music, Film, TV and Political News Coverage"


def _description(head: str, body: str = "", known: tuple[str, ...] = ()) -> str | None:
    page = f"<html><head>{head}</head><body>{body}<h1>A review</h1></body></html>"
    return read_metadata(load(page.encode()).tree, None, known_taglines=known).description


def test_description_equal_to_the_website_description_is_not_the_article_s() -> None:
    head = f"""<meta name="description" content="{TAGLINE}">
    <meta property="og:description" content="The band's fourth album, reviewed.">
    <script type="application/ld+json">[{{"@type": "WebSite", "name": "Consequence",
     "description": "{TAGLINE}"}}]</script>"""
    assert _description(head) == "The band's fourth album, reviewed."


def test_description_equal_to_the_header_slogan_is_not_the_article_s() -> None:
    head = f'<meta name="description" content="{TAGLINE}">'
    body = f'<header><a href="/">Consequence</a><p class="site-tagline">{TAGLINE}</p></header>'
    assert _description(head, body) is None


def test_slogan_part_of_the_site_name() -> None:
    head = """<meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje">
    <meta name="description" content="Víte, co se právě děje">"""
    assert _description(head) is None


def test_article_description_is_kept() -> None:
    head = f"""<meta name="description" content="The band's fourth album, reviewed.">
    <script type="application/ld+json">[{{"@type": "WebSite", "description": "{TAGLINE}"}}]
    </script>"""
    assert _description(head) == "The band's fourth album, reviewed."


def test_taglines_known_from_other_pages_of_the_site() -> None:
    head = f'<meta name="description" content="{TAGLINE}">'
    assert _description(head) == TAGLINE  # one page cannot tell
    assert _description(head, known=(TAGLINE,)) is None
