"""WARC benchmark: warcio against fastwarc, writing and reading one large file, in one run.

Not a test. Each library writes ``--records`` HTTP response records (the demo
site's HTML pages, fixtures and generated articles, repeated under new URLs),
gzip per record (``.warc.gz``, as crawls and Common Crawl write them) and
uncompressed (``.warc``), with block and payload digests, as the crawl's WARC
writer does. Then each library reads warcio's file, doing what ``newsclean
extract`` needs of a record: its type, its target URI, the HTTP status and
Content-Type, and the whole decoded payload (every reader is first checked to
find every record, in both libraries' files). Each task runs ``--repeat`` times,
the libraries alternated; the best and the median time are printed, with what
extracting the same pages costs (``extractors.extract`` on a sample), so that
the WARC's share of the work can be seen.

Run: ``.venv/bin/python benchmarks/warc_libraries.py [--records 20000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demosite import build_site  # noqa: E402

BASE = "http://news.example"


def html_pages() -> list[tuple[str, bytes, str]]:
    """(path, body, content type) of every HTML page of the demo site."""
    site = build_site(BASE)
    return [
        (path, res.body, res.content_type)
        for path, res in sorted(site.resources.items())
        if res.content_type.startswith("text/html") and res.status == 200
    ]


def _http_response(body: bytes, content_type: str) -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode("latin-1")
        + body
    )


def write_warcio(path: Path, records: int, pages: list[tuple[str, bytes, str]]) -> None:
    """``records`` response records cycling through ``pages``, written by warcio
    (block and payload digests; gzip per record for ``.gz``)."""
    from warcio.statusandheaders import StatusAndHeaders  # noqa: PLC0415
    from warcio.warcwriter import WARCWriter  # noqa: PLC0415

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for i in range(records):
            page_path, body, content_type = pages[i % len(pages)]
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                f"{BASE}{page_path}?copy={i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),  # else warcio copies the body to a temporary file first
                http_headers=headers,
            )
            writer.write_record(record)


def write_fastwarc(path: Path, records: int, pages: list[tuple[str, bytes, str]]) -> None:
    """The same records written by fastwarc (``checksum_data``; for ``.gz`` one
    gzip member per record, at warcio's compression level, 9)."""
    from fastwarc.stream_io import GzipWriter  # noqa: PLC0415
    from fastwarc.warc import WarcRecord, WarcRecordType  # noqa: PLC0415

    with path.open("wb") as out:
        for i in range(records):
            page_path, body, content_type = pages[i % len(pages)]
            record = WarcRecord()
            record.init_headers(WarcRecordType.response)
            record.headers.set("WARC-Target-URI", f"{BASE}{page_path}?copy={i}")
            record.headers.set("Content-Type", "application/http; msgtype=response")
            record.set_bytes_content(_http_response(body, content_type))
            record.is_http = True
            record.parse_http()  # without it, write() adds no WARC-Payload-Digest
            if path.suffix == ".gz":
                member = GzipWriter(out, compression_level=9)
                record.write(member, checksum_data=True)
                member.finish()
            else:
                record.write(out, checksum_data=True)


def read_warcio(path: Path) -> tuple[int, int]:
    """Response records and payload bytes, read as ``newsclean extract`` reads them."""
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415

    count = size = 0
    with path.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            status = record.http_headers.get_statuscode()
            content_type = record.http_headers.get_header("Content-Type")
            body = record.content_stream().read()
            assert uri and status and content_type
            count += 1
            size += len(body)
    return count, size


def read_fastwarc(path: Path) -> tuple[int, int]:
    """The same with fastwarc: only response records, HTTP headers parsed and decoded."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: PLC0415

    count = size = 0
    with path.open("rb") as f:
        for record in ArchiveIterator(
            f, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"
        ):
            uri = record.headers.get("WARC-Target-URI")
            headers = record.http_headers
            assert headers is not None
            status = headers.status_code
            content_type = record.http_content_type
            body = record.reader.read()
            assert uri and status and content_type
            count += 1
            size += len(body)
    return count, size


def extraction_ms(pages: list[tuple[str, bytes, str]], sample: int = 40) -> float:
    """Median milliseconds of ``extractors.extract`` on the first ``sample`` pages."""
    from extractors import extract  # noqa: PLC0415

    extract(pages[0][1], BASE + pages[0][0])  # load what extraction loads lazily
    times = []
    for page_path, body, _ in pages[:sample]:
        start = time.perf_counter()
        extract(body, BASE + page_path)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def best_and_median(
    functions: dict[str, Callable[[], object]], repeat: int
) -> dict[str, tuple[float, float]]:
    """Alternate ``functions`` ``repeat`` times; each one's best and median seconds."""
    seconds: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            seconds[name].append(time.perf_counter() - start)
    return {name: (min(s), statistics.median(s)) for name, s in seconds.items()}


def row(
    file: str, size: float, task: str, library: str, times: tuple[float, float], n: int
) -> str:
    best, median = times
    return (
        f"{file:<14} {size:8.1f}  {task:<5} {library:<15} {best:7.2f}  {median:8.2f}  "
        f"{n / best:9.0f}  {1e6 * best / n:9.1f}"
    )


def main(argv: list[str] | None = None) -> None:
    """Write the two files with both libraries, read them with both, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.records < 1 or args.repeat < 1:
        parser.error("--records and --repeat must be 1 or more")
    pages = html_pages()
    libraries = {
        f"warcio {version('warcio')}": (write_warcio, read_warcio),
        f"fastwarc {version('fastwarc')}": (write_fastwarc, read_fastwarc),
    }
    payload = sum(len(pages[i % len(pages)][1]) for i in range(args.records))
    print(
        f"{args.records} response records of {len(pages)} distinct demo-site pages, "
        f"{payload / 1e6:.1f} MB of HTML; best and median of {args.repeat} alternated runs"
    )
    print(f"extractors.extract on these pages: median {extraction_ms(pages):.2f} ms a page\n")
    print("file            size MB  task  library          best s  median s  records/s  µs/record")
    n = args.records
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("bench.warc.gz", "bench.warc"):
            paths = {lib: Path(tmp) / f"{i}-{name}" for i, lib in enumerate(libraries)}
            writes = best_and_median(
                {
                    lib: partial(write, paths[lib], n, pages)
                    for lib, (write, _) in libraries.items()
                },
                args.repeat,
            )
            reference = paths[next(iter(libraries))]  # every reader reads warcio's file
            size = reference.stat().st_size / 1e6
            for lib in libraries:
                print(row(name, size, "write", lib, writes[lib], n))
            for lib, path in paths.items():  # each file is whole: both readers count n
                for _, read in libraries.values():
                    assert read(path) == (n, payload), (lib, read.__name__)
            reads = best_and_median(
                {lib: partial(read, reference) for lib, (_, read) in libraries.items()},
                args.repeat,
            )
            for lib in libraries:
                print(row(name, size, "read", lib, reads[lib], n))


if __name__ == "__main__":
    main()
