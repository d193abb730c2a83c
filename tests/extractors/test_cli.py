"""``newsclean extract``: extractors/cli.py, run as the console script pip installs.

Every run is a subprocess started outside the checkout, as a user would run it;
what it writes is compared with :func:`extractors.extract` on the same bytes.
"""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path
from typing import Any

import pytest

from extractors import Formats, extract
from extractors.inputs.base import charset
from tests.support.zyte import validate_zyte_article

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
# The HTML fixtures (fixtures/text/ holds text dumps, which a folder read leaves out).
SOURCES = sorted(FIXTURES.glob("*/*/source.html"))
NEWSCLEAN = Path(sys.executable).with_name("newsclean")


def newsclean(
    *args: str | Path, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(NEWSCLEAN), *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def lines(done: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def fixture_articles(formats: Formats | None = None) -> list[dict[str, Any]]:
    """extract() on every fixture, with the URL and charset of its meta.json, in path order."""
    found = []
    for source in SOURCES:
        meta = json.loads(source.with_name("meta.json").read_text(encoding="utf-8"))
        body = source.read_bytes()
        encoding = charset(meta.get("headers", {}).get("Content-Type"))
        article = extract(body, meta["url"], encoding=encoding, formats=formats or Formats())
        found.append(article.to_dict())
    return found


def test_the_bundled_fixtures_give_what_extract_gives(tmp_path: Path) -> None:
    done = newsclean("extract", FIXTURES, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = fixture_articles()
    assert len(expected) == len(SOURCES) >= 7
    assert lines(done) == expected
    # Quiet: the summary line and nothing else.
    n = len(SOURCES)
    assert (
        done.stderr.decode()
        .splitlines()[0]
        .startswith(f"newsclean: {n} pages, {n} articles written to standard output in ")
    )
    assert len(done.stderr.decode().splitlines()) == 1


def test_one_fixture_file(tmp_path: Path) -> None:
    source = next(FIXTURES.glob("marokkonieuws.test/*/source.html"))
    done = newsclean("extract", source, "-q", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == b""
    [article] = lines(done)
    url = json.loads(source.with_name("meta.json").read_text(encoding="utf-8"))["url"]
    assert article == extract(source.read_bytes(), url, encoding="utf-8").to_dict()
    assert article["extractor"] == "site:marokkonieuws.test"


def copy_pages(folder: Path) -> dict[Path, bytes]:
    """The fixtures' pages as plain saved files (.html, .htm, .html.gz) in nested folders."""
    written = {}
    for i, source in enumerate(SOURCES):
        body = source.read_bytes()
        name = ("page.html", "page.htm", "page.html.gz")[i % 3]
        target = folder / source.parent.parent.name / source.parent.name / name
        target.parent.mkdir(parents=True)
        target.write_bytes(gzip.compress(body) if target.suffix == ".gz" else body)
        written[target] = body
    (folder / "notes.txt").write_text("not a page", encoding="utf-8")
    return written


def test_a_folder_gives_what_extract_gives(tmp_path: Path) -> None:
    pages = copy_pages(tmp_path / "saved")
    output = tmp_path / "out.jsonl"
    done = newsclean("extract", "saved", "-o", output, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    assert f"{len(SOURCES)} articles written to {output}" in done.stderr.decode()
    got = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    expected = [
        extract(body, path.resolve().as_uri()).to_dict() for path, body in sorted(pages.items())
    ]
    assert got == expected


def test_standard_input(tmp_path: Path) -> None:
    source = next(FIXTURES.glob("maroc-actu.test/*/source.html"))
    url = "https://maroc-actu.test/a/"
    done = newsclean("extract", "-", "--url", url, cwd=tmp_path, stdin=source.read_bytes())
    assert done.returncode == 0, done.stderr
    assert lines(done) == [extract(source.read_bytes(), url).to_dict()]


def test_zyte_names(tmp_path: Path) -> None:
    done = newsclean("extract", FIXTURES, "--names", "zyte", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    got = lines(done)
    assert [validate_zyte_article(line).headline for line in got] == [
        a["title"] for a in fixture_articles()
    ]


def test_text_format(tmp_path: Path) -> None:
    source = next(FIXTURES.glob("revue-de-presse.test/*/source.html"))
    one = newsclean("extract", source, "--format", "text", "-q", cwd=tmp_path)
    url = json.loads(source.with_name("meta.json").read_text(encoding="utf-8"))["url"]
    body = extract(source.read_bytes(), url).body
    assert one.stdout.decode() == body + "\n"
    several = newsclean("extract", FIXTURES, "--format", "text", "-q", cwd=tmp_path)
    assert several.stdout.decode().count("\n==> https://") + 1 == len(SOURCES)
    assert f"==> {url} <==\n{body}\n\n" in several.stdout.decode()


def test_bad_inputs_are_one_line_each_and_the_rest_is_read(tmp_path: Path) -> None:
    source = next(FIXTURES.glob("marokko-aktuell.test/*/source.html"))
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00 not gzip")
    (tmp_path / "bad.warc").write_bytes(b"not a warc\n")
    (tmp_path / "empty").mkdir()
    done = newsclean(
        "extract", "missing.html", "broken.html.gz", source, "bad.warc", "empty", cwd=tmp_path
    )
    assert done.returncode == 1
    errors = done.stderr.decode().splitlines()
    assert b"Traceback" not in done.stderr
    assert [e.split(":")[:3] for e in errors[:4]] == [
        ["newsclean", " ERROR", " missing.html"],
        ["newsclean", " ERROR", " broken.html.gz"],
        ["newsclean", " ERROR", " bad.warc"],
        ["newsclean", " ERROR", " empty"],
    ]
    assert errors[4].startswith(
        "newsclean: 1 pages, 1 articles written to standard output; 4 inputs unreadable"
    )
    assert len(lines(done)) == 1


def test_pages_without_an_article_are_counted_or_kept(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"<html><body></body></html>")
    (tmp_path / "script.html").write_bytes(b"<html><body><script>x()</script></body></html>")
    done = newsclean("extract", "empty.html", "script.html", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == b""
    assert (
        "0 articles written to standard output; no article: 2 (no-article: 2)"
        in done.stderr.decode()
    )
    kept = newsclean("extract", "empty.html", "--keep-empty", "-q", cwd=tmp_path)
    assert [(a["body"], a["reason"]) for a in lines(kept)] == [("", "no-article")]
    verbose = newsclean("extract", "empty.html", "-v", cwd=tmp_path)
    assert "no article in empty.html: no-article" in verbose.stderr.decode()


@pytest.mark.parametrize(("kind", "field"), [("html", "body_html"), ("markdown", "body_markdown")])
def test_html_and_markdown_formats(tmp_path: Path, kind: str, field: str) -> None:
    done = newsclean("extract", FIXTURES, "--format", kind, "-q", cwd=tmp_path)
    assert done.returncode == 0
    bodies = [a[field] for a in fixture_articles(Formats(html=True, markdown=True))]
    urls = [a["url"] for a in fixture_articles()]
    assert done.stdout.decode() == "".join(
        f"==> {url} <==\n{body}\n\n" for url, body in zip(urls, bodies, strict=True)
    )
    assert "<p>" in bodies[0] if kind == "html" else "<p>" not in bodies[0]


def test_figures_in_html(tmp_path: Path) -> None:
    page = ROOT / "tests" / "extractors" / "pages" / "structure-figures" / "source.html"
    url = "https://news.example/2024/03/12/story/"
    plain = newsclean("extract", page, "--url", url, "--format", "html", "-q", cwd=tmp_path)
    assert b"<figure>" not in plain.stdout
    done = newsclean(
        "extract", page, "--url", url, "--format", "html", "--figures", "-q", cwd=tmp_path
    )
    want = extract(page.read_bytes(), url, formats=Formats(html=True, figures=True)).body_html
    assert done.stdout.decode() == f"{want}\n"
    assert '<figure><img src="https://news.example/img/bridge-1200.jpg"' in done.stdout.decode()


def test_json_lines_hold_the_body_formats_asked_for(tmp_path: Path) -> None:
    done = newsclean("extract", FIXTURES, "--body-formats", "markdown,html", "-q", cwd=tmp_path)
    want = fixture_articles(Formats(html=True, markdown=True))
    assert lines(done) == [{k: v for k, v in a.items() if k != "body"} for a in want]
    zyte = newsclean(
        "extract", FIXTURES, "--body-formats", "text,html", "--names", "zyte", "-q", cwd=tmp_path
    )
    got = lines(zyte)
    assert [line["articleBodyHtml"] for line in got] == [a["body_html"] for a in want]
    assert [line["articleBody"] for line in got] == [a["body"] for a in want]
    assert not [line for line in got if "body_markdown" in line.get("newsclean", {})]
    for line in got:
        validate_zyte_article(line)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["extract", "a.html", "b.html", "--url", "https://n.test/"],
            "--url names the URL of one page",
        ),
        (["extract", "x.warc.gz", "--url", "https://n.test/"], "--url names the URL of one page"),
        (
            ["extract", "a.html", "--names", "zyte", "--format", "text"],
            "--names applies to --format json",
        ),
        (["extract"], "the following arguments are required: INPUT"),
        (["extract", "a.html", "--body-formats", "pdf"], "--body-formats takes text, html"),
        (
            ["extract", "a.html", "--format", "text", "--body-formats", "html"],
            "--body-formats applies to --format json",
        ),
        (["extract", "a.html", "--format", "text", "--figures"], "--figures applies to the"),
        (["extract", "a.html", "--format", "pdf"], "invalid choice: 'pdf'"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    done = newsclean(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_a_closed_pipe_is_no_error(tmp_path: Path) -> None:
    """``newsclean extract folder | head -1``: the reader goes away after one line."""
    copy_pages(tmp_path / "saved")
    for i in range(40):
        shutil.copy(
            next((tmp_path / "saved").glob("*/*/page.html")), tmp_path / "saved" / f"{i}.html"
        )
    reader = subprocess.Popen(
        ["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    done = subprocess.run(
        [str(NEWSCLEAN), "extract", "saved"],
        cwd=tmp_path,
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=10)
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    copy_pages(tmp_path / "saved")
    parent, child = pty.openpty()
    # A terminal of 100 columns: a new pseudo-terminal has none, and tqdm draws a bar
    # as wide as the terminal.
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        done = subprocess.run(
            [str(NEWSCLEAN), "extract", "saved", "-o", "out.jsonl"],
            cwd=tmp_path,
            stderr=child,
            stdout=subprocess.DEVNULL,
            timeout=120,
            check=False,
            env={**os.environ, "COLUMNS": "100"},
        )
        os.close(child)
        child = -1
        screen = b""
        while True:
            try:
                chunk = os.read(parent, 4096)
            except OSError:  # the terminal closed: all read
                break
            if not chunk:
                break
            screen += chunk
    finally:
        os.close(parent)
        if child >= 0:
            os.close(child)
    assert done.returncode == 0
    assert b"pages/s]" in screen  # tqdm's bar: "2 pages [00:00,  2.09 pages/s]"
    assert f"newsclean: {len(SOURCES)} pages".encode() in screen  # then the summary
    piped = newsclean("extract", "saved", "-o", "out.jsonl", cwd=tmp_path)
    assert b"\r" not in piped.stderr  # no bar where standard error is no terminal
