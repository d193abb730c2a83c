"""The public API: extractors.extract on good and bad input."""

from __future__ import annotations

import pytest

from extractors import Article, InputError, extract

ARTICLE = (
    "<html lang='en'><head><title>A headline</title></head><body>"
    "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
    "<article><h1>A headline</h1>"
    + "<p>The minister arrived in Rabat on Monday, officials said, for two days of talks.</p>"
    * 6
    + "<p>Read more: <a href='/x'>Another story about something else entirely</a></p>"
    "</article><footer>© 2022 The Paper</footer></body></html>"
)


def test_article_fields() -> None:
    article = extract(ARTICLE.encode(), "https://paper.test/a")
    assert isinstance(article, Article)
    assert article.title == "A headline"
    assert article.body.count("\n\n") == 5
    assert "Read more" not in article.body
    assert "Home" not in article.body
    assert article.language == "en"
    assert article.extractor == "generic"
    assert article.reason is None


def test_str_and_bytes_give_the_same_article() -> None:
    assert extract(ARTICLE).to_dict() == extract(ARTICLE.encode()).to_dict()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty-input"),
        ("   ", "empty-input"),
        (b"\x00\x01\x02\x03" * 1000, "not-html"),
        (b"%PDF-1.4 ...", "not-html"),
        ("<html><body><script>var a = 1;</script></body></html>", "no-article"),
        ("<div><p>Short.</p>", "no-article"),
    ],
    ids=["empty-bytes", "blank-str", "binary", "pdf", "script-only", "too-short"],
)
def test_no_article_gives_an_empty_body_and_a_reason(data: bytes | str, reason: str) -> None:
    article = extract(data, "https://paper.test/x")
    assert article.body == ""
    assert article.reason == reason
    assert article.url == "https://paper.test/x"


def test_truncated_html_still_extracts() -> None:
    cut = ARTICLE[: ARTICLE.index("Read more") - 40]
    article = extract(cut)
    assert "The minister arrived in Rabat" in article.body


def test_wrong_type_raises_a_project_error() -> None:
    with pytest.raises(InputError):
        extract(["not", "a", "page"])  # type: ignore[arg-type]
