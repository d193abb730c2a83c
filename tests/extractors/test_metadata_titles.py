"""Titles: extractors/metadata/titles.py, on small pages written by hand."""

from __future__ import annotations

from extractors.metadata import read_metadata
from extractors.page.load import load


def _title(head: str, body: str = "", url: str | None = "https://news.test/a/1") -> str | None:
    page = f"<html><head>{head}</head><body>{body}<p>Text.</p></body></html>"
    return read_metadata(load(page.encode()).tree, url).title


def test_section_label_and_site_suffix_are_removed() -> None:
    head = """<title>Opinion | The Case for Slower Trains - The New York Times</title>
    <meta property="og:site_name" content="The New York Times">"""
    assert _title(head) == "The Case for Slower Trains"


def test_agreement_with_the_h1_removes_any_decoration() -> None:
    head = "<title>Opinion | The Case for Slower Trains - Daily Planet</title>"
    body = "<article><h1>The Case for Slower Trains</h1></article>"
    assert _title(head, body) == "The Case for Slower Trains"


def test_chinese_site_and_section_after_underscores() -> None:
    head = """<title>宇航员在太空中喝酒会怎么样_探索者_光明网</title>
    <meta property="og:site_name" content="光明网">
    <meta property="article:section" content="探索者">"""
    assert _title(head) == "宇航员在太空中喝酒会怎么样"


def test_subreddit_prefix() -> None:
    head = "<title>r/AskHistorians - How were medieval bridges built?</title>"
    assert _title(head) == "How were medieval bridges built?"


def test_site_named_by_the_host() -> None:
    head = "<title>Friday Facts #282 - 0.17 in sight | Factorio</title>"
    assert _title(head, url="https://www.factorio.com/blog/post/fff-282") == (
        "Friday Facts #282 - 0.17 in sight"
    )


def test_short_capitalized_suffix_is_taken_for_the_site() -> None:
    head = "<title>Friday Facts #282 - 0.17 in sight | Factorio</title>"
    assert _title(head, url=None) == "Friday Facts #282 - 0.17 in sight"


def test_lower_case_subtitle_is_not_a_site_name() -> None:
    head = "<title>How we designed the task queue - an async task framework</title>"
    assert _title(head, url=None) == "How we designed the task queue - an async task framework"


def test_headline_alone_before_a_site_suffix_stays() -> None:
    # Without the site's name, "Brexit | The Telegraph" cannot tell headline from site.
    assert _title("<title>Brexit | The Telegraph</title>", url=None) == "Brexit | The Telegraph"
    head = """<title>Brexit | The Telegraph</title>
    <meta property="og:site_name" content="The Telegraph">"""
    assert _title(head) == "Brexit"


def test_most_sources_win_over_the_social_headline() -> None:
    head = """<title>Why Neon Is the Ultimate Symbol of the Century - CityLab</title>
    <meta property="og:title" content="The Modern Ambitions Behind Neon">
    <meta property="og:site_name" content="CityLab">"""
    body = "<h1>Why Neon Is the Ultimate Symbol of the Century</h1>"
    assert _title(head, body) == "Why Neon Is the Ultimate Symbol of the Century"


def test_structured_headline_first_when_sources_tie() -> None:
    head = """<title>Vision Pro hands-on: the Retina moment - The Verge</title>
    <meta property="og:title" content="Vision Pro is the Retina moment">
    <meta property="og:site_name" content="The Verge">
    <script type="application/ld+json">{"@type": "NewsArticle",
     "headline": "Vision Pro hands-on: the Retina moment"}</script>"""
    body = "<h1>Vision Pro is the Retina moment</h1>"
    assert _title(head, body) == "Vision Pro hands-on: the Retina moment"


def test_kicker_shown_in_the_h1_is_kept() -> None:
    head = """<title>Marokko – Koalition tagt in Rabat - Marokko Aktuell</title>
    <meta property="og:site_name" content="Marokko Aktuell">
    <meta property="article:section" content="Marokko">"""
    body = "<article><h1>Marokko – Koalition tagt in Rabat</h1></article>"
    assert _title(head, body) == "Marokko – Koalition tagt in Rabat"


def test_logo_heading_is_the_site_not_the_headline() -> None:
    head = "<title>Customize Firefox — The most flexible browser — Mozilla</title>"
    body = """<header><h1 class="logo"><a href="/">Mozilla</a></h1></header>
    <main><h1>Customize Firefox — The most flexible browser</h1></main>"""
    assert _title(head, body) == "Customize Firefox — The most flexible browser"


