"""Write the test pages of newspaper4k's source distribution as a benchmark corpus.

newspaper4k (MIT licence) ships news pages in many languages (Arabic, Burmese,
Chinese, Japanese, Korean, Latvian, Spanish, Thai, English...) with the text its
own extractor gave for each: ``tests/data/html/<name>.html`` beside
``tests/data/txt/<name>.txt``, and the page's URL in
``tests/data/metadata/<name>.json``. Nobody on this project tuned a rule on
them, which makes them a check of the rules found on the development corpora.
Their expected bodies are another tool's output, not bodies a person marked:
they point at a fault to read by hand, never at a score to aim at.

The source distribution is read as it is downloaded (nothing of it is kept in
this repository); a page with no expected text is left out::

    pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/sdist
    python -m benchmarks.sdist_pages --sdist /tmp/sdist/newspaper4k-0.9.6.tar.gz --out /tmp/np
    python -m benchmarks.extraction --corpus /tmp/np --worst 8
"""

from __future__ import annotations

import argparse
import json
import tarfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from benchmarks.corpus import GROUND_TRUTH, CorpusError, run_writer, write_page

__all__ = ["main", "write_sdist_corpus"]

_DATA = ("tests", "data")
# The URL a page gets when its metadata file names none: the benchmark needs one.
_NO_URL = "https://newspaper4k.test/{name}"


def write_sdist_corpus(sdist: Path, out: Path) -> int:
    """Write the pages of the source distribution ``sdist`` (a .tar.gz) that have
    an expected text into the corpus folder ``out``; the page count.

    Raises :class:`~benchmarks.corpus.CorpusError` for a file that is no readable
    tarball or holds no such page."""
    try:
        with tarfile.open(sdist, "r:*") as tar:
            files = _data_files(tar)
    except (OSError, tarfile.TarError) as exc:
        raise CorpusError(f"{sdist} is no readable source distribution: {exc}") from exc
    truth: dict[str, dict[str, str]] = {}
    for name, html in sorted(files.get("html", {}).items()):
        text = files.get("txt", {}).get(name)
        if text is None:
            continue
        metadata = files.get("metadata", {}).get(name)
        url = json.loads(metadata).get("url") if metadata else None
        write_page(out, name, html)
        truth[name] = {
            "articleBody": text.decode("utf-8"),
            "url": url or _NO_URL.format(name=name),
        }
    if not truth:
        raise CorpusError(
            f"{sdist} holds no page with its expected text "
            "(tests/data/html/<name>.html beside tests/data/txt/<name>.txt)"
        )
    (out / GROUND_TRUTH).write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return len(truth)


def _data_files(tar: tarfile.TarFile) -> dict[str, dict[str, bytes]]:
    """The files of ``tests/data/{html,txt,metadata}/``, by folder and then by
    name without its suffix; read from the archive, never extracted."""
    found: dict[str, dict[str, bytes]] = {}
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        parts = path.parts
        if not member.isfile() or len(parts) < 4 or parts[-4:-2] != _DATA:
            continue
        folder = parts[-2]
        if folder not in ("html", "txt", "metadata"):
            continue
        stream = tar.extractfile(member)
        if stream is not None:
            found.setdefault(folder, {})[path.stem] = stream.read()
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``--sdist``'s pages into ``--out``; 2 for a file that holds none."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.sdist_pages", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--sdist", required=True, type=Path, help="newspaper4k's source distribution (.tar.gz)"
    )
    parser.add_argument("--out", required=True, type=Path, help="folder for the corpus")
    args = parser.parse_args(argv)
    return run_writer(lambda: write_sdist_corpus(args.sdist, args.out), f" to {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())
