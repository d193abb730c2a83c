"""Regression fixtures: saved pages with hand-written expected articles.

Layout, one folder per page: ``fixtures/<site>/<slug>/`` with ``source.html``
(the bytes as served), ``meta.json`` (url, response headers, review state, the
noise lines that must never reach the body) and ``expected.json`` (the Article
written by hand). See ``fixtures/README.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.text import collapse

__all__ = ["Fixture", "charset_of", "find_fixtures", "leaks", "load_fixture"]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# A noise line of at least this many words leaks when it appears anywhere in the
# body; a shorter one ("Lees meer", "18 °", "Fr") only when it is a whole paragraph,
# since short strings occur inside ordinary sentences.
SUBSTRING_MIN_WORDS = 4


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
    )


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
