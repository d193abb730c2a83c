"""``newsclean extract`` on text dumps and WET files: extractors/cli.py with
extractors/inputs/dumps.py, run as the console script pip installs.

The dumps are the five seed text fixtures (``fixtures/text/``, their article
lines chosen by hand) and three dumps of one made-up site written here, whose
last line, a prose tagline, only the site evidence of several pages removes.
WET files are written here from them, one gzip member per record as Common
Crawl writes them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_text
from extractors.textdump import extract_texts
from tests.extractors.test_cli import lines, newsclean

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "fixtures" / "text").glob("*/seed.txt"))
FETCHED = "2024-05-02T10:00:00Z"

TAGLINE = (
    "Harbour Weekly is written by volunteers and funded by its readers, "
    "who can support it with a monthly gift."
)
SITE = [  # (URL, dump): one block per line, the site's menu and tagline on every page
    (
        "https://harbour-weekly.test/2024/05/ferry-fares/",
        [
            "Harbour Weekly",
            "Home | Port | Town | Sport",
            "Ferry fares rise in May",
            "The ferry company will raise its fares by six percent on the first of May, "
            "it said on Tuesday, citing the price of fuel.",
            "A return ticket to the island will cost 14 euros, up from 13.20, while "
            "children under twelve keep travelling for free.",
            "The town council said it would ask the company to keep a cheaper ticket "
            "for people who live on the island.",
            TAGLINE,
        ],
    ),
    (
        "https://harbour-weekly.test/2024/05/new-crane/",
        [
            "Harbour Weekly",
            "Home | Port | Town | Sport",
            "New crane for the container quay",
            "A second crane arrived at the container quay on Monday, carried on a "
            "barge from the shipyard in the north.",
            "The port authority says the crane will let two ships be unloaded at "
            "once, halving the time they wait at anchor.",
            "Work on its rails begins next week and should be finished before the "
            "summer season starts in June.",
            TAGLINE,
        ],
    ),
    (
        "https://harbour-weekly.test/2024/05/lifeboat/",
        [
            "Harbour Weekly",
            "Home | Port | Town | Sport",
            "Lifeboat crew rescues two sailors",
            "The lifeboat crew brought two sailors back to the harbour on Saturday "
            "night after their yacht lost its mast in a storm.",
            "Both were cold but unhurt, the crew said, and the yacht was towed in the "
            "next morning by a fishing boat.",
            "It was the crew's ninth call this year, three more than at the same time last year.",
            TAGLINE,
        ],
    ),
]
SITE_TEXTS = ["\n".join(dump) for _, dump in SITE]
SITE_URLS = [url for url, _ in SITE]


def _seed(path: Path) -> tuple[str, str, dict[str, Any]]:
    """A seed's text, URL and hand-written expectation."""
    meta = json.loads(path.with_name("meta.json").read_text(encoding="utf-8"))
    expected = json.loads(path.with_name("expected.json").read_text(encoding="utf-8"))
    return path.read_text(encoding="utf-8"), meta["url"], expected


