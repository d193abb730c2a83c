"""``scrapy merge OUT.jsonl IN.jsonl...``: the items of several workers in one file.

Each worker of a distributed crawl (docs/distributed.md) writes its own JSON Lines
file. This keeps the first item of each page, the same rule as the crawler's
``UrlDedupePipeline``: two items are one page when the canonical form
(:func:`crawler.urls.canonicalize`) of their ``url`` or ``canonical_url`` meets.
A page can be written twice when a worker died after writing it and before
telling Redis, and another worker fetched it again. A line that is not JSON (the
last one of a worker killed mid-write) is skipped and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.urls import canonicalize

if TYPE_CHECKING:
    import argparse

__all__ = ["Command", "MergeCounts", "merge"]


@dataclass
class MergeCounts:
    """What a merge read and wrote."""

    read: int = 0
    written: int = 0
    duplicates: int = 0
    unreadable: int = 0

    def __str__(self) -> str:
        return (
            f"read {self.read} items, wrote {self.written}, dropped {self.duplicates} "
            f"duplicates, skipped {self.unreadable} unreadable lines"
        )


def _items(path: Path, counts: MergeCounts) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                counts.unreadable += 1
                continue
            if not isinstance(item, dict):
                counts.unreadable += 1
                continue
            counts.read += 1
            yield item


def merge(output: Path, inputs: Iterable[Path]) -> MergeCounts:
    """Write the first item of each page found in ``inputs`` to ``output``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"url": "http://n.test/1"}\\n{"url": "http://n.test/2')
    >>> _ = (folder / "b.jsonl").write_text('{"url": "https://N.test/1?utm_source=x"}\\n')
    >>> print(merge(folder / "all.jsonl", [folder / "a.jsonl", folder / "b.jsonl"]))
    read 2 items, wrote 1, dropped 1 duplicates, skipped 1 unreadable lines
    """
    counts = MergeCounts()
    seen: set[str] = set()
    with output.open("w", encoding="utf-8") as out:
        for path in inputs:
            for item in _items(path, counts):
                keys = {
                    canonicalize(str(u)) for u in (item.get("url"), item.get("canonical_url")) if u
                }
                if keys & seen:
                    counts.duplicates += 1
                    continue
                seen.update(keys)
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
                counts.written += 1
    return counts


class Command(ScrapyCommand):
    """Merge the JSON Lines files of several workers, without duplicate pages."""

    requires_project = False
    requires_crawler_process = False
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        """Usage line."""
        return "OUT.jsonl IN.jsonl [IN.jsonl ...]"

    def short_desc(self) -> str:
        """One line for `scrapy -h`."""
        return "Merge the item files of several crawl workers, one item per page"

    def long_desc(self) -> str:
        """Shown by `scrapy merge -h`."""
        return str(__doc__)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Check the paths, merge, print the counts."""
        if len(args) < 2:
            raise UsageError("give the output file, then one or more worker files")
        output, inputs = Path(args[0]), [Path(a) for a in args[1:]]
        missing = [str(p) for p in inputs if not p.is_file()]
        if missing:
            raise UsageError(f"no such file: {', '.join(missing)}")
        if output.resolve() in {p.resolve() for p in inputs}:
            raise UsageError(f"{output} is also an input; write the merge to a new file")
        counts = merge(output, inputs)
        print(f"{output}: {counts} from {len(inputs)} files")
