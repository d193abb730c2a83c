"""Properties of extract() over generated HTML (hypothesis).

The pages are random trees of real tags and attributes around any Unicode text:
right-to-left scripts, combining marks, control characters, NUL, lone surrogates,
and raw markup characters that turn the tree into tag soup. Runs are derandomized,
so a failure reproduces; the shrunk example is printed with it.
"""

from __future__ import annotations

import html as html_escape
import unicodedata
from typing import Any

import lxml.etree
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors import Article, InputError, extract
from extractors.page.markup import _Scan

REASONS = {"empty-input", "not-html", "no-article", "too-large", "timeout", "unparseable"}

PROPERTY = settings(
    max_examples=120,
    deadline=None,  # one example may reach readability-lxml's second opinion
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = (
    "p div span a article section main h1 h2 ul li table tr td b i em strong br img "
    "script style title nav footer header aside blockquote pre time figure figcaption "
    "noscript textarea iframe svg form button"
).split()
ATTRIBUTES = (
    "class id href style lang dir itemprop datetime content name property role hidden "
    "aria-hidden data-x type rel src title"
).split()
CLASS_WORDS = "article content story body related share nav menu comments ad promo meta".split()

# Any character except surrogates (tested separately): control characters, NUL,
# bidi controls, RTL and CJK scripts, emoji and combining marks included.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
SCRIPTS = st.sampled_from(
    [
        "The minister arrived in Rabat on Monday, officials said, for two days of talks.",
        "وصل الوزير إلى الرباط يوم الاثنين، حسب ما أفاد به مسؤولون، لإجراء محادثات.",
        "השר הגיע לרבאט ביום שני, כך נמסר, לשיחות בנות יומיים על ביטחון וסחר.",
        "部长周一抵达拉巴特，官员说，将进行为期两天的会谈，讨论安全与贸易。",
        "Le ministre est arrivé à Rabat lundi, ont indiqué des responsables.",
        "Cafe\u0301 \u202eevil\u202c \u200fmark\u200e \x07\x1b[31m tab\there\x00nul",
    ]
)
PROSE = st.one_of(TEXT, SCRIPTS, st.lists(SCRIPTS, min_size=1, max_size=4).map(" ".join))


@st.composite
def attributes(draw: st.DrawFn) -> str:
    names = draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=4, unique=True))
    parts = []
    for name in names:
        if name == "class":
            value = " ".join(draw(st.lists(st.sampled_from(CLASS_WORDS), max_size=3)))
        else:
            value = draw(TEXT)
        parts.append(f' {name}="{html_escape.escape(value)}"')
    return "".join(parts)


@st.composite
def element(draw: st.DrawFn, children: st.SearchStrategy[list[str]]) -> str:
    tag = draw(st.sampled_from(TAGS))
    return f"<{tag}{draw(attributes())}>{''.join(draw(children))}</{tag}>"


def _text_node(text: str) -> str:
    return html_escape.escape(text, quote=False)


NODES = st.recursive(
    PROSE.map(_text_node),
    lambda children: element(st.lists(children, max_size=5)),
    max_leaves=40,
)
# Raw fragments that break the tree: unclosed tags and quotes, stray end tags,
# comments and declarations that never end, entities good and bad.
SOUP = st.sampled_from(
    ["<", ">", "</", "<p", '"', "'", "<!--", "-->", "<![CDATA[", "<?", "<!DOCTYPE x [",
     "&amp;", "&#0;", "&#x80;", "&#129;", "&nosuch;", "</div>", "<td>", "<script>", "<style>"]
)  # fmt: skip


@st.composite
def pages(draw: st.DrawFn) -> str:
    nodes = draw(st.lists(st.one_of(NODES, NODES, SOUP), min_size=1, max_size=8))
    head = draw(st.sampled_from(["", "<html><body>", "<!DOCTYPE html><html><head></head><body>"]))
    return head + "".join(nodes)


def assert_contract(article: Any) -> None:
    assert isinstance(article, Article)
    assert isinstance(article.body, str)
    controls = {ch for ch in article.body if unicodedata.category(ch) == "Cc" and ch != "\n"}
    assert not controls, f"control characters {controls!r} in the body"
    assert (article.reason is None) == (article.body != ""), "reason must be set iff no body"
    assert article.reason is None or article.reason in REASONS


@PROPERTY
@given(pages())
def test_extract_keeps_its_contract_on_any_page(page: str) -> None:
    assert_contract(extract(page, "https://paper.test/a"))


@PROPERTY
@given(pages())
def test_str_and_bytes_input_agree(page: str) -> None:
    from_str = extract(page, "https://paper.test/a")
    from_bytes = extract(page.encode("utf-8"), "https://paper.test/a")
    assert from_str.to_dict() == from_bytes.to_dict()


