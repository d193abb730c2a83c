"""Site extractor registry and base class: extractors/site.py."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractors import extract
from extractors.exceptions import SiteExtractorError
from extractors.site import Registry, SiteExtractor, registry, site_modules


class Broad(SiteExtractor):
    domains = ("example.test",)
    body = "div.text"


class Narrow(SiteExtractor):
    domains = ("news.example.test",)
    body = "div.story"


def test_most_specific_domain_wins() -> None:
    reg = Registry()
    reg.load([])  # no site modules: just these two
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
    assert article.extractor_note == (
        "site:marokkonieuws.test handed the page to the generic extractor: body selector "
        "'article.post div.entry-content' matched nothing"
    )


def _story(head: str, container: str = "div.story") -> str:
    tag, _, cls = container.partition(".")
    paragraph = "<p>The minister is expected in Rabat, officials said, for a long meeting.</p>"
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<{tag} class='{cls}'><h1>Title</h1>{paragraph * 6}<p>Only in the story.</p></{tag}>"
        "<aside><p>A teaser of another story, with its own long sentence here.</p></aside>"
        "</body></html>"
    )


@pytest.fixture
def narrow_registered() -> Iterator[None]:
    """Narrow (news.example.test, body div.story) in the default registry, for extract()."""
    registry.extractors()  # the bundled modules first
    by_domain = dict(registry._by_domain)
    registry.add(Narrow)
    yield
    registry._by_domain = by_domain


@pytest.mark.usefixtures("narrow_registered")
@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="https://news.example.test/2022/story">',
        '<meta property="og:url" content="https://www.news.example.test/2022/story">',
    ],
)
def test_a_page_under_another_host_gets_the_extractor_of_its_own_url(head: str) -> None:
    """A mirror, a proxy, a replay or the demo site: the canonical URL or og:url decides."""
    article = extract(_story(head), "http://127.0.0.1:8765/2022/story")
    assert article.extractor == "site:news.example.test"
    assert article.extractor_note is None
    assert article.body.endswith("Only in the story.")


@pytest.mark.usefixtures("narrow_registered")
def test_a_canonical_url_is_not_enough_when_the_selectors_do_not_fit() -> None:
    head = '<link rel="canonical" href="https://news.example.test/2022/story">'
    article = extract(_story(head, "div.text"), "http://127.0.0.1:8765/2022/story")
    assert article.extractor == "generic"
    assert article.extractor_note is not None
    assert article.extractor_note.startswith(
        "site:news.example.test handed the page to the generic extractor: the page's "
        "canonical URL https://news.example.test/2022/story is on its site, but its body "
        "selector 'div.story' finds no text"
    )


@pytest.mark.usefixtures("narrow_registered")
def test_the_fetched_url_wins_and_a_relative_canonical_is_ignored() -> None:
    canonical = '<link rel="canonical" href="https://news.example.test/2022/story">'
    # fetched from a registered site: its own extractor, whatever the canonical says
    article = extract(_story(canonical), "https://marokkonieuws.test/2022/04/21/x/")
    assert article.extractor == "generic"
    assert article.extractor_note is not None
    assert article.extractor_note.startswith("site:marokkonieuws.test handed")
    relative = '<link rel="canonical" href="/2022/story">'
    article = extract(_story(relative), "http://127.0.0.1:8765/2022/story")
    assert (article.extractor, article.extractor_note) == ("generic", None)
    # generic=True asks for no site extractor at all, so none is noted
    article = extract(_story(canonical), "http://127.0.0.1:8765/2022/story", generic=True)
    assert (article.extractor, article.extractor_note) == ("generic", None)


GOOD_MODULE = """
from extractors.site import SiteExtractor, register

@register
class GoodX(SiteExtractor):
    domains = ("good-x.test",)
    body = "div.story"
"""
BAD_SELECTOR_MODULE = """
from extractors.site import SiteExtractor, register

@register
class BadX(SiteExtractor):
    domains = ("bad-x.test",)
    body = "div[[["
"""


@pytest.fixture
def user_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Three site modules of a user's, importable; the registry as it was afterwards."""
    (tmp_path / "good_x_site.py").write_text(GOOD_MODULE)
    (tmp_path / "bad_selector_x_site.py").write_text(BAD_SELECTOR_MODULE)
    (tmp_path / "broken_x_site.py").write_text("import a_module_that_is_not_there\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    by_domain, loaded = dict(registry._by_domain), registry._loaded
    yield
    registry._by_domain, registry._loaded = by_domain, loaded
    for name in ("good_x_site", "bad_selector_x_site", "broken_x_site"):
        sys.modules.pop(name, None)


@pytest.mark.usefixtures("user_modules")
def test_a_module_that_does_not_import_is_named_and_nothing_is_left_half_loaded() -> None:
    before = registry.extractors()
    with pytest.raises(
        SiteExtractorError, match="site module broken_x_site does not import: ModuleNotFoundError"
    ):
        registry.load([*site_modules(), "good_x_site", "broken_x_site"])
    assert registry.extractors() == before
    assert registry.for_url("https://good-x.test/a") is None  # loaded before the failure: undone
    assert "good_x_site" not in sys.modules  # so that a corrected list loads it again


@pytest.mark.usefixtures("user_modules")
def test_a_bad_selector_names_the_module_and_the_class() -> None:
    with pytest.raises(
        SiteExtractorError,
        match=r"site module bad_selector_x_site: bad_selector_x_site\.BadX: invalid CSS selector",
    ):
        registry.load(["good_x_site", "bad_selector_x_site"])
    assert registry.for_url("https://good-x.test/a") is None
    assert registry.for_url("https://bad-x.test/a") is None


@pytest.mark.usefixtures("user_modules")
def test_a_corrected_list_loads() -> None:
    with pytest.raises(SiteExtractorError):
        registry.load(["good_x_site", "broken_x_site"])
    assert registry.load([*site_modules(), "good_x_site"])[-1] == "good_x_site"
    found = registry.for_url("https://good-x.test/a")
    assert found is not None and found.__name__ == "GoodX"
    assert registry.for_url("https://marokkonieuws.test/x") is not None  # the bundled ones too
