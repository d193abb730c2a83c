"""scrapy demo / extract / savefixture / quality: crawler/commands/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from crawler.commands.savefixture import fixture_folder, slug_for
from crawler.demosite import SiteServer
from extractors.evaluation.fixtures import load_fixture
from tests.support.crawlrun import ROOT, read_jsonl, run_scrapy

FIXTURE = next(p.parent for p in sorted(ROOT.glob("fixtures/*/*/source.html")))


def test_extract_a_fixture_folder() -> None:
    done = run_scrapy(["extract", str(FIXTURE)])
    assert done.returncode == 0, done.stderr[-2000:]
    article = json.loads(done.stdout)
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    assert article["url"] == expected["url"]
    assert article["title"] == expected["title"]
    assert article["extractor"].startswith("site:")


def test_extract_a_url(test_site: SiteServer) -> None:
    path = next(p for p in sorted(test_site.site.articles) if p.startswith("/politics/"))
    done = run_scrapy(["extract", f"{test_site.base_url}{path}", "--generic"])
    assert done.returncode == 0, done.stderr[-2000:]
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
    again = run_scrapy(args)
    assert again.returncode != 0 and "--force" in again.stderr


def test_quality_prints_the_report() -> None:
    done = run_scrapy(["quality"])
    assert "all reviewed fixtures" in done.stdout, done.stderr[-2000:]


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
    assert len(read_jsonl(output)) == int(lines[-1].split("articles: ")[1].split(",")[0])


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
