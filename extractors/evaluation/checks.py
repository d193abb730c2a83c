"""Each fixture on each path, extracted and judged: what the fixture tests assert,
and what ``scrapy quality`` shows, from one place so that the two never disagree.

- The **site** path (``extract()`` as a crawl calls it) is held to expected.json:
  the same extractor, the same title, date and language, precision and recall of
  the body at least :data:`SITE_MIN`, and no noise line in the body.
- The **generic** path (``generic=True``) is held to its record, ``generic.json``:
  precision and recall at least the recorded figures, and no noise line beyond
  the ones recorded as known leaks. The figures may only rise (``--record``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extractors.api import extract
from extractors.article import Article
from extractors.evaluation.fixtures import Fixture, GenericRecord, body_digest, floor3, leaks
from extractors.evaluation.quality import PageScore, score
from extractors.text import collapse

__all__ = [
    "CHECKED_FIELDS",
    "PATHS",
    "SITE_MIN",
    "PathResult",
    "align",
    "explain",
    "measure",
    "measure_all",
    "raise_record",
]

PATHS = ("site", "generic")
SITE_MIN = 0.99  # a site extractor on its own page: a word or two may differ, no paragraph
CHECKED_FIELDS = ("title", "published", "language")
"""Fields the site path must give exactly; the report shows every other field that differs."""
# Fields an expected.json may leave out: null for a fixture (it always holds an article).
_OPTIONAL_FIELDS = ("reason", "extractor_note")


@dataclass(slots=True)
class PathResult:
    """One fixture extracted on one path, and the verdict."""

    fixture: Fixture
    path: str
    article: Article
    score: PageScore
    leaked: list[str]
    #: Every field other than the body that differs: name -> (expected, extracted).
    fields: dict[str, tuple[Any, Any]]
    #: "ok", "FAIL" or "draft" (site); "held", "rose", "dropped", "unrecorded",
    #: "stale" or "draft" (generic).
    state: str = "ok"
    #: Why the row fails, one line each; empty when it passes.
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the test of this fixture and path passes."""
        return not self.problems

    @property
    def name(self) -> str:
        """``<site>/<slug>``, the fixture's name in reports."""
        return f"{self.fixture.site}/{self.fixture.slug}"


def align(expected: str, body: str) -> list[tuple[str, str]]:
    """The paragraphs of both bodies in order, each marked "same", "missing" (only
    in ``expected``) or "extra" (only in ``body``).

    >>> align("A.\\n\\nB.\\n\\nC.", "A.\\n\\nX.\\n\\nC.")
    [('same', 'A.'), ('missing', 'B.'), ('extra', 'X.'), ('same', 'C.')]
    """
    want = [collapse(p) for p in expected.split("\n\n") if p.strip()]
    got = [collapse(p) for p in body.split("\n\n") if p.strip()]
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(("same", p) for p in want[i1:i2])
            continue
        out.extend(("missing", p) for p in want[i1:i2])
        out.extend(("extra", p) for p in got[j1:j2])
    return out


def measure(fixture: Fixture, path: str) -> PathResult:
    """Extract ``fixture`` on ``path`` ("site" or "generic") and judge it."""
    article = extract(
        fixture.source, fixture.url, encoding=fixture.encoding, generic=path == "generic"
    )
    expected = fixture.expected
    result = PathResult(
        fixture=fixture,
        path=path,
        article=article,
        score=score(article.body, expected.get("body", "")),
        leaked=leaks(article.body, fixture.noise),
        fields=_differing_fields(article, expected, path),
    )
    if not fixture.reviewed:
        result.state = "draft"
        result.problems.append(
            "draft expectation: correct expected.json, confirm the noise lines in meta.json, "
            'then set "reviewed": true (fixtures/README.md)'
        )
    elif path == "site":
        _judge_site(result)
    else:
        _judge_generic(result)
    return result


def measure_all(fixtures: Iterable[Fixture]) -> list[PathResult]:
    """Every fixture on both paths, in fixture order."""
    return [measure(fixture, path) for fixture in fixtures for path in PATHS]


def _differing_fields(
    article: Article, expected: dict[str, Any], path: str
) -> dict[str, tuple[Any, Any]]:
    skip = {"body", *(("extractor", "extractor_note") if path == "generic" else ())}
    out = {}
    for name, value in article.to_dict().items():
        if name in skip or (name in _OPTIONAL_FIELDS and name not in expected):
            continue
        if value != expected.get(name):
            out[name] = (expected.get(name), value)
    return out


