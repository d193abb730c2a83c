"""``scrapy savefixture <url-or-file> [--url URL] [--site NAME]``: start a new fixture.

Writes ``fixtures/<site>/<slug>/`` with the page bytes as served
(``source.html``), the URL the page was published under and the response headers
(``meta.json``, with ``"reviewed": false`` and the proposed noise lines), a draft
``expected.json`` that is today's extractor output, and the generic path's
figures on the draft (``generic.json``). The draft is not the truth: the fixture
does not count as passing until a person corrects expected.json, confirms the
noise lines, sets ``"reviewed": true`` and records the figures again.

``<site>`` is the registered site extractor's domain when one handles the page
(``www.example.com`` is filed under ``example.com`` when the extractor is
``site:example.com``), else the URL's host, unless ``--site`` names it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import UsageError

from crawler.extraction.service import charset_from_content_type
from crawler.onepage import PageCommand, SavedPage, extract_page
from crawler.urls import host_of
from extractors import UnreadablePage, load_page
from extractors.evaluation.checks import raise_record
from extractors.evaluation.fixtures import find_fixtures, load_fixture, write_record
from extractors.evaluation.noise import propose_noise
from extractors.site import SiteChoice, published_urls, registry

if TYPE_CHECKING:
    import argparse


def slug_for(url: str) -> str:
    """A folder name from the URL's last path segment.

    >>> slug_for("https://news.test/politics/2022/04/21/blinken-visit.html")
    'blinken-visit'
    >>> slug_for("https://news.test/archives/98214")
    'archives-98214'
    """
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return "home"
    last = re.sub(r"\.\w{2,5}$", "", segments[-1]).lower()
    if last.isdigit() and len(segments) > 1:
        last = f"{segments[-2]}-{last}"
    return re.sub(r"[^\w]+", "-", last).strip("-")[:80] or "page"


NAME_LENGTH = 80  # folder names stay readable, and far below any file system's limit


def safe_name(name: str) -> str:
    """``name`` as one folder name that cannot leave its parent folder.

    Site and slug names come from URLs or the command line; separators, ``..``
    and leading dots are replaced, so ``fixtures/<site>/<slug>/`` stays inside
    ``fixtures/``.

    >>> safe_name("../../etc"), safe_name("/abs"), safe_name("a/../../b")
    ('etc', 'abs', 'a-b')
    >>> safe_name("news.example:8080")
    'news.example-8080'
    """
    cleaned = re.sub(r"[^\w.]+", "-", re.sub(r"\.{2,}", "-", name))
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-.")[:NAME_LENGTH].strip("-.")
    if not cleaned:
        raise UsageError(f"{name!r} cannot be a folder name; pass --site/--slug with letters")
    return cleaned


def fixture_folder(fixtures: Path, site: str, slug: str) -> Path:
    """``fixtures/<site>/<slug>``, with both names made safe (:func:`safe_name`)."""
    folder = fixtures / safe_name(site) / safe_name(slug)
    if not folder.resolve().is_relative_to(fixtures.resolve()):  # pragma: no cover (belt)
        raise UsageError(f"{folder} is outside {fixtures}")
    return folder


def write_fixture(
    page: SavedPage, folder: Path, *, force: bool = False, fetched_from: str | None = None
) -> Path:
    """Write source.html, meta.json (with proposed noise lines), the draft
    expected.json and generic.json into ``folder``."""
    if folder.exists() and not force:
        raise UsageError(f"{folder} exists; pass --force to overwrite it, or --slug NAME")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.html").write_bytes(page.body)
    meta: dict[str, object] = {"url": page.url}
    if fetched_from and fetched_from != page.url:
        meta["fetched_from"] = fetched_from
    meta.update({"headers": page.headers, "seed": None, "reviewed": False, "noise": []})
    _write_json(folder / "meta.json", meta)
    _write_json(folder / "expected.json", extract_page(page).to_dict())
    fixture = load_fixture(folder)
    others = [fx for fx in find_fixtures(folder.parent.parent) if fx.site == fixture.site]
    meta["noise_proposed"] = propose_noise(fixture, others)
    _write_json(folder / "meta.json", meta)
    record, _ = raise_record(load_fixture(folder))
    if record is not None:
        write_record(fixture, record)
    return folder


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def site_choice(page: SavedPage) -> tuple[SiteChoice, list[str]]:
    """The site extractor ``extract()`` chooses for the page, and the URLs the page
    gives as its own (canonical link, og:url)."""
    try:
        loaded = load_page(
            page.body, page.url, encoding=charset_from_content_type(page.content_type)
        )
    except UnreadablePage:
        return SiteChoice(registry.for_url(page.url)), []
    return registry.for_page(page.url, loaded.tree), published_urls(loaded.tree)


def site_warnings(page: SavedPage, site: str | None, url_given: bool) -> list[str]:
    """What to tell the person: ``--site`` names a registered site the page will not
    be extracted with, or the page says it was published under another URL."""
    choice, own_urls = site_choice(page)
    chosen = choice.extractor.name() if choice.extractor else "the generic extractor"
    warnings = []
    named = registry.for_url(f"https://{site}/") if site else None
    if named is not None and named is not choice.extractor:
        domain = named.domains[0]
        warnings.append(
            f"--site {site} names the extractor {named.name()}, but extract() uses {chosen} "
            f"for this page: its URL {page.url} is not on {domain} (and no canonical URL of "
            f"the page on {domain} fits its selectors). Pass the URL the page was published "
            f"under, --url https://{domain}/..., so that meta.json carries it and the fixture "
            f"test runs {named.name()}."
        )
    published = next((u for u in own_urls if host_of(u) != host_of(page.url)), None)
    if not url_given and published:
        warnings.append(
            f"the page gives {published} as its URL, not {page.url}: pass --url {published} "
            "so that the fixture carries the URL it was published under."
        )
    return warnings


class Command(PageCommand):
    """Save a page as an unreviewed fixture with a draft expected.json."""

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Save a page as a new (unreviewed) extraction fixture"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """--site, --slug, --url, --fixtures, --force."""
        super().add_options(parser)
        parser.add_argument(
            "--site", help="site folder name (default: the site extractor's domain, else the host)"
        )
        parser.add_argument("--slug", help="fixture folder name (default: from the URL)")
        parser.add_argument(
            "--url", help="the URL the page was published under (when fetched elsewhere or a file)"
        )
        parser.add_argument("--fixtures", default="fixtures", help="fixtures folder")
        parser.add_argument("--force", action="store_true", help="overwrite an existing fixture")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Fetch or read the page and write the fixture folder."""
        page = self.page(args, opts.url)
        fetched_from = page.url
        page.url = opts.url or page.url
        for warning in site_warnings(page, opts.site, bool(opts.url)):
            print(f"warning: {warning}", file=sys.stderr)
        choice, _ = site_choice(page)
        site = opts.site or (choice.extractor.domains[0] if choice.extractor else None)
        site = site or host_of(page.url)
        if not site:
            raise UsageError("cannot tell the site from a file: pass --site NAME and --url URL")
        folder = fixture_folder(Path(opts.fixtures), site, opts.slug or slug_for(page.url))
        folder = write_fixture(page, folder, force=opts.force, fetched_from=fetched_from)
        proposed = len(load_fixture(folder).noise_proposed)
        print(
            f"Saved {folder}/ (source.html, meta.json, expected.json, generic.json).\n"
            "expected.json is a DRAFT of today's extractor output and meta.json says "
            '"reviewed": false. Next (fixtures/README.md): correct the expected article; '
            f'of the {proposed} lines in meta.json "noise_proposed", move those that are page '
            'furniture to "noise" and delete the rest; set "reviewed": true; then record the '
            f"generic path's figures: scrapy quality --record {folder}"
        )