@PROPERTY
@given(pages(), st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_lone_surrogates_in_a_str(page: str, where: list[int]) -> None:
    for at in where:
        at = min(at, len(page))
        page = page[:at] + "\ud800" + page[at:]
    article = extract(page)
    assert_contract(article)
    article.body.encode("utf-8")


@PROPERTY
@given(st.binary(max_size=4096))
def test_any_bytes_give_an_article(data: bytes) -> None:
    assert_contract(extract(data))


@PROPERTY
@given(
    st.one_of(
        st.integers(),
        st.floats(),
        st.none(),
        st.booleans(),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    )
)
def test_wrong_types_raise_input_error_only(value: object) -> None:
    calls: list[dict[str, object]] = [{"html": value}, {"html": "<p>x</p>", "limits": value}]
    if value is not None:  # None is a valid url and encoding
        calls += [{"html": "<p>x</p>", "url": value}, {"html": "<p>x</p>", "encoding": value}]
    for kwargs in calls:
        try:
            extract(**kwargs)  # type: ignore[arg-type]
        except InputError:
            continue
        raise AssertionError(f"no InputError for {kwargs!r}")


# ---- the markup scan against libxml2 ---------------------------------------------------

_PARSER = lxml.etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, recover=True
)
FRAGMENTS = st.sampled_from(
    ["<", "</", ">", "/>", '"', "'", "=", " ", "/", "\n", "\t", "\r", "<!--", "-->", "--!>", "-",
     "!", "<!", "<?", "<!DOCTYPE ", "<![CDATA[", "]]>", "script", "SCRIPT", "style", "title",
     "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript", "a", "b", "div",
     "x", "a0", "a1", "é", "\xa0", "&", "<script>", "</script>", "<script ", "</script/",
     "<script/>", "<style>", "</style>", "<title>", "</title>", "<div ", "<p ", " c=", " d='",
     ' e="', "<html ", "<body ", "<head ", "</html>", "<svg ", "<table ", "<select ", "<br ",
     "<!-->", "<!--->", 'x=">"', "a='>'"]
)  # fmt: skip


def _libxml2_elements(text: str) -> list[tuple[str, set[str]]]:
    root = lxml.etree.fromstring(text, _PARSER)
    if root is None:
        return []
    return [
        (el.tag, set(el.attrib)) for el in root.iter() if isinstance(el.tag, str) and el.attrib
    ]


@settings(PROPERTY, max_examples=1500)
@given(st.lists(FRAGMENTS, min_size=1, max_size=60).map("".join))
def test_the_markup_scan_counts_every_attribute_libxml2_builds(soup: str) -> None:
    scan = _Scan(soup, 10**9, one_by_one=True, record=True)
    scan.run()
    seen = [tag for tag in scan.seen if tag[1]]
    position = 0
    for name, attributes in _libxml2_elements(soup):
        # The next start tag the scan saw with this name and these attributes;
        # libxml2 drops some start tags (a second <body>), so some are skipped.
        while position < len(seen) and not (
            seen[position][0].startswith(name)  # libxml2 cuts names at 100 bytes
            and seen[position][1] >= len(attributes)
            and attributes <= seen[position][2]
        ):
            position += 1
        assert position < len(seen), f"<{name}> with {sorted(attributes)} not seen by the scan"
        position += 1


@settings(PROPERTY, max_examples=1500)
@given(st.lists(FRAGMENTS, min_size=1, max_size=60).map("".join))
# Raw text the skip must leave to the Python code: escapes in a script, a
# self-closed raw-text tag, an unquoted value ending in "/" (not self-closed).
@example("<script><!--<script></script><div c=x></script>--><p d='y'>")
@example("<script/><div c=x></script><p d='y'>")
@example("<title/><div c=x></title><p d='y'>")
@example("<script a=/><div c=x></script><p d='y'>")
@example("<style>a<b</styles><div c=x></style ><p d=y>")
def test_the_skip_sees_every_tag_the_one_by_one_scan_sees(soup: str) -> None:
    # The scan skips short tags and raw-text elements in one regex; with a bound of
    # one token, every tag with an attribute stops it. It must then look at the
    # same tags as the scan that stops at every start tag: a raw text it reads
    # differently would put it out of step.
    skipping = _Scan(soup, 10**9, record=True, short_tokens=1)
    skipping.run()
    one_by_one = _Scan(soup, 10**9, one_by_one=True, record=True)
    one_by_one.run()
    assert [tag for tag in skipping.seen if tag[1]] == [tag for tag in one_by_one.seen if tag[1]]