def _judge_site(result: PathResult) -> None:
    problems = result.problems
    if result.fixture.noise_proposed:
        problems.append(
            f"meta.json still proposes {len(result.fixture.noise_proposed)} noise lines: move "
            'those that are page furniture to "noise", delete the rest and "noise_proposed"'
        )
    if "extractor" in result.fields:
        want, got = result.fields["extractor"]
        note = result.article.extractor_note
        problems.append(f"extractor: expected {want}, got {got}" + (f": {note}" if note else ""))
    for name in CHECKED_FIELDS:
        if name in result.fields:
            expected, extracted = result.fields[name]
            problems.append(f"{name}: expected {expected!r}, got {extracted!r}")
    problems.extend(f"noise in the body: {line!r}" for line in result.leaked)
    precision, recall = result.score.precision, result.score.recall
    if precision < SITE_MIN:
        problems.append(f"precision {precision:.3f} < {SITE_MIN}: the body has text to remove")
    if recall < SITE_MIN:
        problems.append(f"recall {recall:.3f} < {SITE_MIN}: the body misses text")
    if precision < SITE_MIN or recall < SITE_MIN:
        problems.extend(_paragraph_lines(result))
    result.state = "FAIL" if problems else "ok"


def _judge_generic(result: PathResult) -> None:
    record = result.fixture.record
    where = result.fixture.path
    problems = result.problems
    if record is None:
        result.state = "unrecorded"
        problems.append(
            f"the generic path has no recorded figures: run scrapy quality --record {where}, "
            "then review generic.json"
        )
        return
    if record.expected_body != body_digest(result.fixture.expected.get("body", "")):
        result.state = "stale"
        problems.append(
            "generic.json was measured against another expected body: run scrapy quality "
            f"--record {where}, then review generic.json"
        )
        return
    precision, recall = result.score.precision, result.score.recall
    if precision < record.precision:
        problems.append(f"precision {precision:.3f} < {record.precision:.3f} recorded")
    if recall < record.recall:
        problems.append(f"recall {recall:.3f} < {record.recall:.3f} recorded")
    known = {collapse(line) for line in record.leaks}
    problems.extend(
        f"noise in the body (not a recorded leak): {line!r}"
        for line in result.leaked
        if line not in known
    )
    if problems:
        result.state = "dropped"
        problems.extend(_paragraph_lines(result))
    elif _above(result, record):
        result.state = "rose"
    else:
        result.state = "held"


def _above(result: PathResult, record: GenericRecord) -> bool:
    return (
        floor3(result.score.precision) > record.precision
        or floor3(result.score.recall) > record.recall
        or len(result.leaked) < len(record.leaks)
    )


def _paragraph_lines(result: PathResult) -> list[str]:
    shown = 100  # characters of a paragraph in a one-line message
    lines = []
    for kind, text in align(result.fixture.expected.get("body", ""), result.article.body):
        if kind != "same":
            more = "..." if len(text) > shown else ""
            lines.append(f"{kind} paragraph: {text[:shown]!r}{more}")
    return lines or ["(the same paragraphs, with different words inside)"]


def explain(result: PathResult) -> str:
    """A failing row as a test failure message: what failed and where to look."""
    head = f"{result.name}, {result.path} path ({result.article.extractor or 'no body'}):"
    return "\n".join([head, *(f"  {line}" for line in result.problems)])


def raise_record(fixture: Fixture) -> tuple[GenericRecord | None, str]:
    """The generic path's new record for ``fixture`` and what changed, in words.

    A fixture without a record, or whose expected body changed since, gets the
    figures measured now. Otherwise each figure only rises and the known leaks
    only shrink: a drop is not recorded (None); lowering a record is a
    decision for a person, made by editing generic.json in a reviewed commit.
    """
    result = measure(fixture, "generic")
    measured = GenericRecord(
        precision=floor3(result.score.precision),
        recall=floor3(result.score.recall),
        leaks=tuple(result.leaked),
        expected_body=body_digest(fixture.expected.get("body", "")),
    )
    old = fixture.record
    figures = f"P {measured.precision:.3f} R {measured.recall:.3f}, {len(measured.leaks)} leaks"
    if old is None or old.expected_body != measured.expected_body:
        return measured, f"recorded {figures}"
    if result.state == "dropped":
        return None, "not recorded, below the record: " + "; ".join(result.problems[:3])
    if not _above(result, old):
        return None, f"unchanged, {figures}"
    return measured, (
        f"raised from P {old.precision:.3f} R {old.recall:.3f}, {len(old.leaks)} leaks "
        f"to {figures}"
    )
