"""benchmarks.rescript: a corpus's words in another script, its markup untouched."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import lxml.html
import pytest

from benchmarks.corpus import load_corpus
from benchmarks.rescript import SCRIPTS, main, rewrite_page, rewrite_text

PAGE = """<!DOCTYPE html>
<html lang="en-GB" class="no-js"><head>
<meta charset="iso-8859-1">
<meta property="og:title" content="Storm hits the coast">
<meta content="Wind and rain" name="description">
<meta name="viewport" content="width=device-width">
<title>Storm hits the coast</title>
<script>var label = "Advertisement";</script>
<script type="application/ld+json">{"headline": "Storm hits the coast",
 "url": "https://news.example.com/storm", "datePublished": "2022-05-11"}</script>
<style>.byline { color: grey }</style>
</head><body>
<!-- Main story -->
<article class="story-body" id="main">
<h1>Storm hits the coast</h1>
<p>The storm reached Brest at 10:40 on Tuesday, with gusts of 120 km/h.</p>
<p>Read the <a href="https://example.com/live">live blog</a> or write to desk@example.com.</p>
<p>Caf&eacute; owners &amp; fishermen said: &#8220;We stayed in.&#8221;</p>
</article>
</body></html>"""


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_markup_is_kept_byte_for_byte(script: str) -> None:
    """Tags, attributes, comments, code and styles are the original's."""
    page = rewrite_page(PAGE, script)
    tags = re.compile(r"<[^>]*>")
    original_tags = [t for t in tags.findall(PAGE) if not t.startswith(("<meta", "<html"))]
    new_tags = [t for t in tags.findall(page) if not t.startswith(("<meta", "<html"))]
    assert new_tags == original_tags
    assert '<script>var label = "Advertisement";</script>' in page
    assert "<style>.byline { color: grey }</style>" in page
    assert '<meta name="viewport" content="width=device-width">' in page


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_words_are_rewritten_and_addresses_kept(script: str) -> None:
    page = rewrite_page(PAGE, script)
    body = page[page.index("<body>") :]
    assert not re.search(r"\b(?:storm|Tuesday|fishermen|blog)\b", body, re.IGNORECASE)
    assert "desk@example.com" in body
    assert "é" in body  # &eacute; read, é kept
    assert "&amp;" in body
    assert "\N{LEFT DOUBLE QUOTATION MARK}" in body
    assert "10:40" in body
    assert "120" in body


@pytest.mark.parametrize(("script", "lang"), sorted(SCRIPTS.items()))
def test_head_says_the_new_language_and_charset(script: str, lang: str) -> None:
    page = rewrite_page(PAGE, script)
    assert f'<html lang="{lang}" class="no-js">' in page
    assert '<meta charset="utf-8">' in page
    title = rewrite_text("Storm hits the coast", script)
    assert f'<meta property="og:title" content="{title}">' in page
    assert f'content="{rewrite_text("Wind and rain", script)}" name="description"' in page
    assert f"<title>{title}</title>" in page
    script_text = re.search(r"ld\+json\">(.*?)</script>", page, re.DOTALL)
    assert script_text is not None
    ld = json.loads(script_text.group(1))
    assert ld == {
        "headline": title,
        "url": "https://news.example.com/storm",
        "datePublished": "2022-05-11",
    }


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_page_text_and_rewritten_text_agree(script: str) -> None:
    """The text of the rewritten page is the rewritten text of the page: an expected
    body rewritten by rewrite_text matches what the rewritten page shows."""
    original = _article_text(PAGE.encode())
    rewritten = _article_text(rewrite_page(PAGE, script).encode())
    assert rewritten == rewrite_text(original, script)


def _article_text(page: bytes) -> str:
    return str(lxml.html.fromstring(page).xpath("string(//article)"))


def test_cyrillic_keeps_case_and_arabic_drops_it() -> None:
    assert rewrite_text("Brest Tuesday", "cyrillic") == "Брест Туесдаы"
    assert rewrite_text("Brest", "arabic") == rewrite_text("brest", "arabic")
    assert rewrite_text("Why, then?", "arabic").endswith("؟")


def test_han_writes_no_spaces_between_words() -> None:
    text = rewrite_text("The storm reached Brest, then it stopped.", "han")
    assert " " not in text
    assert text.endswith("。")
    assert "，" in text
    assert re.fullmatch(r"[\u4e00-\u9fff，。]+", text)
    # The same word gives the same characters wherever it is, in any case.
    assert rewrite_text("Storm", "han") == rewrite_text("storm", "han")
    assert rewrite_text("storm", "han") in text


def test_han_keeps_decimals_and_times() -> None:
    assert rewrite_text("Up 1.2% at 10:40.", "han").count("1.2%") == 1
    assert "10:40" in rewrite_text("Up 1.2% at 10:40.", "han")


def test_corpus_is_rewritten_with_its_ground_truth(tmp_path: Path) -> None:
    source = tmp_path / "corpus"
    (source / "html").mkdir(parents=True)
    (source / "html" / "storm.html.gz").write_bytes(gzip.compress(PAGE.encode("iso-8859-1")))
    truth = {
        "storm": {
            "url": "https://news.example.com/storm",
            "articleBody": "The storm reached Brest.",
            "title": "Storm hits the coast",
            "lang": "en",
            "publishedTime": "2022-05-11T10:00:00Z",
        }
    }
    (source / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    out = tmp_path / "cyrillic"

    assert main(["--corpus", str(source), "--script", "cyrillic", "--out", str(out)]) == 0

    (page,) = load_corpus(out)
    assert page.url == "https://news.example.com/storm"
    assert page.expected == "Тхе сторм реацхед Брест."
    assert page.metadata["title"] == "Сторм хитс тхе цоаст"
    assert page.metadata["lang"] == "ru"
    assert page.metadata["publishedTime"] == "2022-05-11T10:00:00Z"
    assert "Сторм хитс тхе цоаст" in page.read().decode("utf-8")


def test_not_a_corpus_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--corpus", str(tmp_path / "missing"), "--script", "han", "--out", str(tmp_path)])
    assert code == 2
    assert "not a benchmark corpus" in capsys.readouterr().err


def test_json_ld_markup_cannot_end_its_script() -> None:
    """A JSON-LD articleBody holding HTML keeps its tags, and its "</" stays escaped."""
    page = (
        '<script type="application/ld+json">{"articleBody": "<p>Rain<\\/p>"}</script><p>Rain</p>'
    )
    rewritten = rewrite_page(page, "cyrillic")
    assert rewritten == (
        '<script type="application/ld+json">{"articleBody": "<p>Раин<\\/p>"}</script><p>Раин</p>'
    )


def test_a_quoted_attribute_may_hold_markup() -> None:
    page = """<div data-item='{"caption": "<p>Rain</p>"}'>Rain</div><p class=don't>Rain</p>"""
    assert rewrite_page(page, "cyrillic") == (
        """<div data-item='{"caption": "<p>Rain</p>"}'>Раин</div><p class=don't>Раин</p>"""
    )
