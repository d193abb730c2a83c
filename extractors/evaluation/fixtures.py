"""Regression fixtures: saved pages with hand-written expected articles.

Layout, one folder per page: ``fixtures/<site>/<slug>/`` with ``source.html``
(the bytes as served), ``meta.json`` (url, response headers, review state, the
noise lines that must never reach the body), ``expected.json`` (the Article
written by hand) and ``generic.json`` (the generic extractor's recorded figures
on the page, written by ``scrapy quality --record``). See ``fixtures/README.md``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.text import collapse

__all__ = [
    "Fixture",
    "GenericRecord",
    "body_digest",
    "charset_of",
    "find_fixtures",
    "floor3",
    "leaks",
    "load_fixture",
    "write_record",
]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# A noise line of at least this many words leaks when it appears anywhere in the
# body; a shorter one ("Lees meer", "18 °", "Fr") only when it is a whole paragraph,
# since short strings occur inside ordinary sentences.
SUBSTRING_MIN_WORDS = 4


RECORD_FILE = "generic.json"


@dataclass(frozen=True, slots=True)
class GenericRecord:
    """What the generic extractor was measured to do on a fixture: the floor the
    test holds it to (a ratchet: figures may only rise)."""

    precision: float
    recall: float
    #: Noise lines of meta.json the generic body is known to hold; any other one fails.
    leaks: tuple[str, ...]
    #: :func:`body_digest` of the expected body the figures were measured against.
    expected_body: str

    def to_dict(self) -> dict[str, Any]:
        """The record as written to generic.json."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "leaks": list(self.leaks),
            "expected_body": self.expected_body,
        }


def body_digest(body: str) -> str:
    """A short fingerprint of an expected body: a record holds only for that body.

    >>> digest = body_digest("One paragraph.")
    >>> digest.startswith("sha256:"), len(digest), digest == body_digest("Another one.")
    (True, 23, False)
    """
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def floor3(value: float) -> float:
    """``value`` rounded down to three decimals, as figures are recorded: a page
    measured again exactly as before is never below its record.

    >>> floor3(0.84789), floor3(1.0)
    (0.847, 1.0)
    """
    return math.floor(round(value * 1000, 6)) / 1000


@dataclass(slots=True)
class Fixture:
    """One saved page and what extraction must give for it."""

    path: Path
    url: str
    headers: dict[str, str]
    expected: dict[str, Any]
    reviewed: bool = True
    noise: list[str] = field(default_factory=list)
    seed: str | None = None
    #: Lines ``scrapy savefixture`` proposed as noise, not yet confirmed by a person.
    noise_proposed: list[str] = field(default_factory=list)
    record: GenericRecord | None = None

    @property
    def slug(self) -> str:
        """The fixture's folder name, which names its test."""
        return self.path.name

    @property
    def site(self) -> str:
        """The site folder the fixture sits in."""
        return self.path.parent.name

    @property
    def source(self) -> bytes:
        """The page bytes as served."""
        return (self.path / "source.html").read_bytes()

    @property
    def encoding(self) -> str | None:
        """The charset of the saved Content-Type header, if any."""
        return charset_of(self.headers)


def charset_of(headers: dict[str, str]) -> str | None:
    """The charset parameter of a Content-Type header.

    >>> charset_of({"Content-Type": "text/html; charset=ISO-8859-1"})
    'ISO-8859-1'
    >>> charset_of({}) is None
    True
    """
    for key, value in headers.items():
        if key.lower() == "content-type" and (match := _CHARSET.search(value)):
            return match.group(1)
    return None


def load_fixture(path: Path) -> Fixture:
    """Read one fixture folder. Raises ValueError naming the file that is wrong."""
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"fixture {path}: cannot read meta.json/expected.json: {exc}") from exc
    return Fixture(
        path=path,
        url=meta["url"],
        headers=meta.get("headers", {}),
        expected=expected,
        reviewed=bool(meta.get("reviewed", False)),
        noise=list(meta.get("noise", [])),
        seed=meta.get("seed"),
        noise_proposed=list(meta.get("noise_proposed", [])),
        record=_read_record(path),
    )


def _read_record(path: Path) -> GenericRecord | None:
    file = path / RECORD_FILE
    if not file.is_file():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return GenericRecord(
            precision=float(data["precision"]),
            recall=float(data["recall"]),
            leaks=tuple(str(line) for line in data.get("leaks", [])),
            expected_body=str(data["expected_body"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(
            f"fixture {path}: {RECORD_FILE} is not a record ({exc}); delete it and run "
            "scrapy quality --record on the fixture"
        ) from exc


def write_record(fixture: Fixture, record: GenericRecord) -> None:
    """Write ``record`` as the fixture's generic.json (and keep it on ``fixture``)."""
    text = json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"
    (fixture.path / RECORD_FILE).write_text(text, encoding="utf-8")
    fixture.record = record


def find_fixtures(root: Path) -> Iterator[Fixture]:
    """Every fixture under ``root``, sorted by site and slug."""
    for source in sorted(root.glob("*/*/source.html")):
        yield load_fixture(source.parent)


def leaks(body: str, noise: list[str]) -> list[str]:
    """The noise lines found in ``body``.

    >>> leaks("Real text here.\\n\\nLees meer", ["Lees meer", "Marokko", "not in it at all"])
    ['Lees meer']
    """
    paragraphs = {collapse(p) for p in body.split("\n\n")}
    flat = collapse(body)
    found = []
    for line in noise:
        line = collapse(line)
        if line in paragraphs or (len(line.split()) >= SUBSTRING_MIN_WORDS and line in flat):
            found.append(line)
    return found
