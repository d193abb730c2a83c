"""Decoding and parsing: extractors/page/decode.py and extractors/page/load.py."""

from __future__ import annotations

import gzip

import pytest

from extractors.exceptions import InputError, UnreadablePage
from extractors.limits import MAX_INPUT_BYTES
from extractors.page import decode as decoding
from extractors.page.decode import decode
from extractors.page.load import load

PAGE = "<html><head><title>t</title></head><body><p>Café crème à Zürich</p></body></html>"


def test_utf8_labelled_latin1_is_read_as_utf8() -> None:
    text, codec = decode(PAGE.encode("utf-8"), "iso-8859-1")
    assert "Café crème" in text
    assert codec == "utf-8"


def test_meta_charset_is_used_when_header_is_silent() -> None:
    data = b'<meta charset="windows-1252">' + PAGE.encode("cp1252")
    text, codec = decode(data)
    assert codec == "cp1252"
    assert "Zürich" in text


def test_bogus_declared_charset_is_ignored() -> None:
    text, _ = decode(PAGE.encode("utf-8"), "x-no-such-charset")
    assert "Café" in text


def test_utf16_with_bom() -> None:
    text, codec = decode(PAGE.encode("utf-16"))
    assert codec == "utf-16"
    assert "Zürich" in text


def test_undeclared_single_byte_page_is_detected() -> None:
    body = ("<p>" + "Ça déménage à l'école élémentaire, été comme hiver. " * 30 + "</p>").encode(
        "cp1252"
    )
    text, _ = decode(body)
    assert "déménage" in text


def test_gzip_body_that_was_never_decompressed() -> None:
    text, _ = decode(gzip.compress(PAGE.encode("utf-8")))
    assert "Zürich" in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty-input"),
        (b"   \n\t ", "empty-input"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "not-html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not-html"),
        (bytes(range(256)) * 40, "not-html"),
        (b"\x1f\x8b\x08\x00not really gzip", "not-html"),
    ],
    ids=["empty", "whitespace", "pdf", "png", "binary", "broken-gzip"],
)
def test_unreadable_input_has_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadablePage) as caught:
        load(data)
    assert caught.value.reason == reason


def test_oversized_input_is_refused_with_a_reason() -> None:
    with pytest.raises(UnreadablePage) as caught:
        load(b"<p>" + b"a" * (MAX_INPUT_BYTES + 1))
    assert caught.value.reason == "too-large"


def test_wrong_argument_type_names_the_fix() -> None:
    with pytest.raises(InputError, match="bytes or str"):
        load(12345)  # type: ignore[arg-type]


def test_str_with_xml_declaration_nul_bytes_and_lone_surrogates_parses() -> None:
    text = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>a\x00b \ud800 c</p></body>'
    page = load(text)
    assert page.tree.findtext(".//p") is not None


# Issue 16's charset lies: a declared charset that does not decode the bytes
# cleanly is overruled, by the HTML standard's next step.
FRENCH = (
    '<html><head><meta charset="utf-8"><title>École</title></head><body>'
    "<h1>Les élèves à l'école</h1><p>Les élèves sont là.</p></body></html>"
)
ENGLISH = (
    "<html><head><title>School</title></head><body><h1>The pupils at school</h1>"
    + "<p>The pupils were happy, even after the summer party.</p>" * 3
    + "</body></html>"
)


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        (FRENCH.encode("latin-1"), None, "Les élèves à l'école"),
        (FRENCH.encode("latin-1"), "utf-8", "Les élèves à l'école"),
        (FRENCH.encode(), "utf-16-le", "Les élèves à l'école"),
        (FRENCH.encode(), "cp037", "Les élèves à l'école"),
        (ENGLISH.encode() + b" ", "utf-16-le", "The pupils at school"),
        (ENGLISH.encode(), "cp037", "The pupils at school"),
        (ENGLISH.encode() + b" ", "utf-16", "The pupils at school"),
        (ENGLISH.encode() + b"  ", "utf-32", "The pupils at school"),
        (ENGLISH.encode().replace(b"happy", b"happy+AGE-"), "utf-7", "happy+AGE-"),
        ("<meta charset=windows-1250><p>žluťoučký kůň</p>".encode("cp1250"), None, "kůň"),
        (
            "<html lang=cs><meta charset=utf-8><p>Příliš žluťoučký kůň</p>".encode("cp1250"),
            None,
            "Příliš žluťoučký kůň",
        ),
        (FRENCH.encode("utf-16-le"), "utf-16", "Les élèves à l'école"),
    ],
    ids=[
        "latin1-meta-utf8",
        "latin1-header-utf8",
        "utf8-header-utf16le",
        "utf8-header-cp037",
        "ascii-header-utf16le",
        "ascii-header-cp037",
        "ascii-header-utf16",
        "ascii-header-utf32",
        "ascii-header-utf7",
        "cp1250-true-label",
        "cp1250-czech-meta-utf8",
        "utf16le-true-header",
    ],
)
def test_lying_charset_gives_the_right_text(
    data: bytes, header: str | None, expected: str
) -> None:
    text, _ = decode(data, header)
    assert expected in text


def test_an_overruled_label_is_said() -> None:
    decoded = decoding.decode_page(FRENCH.encode("latin-1"), "utf-8")
    assert decoded.codec == "cp1252" and decoded.clean
    assert "HTTP header's charset utf-8 was not used: the bytes do not decode" in decoded.note
    assert (
        "cp037 is none the HTML standard knows" in decoding.decode_page(b"<p>a</p>", "cp037").note
    )
    assert (
        decoding.decode_page(FRENCH.encode(), None).note == ""
    )  # an honest label: nothing to say


def test_bytes_no_codec_reads_cleanly_say_so() -> None:
    """Invalid UTF-8 under a UTF-8 label that no other codec reads cleanly either."""
    decoded = decoding.decode_page(
        b"<p>" + b"\x81\x8d\x8f\x90\x9d\xff\xfe" * 30 + b"</p>", "utf-8"
    )
    assert decoded.note.startswith("the HTTP header's charset utf-8 was not used")