def test_space_separated_meta_properties() -> None:
    head = """<meta property="dc:title og:title" content="Preferred title">
    <title>Preferred title - Site</title>"""
    assert _title(head) == "Preferred title"


def test_double_hyphen_before_the_site_name_is_a_separator() -> None:
    head = """<title>Council votes to close the old bridge -- Harbour Notes</title>
    <meta property="og:site_name" content="Harbour Notes">"""
    assert _title(head) == "Council votes to close the old bridge"
    # The <h1> agrees with the part before the "--" when no source names the site.
    body = "<article><h1>Council votes to close the old bridge</h1></article>"
    head = "<title>Council votes to close the old bridge -- Harbour Notes</title>"
    assert _title(head, body, url=None) == "Council votes to close the old bridge"


def test_unspaced_hyphen_between_chinese_characters_is_a_separator() -> None:
    head = "<title>城市地铁新线今日开通 沿线居民出行更方便-江南日报</title>"
    body = "<article><h1>城市地铁新线今日开通 沿线居民出行更方便</h1></article>"
    assert _title(head, body, url=None) == "城市地铁新线今日开通 沿线居民出行更方便"
    head += '<meta property="og:site_name" content="江南日报">'
    assert _title(head) == "城市地铁新线今日开通 沿线居民出行更方便"


def test_hyphen_between_korean_or_latin_words_is_no_separator() -> None:
    # "북-미": North Korea and the US; the site is not named, nothing is cut.
    assert _title("<title>북-미 정상회담 다음 달 열린다</title>", url=None) == (
        "북-미 정상회담 다음 달 열린다"
    )
    head = """<title>Jong-un meets Moon-jae in Seoul</title>
    <meta property="og:site_name" content="Moon">"""
    assert _title(head) == "Jong-un meets Moon-jae in Seoul"


def test_fullwidth_bar_before_the_site_name_is_a_separator() -> None:
    head = """<title>新しい図書館が駅前に開館｜みなと新聞</title>
    <meta property="og:site_name" content="みなと新聞">"""
    assert _title(head) == "新しい図書館が駅前に開館"


def test_colon_before_the_site_name_ends_the_headline() -> None:
    head = """<title>新しい図書館が駅前に開館：みなと新聞デジタル</title>
    <meta property="og:site_name" content="みなと新聞デジタル">"""
    assert _title(head) == "新しい図書館が駅前に開館"
    # A colon inside the headline stays: the part after it names no site.
    head = """<title>外国专家：中美合作共赢符合国际社会利益 - 江南日报</title>
    <meta property="og:site_name" content="江南日报">"""
    assert _title(head) == "外国专家：中美合作共赢符合国际社会利益"


def test_headline_stated_alone_beats_a_trail_of_sections_around_it() -> None:
    # No source names the site: "Harbour Daily Notes" is cut as a guess, the
    # sections before it stay; twitter:title states the headline alone.
    trail = "Council votes to close the old bridge » Local » News » Harbour Daily Notes"
    head = f"""<title>{trail}</title><meta name="title" content="{trail}">
    <meta name="twitter:title" content="Council votes to close the old bridge">"""
    assert _title(head) == "Council votes to close the old bridge"


def test_spaces_around_fullwidth_marks_do_not_set_sources_apart() -> None:
    # og:title writes "開館（写真", the JSON-LD headline and <title> "開館　（写真", with
    # the site's name after a colon, a name no source gives in that form.
    decorated = "新しい図書館が駅前に開館　（写真＝共同）　：みなと新聞"
    head = f"""<title>{decorated}</title>
    <meta property="og:title" content="新しい図書館が駅前に開館（写真＝共同）">
    <meta property="og:site_name" content="みなと新聞 電子版">
    <script type="application/ld+json">
    {{"@type": "NewsArticle", "headline": "{decorated}"}}</script>"""
    assert _title(head) == "新しい図書館が駅前に開館（写真＝共同）"


def test_only_h1_in_a_page_frame_classed_as_navigation_is_the_headline() -> None:
    # The frame around the whole page carries a navigation class ("blq-int-nav" at
    # bbc.co.uk): it holds the only <h1> and most of the page's text.
    head = "<title>Mayor apologises for illegal extension - Daily Planet - Asia</title>"
    text = "<p>" + "The mayor said sorry for the extension built without a permit. " * 5
    body = f"""<div class="page-int-nav"><div id="content">
    <h1>Mayor apologises for illegal extension</h1>{text}</p></div></div>
    <div class="links">Home News Sport</div>"""
    assert _title(head, body) == "Mayor apologises for illegal extension"
