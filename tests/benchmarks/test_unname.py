"""benchmarks.unname: a corpus's pages without class and id attributes, nothing else changed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest

from benchmarks.corpus import load_corpus
from benchmarks.unname import main, unname_page

PAGE = """<!DOCTYPE html>
<html lang="fr" class="no-js"><head>
<meta charset="iso-8859-1">
<title>Tempête sur la côte</title>
<script>var box = '<div class="related">';</script>
<style>#main .byline { color: grey }</style>
</head><body>
<!-- <div class="ad"> -->
<article class="story-body" id=main data-id="42">
<h1 ID='title'>Tempête sur la côte</h1>
<p class = "lede">La tempête a atteint Brest mardi ; le mot class="x" reste dans le texte.</p>
<div data-item='{"caption": "<p class=x>Pluie</p>"}' class='photo'>Pluie</div>
<textarea id="note"><b class="kept">draft</b></textarea>
</article>
</body></html>"""


def test_names_go_from_start_tags_only() -> None:
    unnamed = unname_page(PAGE)
    assert '<html lang="fr">' in unnamed
    assert '<article data-id="42">' in unnamed
    assert "<h1>Tempête" in unnamed
    assert "<p>La tempête" in unnamed
    # A quoted attribute value may hold markup: its name stays with it.
    assert """<div data-item='{"caption": "<p class=x>Pluie</p>"}'>Pluie</div>""" in unnamed
    # Text, comments and code keep their own "class" and "id".
    assert 'le mot class="x" reste' in unnamed
    assert '<!-- <div class="ad"> -->' in unnamed
    assert "var box = '<div class=\"related\">';" in unnamed
    assert "#main .byline" in unnamed
    assert '<textarea id="note"><b class="kept">draft</b></textarea>' in unnamed


def test_text_and_other_attributes_are_the_original_ones() -> None:
    before = lxml.html.document_fromstring(PAGE)
    after = lxml.html.document_fromstring(unname_page(PAGE))
    assert after.text_content() == before.text_content()
    assert [el.tag for el in after.iter()] == [el.tag for el in before.iter()]
    for old, new in zip(before.iter(), after.iter(), strict=True):
        if old.tag in ("script", "style", "textarea"):
            assert new.attrib == old.attrib  # an element of code is left whole
            continue
        kept = {k: v for k, v in old.attrib.items() if k.lower() not in ("class", "id")}
        assert dict(new.attrib) == kept
    assert not any(el.get("class") or el.get("id") for el in after.iter("div", "p", "article"))


def test_corpus_keeps_bytes_and_ground_truth(tmp_path: Path) -> None:
    source = tmp_path / "corpus"
    (source / "html").mkdir(parents=True)
    raw = PAGE.encode("iso-8859-1")
    (source / "html" / "storm.html.gz").write_bytes(gzip.compress(raw))
    truth = {"storm": {"url": "https://news.example.fr/tempete", "articleBody": "La tempête."}}
    (source / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    out = tmp_path / "unnamed"

    assert main(["--corpus", str(source), "--out", str(out)]) == 0

    (page,) = load_corpus(out)
    assert page.url == "https://news.example.fr/tempete"
    assert page.expected == "La tempête."
    written = page.read()
    # The page's own charset, its bytes outside the names unchanged.
    assert written == unname_page(raw.decode("latin-1")).encode("latin-1")
    assert "<h1>Tempête sur la côte</h1>".encode("iso-8859-1") in written


def test_not_a_corpus_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "not a benchmark corpus" in capsys.readouterr().err


def test_divs_write_every_paragraph_tag_as_a_div() -> None:
    rewritten = unname_page(PAGE, paragraphs="div")
    before = lxml.html.document_fromstring(PAGE)
    after = lxml.html.document_fromstring(rewritten)
    assert after.text_content() == before.text_content()
    assert not after.findall(".//p")
    assert "<div>La tempête a atteint Brest" in rewritten
    # Inside an attribute value, a comment or code, a "<p" is text, not a tag.
    assert """data-item='{"caption": "<p class=x>Pluie</p>"}'""" in rewritten


def test_keep_names_rewrites_the_paragraphs_only(tmp_path: Path) -> None:
    assert unname_page(PAGE, paragraphs="div", keep_names=True) == PAGE.replace(
        '<p class = "lede">', '<div class = "lede">'
    ).replace(
        'Brest mardi ; le mot class="x" reste dans le texte.</p>',
        'Brest mardi ; le mot class="x" reste dans le texte.</div>',
    )
    with pytest.raises(SystemExit):
        main(["--corpus", str(tmp_path), "--out", str(tmp_path / "out"), "--keep-names"])


def test_breaks_leave_the_paragraphs_text_loose_in_their_container() -> None:
    rewritten = unname_page(PAGE, paragraphs="br", keep_names=True)
    after = lxml.html.document_fromstring(rewritten)
    assert not after.findall(".//p")
    article = after.find(".//article")
    assert article is not None
    assert "La tempête a atteint Brest" in "".join(
        (child.tail or "") for child in article.iterfind("h1")
    )
    assert "reste dans le texte.<br><br>" in rewritten
    assert """data-item='{"caption": "<p class=x>Pluie</p>"}'""" in rewritten
