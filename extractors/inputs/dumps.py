"""Text dumps and WET files: text that has lost its markup, read in groups.

A text dump (``.txt``, ``.txt.gz``) is a page's text, one block per line; a WET
file (``.wet``, ``.wet.gz``, Common Crawl's ``.warc.wet.gz``) holds one such
dump per ``conversion`` record. :func:`extractors.textdump.extract_texts` judges
several dumps of one site together (a line the site prints on every page is
boilerplate), so dumps come in a :class:`DumpGroup`: the records of a WET file,
the dumps of one folder, and standard input alone.

A dump's bytes are decoded as a page's are (:func:`extractors.page.decode.decode`:
a byte order mark, else UTF-8 when it reads cleanly, else the likeliest charset);
a WET record is UTF-8, as the format says.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from extractors.inputs.base import MAX_BYTES, Skipped
from extractors.page.decode import decode
from extractors.textdump.wet import WetFormatError, read_wet

__all__ = [
    "MAX_GROUP_CHARS",
    "TEXT_SUFFIXES",
    "WET_SUFFIXES",
    "Dump",
    "DumpGroup",
    "Grouper",
    "dump_of",
    "text_file",
    "wet_groups",
]

TEXT_SUFFIXES = (".txt", ".txt.gz")
"""A named file with one of these is a text dump; a folder's, with ``--text``."""
WET_SUFFIXES = (".wet", ".wet.gz")
"""A file with one of these is a WET file (``CC-MAIN-...warc.wet.gz``)."""
# The records of a WET file are judged together, in groups of at most this many
# characters, so that memory stays bounded on a whole Common Crawl WET file (a
# few hundred MB of text); a file below it is one group.
MAX_GROUP_CHARS = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Dump:
    """One text dump, decoded, with what its source says of it."""

    source: str
    """Where it came from, for messages: a path, ``-``, or ``<wet>#<record>``."""
    text: str
    url: str | None
    """The WET record's target URI, the fixture's ``meta.json``, ``--url``, or the
    file's ``file://`` URI."""
    fetched: str | None = None
    """A WET record's ``WARC-Date``."""


@dataclass(frozen=True, slots=True)
class DumpGroup:
    """Dumps to judge together: taken as pages of one site when their hosts match
    (:func:`extractors.textdump.extract_texts` groups them by host)."""

    source: str
    dumps: tuple[Dump, ...]


class Grouper:
    """Dumps gathered into groups of at most :data:`MAX_GROUP_CHARS` characters (a
    dump larger than that is a group of its own), so that memory stays bounded."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.dumps: list[Dump] = []
        self.size = 0

    def add(self, dump: Dump) -> DumpGroup | None:
        """Add a dump; the group it does not fit in, when one is full."""
        full = self.take() if self.size + len(dump.text) > MAX_GROUP_CHARS else None
        self.dumps.append(dump)
        self.size += len(dump.text)
        return full

    def take(self) -> DumpGroup | None:
        """The group gathered so far (None if empty); gathering starts again."""
        if not self.dumps:
            return None
        group = DumpGroup(self.source, tuple(self.dumps))
        self.dumps, self.size = [], 0
        return group


def dump_of(source: str, data: bytes, url: str | None) -> Dump | Skipped:
    """The dump held in ``data`` (at most :data:`MAX_BYTES` of them read)."""
    if len(data) > MAX_BYTES:
        return Skipped(source, "too-large", f"more than {MAX_BYTES} bytes")
    return Dump(source, decode(data)[0], url)


def text_file(path: Path, url: str | None, stream: IO[bytes] | None = None) -> Dump | Skipped:
    """The dump in a text file (gzip when its name ends in ``.gz``), or why there is none."""
    source = str(path)
    try:
        if stream is not None:
            data = stream.read(MAX_BYTES + 1)
        elif path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as inflated:
                data = inflated.read(MAX_BYTES + 1)
        else:
            with path.open("rb") as f:
                data = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Skipped(source, "unreadable", detail or type(exc).__name__)
    return dump_of(source, data, url)


def wet_groups(path: Path) -> Iterator[DumpGroup | Skipped]:
    """The ``conversion`` records of a WET file, in groups of at most
    :data:`MAX_GROUP_CHARS`; a file that is no WET file, or one cut short, ends with
    an error (the records before the damage are given)."""
    groups = Grouper(str(path))
    records = 0
    try:
        with path.open("rb") as stream:
            for record in read_wet(stream):
                records += 1
                where = f"{path}#{records}"
                if len(record.text) > MAX_BYTES:
                    yield Skipped(where, "too-large", f"more than {MAX_BYTES} bytes")
                elif full := groups.add(Dump(where, record.text, record.url, record.date)):
                    yield full
    except WetFormatError as exc:
        problem: Skipped | None = Skipped(str(path), "unreadable", str(exc))
    except (OSError, EOFError, zlib.error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        problem = Skipped(str(path), "unreadable", detail or type(exc).__name__)
    else:
        problem = None
    if last := groups.take():
        yield last
    if problem is not None:
        yield problem
    elif not records:
        yield Skipped(str(path), "no-pages", "no conversion record in it")
