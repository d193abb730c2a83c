"""Authors: extractors/metadata/bylines.py and extractors/metadata/names.py.

Each page is small and written by hand; each test names the kind of error of
issue 14 it guards against.
"""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.metadata import read_metadata
from extractors.metadata.names import split_names
from extractors.page.load import load


def _authors(page: str, url: str | None = "https://news.test/a/1") -> tuple[list[str], str | None]:
    meta = read_metadata(load(page.encode()).tree, url)
    return meta.authors, meta.authors_raw


def test_publisher_in_meta_author_loses_to_the_visible_byline() -> None:
    # <meta name="author"> holds the publisher (the copyright line names it).
    page = """<html><head><meta name="author" content="Condé Nast">
    <meta property="og:site_name" content="Outside"></head><body>
    <article><h1>Why runners slow down</h1><p class="byline">By Alex Hutchinson</p>
    <p>Text of the article.</p></article>
    <footer><p>© 2024 Condé Nast. All rights reserved.</p></footer></body></html>"""
    assert _authors(page) == (["Alex Hutchinson"], "By Alex Hutchinson")


def test_site_as_jsonld_author_loses_to_the_visible_byline() -> None:
    page = """<html><head><meta property="og:site_name" content="ABC News">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm hits",
     "author": {"@type": "Organization", "name": "ABC News"}}</script></head><body>
    <article><h1>Storm hits</h1><div class="article-meta">By Alex Hutchinson</div>
    <p>Text.</p></article></body></html>"""
    assert _authors(page)[0] == ["Alex Hutchinson"]


def test_organization_is_the_author_when_no_person_is_named() -> None:
    page = """<html><head><meta property="og:site_name" content="BBC News">
    <meta property="og:article:author" content="BBC News"></head><body>
    <h1>Obama admits gun laws frustrate him</h1><p>Text.</p></body></html>"""
    assert _authors(page)[0] == ["BBC News"]


def test_byline_with_three_names_is_split() -> None:
    page = """<html><body><main><h1>Election night</h1>
    <p>By Ana Lima, Joe Smith and Mary Brown</p><p>Text of the article.</p></main>
    </body></html>"""
    assert _authors(page) == (
        ["Ana Lima", "Joe Smith", "Mary Brown"],
        "By Ana Lima, Joe Smith and Mary Brown",
    )


def test_rel_author_link() -> None:
    page = """<html><body><article><h1>Harbour reopens</h1>
    <div class="meta"><a rel="author" href="/staff/jan-de-vries">Jan de Vries</a></div>
    <p>Text.</p></article></body></html>"""
    assert _authors(page)[0] == ["Jan de Vries"]


def test_itemprop_author_with_name() -> None:
    page = """<html><body><article><h1>Harbour reopens</h1>
    <span itemprop="author" itemscope><span itemprop="name">Hazel Sheffield</span>
    <img src="/h.jpg" alt=""></span><p>Text.</p></article></body></html>"""
    assert _authors(page)[0] == ["Hazel Sheffield"]


def test_byline_run_into_its_date_is_cut() -> None:
    # The byline's parts are run together in the markup: name, date, comment count.
    page = """<html><body><article><header><h1>A headline</h1>
    <p class="byline"><span class="by-author">by <a>Lucas Nolan</a></span><span>22 Dec
    2016</span><span>651</span></p></header><p>Text.</p></article></body></html>"""
    assert _authors(page)[0] == ["Lucas Nolan"]


def test_teaser_list_bylines_are_not_the_article_s() -> None:
    page = """<html><body><article><h1>Main story</h1><p class="byline">By Eva Holm</p>
    <p>Text.</p></article><aside class="related"><ul>
    <li><span class="byline">By Tom Other</span></li></ul></aside></body></html>"""
    assert _authors(page)[0] == ["Eva Holm"]


def test_site_name_as_author_is_not_split() -> None:
    page = """<html><head><meta property="og:site_name" content="Mac &amp; i">
    <meta name="DC.creator" content="Mac &amp; i"></head><body><h1>New Macs</h1>
    </body></html>"""
    assert _authors(page)[0] == ["Mac & i"]


