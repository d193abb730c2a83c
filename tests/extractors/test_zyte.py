"""The Article in zyte-common-items' names: extractors/zyte.py."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from extractors import Article, Formats, extract
from extractors.zyte import to_zyte
from tests.support.zyte import validate_zyte_article

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

FULL = Article(
    url="https://news.test/2022/04/21/story.html",
    canonical_url="https://news.test/story",
    title="Blinken expected in May",
    body="First paragraph.\n\nSecond paragraph.",
    body_html='<p>First <a href="https://news.test/p">paragraph</a>.</p>\n<p>Second one.</p>',
    body_markdown="First [paragraph](https://news.test/p).\n\nSecond paragraph.",
    published="2022-04-21T17:40:00+02:00",
    published_raw="21 april 2022 - 17:40",
    modified="2022-04-22",
    modified_raw="22-04-2022",
    authors=["Ann Lee", "Bo Chen"],
    language="nl",
    section="Marokko",
    site_name="News Test",
    description="A summary.",
    image="https://news.test/lead.jpg",
    extractor="site:news.test",
    reason=None,
    fetched="2022-04-21T15:40:05Z",
    http_status=200,
    discovered_by="news_sitemap",
    page_type_confidence="low",
)


def test_every_field_has_a_name_in_the_export() -> None:
    """Written out by hand from zyte-common-items' Article documentation."""
    assert to_zyte(FULL) == {
        "url": "https://news.test/2022/04/21/story.html",
        "canonicalUrl": "https://news.test/story",
        "headline": "Blinken expected in May",
        "articleBody": "First paragraph.\n\nSecond paragraph.",
        "articleBodyHtml": (
            '<p>First <a href="https://news.test/p">paragraph</a>.</p>\n<p>Second one.</p>'
        ),
        "datePublished": "2022-04-21T17:40:00+02:00",
        "datePublishedRaw": "21 april 2022 - 17:40",
        "dateModified": "2022-04-22",
        "dateModifiedRaw": "22-04-2022",
        "authors": [{"name": "Ann Lee"}, {"name": "Bo Chen"}],
        "inLanguage": "nl",
        "description": "A summary.",
        "mainImage": {"url": "https://news.test/lead.jpg"},
        "metadata": {"dateDownloaded": "2022-04-21T15:40:05Z"},
        "newsclean": {
            "body_markdown": "First [paragraph](https://news.test/p).\n\nSecond paragraph.",
            "section": "Marokko",
            "site_name": "News Test",
            "extractor": "site:news.test",
            "http_status": 200,
            "discovered_by": "news_sitemap",
            "page_type_confidence": "low",
        },
    }
    validate_zyte_article(to_zyte(FULL))


def test_no_field_is_lost() -> None:
    """Every Article field with a value reaches the export, under some key: a field
    added to Article later lands under "newsclean" at least."""
    exported = to_zyte(FULL)
    flat = {*exported, *exported["newsclean"]}
    renamed = {"canonical_url", "title", "body", "body_html", "published", "published_raw"}
    renamed |= {"modified"}
    renamed |= {"modified_raw", "language", "image", "fetched"}
    set_fields = {f.name for f in fields(FULL) if getattr(FULL, f.name) not in (None, [], "")}
    assert set_fields - renamed <= flat


def test_empty_values_are_left_out() -> None:
    item = to_zyte(Article(url="https://news.test/a", reason="no-article"))
    assert item == {
        "url": "https://news.test/a",
        "articleBody": "",
        "newsclean": {"extractor": "", "reason": "no-article"},
    }
    validate_zyte_article(item)


@pytest.mark.parametrize(
    "meta",
    sorted(p.with_name("meta.json") for p in FIXTURES.glob("*/*/source.html")),
    ids=lambda p: p.parent.name,
)
def test_fixture_articles_validate(meta: Path) -> None:
    import json  # noqa: PLC0415

    url = json.loads(meta.read_text(encoding="utf-8"))["url"]
    article = extract(meta.with_name("source.html").read_bytes(), url, formats=Formats(html=True))
    assert article.body
    assert article.body_html
    zyte = validate_zyte_article(to_zyte(article))
    assert (zyte.headline, zyte.articleBody, zyte.articleBodyHtml, zyte.inLanguage) == (
        article.title,
        article.body,
        article.body_html,
        article.language,
    )


def test_a_body_can_be_left_out() -> None:
    item = to_zyte(FULL, without={"body", "body_markdown"})
    assert "articleBody" not in item
    assert "body_markdown" not in item["newsclean"]
    assert item["articleBodyHtml"] == FULL.body_html
    validate_zyte_article(item)


@pytest.mark.parametrize(
    ("wrong", "problem"),
    [
        ({"url": "https://n.test/a", "authors": ["Ann Lee"]}, "authors"),
        ({"url": "https://n.test/a", "title": "Our name, not zyte's"}, "title"),
        ({"url": "https://n.test/a", "mainImage": {"url": "x", "width": 3}}, "width"),
        ({"url": "https://n.test/a", "headline": 3}, "headline"),
        ({"url": "https://n.test/a", "metadata": {"dateDownloaded": "21/04/2022"}}, "21/04"),
    ],
)
def test_the_check_rejects_what_zyte_does_not_define(
    wrong: dict[str, object], problem: str
) -> None:
    """The validator itself: a wrong item fails it."""
    with pytest.raises((AssertionError, ValueError), match=problem):
        validate_zyte_article(wrong)
