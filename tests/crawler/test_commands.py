"""scrapy demo / extract / savefixture / quality: crawler/commands/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from crawler.commands.savefixture import fixture_folder, slug_for
from crawler.demosite import SiteServer
from extractors import Formats, extract
from extractors.evaluation.fixtures import find_fixtures, load_fixture
from extractors.text import collapse
from tests.support.crawlrun import ROOT, read_jsonl, run_scrapy

FIXTURE = next(p.parent for p in sorted(ROOT.glob("fixtures/*/*/source.html")))
OMAR_URL = (
    "https://thehill.com/blogs/blog-briefing-room/news/"
    "471031-new-york-man-pleads-guilty-to-threatening-to-kill-omar"
)


def test_extract_a_fixture_folder() -> None:
    done = run_scrapy(["extract", str(FIXTURE)])
    assert done.returncode == 0, done.stderr[-2000:]
    article = json.loads(done.stdout)
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    assert article["url"] == expected["url"]
    assert article["title"] == expected["title"]
    assert article["extractor"].startswith("site:")


def test_extract_prints_the_body_in_the_format_asked_for() -> None:
    meta = json.loads((FIXTURE / "meta.json").read_text(encoding="utf-8"))
    source = (FIXTURE / "source.html").read_bytes()
    want = extract(source, meta["url"], formats=Formats(html=True, markdown=True))
    markdown = run_scrapy(["extract", str(FIXTURE), "--format", "markdown"])
    assert markdown.returncode == 0, markdown.stderr[-2000:]
    assert markdown.stdout == f"{want.body_markdown}\n"
    both = run_scrapy(["extract", str(FIXTURE), "-s", "NEWSCLEAN_BODY_FORMATS=text,html"])
    article = json.loads(both.stdout)
    assert (article["body"], article["body_html"]) == (want.body, want.body_html)
    assert "body_markdown" not in article


def test_extract_a_url(test_site: SiteServer, tmp_path: Path) -> None:
    path = next(p for p in sorted(test_site.site.articles) if p.startswith("/politics/"))
    done = run_scrapy(["extract", f"{test_site.base_url}{path}", "--generic"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    # The fetch writes no feed: nothing is left in the folder it ran in.
    assert list(tmp_path.iterdir()) == []
    article = json.loads(done.stdout)
    assert article["url"] == f"{test_site.base_url}{path}"
    assert article["body"] and "We use cookies" not in article["body"]


def test_savefixture_writes_an_unreviewed_draft(test_site: SiteServer, tmp_path: Path) -> None:
    path = next(p for p in sorted(test_site.site.articles) if p.startswith("/economy/"))
    url = f"{test_site.base_url}{path}"
    args = ["savefixture", url, "--site", "demo.test", "--fixtures", str(tmp_path)]
    done = run_scrapy(args)
    assert done.returncode == 0, done.stderr[-2000:]
    folder = tmp_path / "demo.test" / slug_for(url)
    assert (folder / "source.html").read_bytes() == test_site.site.resources[path].body
    fixture = load_fixture(folder)
    assert fixture.reviewed is False
    assert fixture.url == url
    assert fixture.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Date" not in fixture.headers
    assert fixture.expected["body"]
    assert "reviewed" in done.stdout  # tells the person what to do next
    assert f"scrapy quality --record {folder}" in done.stdout
    # proposed noise: the page's furniture, never a line of the draft body
    assert fixture.noise_proposed and fixture.noise == []
    # the cookie banner of crawler/demosite/pages.py, its two parts one block
    assert "We use cookies to improve your experience. Accept all" in fixture.noise_proposed
    body = collapse(fixture.expected["body"])
    assert not [line for line in fixture.noise_proposed if line in body]
    assert fixture.record is not None and fixture.record.recall == 1.0  # on the draft
    again = run_scrapy(args)
    assert again.returncode != 0 and "--force" in again.stderr


def test_savefixture_files_a_mirrored_page_under_its_site(
    test_site: SiteServer, tmp_path: Path
) -> None:
    """The page of a registered site served under 127.0.0.1: filed under the site
    extractor's domain, extracted by it (its canonical URL says where it is from),
    and the person is told to give the URL it was published under."""
    mirrored = f"{test_site.base_url}{OMAR_URL.removeprefix('https://thehill.com')}"
    done = run_scrapy(["savefixture", mirrored, "--fixtures", str(tmp_path)])
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"warning: the page gives {OMAR_URL} as its URL, not {mirrored}: pass --url" in (
        done.stderr
    )
    fixture = load_fixture(tmp_path / "thehill.com" / slug_for(OMAR_URL))
    assert fixture.url == mirrored
    assert fixture.expected["extractor"] == "site:thehill.com"
    done = run_scrapy(
        ["savefixture", mirrored, "--url", OMAR_URL, "--fixtures", str(tmp_path), "--force"]
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "warning" not in done.stderr
    meta = json.loads((fixture.path / "meta.json").read_text(encoding="utf-8"))
    assert (meta["url"], meta["fetched_from"]) == (OMAR_URL, mirrored)
    # the site's other fixture is in the same folder: furniture both pages show comes first
    assert meta["noise_proposed"][:2] == ["Skip to main content", "sign up for newsletters"]


def test_savefixture_warns_when_site_names_a_registered_site_it_will_not_use(
    test_site: SiteServer, tmp_path: Path
) -> None:
    path = next(p for p in sorted(test_site.site.articles) if p.startswith("/economy/"))
    url = f"{test_site.base_url}{path}"
    done = run_scrapy(
        ["savefixture", url, "--site", "marokkonieuws.test", "--fixtures", str(tmp_path)]
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        "warning: --site marokkonieuws.test names the extractor site:marokkonieuws.test, but "
        "extract() uses the generic extractor for this page"
    ) in done.stderr
    assert "Pass the URL the page was published under, --url https://marokkonieuws.test/" in (
        done.stderr
    )
    fixture = load_fixture(tmp_path / "marokkonieuws.test" / slug_for(url))
    assert fixture.expected["extractor"] == "generic"


def test_quality_prints_the_report_and_writes_html(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    done = run_scrapy(["quality", "--html", str(page)])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "all reviewed fixtures" in done.stdout
    assert "<h1>Fixture quality report</h1>" in page.read_text(encoding="utf-8")


def test_demo_serves_and_crawls_the_demo_site(tmp_path: Path) -> None:
    output = tmp_path / "articles.jsonl"
    done = run_scrapy(["demo", "--output", str(output)])
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert lines[-2] == f"Articles written to {output}"
    assert (
        lines[-1].startswith("pages: ")
        and "dropped: 2 (near_duplicate: 1, no_title: 1)" in lines[-1]
    )
    items = read_jsonl(output)
    assert len(items) == int(lines[-1].split("articles: ")[1].split(",")[0])
    # every bundled fixture page, served under 127.0.0.1, through its own extractor
    by_path = {item["url"].split("/", 3)[3]: item for item in items}
    for fixture in find_fixtures(ROOT / "fixtures"):
        item = by_path[fixture.url.split("/", 3)[3]]
        assert item["extractor"] == fixture.expected["extractor"], fixture.slug


@pytest.mark.parametrize(
    ("site", "slug"),
    [
        ("../../etc", "passwd"),
        ("/abs", "x"),
        ("news.test", "a/../../b"),
        ("news.test", "/etc/cron.d/x"),
        ("news.test", ".hidden"),
        ("news.test", "x" * 5000),
        ("news.test:8080", "..\\..\\win"),
    ],
)
def test_fixture_folder_stays_inside(tmp_path: Path, site: str, slug: str) -> None:
    """Names from URLs or the command line cannot put a fixture outside fixtures/."""
    fixtures = tmp_path / "fixtures"
    folder = fixture_folder(fixtures, site, slug)
    assert folder.resolve().parent.parent == fixtures.resolve()
    assert len(folder.name) <= 80


def test_fixture_folder_refuses_empty_names(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot be a folder name"):
        fixture_folder(tmp_path, "news.test", "../..")


BAD_SITE_MODULE = """
from extractors.site import SiteExtractor, register

@register
class BrokenNews(SiteExtractor):
    domains = ("broken-news.test",)
    body = "div[["
"""


def test_crawl_stops_before_it_starts_on_a_bad_site_module(tmp_path: Path) -> None:
    (tmp_path / "broken_news_site.py").write_text(BAD_SITE_MODULE)
    done = run_scrapy(
        [
            "crawl",
            "articles",
            "-a",
            "url=http://127.0.0.1:9/",
            "-s",
            "NEWSCLEAN_SITE_MODULES=extractors.sites.marokkonieuws_test,broken_news_site",
            "-O",
            str(tmp_path / "out.jsonl"),
        ],
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert done.returncode == 2, done.stderr[-2000:]
    errors = [line.split("error: ", 1)[1] for line in done.stderr.splitlines() if "error:" in line]
    assert errors == [
        "site module broken_news_site: broken_news_site.BrokenNews: invalid CSS "
        "selector 'div[[': Expected ident or '*', got <DELIM '[' at 4>; fix the selector in "
        "the site module"
    ]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.jsonl").exists()  # no crawl ran
