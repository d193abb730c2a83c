"""Where dates are read: extractors/metadata/pagedates.py, and numeric date orders
(extractors/metadata/dates.py), on small pages written by hand."""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.metadata import visible_date
from extractors.metadata.dates import parse_date
from extractors.page.load import load

# A body long enough to be an article, with no date in it.
TEXT = "<p>" + "The council met on Monday and agreed to rebuild the bridge. " * 4 + "</p>"


def _visible(lang: str, body: str) -> str | None:
    page = f'<html lang="{lang}"><body><h1>Bridge</h1>{body}{TEXT}</body></html>'
    found = visible_date(load(page.encode()).tree, lang)
    return found.iso if found else None


@pytest.mark.parametrize(
    ("lang", "line", "iso"),
    [
        ("ja", "投稿日 19/4/14", "2019-04-14"),  # year first in Japanese
        ("zh-CN", "发布时间 19/4/14", "2019-04-14"),
        ("ko", "입력 19.04.14", "2019-04-14"),
        ("sv", "Publicerad 19-04-14", "2019-04-14"),
        ("fr", "Publié le 19/4/14", "2014-04-19"),  # day first elsewhere
        ("en-US", "Posted 4/5/2022", "2022-04-05"),  # month first in the US
        ("en-GB", "Posted 4/5/2022", "2022-05-04"),
        ("hu", "Közzétéve: 2022. 04. 21.", "2022-04-21"),
        ("hu", "2022. április 21.", "2022-04-21"),
        ("ja", "2022年4月21日 10:30", "2022-04-21T10:30:00"),
        ("ko", "2022년 4월 21일", "2022-04-21"),
        # Digits of other scripts: Arabic-Indic, Persian, Devanagari, Bengali, Burmese.
        ("ar", "نشر في ١٢ أغسطس ٢٠١٣", "2013-08-12"),
        ("ur", "شائع ہوا: ۱۲/۰۸/۲۰۱۳", "2013-08-12"),
        ("hi", "प्रकाशित: २६ अक्टूबर २०१८", "2018-10-26"),
        ("bn", "প্রকাশ: ২৬ অক্টোবর ২০১৮", "2018-10-26"),
        ("my", "၂၆ အောက်တိုဘာ ၂၀၁၈", "2018-10-26"),
        # Month names written with combining vowel signs (Thai, Hindi).
        ("th", "เผยแพร่ 21 กุมภาพันธ์ 2019", "2019-02-21"),
        ("hi", "प्रकाशित: 26 अक्टूबर 2018", "2018-10-26"),
        # Thai dates in the Buddhist Era, with an abbreviated month ("ม.ค.", January).
        ("th", "เผยแพร่ 21 ม.ค. 2562 13:49 น.", "2019-01-21T13:49:00"),
    ],
)
def test_date_line_as_the_language_writes_it(lang: str, line: str, iso: str) -> None:
    assert _visible(lang, f'<p class="date">{line}</p>') == iso


def test_other_dates_on_the_page_decide_the_order() -> None:
    # "en" alone says nothing of the order; the teaser list's "12/25/2021" does.
    teasers = '<ul class="related"><li>Earlier story, 12/25/2021</li></ul>'
    assert _visible("en", f'<p class="date">04/05/2022</p>{teasers}') == "2022-04-05"
    teasers = '<ul class="related"><li>Earlier story, 25/12/2021</li></ul>'
    assert _visible("en", f'<p class="date">04/05/2022</p>{teasers}') == "2022-05-04"


def test_two_digit_year_first_only_where_the_language_writes_it() -> None:
    assert parse_date("19/4/14", "ja").iso == "2019-04-14"  # type: ignore[union-attr]
    assert parse_date("19/4/14", "de").iso == "2014-04-19"  # type: ignore[union-attr]


def test_url_date_is_the_last_resort_and_says_so() -> None:
    url = "https://news.test/2024/03/06/bridge-reopens/"
    page = f"<html><body><h1>Bridge reopens</h1>{TEXT}</body></html>".encode()
    article = extract(page, url)
    assert article.published == "2024-03-06"
    assert article.published_raw == url


def test_url_date_never_overrides_the_page() -> None:
    url = "https://news.test/2024/03/06/bridge-reopens/"
    page = f"""<html><head><meta property="article:published_time"
    content="2024-03-07T08:00:00+01:00"></head><body><h1>Bridge reopens</h1>{TEXT}
    </body></html>""".encode()
    article = extract(page, url)
    assert article.published == "2024-03-07T08:00:00+01:00"
    assert article.published_raw == "2024-03-07T08:00:00+01:00"


def test_no_date_in_the_url_no_date() -> None:
    page = f"<html><body><h1>Bridge reopens</h1>{TEXT}</body></html>".encode()
    assert extract(page, "https://news.test/news/bridge-reopens-2024").published is None


@pytest.mark.parametrize(
    ("lang", "line", "iso"),
    [
        ("pt-BR", "sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
        ("es", "22 de octubre de 2010", "2010-10-22"),
    ],
)
def test_dates_with_de(lang: str, line: str, iso: str) -> None:
    assert _visible(lang, f"<span>{line}</span>") == iso


def test_date_of_a_microformats_entry_inside_a_widget_is_the_article_s() -> None:
    # Blogger wraps the post in "widget" blocks; the post itself is an "hentry".
    body = """<div class="widget Blog"><div class="blog-post hentry"><div class="post-meta">
    <span class="post-date">October 06, 2018</span></div></div></div>"""
    assert _visible("en", body) == "2018-10-06"


def test_date_in_the_article_s_own_header_outside_any_article() -> None:
    body = """<header class="site-header">Tuesday, November 19, 2019</header>
    <header class="article-header"><p>November 18, 2019 11:03 PM</p></header>"""
    assert _visible("en", body) == "2019-11-18T23:03:00"


def test_raw_date_keeps_the_page_s_digits() -> None:
    page = extract(
        f'<html lang="ar"><body><h1>Bridge</h1><p>نشر في ١٢ أغسطس ٢٠١٣</p>{TEXT}</body></html>',
        "https://news.test/a",
    )
    assert (page.published, page.published_raw) == ("2013-08-12", "١٢ أغسطس ٢٠١٣")


def _page_date(html: str) -> str | None:
    return extract(html, "https://news.test/a").published


def test_site_s_today_date_in_a_div_named_header_is_no_publication_date() -> None:
    # The site's bar above the article, a <div> with a class of its own and an id
    # naming the header, shows today's date; the article states none.
    page = f"""<html lang="en"><body><div id="header-wrap" class="line"><div class="bar">
    <div id="date-box">Mon, 25 Dec 2023</div></div></div>
    <div id="content"><h1>Bridge</h1>{TEXT}</div></body></html>"""
    assert _page_date(page) is None


def test_date_in_a_header_holding_the_headline_is_the_article_s() -> None:
    page = f"""<html lang="en"><body><div id="masthead">Welcome</div>
    <div class="page-header"><h1>Bridge</h1><span>14 May 2020 17:55</span></div>
    {TEXT}</body></html>"""
    assert _page_date(page) == "2020-05-14T17:55:00"


def test_blogger_date_header_before_the_post_is_the_post_s_date() -> None:
    # Blogger sets the post's date in an <h2 class="date-header"> before the
    # "hentry" that holds the post.
    page = f"""<html lang="en"><body><div class="date-outer">
    <h2 class="date-header"><span>Monday, May 4, 2020</span></h2>
    <div class="post hentry"><h1>Bridge</h1>{TEXT}</div></div></body></html>"""
    assert _page_date(page) == "2020-05-04"
