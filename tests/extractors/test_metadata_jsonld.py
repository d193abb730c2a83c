"""JSON-LD blocks: extractors/metadata/jsonld.py."""

from __future__ import annotations

import pytest

from extractors.metadata import jsonld
from extractors.page.load import load

BLOCK = '{"@type": "NewsArticle", "headline": "Dam opens", "datePublished": "2021-03-04"}'


@pytest.mark.parametrize(
    "script",
    [
        f"<![CDATA[\n{BLOCK}\n]]>",  # XHTML habit, kept by many CMSs
        f"//<![CDATA[\n{BLOCK}\n//]]>",
        f"<!--\n{BLOCK}\n-->",
        f"\n  {BLOCK}  \n",
    ],
)
def test_article_object_read_through_wrappers(script: str) -> None:
    page = f"""<html><head><script type="application/ld+json">{script}</script>
    </head><body><p>Text</p></body></html>"""
    found = jsonld.article_object(load(page.encode()).tree)
    assert found.get("headline") == "Dam opens"


def test_broken_block_is_skipped() -> None:
    page = b"""<html><head><script type="application/ld+json"><![CDATA[ {"@type": ]]>
    </script></head><body></body></html>"""
    assert jsonld.article_object(load(page).tree) == {}
