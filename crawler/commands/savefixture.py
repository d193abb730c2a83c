"""``scrapy savefixture <url-or-file> [--site NAME]``: start a new extraction fixture.

Writes ``fixtures/<site>/<slug>/`` with the page bytes as served
(``source.html``), the URL and response headers (``meta.json``, with
``"reviewed": false``) and a draft ``expected.json`` that is today's extractor
output. The draft is not the truth: the fixture does not count as passing until
a person corrects expected.json, lists the page's noise lines in meta.json and
sets ``"reviewed": true``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import UsageError

from crawler.onepage import PageCommand, SavedPage, extract_page
from crawler.urls import host_of

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


def write_fixture(page: SavedPage, folder: Path, *, force: bool = False) -> Path:
    """Write source.html, meta.json and the draft expected.json into ``folder``."""
    if folder.exists() and not force:
        raise UsageError(f"{folder} exists; pass --force to overwrite it, or --slug NAME")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.html").write_bytes(page.body)
    meta: dict[str, object] = {
        "url": page.url,
        "headers": page.headers,
        "seed": None,
        "reviewed": False,
        "noise": [],
    }
    (folder / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    article = extract_page(page)
    (folder / "expected.json").write_text(
        json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return folder


class Command(PageCommand):
    """Save a page as an unreviewed fixture with a draft expected.json."""

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Save a page as a new (unreviewed) extraction fixture"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """--site, --slug, --url, --fixtures, --force."""
        super().add_options(parser)
        parser.add_argument("--site", help="site folder name (default: the URL's host)")
        parser.add_argument("--slug", help="fixture folder name (default: from the URL)")
        parser.add_argument("--url", help="the page's URL, when saving a file")
        parser.add_argument("--fixtures", default="fixtures", help="fixtures folder")
        parser.add_argument("--force", action="store_true", help="overwrite an existing fixture")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Fetch or read the page and write the fixture folder."""
        page = self.page(args, opts.url)
        site = opts.site or host_of(page.url)
        if not site:
            raise UsageError("cannot tell the site from a file: pass --site NAME and --url URL")
        folder = fixture_folder(Path(opts.fixtures), site, opts.slug or slug_for(page.url))
        folder = write_fixture(page, folder, force=opts.force)
        print(
            f"Saved {folder}/ (source.html, meta.json, expected.json).\n"
            "expected.json is a DRAFT of today's extractor output and meta.json says "
            '"reviewed": false: correct the expected article, list the page\'s noise lines '
            'in meta.json, then set "reviewed": true. Until then the fixture does not pass.'
        )
