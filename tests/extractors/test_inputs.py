"""Files, folders, standard input and WARC files as pages: extractors/inputs/.

The WARC files here are written by warcio, a library other than the reader's
(fastwarc), from pages and records made by the tests.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractors.inputs import InputPage, Skipped, read_inputs
from extractors.inputs import files as files_module

PAGE = "<!DOCTYPE html><html><head><title>Été</title></head><body><p>Café.</p></body></html>"


def pages(*names: str | Path, **kwargs: object) -> list[InputPage | Skipped]:
    return list(read_inputs([str(n) for n in names], **kwargs))  # type: ignore[arg-type]


def test_a_page_file_has_its_file_uri_as_url(tmp_path: Path) -> None:
    path = tmp_path / "a page.html"
    path.write_bytes(PAGE.encode("utf-8"))
    [page] = pages(path)
    assert page == InputPage(str(path), PAGE.encode("utf-8"), path.resolve().as_uri())
    [page] = pages(path, url="https://news.test/a")
    assert page.url == "https://news.test/a"


def test_a_fixture_takes_its_url_and_charset_from_meta_json(tmp_path: Path) -> None:
    (tmp_path / "source.html").write_bytes(PAGE.encode("cp1252"))
    meta = {"url": "https://news.test/a", "headers": {"content-type": "text/html; charset=cp1252"}}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    [page] = pages(tmp_path / "source.html")
    assert (page.url, page.encoding, page.body) == (
        "https://news.test/a",
        "cp1252",
        PAGE.encode("cp1252"),
    )


def test_a_broken_meta_json_is_an_error_not_a_guess(tmp_path: Path) -> None:
    (tmp_path / "source.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "meta.json").write_text("{not json", encoding="utf-8")
    [skipped] = pages(tmp_path / "source.html")
    assert isinstance(skipped, Skipped) and skipped.error
    assert "meta.json is not JSON" in skipped.detail


def test_a_folder_is_searched_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "deep.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b" / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "a.HTML").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    (tmp_path / "b" / "meta.json").write_text("{}", encoding="utf-8")
    found = pages(tmp_path)
    assert [p.source for p in found] == [
        str(tmp_path / "a.HTML"),
        str(tmp_path / "b" / "page.html.gz"),
        str(tmp_path / "b" / "c" / "deep.htm"),
    ]
    assert all(isinstance(p, InputPage) and p.body == PAGE.encode() for p in found)


def test_a_folder_without_pages_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    [skipped] = pages(tmp_path)
    assert isinstance(skipped, Skipped) and skipped.reason == "no-pages" and skipped.error


def test_standard_input() -> None:
    [page] = pages("-", url="https://news.test/a", stdin=io.BytesIO(PAGE.encode()))
    assert page == InputPage("-", PAGE.encode(), "https://news.test/a")


@pytest.mark.parametrize(
    ("name", "content", "detail"),
    [
        ("missing.html", None, "No such file or directory"),
        ("broken.html.gz", b"\x1f\x8b\x08\x00garbage", ""),
        ("cut.html.gz", gzip.compress(PAGE.encode() * 50)[:60], "end-of-stream"),
        ("plain.html.gz", PAGE.encode(), "Not a gzipped file"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes | None, detail: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    [skipped] = pages(path)
    assert isinstance(skipped, Skipped)
    assert (skipped.reason, skipped.error) == ("unreadable", True)
    assert detail in skipped.detail


def test_a_page_over_the_input_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files_module, "MAX_BYTES", 100)
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 200)
    [skipped] = pages(path)
    assert isinstance(skipped, Skipped) and skipped.reason == "too-large" and not skipped.error


# --- WARC -----------------------------------------------------------------------


def http(
    status: str, headers: list[tuple[str, str]], protocol: str = "HTTP/1.1"
) -> StatusAndHeaders:
    return StatusAndHeaders(status, headers, protocol=protocol)


def write_warc(path: Path) -> None:
    """A WARC of the kinds of record a crawl or an archive holds."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")

        def add(
            uri: str, kind: str, body: bytes, headers: StatusAndHeaders | None, **warc: str
        ) -> None:
            record = writer.create_warc_record(
                uri,
                kind,
                payload=io.BytesIO(body),
                length=len(body),  # else warcio buffers it in a temporary file it never closes
                http_headers=headers,
                warc_headers_dict=warc or None,
            )
            writer.write_record(record)

        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        add(
            "http://n.test/req",
            "request",
            b"",
            http("/a", [("Host", "n.test")], protocol="GET"),
        )
        latin = PAGE.encode("latin-1")
        add(
            "http://n.test/a",
            "response",
            latin,
            http("200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")]),
            **{"WARC-Date": "2022-04-21T15:40:05Z"},
        )
        add(
            "http://n.test/robots.txt",
            "response",
            b"User-agent: *",
            http("200 OK", [("Content-Type", "text/plain")]),
        )
        add(
            "http://n.test/gone",
            "response",
            b"<html>gone</html>",
            http("404 Not Found", [("Content-Type", "text/html")]),
        )
        add(
            "http://n.test/old",
            "response",
            b"",
            http("301 Moved Permanently", [("Location", "/a")]),
        )
        packed = gzip.compress(PAGE.encode())
        chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
        add(
            "http://n.test/packed",
            "response",
            chunked,
            http(
                "200 OK",
                [
                    ("Content-Type", "text/html"),
                    ("Content-Encoding", "gzip"),
                    ("Transfer-Encoding", "chunked"),
                ],
            ),
        )
        add(
            "http://n.test/saved",
            "resource",
            PAGE.encode(),
            None,
            **{"Content-Type": "text/html; charset=utf-8"},
        )
        add(
            "http://n.test/again",
            "revisit",
            b"",
            None,
            **{"WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"},
        )
        add(
            "dns:n.test",
            "response",
            b"20220421 n.test. 300 IN A 127.0.0.1",
            None,
            **{"Content-Type": "text/dns"},
        )


