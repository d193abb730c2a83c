"""The body's structure against expected HTML, beside readability-lxml and trafilatura,
and what each format of the body costs.

Not a test. Two parts, in one run:

1. **Structure**, on a corpus with ``expected-html/<id>.html.gz`` (the readability
   test pages): each tool's HTML of the article against the expected HTML, per
   kind of element: headings (``h1``-``h6``), list items (``li``), table cells
   (``td``, ``th``), quotations (``blockquote``), preformatted text (``pre``).

   - ``text P/R/F1``: 4-token shingles (the corpus metric's,
     :func:`extractors.evaluation.quality.shingles`) of the text inside each
     element of the kind, one multiset per page; precision averaged over the
     pages where the tool gives the kind, recall over those where the expected
     HTML has it, F1 of the two means. Text outside every such element does not
     count: a list written as paragraphs scores 0 for list items.
   - ``count``: elements of the kind over the corpus, the tool's against the
     expected HTML's (beside: rows, ``th``, lists, figures, images, links).
   - links (``a href``) and images (``img src``): the set of URLs of each page,
     every tool's resolved against the page's URL, precision and recall as above.

   The tools: ``ours`` is ``extract(raw, url, generic=True,
   formats=Formats(html=True, figures=True)).body_html``; ``readability`` is
   readability-lxml's ``Document(text, url=url).summary(html_partial=True)``;
   ``trafilatura`` is ``trafilatura.extract(raw, url=url, output_format="html",
   include_links=True, include_images=True, include_tables=True,
   include_comments=False)``.

2. **Cost**, on every corpus: ``extract(raw, url, generic=True, formats=...)`` for
   the plain text alone, HTML, Markdown, both, and HTML with figures; each page's
   fastest of ``--repeat`` rounds (formats alternated), the median over pages,
   and the median of each page's time over its time for the plain text alone.

Run: ``.venv/bin/python -m benchmarks.structure --corpus ../shared/bench/readability-test-pages
[--corpus ...] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin

import lxml.html

from benchmarks.corpus import Page, corpus_name, load_corpus
from benchmarks.tools import decode_html
from extractors.evaluation.quality import CorpusScore, PageScore, corpus_score, shingles
from extractors.page.tree import text_of

__all__ = ["KINDS", "Shape", "main", "shape"]

KINDS = {
    "heading": ("h1", "h2", "h3", "h4", "h5", "h6"),
    "list item": ("li",),
    "table cell": ("td", "th"),
    "quote": ("blockquote",),
    "pre": ("pre",),
}
"""The kinds of element whose text is compared, and their tags."""
COUNTED = {**KINDS, "row": ("tr",), "th": ("th",), "list": ("ul", "ol"), "figure": ("figure",)}
EXPECTED_HTML = "expected-html"
Tool = Callable[[bytes, str], str]


@dataclass
class Shape:
    """What of a page's HTML is compared: per kind, its elements' shingles and
    count; its links and images (absolute URLs)."""

    text: dict[str, Counter[tuple[str, ...]]] = field(default_factory=dict)
    count: Counter[str] = field(default_factory=Counter)
    links: set[str] = field(default_factory=set)
    images: set[str] = field(default_factory=set)


def shape(html: str, url: str) -> Shape:
    """The shape of ``html`` (a fragment or a document), URLs resolved against ``url``.

    >>> s = shape("<h2>Votes</h2><ul><li>One <a href='/a'>more</a></li></ul>", "http://n.test/x")
    >>> s.count["heading"], s.count["list item"], sorted(s.links)
    (1, 1, ['http://n.test/a'])
    """
    found = Shape()
    if not html.strip():
        return found
    root = lxml.html.document_fromstring(html)
    for kind, tags in COUNTED.items():
        elements = list(root.iter(*tags))
        found.count[kind] = len(elements)
        if kind in KINDS:
            found.text[kind] = sum((shingles(text_of(el)) for el in elements), Counter())
    found.links = _urls((a.get("href") for a in root.iter("a")), url)
    found.images = _urls((img.get("src") for img in root.iter("img")), url)
    found.count["link"], found.count["image"] = len(found.links), len(found.images)
    return found


def _urls(values: Iterable[str | None], base: str) -> set[str]:
    urls = set()
    for value in values:
        value = (value or "").strip()
        if value and not value.lower().startswith(("javascript:", "data:")):
            try:
                urls.add(urljoin(base, value))
            except ValueError:
                continue
    return urls


def _page_score(tp: int, fp: int, fn: int) -> PageScore | None:
    total = tp + fp + fn
    return PageScore(tp / total, fp / total, fn / total) if total else None


def compare(got: Shape, want: Shape) -> dict[str, PageScore | None]:
    """Per kind (and ``link``, ``image``): the page's score, None when neither has any."""
    scores: dict[str, PageScore | None] = {}
    for kind in KINDS:
        pred, true = got.text.get(kind, Counter()), want.text.get(kind, Counter())
        tp = sum((pred & true).values())
        scores[kind] = _page_score(tp, pred.total() - tp, true.total() - tp)
    for name, pred_set, true_set in (
        ("link", got.links, want.links),
        ("image", got.images, want.images),
    ):
        tp = len(pred_set & true_set)
        scores[name] = _page_score(tp, len(pred_set) - tp, len(true_set) - tp)
    return scores


