"""Page-type benchmark: does the classifier keep every article and drop every listing?

Run from the project root::

    python -m benchmarks.pagetype --corpus A [--corpus B ...] [--seed 13] [--per-kind 12]
                                  [--errors K] [--samples DIR] [--json OUT]

Articles: every page of every corpus, at its own URL and at a neutral URL
(``http://127.0.0.1:8000/p/<n>.html``). Listings: ``--per-kind`` listing pages
of each kind, built at run time from the corpora's own markup
(:mod:`benchmarks.listings`; nothing generated is kept), each at a URL shaped
like its kind and at a neutral URL. Each group's line gives the share of its
pages classified as articles: for articles the recall (target 99 % or more),
for listings the share written as articles by mistake (target 2 % at most).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.corpus import CorpusError, Page, corpus_name, load_corpus
from benchmarks.flatten import flatten_html
from benchmarks.listings import DEFAULT_SEED, KINDS, Listing, build_listings

__all__ = ["NEUTRAL_URL", "classify", "main"]

NEUTRAL_URL = "http://127.0.0.1:8000/p/{}.html"
"""A URL that says nothing about the page: the classifier must decide from the page."""
ARTICLE_TARGET = 0.99
LISTING_TARGET = 0.02
SAMPLES = 20
"""Listings written out by ``--samples``, spread over the kinds, for reading by hand."""


def classify(html: bytes, url: str) -> tuple[bool, str]:
    """Whether the project's classifier calls the page an article, and its explanation.

    The one place the classifier is called from. No site hints are passed: none
    of the corpora's sites has an extractor.
    """
    from extractors.pagetype import classify_html  # noqa: PLC0415  # the classifier under test

    verdict = classify_html(html, url)
    return verdict.is_article, verdict.explain()


@dataclass(frozen=True, slots=True)
class Case:
    """One page at one URL, with its label and the classifier's verdict."""

    group: tuple[str, str, str]
    """(``article`` or ``listing``, corpus name or listing kind, URL kind)."""
    page: str
    url: str
    is_article: bool
    why: str


def run_cases(
    corpora: Sequence[tuple[str, Sequence[Page]]], listings: Sequence[Listing]
) -> list[Case]:
    """Classify every article and listing at its own URL and at a neutral one."""
    cases: list[Case] = []
    number = 0
    for name, pages in corpora:
        for page in pages:
            raw = page.read()
            for url_kind, url in (
                ("own URL", page.url),
                ("neutral URL", NEUTRAL_URL.format(number)),
            ):
                cases.append(Case(("article", name, url_kind), page.id, url, *classify(raw, url)))
            number += 1
    for index, listing in enumerate(listings):
        label = f"{listing.kind}#{index}"
        for url_kind, url in (
            ("listing URL", listing.url),
            ("neutral URL", NEUTRAL_URL.format(number)),
        ):
            cases.append(
                Case(("listing", listing.kind, url_kind), label, url, *classify(listing.html, url))
            )
        number += 1
    return cases


def print_table(cases: Sequence[Case]) -> None:
    """One line per group, then the listing totals per URL kind."""
    groups = list(dict.fromkeys(case.group for case in cases))
    groups += [("listing", "all kinds", url_kind) for url_kind in ("listing URL", "neutral URL")]
    print(
        f"{'label':<8}  {'corpus or kind':<30}  {'URL':<11}  {'pages':>5}  "
        f"{'as article':>10}  {'share':>7}  target"
    )
    for group in groups:
        members = [case for case in cases if _in(case, group)]
        articles = sum(case.is_article for case in members)
        share = articles / len(members) if members else 0.0
        label, name, url_kind = group
        target = f">= {ARTICLE_TARGET:.0%}" if label == "article" else f"<= {LISTING_TARGET:.0%}"
        met = (share >= ARTICLE_TARGET) if label == "article" else (share <= LISTING_TARGET)
        print(
            f"{label:<8}  {name:<30}  {url_kind:<11}  {len(members):>5}  {articles:>10}  "
            f"{share:>7.1%}  {target} {'met' if met else 'MISSED'}"
        )


