"""Several dumps of one site (extract_texts, SiteLines) and WET records (read_wet)."""

from __future__ import annotations

import gzip
import io

import pytest

from extractors import InputError
from extractors.textdump import (
    SiteLines,
    WetFormatError,
    extract_text,
    extract_texts,
    read_wet,
    wet,
)

PROSE = [
    "The minister, who arrived on Monday, will travel to Rabat in May for talks.",
    "Le ministre, arrivé lundi, se rendra à Rabat en mai avec sa délégation.",
    "De minister, die maandag aankwam, reist in mei naar Rabat voor overleg.",
]
NOTICE = "Sign up to our newsletter, and get the best of our reporting every morning."


def page(number: int) -> str:
    story = f"Story number {number} tells, at some length, what happened in town {number}."
    return "\n".join(["Home", "World", story, PROSE[number % 3], NOTICE, "Contact"])


def test_site_lines_needs_two_pages_for_menus_and_three_for_prose() -> None:
    site = SiteLines()
    site.add(page(1))
    assert site.boilerplate() == frozenset()  # one page: no evidence
    site.add(page(2))
    assert site.boilerplate() == {"Home", "World", "Contact"}
    site.add(page(3))
    assert NOTICE in site.boilerplate()
    assert not any(line.startswith("Story number") for line in site.boilerplate())


def test_the_same_page_twice_counts_once() -> None:
    site = SiteLines()
    site.add(page(1))
    site.add(page(1))
    assert site.pages == 1
    assert site.boilerplate() == frozenset()


def test_extract_texts_drops_what_the_site_repeats() -> None:
    texts = [page(n) for n in range(4)]
    urls = [f"https://www.news.test/{n}" for n in range(4)]
    alone = extract_text(texts[0], urls[0])
    together = extract_texts(texts, urls)
    assert NOTICE in alone.body  # a sentence by its shape alone
    assert [a.url for a in together] == urls
    assert all(NOTICE not in a.body and "Story number" in a.body for a in together)


def test_extract_texts_groups_by_host() -> None:
    texts = [page(1), page(2), page(3)]
    urls = ["https://a.test/1", "https://b.test/2", None]
    assert all(NOTICE in a.body for a in extract_texts(texts, urls))
    with pytest.raises(InputError, match="one url per text"):
        extract_texts(texts, urls[:2])


def record(body: bytes, kind: str = "conversion", uri: str = "https://n.test/a") -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body + b"\r\n\r\n"


def test_read_wet_plain_and_gzipped_per_record() -> None:
    records = [
        record(b"software: test", kind="warcinfo"),
        record("Home\nLe texte de l'été.".encode()),
        record(b"Second\xffpage", uri="https://n.test/b"),
    ]
    plain = list(read_wet(io.BytesIO(b"".join(records))))
    gzipped = list(read_wet(io.BytesIO(b"".join(gzip.compress(r) for r in records))))
    assert plain == gzipped
    assert [(r.url, r.text, r.date) for r in plain] == [
        ("https://n.test/a", "Home\nLe texte de l'été.", "2024-01-01T00:00:00Z"),
        ("https://n.test/b", "Second\ufffdpage", "2024-01-01T00:00:00Z"),
    ]


def test_read_wet_refuses_what_is_no_wet_file() -> None:
    with pytest.raises(WetFormatError, match="not a WARC"):
        list(read_wet(io.BytesIO(b"<html><body>no</body></html>")))
    with pytest.raises(WetFormatError, match="breaks off"):
        list(read_wet(io.BytesIO(record(b"x" * 100)[:-60])))


def test_read_wet_skips_records_over_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wet, "MAX_RECORD_BYTES", 10)
    data = record(b"x" * 50) + record(b"small", uri="https://n.test/b")
    assert [r.url for r in read_wet(io.BytesIO(data))] == ["https://n.test/b"]