def tools() -> dict[str, Tool]:
    """Each tool's HTML of the article, from the page's bytes and URL."""
    import trafilatura  # noqa: PLC0415  (the bench extra)
    from readability import Document  # noqa: PLC0415

    from extractors import Formats, extract  # noqa: PLC0415

    structured = Formats(html=True, figures=True)

    def ours(raw: bytes, url: str) -> str:
        return extract(raw, url, generic=True, formats=structured).body_html or ""

    def readability(raw: bytes, url: str) -> str:
        return str(Document(decode_html(raw), url=url).summary(html_partial=True))

    def with_trafilatura(raw: bytes, url: str) -> str:
        found = trafilatura.extract(
            raw,
            url=url,
            output_format="html",
            include_links=True,
            include_images=True,
            include_tables=True,
            include_comments=False,
        )
        return str(found or "")

    return {
        "ours": ours,
        f"readability-lxml {version('readability-lxml')}": readability,
        f"trafilatura {version('trafilatura')}": with_trafilatura,
    }


def structure_table(pages: tuple[Page, ...], folder: Path) -> None:
    """Part 1 on one corpus: a table per tool and kind."""
    wanted = {p.id: shape(_expected(folder, p.id), p.url) for p in pages}
    totals = Counter[str]()
    for want in wanted.values():
        totals.update(want.count)
    rows = []
    for name, tool in tools().items():
        scores: dict[str, list[PageScore]] = {}
        counts = Counter[str]()
        errors = 0
        for page in pages:
            try:
                html = tool(page.read(), page.url)
            except Exception:  # a tool that fails on a page scores an empty body there
                html, errors = "", errors + 1
            got = shape(html, page.url)
            counts.update(got.count)
            for kind, score in compare(got, wanted[page.id]).items():
                if score is not None:
                    scores.setdefault(kind, []).append(score)
        rows.append((name, {k: corpus_score(v) for k, v in scores.items()}, counts, errors))
    _print_structure(rows, totals, len(pages))


def _expected(folder: Path, page_id: str) -> str:
    return gzip.decompress((folder / EXPECTED_HTML / f"{page_id}.html.gz").read_bytes()).decode()


def _print_structure(
    rows: list[tuple[str, dict[str, CorpusScore], Counter[str], int]],
    totals: Counter[str],
    pages: int,
) -> None:
    kinds = [*KINDS, "link", "image"]
    print(f"\nStructure, {pages} pages: text shingle P / R / F1 per kind (pages scored)\n")
    print("| tool | " + " | ".join(kinds) + " | errors |")
    print("| --- |" + " --- |" * (len(kinds) + 1))
    for name, scores, _, errors in rows:
        cells = []
        for kind in kinds:
            s = scores.get(kind)
            cells.append(
                f"{s.precision:.3f} / {s.recall:.3f} / **{s.f1:.3f}** ({s.pages})" if s else "-"
            )
        print(f"| {name} | " + " | ".join(cells) + f" | {errors} |")
    counted = [*COUNTED, "link", "image"]
    print("\nElements over the corpus, each tool's and the expected HTML's\n")
    print("| tool | " + " | ".join(counted) + " |")
    print("| --- |" + " --- |" * len(counted))
    print("| expected | " + " | ".join(str(totals[k]) for k in counted) + " |")
    for name, _, counts, _ in rows:
        print(f"| {name} | " + " | ".join(str(counts[k]) for k in counted) + " |")


def cost_table(pages: tuple[Page, ...], repeat: int) -> None:
    """Part 2 on one corpus: ms per page for each set of formats."""
    from extractors import Formats, extract  # noqa: PLC0415

    formats = {
        "text": Formats(),
        "html": Formats(html=True),
        "markdown": Formats(markdown=True),
        "html + markdown": Formats(html=True, markdown=True),
        "html, figures": Formats(html=True, figures=True),
    }
    bodies = [(p.read(), p.url) for p in pages]
    for raw, url in bodies[:3]:  # load what extract() loads lazily
        extract(raw, url, generic=True, formats=formats["html + markdown"])
    best = {name: [float("inf")] * len(bodies) for name in formats}
    for round_ in range(repeat):
        names = list(formats)
        names = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in names:
            for i, (raw, url) in enumerate(bodies):
                start = time.perf_counter()
                extract(raw, url, generic=True, formats=formats[name])
                best[name][i] = min(best[name][i], time.perf_counter() - start)
    print(f"\nCost, {len(bodies)} pages, each page's fastest of {repeat} rounds\n")
    print("| formats | median ms/page | p95 ms/page | median time over text alone |")
    print("| --- | --- | --- | --- |")
    for name, times in best.items():
        ratio = statistics.median(t / base for t, base in zip(times, best["text"], strict=True))
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"| {name} | {1000 * statistics.median(times):.2f} | {1000 * p95:.2f} | {ratio:.3f} |"
        )


def main(argv: list[str] | None = None) -> int:
    """Measure every corpus named; the structure where it has expected HTML."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", required=True, help="a corpus folder")
    parser.add_argument("--repeat", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument("--no-structure", action="store_true", help="time the formats only")
    args = parser.parse_args(argv)
    print(f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {sys.version.split()[0]}")
    for corpus in args.corpus:
        folder = Path(corpus)
        pages = load_corpus(folder)
        print(f"\n## {corpus_name(folder)}")
        if not args.no_structure and (folder / EXPECTED_HTML).is_dir():
            structure_table(pages, folder)
        cost_table(pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