def _in(case: Case, group: tuple[str, str, str]) -> bool:
    """Whether ``case`` belongs to ``group`` (``all kinds`` takes every listing)."""
    if group[1] == "all kinds":
        return case.group[0] == "listing" and case.group[2] == group[2]
    return case.group == group


def print_errors(cases: Sequence[Case], count: int) -> None:
    """Up to ``count`` wrong verdicts of each label, with the classifier's explanation."""
    for label, wrong in (("article", False), ("listing", True)):
        missed = [case for case in cases if case.group[0] == label and case.is_article is wrong]
        shown = min(count, len(missed))
        print(f"\n{label} pages classified wrongly: {len(missed)}; the first {shown}:")
        for case in missed[:count]:
            print(f"  {case.group[1]:<28} {case.page[:24]:<24} {case.why}  {case.url}")


def write_samples(listings: Sequence[Listing], folder: Path, count: int = SAMPLES) -> None:
    """``count`` listings, the kinds taking turns, as ``.html``, and their visible text
    (:func:`benchmarks.flatten.flatten_html`) as ``.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    by_kind = {kind: [item for item in listings if item.kind == kind] for kind in KINDS}
    turns = [
        group[round_]
        for round_ in range(len(listings))
        for group in by_kind.values()
        if round_ < len(group)
    ]
    for number, listing in enumerate(turns[:count]):
        stem = folder / f"{number:02d}-{listing.kind}"
        stem.with_suffix(".html").write_bytes(listing.html)
        header = f"{listing.url}\nhost {listing.host}; {listing.teasers} teasers\n\n"
        stem.with_suffix(".txt").write_text(header + flatten_html(listing.html) + "\n", "utf-8")
    print(f"wrote {min(count, len(turns))} sample listings to {folder}")


def main(argv: Sequence[str] | None = None) -> int:
    """Build the listings, classify every page, print the table."""
    args = _parse_args(argv)
    try:
        corpora = [(corpus_name(folder), load_corpus(folder)) for folder in args.corpus]
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    clock = time.perf_counter()
    every_page = [page for _, pages in corpora for page in pages]
    listings = build_listings(every_page, args.seed, args.per_kind)
    built = time.perf_counter() - clock
    counts = [listing.teasers for listing in listings]
    print(
        f"== page types; run of {started}; corpora {', '.join(name for name, _ in corpora)}\n"
        f"{len(listings)} listings built in {built:.1f} s (seed {args.seed}, "
        f"{args.per_kind} per kind of {len(KINDS)}): {min(counts)} to {max(counts)} teasers, "
        f"{sum(listing.og_type == 'article' for listing in listings)} keep og:type=article, "
        f"{sum(listing.og_type is None for listing in listings)} have none; visible: at "
        f"most {max(listing.leftover for listing in listings):.0%} of a host's article, "
        f"{max(listing.quoted for listing in listings):.0%} of a teaser source's"
    )
    cases = run_cases(corpora, listings)
    print_table(cases)
    if args.errors:
        print_errors(cases, args.errors)
    if args.samples:
        write_samples(listings, args.samples)
    if args.json:
        document = {
            "started": started,
            "seed": args.seed,
            "cases": [vars_of(case) for case in cases],
        }
        args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


def vars_of(case: Case) -> dict[str, Any]:
    """One case, JSON-ready."""
    return {
        "label": case.group[0],
        "group": case.group[1],
        "url_kind": case.group[2],
        "page": case.page,
        "url": case.url,
        "is_article": case.is_article,
        "why": case.why,
    }


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.pagetype", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--corpus", required=True, type=Path, action="append", help="corpus folder (repeatable)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"listing builder seed (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--per-kind", type=int, default=12, help="listings of each kind (default 12: 108 in all)"
    )
    parser.add_argument(
        "--errors", type=int, default=0, help="list K wrong verdicts of each label"
    )
    parser.add_argument(
        "--samples", type=Path, help=f"write {SAMPLES} sample listings here, to read by hand"
    )
    parser.add_argument("--json", type=Path, help="also write every verdict to this file")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