@pytest.mark.parametrize("name", ["test.warc", "test.warc.gz"])
def test_warc_pages_and_what_is_skipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    found = pages(path)
    got = [p for p in found if isinstance(p, InputPage)]
    assert [(p.url, p.encoding, p.http_status) for p in got] == [
        ("http://n.test/a", "iso-8859-1", 200),
        ("http://n.test/packed", None, 200),
        ("http://n.test/saved", "utf-8", None),
    ]
    assert got[0].body == PAGE.encode("latin-1")
    assert got[0].fetched == "2022-04-21T15:40:05Z"
    assert got[1].body == PAGE.encode()  # chunks joined, gzip undone
    assert got[2].body == PAGE.encode()
    assert all(p.source.startswith(f"{path}@") for p in found)
    skipped = [(s.reason, s.error) for s in found if isinstance(s, Skipped)]
    assert skipped == [
        ("not-html", False),
        ("http-404", False),
        ("http-301", False),
        ("revisit", False),
        ("not-http", False),
    ]


def test_a_file_starting_with_warc_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "archive.dat"
    write_warc(path)
    assert any(isinstance(p, InputPage) and p.url == "http://n.test/a" for p in pages(path))


def fields(page: InputPage) -> tuple[object, ...]:
    """All but where it came from."""
    return (page.url, page.body, page.encoding, page.fetched, page.http_status)


@pytest.mark.parametrize("name", ["test.warc", "test.warc.gz"])
def test_a_warc_cut_short_gives_what_is_whole_and_an_error(tmp_path: Path, name: str) -> None:
    whole = tmp_path / f"whole-{name}"
    write_warc(whole)
    data = whole.read_bytes()
    complete = [fields(p) for p in pages(whole) if isinstance(p, InputPage)]
    for cut in range(len(data) // 2, len(data) - 1, 37):
        path = tmp_path / name
        path.write_bytes(data[:cut])
        found = pages(path)
        errors = [p for p in found if isinstance(p, Skipped) and p.error]
        assert [e.reason for e in errors] == ["truncated"], (cut, found)
        assert found[-1] is errors[0], "the error comes where the file stops"
        got = [fields(p) for p in found if isinstance(p, InputPage)]
        assert got == complete[: len(got)], "pages before the cut are given whole"


@pytest.mark.parametrize(
    ("content", "reason", "detail"),
    [
        (b"this is no WARC file\n" * 3, "unreadable", "not a WARC file"),
        (gzip.compress(b"nor is this"), "unreadable", "not a WARC file"),
        (b"WARC/1.1\r\nWARC-Type: response\r\n", "truncated", ""),
    ],
)
def test_files_that_are_no_warc(tmp_path: Path, content: bytes, reason: str, detail: str) -> None:
    path = tmp_path / "x.warc.gz"
    path.write_bytes(content)
    [skipped] = pages(path)
    assert isinstance(skipped, Skipped) and (skipped.reason, skipped.error) == (reason, True)
    assert detail in skipped.detail
