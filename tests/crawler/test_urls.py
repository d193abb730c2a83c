"""URL canonicalization: crawler/urls.py."""

from __future__ import annotations

import pytest

from crawler.urls import canonicalize, strip_tracking


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://n.test/a.html?utm_source=rss&utm_medium=feed", "http://n.test/a.html"),
        ("https://N.TEST/a.html#comments", "https://n.test/a.html"),
        ("https://n.test/a?b=2&a=1", "https://n.test/a?a=1&b=2"),
        ("https://n.test:443/a?fbclid=xyz", "https://n.test/a"),
    ],
)
def test_same_page(a: str, b: str) -> None:
    assert canonicalize(a) == canonicalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("https://n.test/a?id=1", "https://n.test/a?id=2"), ("https://n.test/a", "https://m.test/a")],
)
def test_different_pages(a: str, b: str) -> None:
    assert canonicalize(a) != canonicalize(b)


def test_strip_tracking_keeps_the_rest_as_is() -> None:
    assert strip_tracking("https://n.test/A?b=2&a=1&utm_campaign=x") == "https://n.test/A?b=2&a=1"
