"""Hand-made pages, one per kind of loss the generic extractor had: tests/extractors/pages/.

Each folder holds ``source.html`` and ``expected.txt``, the body written by hand
from the page (paragraphs separated by a blank line; a table row's cells joined
by " | "). The generic path must give exactly those paragraphs, in that order,
and so must our own rules without the readability-lxml fallback.

- ``ad-labels-between-paragraphs``: the label of an ad slot ("Advert", "Werbung")
  standing alone between a review's paragraphs.
- ``addresses-written-out``: shop links that show their own address
  ("http://shop.example/a1", "www.editore.example"), each on its own line, and
  a link to a section of the site, which is navigation.
- ``arabic-questions-as-sentences``: a one-line question (ending in "؟") as the
  story's lede, outside the container of its paragraphs, a question most of whose
  words are two links, and a date stamp with an Arabic comma ("20 نوفمبر، 2019").
- ``bem-named-captions-in-the-story``: a French story whose photos' captions sit
  in its container as divs named the BEM way ("article__media-caption"), no
  ``<figure>``, each caption longer than a paragraph.
- ``chinese-brief-in-a-page-of-boxes``: a four-paragraph story in Chinese, short
  in characters, in a ``<main>`` beside boxes of headlines and the weather.
- ``chinese-lede-outside-container``: a one-sentence lede in Chinese, a link in
  it, outside the container of the story's paragraphs.
- ``chinese-reviews-under-linked-titles``: a review list in Chinese, each title a
  link over a paragraph of a hundred-odd characters (no spaces, as Chinese writes).
- ``chinese-sentences-with-dates-and-links``: Chinese sentences holding a numeric
  date and numbers, or mostly links, beside a date stamp that is not article text.
- ``chinese-source-and-byline-lines``: a "published at" line (发布时间：...), an
  author line (作者：...) and a "related reading" lead-in run on into its
  headline without a space (相关阅读...), inside a Chinese story's container,
  beside "发布会" (a press conference) in a sentence.
- ``chinese-story-in-short-paragraphs``: a story in Chinese cut into one-line
  paragraphs of a dozen characters, beside a box with one longer paragraph.
- ``credit-and-caption-spans-between-paragraphs``: a Polish story whose photos'
  credits and caption are spans classed "credit" and "caption", each alone in
  its div or paragraph between the story's paragraphs.
- ``dated-list-items``: a timeline and a list of sources whose items are mostly
  dates ("4 May 2022: cracks found"), below a dateline that is not article text.
- ``donation-appeal-inside-the-story``: an appeal for readers' support (a heading,
  two paragraphs, a link) at the end of a Spanish story's container, in a box whose
  class names a call to action ("widget-cta-appeal").
- ``features-with-learn-more-links``: a list of features, each a heading, a
  description and a "Learn more about..." link, so that half the items are links.
- ``formulas-in-sentences``: a Spanish explainer whose sentences hold formulas
  as MathJax writes them (a container classed "CtxtMenu_Attached_0", the glyphs
  hidden, the MathML beside them), one formula on a line of its own.
- ``headline-and-standfirst-in-a-header-div``: a Dutch page without HTML5 tags
  whose headline, standfirst and byline sit in one div that, with the headline's
  bonus, outscores the story's paragraphs two levels down in the next div.
- ``headline-in-an-h2-beside-longer-posts``: a Portuguese blog post with no
  ``<h1>``, its headline an ``<h2>`` that spells the title's "..." as "…", beside
  two teaser ``<article>``s whose excerpts outscore it.
- ``hidden-text-longer-than-the-story``: a ``display: none`` block (terms of use)
  holding more text than the story beside it, and a ``hidden`` newsletter box.
- ``hindi-short-lede-outside-container``: a Hindi story whose one-sentence lede,
  shorter than a paragraph and ending with a danda (।), sits outside the container
  of its paragraphs.
- ``how-to-with-short-steps``: a how-to cut into steps, each wrapped alike
  (div.step > div > div > h3, p), two of them one short sentence.
- ``intro-above-a-longer-list``: three intro paragraphs, then a list of twelve
  tips nested four levels down (an embed), whose votes outweigh the intro's.
- ``japanese-update-and-related-lines``: a "last updated" line (最終更新) and a
  "related articles" label (【関連記事】) below a Japanese story.
- ``korean-column-signed-with-an-address``: a Korean column whose last line is
  the columnist's name and a linked e-mail address, more Latin letters than
  Hangul but less text, as its English twin would be.
- ``lede-outside-container``: the first paragraph in its own div before the body's,
  written like them (the body's paragraph class); a byline with a date beside it.
- ``linked-clauses-in-sentences``: a sentence most of whose words are two links
  (clauses linked to earlier stories), above a list of linked headlines.
- ``linked-headings-over-reviews``: a review list whose headings are all link (to
  the thing reviewed), each over a paragraph of three sentences.
- ``list-article-in-a-minified-table``: an Italian list article served minified:
  two intro paragraphs, then a table (caption, header row, twelve rows of
  sentences) whose body outvotes them, the headline above the content's container.
- ``live-blog-below-its-standfirst``: a Spanish live blog whose entries are
  ``<article>``s in a feed container, its one-line standfirst beside that
  container; each entry outscores the ``<main>`` around the headline.
- ``negated-class-words``: list items whose class says what they lack or hold
  ("no_caption", "with-caption"), in a wrapper marked "no-sidebar".
- ``numbers-in-lists-and-headings``: list items and headings that are short and
  full of numbers ("GDP growth 2023: 1.2%", "Outlook for 2025-26"), beside a
  dateline and an "Updated" line that are not article text.
- ``people-cards-inside-sentences``: a person's name in a sentence opens a hover
  card (photo, name, their latest headlines), beside a file link with an icon.
- ``photo-gallery-inside-the-story``: a Swedish story whose container holds a
  photo gallery named in camelCase ("articleGallery": each slide's title, one
  title repeated, a "hide caption" control and a pager) and a slider whose
  slides repeat one caption as paragraphs.
- ``sentences-that-open-like-furniture``: a table head "By district | By age"
  (no byline), list items opening with "Related to..." and "Recommended..."
  (no read-also links), beside a real "Related: <link>" line.
- ``slideshow-legends-inside-the-story``: a slideshow's legends (a list of five,
  each "1/5 <title>" over a caption longer than the story's paragraphs) inside a
  Dutch story, beside a list of quantities ("1/2 kilo roggemeel") that stays.
- ``standfirst-written-as-a-div``: a German story's standfirst as the text of a
  ``<div>`` (no ``<p>``), beside the container of its paragraphs, a photo between.
- ``story-as-text-between-line-breaks``: a Turkish story written directly in its
  ``<article>``, its paragraphs separated by ``<br><br>``, no ``<p>``.
- ``story-as-spans-between-line-breaks``: a Romanian story whose sentences are
  ``<span>``s (and a link) between ``<br>``s in its container, an empty ad slot
  among them, beside a box of most-read headlines.
- ``story-as-text-directly-in-the-body``: a Vietnamese story written directly in
  the ``<body>`` between ``<br>``s, under a line of links and the headline.
- ``story-beside-longer-related-list``: a four-paragraph story beside a feed of
  twelve teaser cards whose summaries hold more text than the story.
- ``story-with-camelcase-class-names``: a German story whose site names its
  classes in camelCase ("shareButtons", "newsletterSignup", "relatedArticles",
  "ArticleBody_text__x8Rt2"), a newsletter box and related links inside the body.
- ``story-with-long-comment-thread``: a three-paragraph story above fifteen
  reader comments, in Dutch.
- ``story-in-a-modal-over-the-feed``: the story in a container whose class says
  "modal" and "overlay", opened over a longer feed of teasers.
- ``story-in-custom-elements``: an Indonesian story as an Angular site serves
  it, every container a custom element (``<app-article-page>``, its paragraphs
  ``<app-paragraph>``s, two with custom elements inside a sentence, one inside
  another), beside
  ``<app-share-buttons>``, ``<app-ad-slot>`` and ``<app-related-news>`` whose
  cards have paragraphs of their own.
- ``story-in-div-paragraphs-in-a-share-wrapper``: a Portuguese story written in
  ``<div>`` paragraphs (no ``<p>``), in a wrapper whose id names share buttons,
  on a page whose sidebar and footer hold more text than the story.
- ``story-below-an-article-header-div``: a page without HTML5 tags whose
  standfirst and byline sit in a div classed "article-header" under the headline,
  the story's paragraphs two levels down in the next div.
- ``story-in-a-layout-table``: a Swedish story in the middle cell of a layout
  table (menu, story, latest headlines with commas in every line).
- ``story-in-classless-chunks``: a French story cut into three chunks (div > div
  > p, empty ad slots between) on a page with no class or id, beside a list of
  linked headlines wrapped the same way.
- ``story-in-classless-div-sections``: a Polish story in three sections, each
  div > div > div (its paragraphs written as divs, no ``<p>``) beside an empty
  div, on a page with no class or id.
- ``story-in-classless-sections``: an Italian story in three sections, each
  div > div > p beside an empty div, on a page with no class or id.
- ``teaser-summaries-below-the-story``: four teasers (a linked headline over a
  one-sentence summary) in the story's own container, in Spanish, beside one cited
  link with a sentence about it, which is article text.
- ``tables-and-lists-in-article``: a table with header cells, nested lists, a
  heading and a quotation inside the article.
- ``translated-docs-with-english-anchors``: documentation translated into Chinese
  that keeps the original's anchors as section ids ("sharing-changes-with-other-
  developers" over "与其他开发者共享更改"), beside a box of reader comments.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.etree
import pytest

from extractors import extract, load_page
from extractors.generic import generic_blocks, generic_paragraphs
from extractors.metadata import read_metadata
from extractors.page.tree import itemprops

PAGES = Path(__file__).resolve().parent / "pages"
NAMES = sorted(path.name for path in PAGES.iterdir() if (path / "source.html").is_file())
URL = "https://news.example/2024/03/12/story/"


def _expected(name: str) -> list[str]:
    text = (PAGES / name / "expected.txt").read_text(encoding="utf-8")
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def test_every_page_has_an_expected_body() -> None:
    assert NAMES, f"no pages in {PAGES}"
    for name in NAMES:
        assert _expected(name), f"{name}/expected.txt is empty"


@pytest.mark.parametrize("name", NAMES)
def test_generic_body_is_the_hand_written_one(name: str) -> None:
    source = (PAGES / name / "source.html").read_bytes()
    got = extract(source, URL, generic=True).body.split("\n\n")
    want = _expected(name)
    lines = [f"  missing: {p[:100]!r}" for p in want if p not in got]
    lines += [f"  extra:   {p[:100]!r}" for p in got if p not in want]
    assert got == want, "\n".join(lines) or "  (the same paragraphs in another order)"


@pytest.mark.parametrize("name", NAMES)
def test_our_rules_alone_give_it(name: str) -> None:
    """The same body without the readability-lxml fallback: each page tests a rule
    of ours, which a fallback that reads the page well could hide."""
    page = load_page((PAGES / name / "source.html").read_bytes(), URL)
    props = itemprops(page.tree) if page.has_microdata else {}
    title = read_metadata(page.tree, page.url, props).title
    assert generic_paragraphs(page.tree, title, props, fallback=False) == _expected(name)


def test_the_blocks_keep_the_structure_of_the_article() -> None:
    source = (PAGES / "tables-and-lists-in-article" / "source.html").read_bytes()
    tree = lxml.etree.fromstring(source, lxml.etree.HTMLParser())
    found = generic_blocks(tree, "Wo die Mieten am stärksten steigen")
    kinds = [(b.kind, b.level, b.ordered) for b in found]
    assert kinds == [
        ("paragraph", 0, False),
        *[("row", 0, False)] * 6,
        ("paragraph", 0, False),
        ("item", 1, False),
        ("item", 1, False),
        ("item", 2, False),
        ("item", 2, False),
        ("item", 1, False),
        ("heading", 2, False),
        ("quote", 0, False),
        ("paragraph", 0, False),
    ]
    header, first = found[1], found[2]
    assert [(c.text, c.header) for c in header.cells] == [
        ("Stadt", True),
        ("2022", True),
        ("2023", True),
        ("Veränderung", True),
    ]
    assert [c.text for c in first.cells] == ["Berlin", "11,50 €", "12,10 €", "+5,2 %"]
    assert not any(c.header for c in first.cells)
    items = [b for b in found if b.kind == "item"]
    assert items[0].list == items[1].list == items[4].list != items[2].list == items[3].list


# Opening tags of blocks, outside <pre> (whose whitespace is text): where a page
# written by an editor or a pretty-printer puts a line break and an indentation.
_BLOCK_TAG = re.compile(r"<(?=(?:p|div|li|ul|ol|table|tr|td|th|h[1-6]|section|article)[\s>])")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)


def _indented(source: str) -> str:
    """``source`` with a line break and twelve spaces before each block's tag: the
    same page to a reader, as a pretty-printer or a template would serve it."""
    parts = _PRE.split(source)
    return "".join(
        part if i % 2 else _BLOCK_TAG.sub("\n            <", part) for i, part in enumerate(parts)
    )


@pytest.mark.parametrize("name", NAMES)
def test_indentation_changes_nothing(name: str) -> None:
    """Whitespace between tags is no text: a paragraph's length, and a list item's
    share of text in links, are the same on a minified page and an indented one."""
    source = (PAGES / name / "source.html").read_text(encoding="utf-8")
    assert extract(_indented(source), URL, generic=True).body.split("\n\n") == _expected(name)