def wet_record(url: str, text: str, date: str = FETCHED) -> bytes:
    """One ``conversion`` record, gzipped on its own."""
    body = text.encode("utf-8")
    head = (
        "WARC/1.0\r\nWARC-Type: conversion\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: {date}\r\n"
        "Content-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + body + b"\r\n\r\n")


def write_wet(path: Path, records: list[tuple[str, str]]) -> Path:
    """A WET file of ``(url, text)`` records, after a ``warcinfo`` record."""
    info = b"software: tests\r\n"
    head = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: %d\r\n\r\n" % len(info)
    path.write_bytes(
        gzip.compress(head + info + b"\r\n\r\n")
        + b"".join(wet_record(url, text) for url, text in records)
    )
    return path


def with_fetched(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**article, "fetched": FETCHED} for article in articles]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.parent.name)
def test_a_seed_dump_gives_its_hand_chosen_lines(tmp_path: Path, seed: Path) -> None:
    text, url, expected = _seed(seed)
    done = newsclean("extract", seed, "-q", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == b""
    [article] = lines(done)
    assert article["body"] == expected["body"]
    assert article == extract_text(text, url).to_dict()  # the URL of its meta.json


def test_a_wet_file_gives_what_extract_texts_gives(tmp_path: Path) -> None:
    seeds = [_seed(path) for path in SEEDS]
    records = [(url, text) for text, url, _ in seeds]
    wet = write_wet(tmp_path / "CC-MAIN-test.warc.wet.gz", records)
    done = newsclean("extract", wet.name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    want = extract_texts([text for _, text in records], [url for url, _ in records])
    assert lines(done) == with_fetched([article.to_dict() for article in want])
    assert [line["body"] for line in lines(done)] == [expected["body"] for *_, expected in seeds]
    assert done.stderr.decode().startswith(
        f"newsclean: {len(SEEDS)} pages, {len(SEEDS)} articles written to standard output in "
    )


def test_the_dumps_of_one_site_in_a_wet_file_share_their_boilerplate(tmp_path: Path) -> None:
    # Alone, each dump keeps the tagline: only the three pages together show it is the site's.
    assert all(
        TAGLINE in extract_text(t, u).body for t, u in zip(SITE_TEXTS, SITE_URLS, strict=True)
    )
    wet = write_wet(tmp_path / "site.wet.gz", list(zip(SITE_URLS, SITE_TEXTS, strict=True)))
    done = newsclean("extract", wet, "-q", cwd=tmp_path)
    got = lines(done)
    assert got == with_fetched([a.to_dict() for a in extract_texts(SITE_TEXTS, SITE_URLS)])
    assert [line["title"] for line in got] == [dump[2] for _, dump in SITE]
    assert not [line for line in got if TAGLINE in line["body"]]
    assert [line["body"].count("\n\n") + 1 for line in got] == [3, 3, 3]


def test_a_folder_of_dumps_is_one_site_with_text(tmp_path: Path) -> None:
    folder = tmp_path / "dumps" / "harbour"
    folder.mkdir(parents=True)
    for i, text in enumerate(SITE_TEXTS):
        target = folder / f"{i}.txt.gz" if i == 1 else folder / f"{i}.txt"
        target.write_bytes(gzip.compress(text.encode()) if i == 1 else text.encode())
    (tmp_path / "dumps" / "page.html").write_text("<html><body></body></html>", encoding="utf-8")
    plain = newsclean("extract", "dumps", "--keep-empty", "-q", cwd=tmp_path)
    assert [line["url"] for line in lines(plain)] == [(tmp_path / "dumps/page.html").as_uri()]
    done = newsclean("extract", "dumps", "--text", "-q", cwd=tmp_path)
    uris = [(folder / name).as_uri() for name in ("0.txt", "1.txt.gz", "2.txt")]
    assert lines(done) == [a.to_dict() for a in extract_texts(SITE_TEXTS, uris)]
    assert not [line for line in lines(done) if TAGLINE in line["body"]]
    # The files named one by one (a shell's dumps/harbour/*) are the same group.
    named = newsclean("extract", *sorted(folder.iterdir()), "-q", cwd=tmp_path)
    assert lines(named) == lines(done)


def test_a_folder_of_dumps_without_text_says_how_to_read_them(tmp_path: Path) -> None:
    (tmp_path / "dumps").mkdir()
    (tmp_path / "dumps" / "a.txt").write_text(SITE_TEXTS[0], encoding="utf-8")
    done = newsclean("extract", "dumps", cwd=tmp_path)
    assert done.returncode == 1
    assert "--text reads its .txt files as text dumps" in done.stderr.decode()


def test_standard_input_is_a_dump_with_text(tmp_path: Path) -> None:
    text, url, expected = _seed(SEEDS[0])
    done = newsclean("extract", "-", "--text", "--url", url, cwd=tmp_path, stdin=text.encode())
    assert done.returncode == 0, done.stderr
    assert lines(done) == [extract_text(text, url).to_dict()]
    assert lines(done)[0]["body"] == expected["body"]


def test_a_dump_given_as_a_page_gets_a_warning(tmp_path: Path) -> None:
    text, *_ = _seed(SEEDS[0])
    done = newsclean("extract", "-", cwd=tmp_path, stdin=text.encode())
    assert done.returncode == 0
    assert "newsclean: WARNING: - holds no markup: if it is a text dump, --text reads it so" in (
        done.stderr.decode()
    )
    page = newsclean("extract", "-", cwd=tmp_path, stdin=b"<p>" + text.encode() + b"</p>")
    assert b"WARNING" not in page.stderr


@pytest.mark.parametrize(("kind", "field"), [("html", "body_html"), ("markdown", "body_markdown")])
def test_a_dump_in_html_or_markdown_is_its_lines_as_paragraphs(
    tmp_path: Path, kind: str, field: str
) -> None:
    *_, expected = _seed(SEEDS[3])
    paragraphs = expected["body"].split("\n\n")
    done = newsclean("extract", SEEDS[3], "--format", kind, "-q", cwd=tmp_path)
    if kind == "html":
        assert done.stdout.decode() == "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n"
    else:  # these lines hold no character Markdown would read as markup
        assert done.stdout.decode() == expected["body"] + "\n"
    both = newsclean("extract", SEEDS[3], "--body-formats", kind, "-q", cwd=tmp_path)
    assert lines(both)[0][field] == done.stdout.decode().rstrip("\n")
    assert "body" not in lines(both)[0]


def test_a_broken_wet_file_is_one_error_after_its_whole_records(tmp_path: Path) -> None:
    whole = write_wet(tmp_path / "whole.wet.gz", list(zip(SITE_URLS, SITE_TEXTS, strict=True)))
    cut = tmp_path / "cut.wet.gz"
    cut.write_bytes(whole.read_bytes()[:-40])
    (tmp_path / "notwet.wet").write_bytes(b"Harbour Weekly\nHome | Port\n")
    done = newsclean("extract", "cut.wet.gz", "notwet.wet", "missing.wet.gz", cwd=tmp_path)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    errors = done.stderr.decode().splitlines()
    assert [e.split(":")[:3] for e in errors[:3]] == [
        ["newsclean", " ERROR", " cut.wet.gz"],
        ["newsclean", " ERROR", " notwet.wet"],
        ["newsclean", " ERROR", " missing.wet.gz"],
    ]
    assert "not a WARC/WET record" in errors[1]
    assert [line["url"] for line in lines(done)] == SITE_URLS[:2]
