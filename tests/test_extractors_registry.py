"""Site extractor registry and base class: extractors/registry.py, extractors/base.py."""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.base import SiteExtractor
from extractors.exceptions import SiteExtractorError
from extractors.registry import Registry, registry


class Broad(SiteExtractor):
    domains = ("example.test",)
    body = "div.text"


class Narrow(SiteExtractor):
    domains = ("news.example.test",)
    body = "div.story"


def test_most_specific_domain_wins() -> None:
    reg = Registry()
    reg._loaded = True  # no site modules: just these two
    reg.add(Broad)
    reg.add(Narrow)
    assert reg.for_url("https://news.example.test/a") is Narrow
    assert reg.for_url("https://www.news.example.test/a") is Narrow
    assert reg.for_url("https://example.test/a") is Broad
    assert reg.for_url("https://other.test/a") is None
    assert reg.for_url("http://[broken") is None


def test_two_extractors_cannot_claim_one_domain() -> None:
    reg = Registry()
    reg.add(Broad)

    class Copy(SiteExtractor):
        domains = ("example.test",)
        body = "p"

    with pytest.raises(SiteExtractorError, match="both claim"):
        reg.add(Copy)


def test_bad_selector_is_reported_at_registration() -> None:
    class Bad(SiteExtractor):
        domains = ("bad.test",)
        body = "div[[["

    with pytest.raises(SiteExtractorError, match="invalid CSS selector"):
        Registry().add(Bad)


def test_every_seed_site_is_registered_with_crawl_hints() -> None:
    hosts = {d for cls in registry.extractors() for d in cls.domains}
    assert {
        "marokkonieuws.test",
        "akhbar-almaghrib.test",
        "revue-de-presse.test",
        "marokko-aktuell.test",
        "maroc-actu.test",
    } <= hosts
    for cls in registry.extractors():
        assert cls.start_urls and cls.article_urls, f"{cls.__name__} lacks crawl hints"


def test_site_extractor_hands_over_when_its_body_selector_misses() -> None:
    page = (
        "<html><body><article><h1>Titre</h1>"
        + "<p>Le ministre est attendu au Maroc, dit-on, pour une réunion importante.</p>" * 8
        + "</article></body></html>"
    )
    article = extract(page, "https://marokkonieuws.test/2022/04/21/x/")
    assert article.extractor == "generic"
    assert "Le ministre est attendu" in article.body
