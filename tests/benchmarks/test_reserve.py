"""benchmarks.reserve: a corpus's pages served otherwise, what a reader sees the same."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest

from benchmarks.corpus import load_corpus
from benchmarks.reserve import Form, main, reserve_page
from extractors.page.decode import decode_page

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
  <meta charset="utf-8">
  <title>Tempête sur la côte…</title>
  <script>var box = '<div class="related-box">';</script>
</head>
<body class="page-article">
  <!-- <h1 class="old-title"> -->
  <header class="site-header"><a href="/">Le Littoral</a></header>
  <article class="story-body" id="main_story" data-kind="long-read">
    <h1 class="story-title">Tempête sur la côte…</h1>
    <p class="lede-text">La tempête a atteint Brest <b>mardi</b> <i>soir</i> ; « à 130 km/h ».</p>
    <pre>vent   130
rafales 150</pre>
    <figure><img src="a.jpg"><figcaption>Le port, mardi.</figcaption></figure>
  </article>
</body></html>"""


def _serve(form: Form, page: str = PAGE) -> str:
    return reserve_page(page.encode("utf-8"), form).decode("utf-8")


def _text(page: str) -> str:
    """The page's text without its whitespace, which minifying takes from between blocks."""
    return "".join("".join(map(str, lxml.html.document_fromstring(page).itertext())).split())


def test_minified_leaves_no_whitespace_beside_blocks() -> None:
    served = _serve("minified")
    assert '<body class="page-article"><!-- <h1 class="old-title"> --><header' in served
    assert '<p class="lede-text">La tempête a atteint Brest <b>mardi</b> <i>soir</i> ;' in served
    assert "<pre>vent   130\nrafales 150</pre>" in served  # preformatted text as it was
    assert "« à 130 km/h »" in served  # UTF-8 read byte by byte, not as spaces
    assert "var box = '<div class=\"related-box\">';" in served
    assert _text(served) == _text(PAGE)


def test_indented_breaks_the_line_before_each_block() -> None:
    served = _serve("indented")
    assert '\n            <p class="lede-text">' in served
    assert '\n            <article class="story-body"' in served
    assert "<pre>vent   130\nrafales 150</pre>" in served
    assert _text(served) == _text(PAGE)


def test_camel_names_rewrite_class_and_id_only() -> None:
    served = _serve("camel-names")
    assert '<article class="storyBody" id="mainStory" data-kind="long-read">' in served
    assert '<body class="pageArticle">' in served
    # Text, comments, code and other attributes keep their hyphens.
    assert '<!-- <h1 class="old-title"> -->' in served
    assert "var box = '<div class=\"related-box\">';" in served
    assert _text(served) == _text(PAGE)


def test_headlines_and_html4_tags_are_renamed_with_their_end_tags() -> None:
    served = _serve("h2-headlines")
    assert '<h2 class="story-title">Tempête sur la côte…</h2>' in served
    assert '<!-- <h1 class="old-title"> -->' in served
    served = _serve("html4-tags")
    tree = lxml.html.document_fromstring(served)
    assert not tree.findall(".//article") and not tree.findall(".//header")
    assert not tree.findall(".//figure") and not tree.findall(".//figcaption")
    assert '<div class="story-body" id="main_story" data-kind="long-read">' in served
    assert "<div>Le port, mardi.</div></div>" in served
    assert _text(served) == _text(PAGE)


def test_custom_elements_rename_divs_and_sections() -> None:
    page = '<body><div class="story"><section id="s1"><p>Mardi.</p></section></div></body>'
    served = _serve("custom-elements", page)
    assert served == (
        '<body><x-div class="story"><x-section id="s1"><p>Mardi.</p></x-section></x-div></body>'
    )


def test_legacy_charset_declares_it_and_refers_to_what_it_lacks() -> None:
    served = reserve_page(PAGE.encode("utf-8"), "legacy-charset")
    assert b'<meta charset="windows-1252">' in served
    assert b'<meta charset="utf-8">' not in served
    assert "Tempête".encode("windows-1252") in served
    decoded = decode_page(served)
    assert decoded.codec == "cp1252"
    assert _text(decoded.text) == _text(PAGE)


def test_legacy_charset_of_each_script() -> None:
    russian = "<html><head><meta charset=utf-8></head><body><p>Шторм — ветер</p></body></html>"
    served = reserve_page(russian.encode("utf-8"), "legacy-charset")
    assert b'<meta charset="windows-1251">' in served
    assert "Шторм".encode("windows-1251") in served
    assert b"&#8212;" not in served  # windows-1251 has the dash
    japanese = "<html><head></head><body><p>東京で雨、あすも続く見込み。</p></body></html>"
    undeclared = reserve_page(japanese.encode("utf-8"), "legacy-charset-undeclared")
    assert b"charset" not in undeclared
    assert undeclared.decode("shift_jis") == japanese


def test_corpus_keeps_ground_truth(tmp_path: Path) -> None:
    source = tmp_path / "corpus"
    (source / "html").mkdir(parents=True)
    (source / "html" / "storm.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    truth = {"storm": {"url": "https://news.example.fr/tempete", "articleBody": "La tempête."}}
    (source / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    out = tmp_path / "served"

    assert main(["--corpus", str(source), "--out", str(out), "--as", "minified"]) == 0

    (page,) = load_corpus(out)
    assert page.url == "https://news.example.fr/tempete"
    assert page.expected == "La tempête."
    assert page.read() == reserve_page(PAGE.encode("utf-8"), "minified")


def test_not_a_corpus_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--as", "indented"]
    )
    assert code == 2
    assert "not a benchmark corpus" in capsys.readouterr().err
