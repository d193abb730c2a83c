"""Decoding and parsing: extractors/page/decode.py and extractors/page/load.py."""

from __future__ import annotations

import gzip

import pytest

from extractors.exceptions import InputError, UnreadablePage
from extractors.limits import MAX_INPUT_BYTES
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