def test_authors_raw_beside_the_names() -> None:
    page = """<html><body><article><h1>Flood</h1>
    <div class="author">Par Sébastien Farcis, envoyé spécial à Katmandou</div>
    <p>Texte.</p></article></body></html>"""
    assert _authors(page) == (
        ["Sébastien Farcis"],
        "Par Sébastien Farcis, envoyé spécial à Katmandou",
    )


def test_extract_gives_authors_raw() -> None:
    page = b"""<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>
    <p class="byline">Von Anna Weber und Jonas Kraus, dpa</p>
    <p>Der Damm wurde am Montag eroeffnet, nach vier Jahren Bauzeit und viel Streit.</p>
    </article></body></html>"""
    article = extract(page, "https://news.test/a/1")
    assert article.authors == ["Anna Weber", "Jonas Kraus"]
    assert article.authors_raw == "Von Anna Weber und Jonas Kraus, dpa"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Von Anna Weber", ["Anna Weber"]),
        ("Par Sébastien Farcis", ["Sébastien Farcis"]),
        ("Por María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Door Jan de Vries en Els Bakker", ["Jan de Vries", "Els Bakker"]),
        ("Di Marco Rossi e Giulia Bianchi", ["Marco Rossi", "Giulia Bianchi"]),
        ("Autor: Piotr Nowak", ["Piotr Nowak"]),
        ("Przez Piotr Nowak", ["Piotr Nowak"]),
        ("كتب أحمد حسن", ["أحمد حسن"]),
        ("بقلم أحمد حسن", ["أحمد حسن"]),
        # dates, times, roles, agencies and labels around the names
        ("By Nathan Willis March 25, 2015", ["Nathan Willis"]),
        ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"]),
        ("James Akinaka • 8h", ["James Akinaka"]),
        ("Aleš Vávra před 2 hodinami", ["Aleš Vávra"]),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", ["Rob Ewaschuk"]),
        ("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU", ["Daniel Kahn Gillmor"]),
        ("Jane Doe/AFP", ["Jane Doe"]),
        ("Jane Doe (Reuters)", ["Jane Doe"]),
        ("By Erin Cunningham Follow @erinmcunningham", ["Erin Cunningham"]),
        ("Richard (R.J.) Eskow", ["Richard (R.J.) Eskow"]),
        ("Bruno (Henrique Zecchin) Rodrigues", ["Bruno (Henrique Zecchin) Rodrigues"]),
        ("AFP", ["AFP"]),
        ("Redaktion", ["Redaktion"]),
        # other scripts: vowel signs (Devanagari, Thai), lead-ins and roles
        ("By राहुल शर्मा", ["राहुल शर्मा"]),
        ("โดย สมชาย ใจดี", ["สมชาย ใจดี"]),
        ("Текст: Иван Петров", ["Иван Петров"]),
        ("记者 王小明", ["王小明"]),
        ("本报记者 王小明", ["王小明"]),
        ("撰文：王小明", ["王小明"]),
        ("홍길동 기자", ["홍길동"]),
        ("글·사진 홍길동", ["홍길동"]),
        ("김철수 기자, 이영희 특파원", ["김철수", "이영희"]),
        # a nickname in quotes inside a name
        ('By Amanda "Tania Mae" Tan', ['Amanda "Tania Mae" Tan']),
    ],
)
def test_split_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("记者：张明 编辑：李华", ["张明"]),
        ("By Jane Doe, Editor: John Roe", ["Jane Doe"]),
        ("Por María López. Edición: Juan Pérez", ["María López"]),
        ("Von Anna Weber, Redakteurin: Lea Kraus", ["Anna Weber"]),
    ],
)
def test_editor_named_beside_the_author_is_no_author(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


@pytest.mark.parametrize(
    "line",
    [
        "By definition of the matrix H = H*",
        "by at least two votes",
        "Follow",
        "By",
        # an editor's credit, in brackets or not
        "【责任编辑：李华】",
        "（编辑：李华）",
        "編集：山田太郎",
        "Editor: John Roe",
        "Edición: Juan Pérez",
    ],
)
def test_no_names_in_lines_that_are_no_byline(line: str) -> None:
    assert split_names(line) == []


def test_byline_in_a_header_with_navigation_modifiers() -> None:
    # A BEM modifier naming navigation says how the header looks, not what it is.
    page = """<html><head><meta name="author" content="Condé Nast"></head><body><main>
    <header class="content-header content-header--simple-navigation"><h1>Banks</h1>
    <div class="byline"><a class="byline__name-link" href="/contributor/mw">Molly Wood</a>
    </div></header><p>Text.</p></main><footer>Copyright (c) Condé Nast 2019</footer>
    </body></html>"""
    assert _authors(page)[0] == ["Molly Wood"]


def test_agency_and_dateline_in_two_elements() -> None:
    page = """<html><body><h1>Trade talks</h1><div class="article-author">
    <a class="article-author__name">Reuters,</a> <span class="article-author__name">Washington,
    </span> Nov 20 2019, 11:06am</div><p>Text.</p></body></html>"""
    assert _authors(page)[0] == ["Reuters"]


def test_meta_author_that_is_the_page_s_editor_is_no_author() -> None:
    # The CMS fills <meta name="author"> with the editor on duty; the page names
    # no writer and credits the editor at the end.
    page = """<html lang="zh"><head><meta name="editor" content="李华">
    <meta name="author" content="李华"></head><body><h1>大桥重建</h1>
    <p>市议会周一开会，同意重建大桥。</p><p>【责任编辑：李华】</p></body></html>"""
    assert _authors(page)[0] == []


def test_meta_author_beside_a_different_editor_stays() -> None:
    page = """<html lang="zh"><head><meta name="editor" content="李华">
    <meta name="author" content="张明"></head><body><h1>大桥重建</h1>
    <p>市议会周一开会，同意重建大桥。</p></body></html>"""
    assert _authors(page)[0] == ["张明"]


@pytest.mark.parametrize(
    ("byline", "language", "names"),
    [
        # Chinese bylines list names apart after the reporter's lead-in.
        ("记者：张明 李华", "zh", ["张明", "李华"]),
        ("本报记者 欧阳明华 王芳", "zh", ["欧阳明华", "王芳"]),
        # roles and the dateline between and after the names
        ("记者 张明 实习生 李华 北京报道", "zh", ["张明", "李华"]),
        # Japanese writes one name with a space between family and given name.
        ("編集委員　中沢 克二", "ja", ["中沢 克二"]),
        ("中沢 克二", "ja", ["中沢 克二"]),
        ("編集委員　中沢克二", "ja", ["中沢克二"]),
        # No lead-in, no Japanese: words apart are a sentence, not names.
        ("史蒂文的家 發表在 痞客邦", "zh", []),
    ],
)
def test_names_in_chinese_characters_written_apart(
    byline: str, language: str, names: list[str]
) -> None:
    assert split_names(byline, language=language) == names


def test_byline_set_inside_the_headline_under_a_line_break() -> None:
    page = """<html lang="ja"><head><meta name="author" content="日本経済新聞社">
    <meta property="og:site_name" content="日本経済新聞社"></head><body>
    <h1><span>橋の再建が決まる</span><br><span>編集委員　中沢 克二</span></h1>
    <p>市議会は月曜日に会合を開き、橋の再建に合意した。</p></body></html>"""
    assert _authors(page, "https://news.test/a/1")[0] == ["中沢 克二"]


def test_headline_opening_like_a_lead_in_is_no_byline() -> None:
    page = """<html lang="en"><body><h1><span>By the numbers</span>: a bridge</h1>
    <p>The council met on Monday and agreed to rebuild the bridge.</p></body></html>"""
    assert _authors(page)[0] == []
