"""The flattening rules of benchmarks.flatten and the line rule of benchmarks.text."""

from __future__ import annotations

import pytest

from benchmarks.flatten import flatten_html
from benchmarks.text import as_paragraphs, line_rule

PAGE = """<!DOCTYPE html>
<html><head><title>Page title</title><style>p { color: red }</style>
<meta name="description" content="meta text"></head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <script>var hidden = "script text";</script>
  <noscript>Enable JavaScript</noscript>
  <template><p>template text</p></template>
  <!-- a comment -->after comment
  <h1>  The   headline  </h1>
  <p>First <b>bold</b> paragraph,
     over two source lines.</p>
  <p>Line one<br>line two<br/><br>line three</p>
  <div>Loose text<p>inside</p>tail text</div>
  <ul><li>alpha</li><li>beta <i>gamma</i></li></ul>
  <ol><li>first</li></ol>
  <table><caption>Scores</caption>
    <tr><th>Team</th><th>Points</th></tr>
    <tr><td>Ajax</td><td>3</td></tr>
  </table>
  <pre>code  line 1
code line 2</pre>
  <p>\N{NO-BREAK SPACE}</p>
  <footer>© Example</footer>
</body></html>"""

EXPECTED = [
    "Home World",
    "after comment",
    "The headline",
    "First bold paragraph, over two source lines.",
    "Line one",
    "line two",
    "line three",
    "Loose text",
    "inside",
    "tail text",
    "alpha",
    "beta gamma",
    "first",
    "Scores",
    "Team Points",
    "Ajax 3",
    "code line 1",
    "code line 2",
    "© Example",
]


def test_flatten_applies_every_rule() -> None:
    assert flatten_html(PAGE.encode("utf-8")).split("\n") == EXPECTED


def test_flatten_accepts_text() -> None:
    assert flatten_html(PAGE).split("\n") == EXPECTED


@pytest.mark.parametrize("page", [b"", b"   \n", b"<html><head><title>x</title></head></html>"])
def test_flatten_of_a_page_without_text_is_empty(page: bytes) -> None:
    assert flatten_html(page) == ""


def test_declared_charset_is_honoured() -> None:
    page = '<meta charset="windows-1252"><p>café “quoted”</p>'.encode("windows-1252")
    assert flatten_html(page) == "café “quoted”"


def test_lxml_decoding_reproduces_mojibake_of_undeclared_utf8() -> None:
    page = "<p>don’t</p>".encode()
    assert flatten_html(page) == "don’t"
    # libxml2 reads undeclared bytes as ISO-8859-1: "’" (E2 80 99) becomes "â" and two C1 codes
    assert flatten_html(page, "lxml") == "don\N{LATIN SMALL LETTER A WITH CIRCUMFLEX}\x80\x99t"


def test_line_rule_keeps_sentences_of_five_words_or_more() -> None:
    dump = "\n".join(
        [
            "Lees ook: korte kop",
            "De minister reist op 11 mei naar Marokko.",
            "Four words only here.",
            "Five words but no end",
            "Hij zei: «dit is echt zo»",
            "وكشفت وكالة الأنباء الإسبانية عن الزيارة؟",
        ]
    )
    assert line_rule(dump).split("\n") == [
        "De minister reist op 11 mei naar Marokko.",
        "Hij zei: «dit is echt zo»",
        "وكشفت وكالة الأنباء الإسبانية عن الزيارة؟",
    ]


def test_as_paragraphs_escapes_each_line() -> None:
    assert as_paragraphs("<b>\n&") == "<html><body><p>&lt;b&gt;</p><p>&amp;</p></body></html>"
