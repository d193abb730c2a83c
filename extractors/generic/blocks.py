"""Turn article containers into blocks, and drop the lines that are not article.

The containers are cut by :mod:`~extractors.generic.walk` (one :class:`Block` per
paragraph, heading, list item and table row, with its structure; ``blocks`` and
``Block`` are re-exported here, where callers have always found them). A
container chosen by the scorer still holds small non-article blocks: inline
"read also" links, date lines, bylines, captions, labels. Each rule below names a
kind of line and catches it in any language we know the words of.
"""

from __future__ import annotations

import re

from extractors.caseless import Caseless
from extractors.generic.walk import Block, Cell, Kind, blocks
from extractors.writing import FULL_STOPS, size, word_count

__all__ = [
    "Block",
    "Cell",
    "Kind",
    "article_blocks",
    "blocks",
    "is_noise_line",
    "is_related_heading",
    "line_reason",
    "noise_reason",
    "paragraphs",
]

# A paragraph with this share of its text in links is navigation (a related link,
# a teaser, a "read the source" line), not prose.
MAX_LINK_DENSITY = 0.5
# A list item or table row is navigation only when it is almost all link: in
# articles, items and rows often link most of their words ("Thanks to X, users can
# now <a>import logins from Keepass</a>"), while menus and related lists are links
# alone. On both development corpora, items and rows between 0.5 and 0.95 of
# link text were article text 159 times out of 165. An item that is all link is
# navigation in a list of links (a related list, a menu), and article text in a
# list of prose (a changelog, a reading list with notes): the list decides.
MAX_LIST_LINK_DENSITY = 0.9
_LISTED = frozenset({"item", "row"})
# A paragraph that reads as a sentence is held to the list items' bound too:
# articles link whole clauses ("the investigation <a>was re-opened earlier this
# year</a> following <a>his eviction</a>."), while teasers, menus and related links
# are headlines, names and labels, which do not end as sentences. On both
# development corpora, 17 of the 20 paragraphs of eight words or more that end as a
# sentence and hold 0.5 to 0.9 of link text were article text. Words and sentence
# ends are those of any script (:func:`extractors.writing.word_count`; Arabic's
# "؟", Urdu's "۔").
LINKED_SENTENCE_MIN_WORDS = 8
_SENTENCE_END = re.compile(f"[{re.escape(''.join(sorted(FULL_STOPS)))}][\"'”’»)]*$")

# A heading that is all link heads a section of the article, not a teaser, when the
# paragraph under it is at least this long: a teaser's summary is a sentence or two
# (on the article-extraction benchmark, a paragraph under a linked heading that is
# not article text has at most 246 characters), while a review list's entries,
# their titles linked to the thing reviewed, run to whole paragraphs (363 to 889
# characters on the readability test pages yahoo-1 and videos-1). Measured by
# size (:func:`extractors.writing.size`), so that it holds for Chinese too.
SECTION_PROSE_CHARS = 300

# "Read also" lead-ins of inline related links, in the languages of the pages we
# serve most; a line starting with one and shorter than READ_ALSO_MAX_CHARS is a link
# to another article.
_READ_ALSO = re.compile(
    r"^\W*(?:(?:"
    r"lees (?:ook|meer)|ook interessant|bekijk ook"  # Dutch
    r"|(?:à )?lire (?:aussi|également|encore)|(?:à )?voir aussi|sur le même sujet"  # French
    r"|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|siehe auch"  # German
    r"|read (?:also|more)|see also|more on this|you may also like|also read"  # English
    # "Related" and "Recommended" alone open sentences too ("Related to each other:
    # a cache and a web server"): as a lead-in, a separator follows them.
    r"|(?:related|recommended)(?: articles?| stories|(?=\s*[:：\-–—»>]|\s*$))"
    r"|lea (?:también|más)|leer más|lee también|ver también|te puede interesar"  # Spanish
    r"|leia (?:também|mais)|veja também"  # Portuguese
    r"|leggi anche|vedi anche"  # Italian
    r"|czytaj (?:też|także|więcej)|zobacz (?:też|także)"  # Polish
    r"|читайте также|смотрите также"  # Russian
    r"|читайте також|дивіться також"  # Ukrainian
    r"|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|اقرأ المزيد|شاهد أيضا"  # Arabic
    r"|بیشتر بخوانید|همچنین بخوانید"  # Persian
    r"|קראו גם|ראו גם"  # Hebrew
    r"|läs (?:också|även|mer)|se även"  # Swedish
    r"|læs (?:også|mere)|les (?:også|mer)"  # Danish, Norwegian
    r"|lue (?:myös|lisää)"  # Finnish
    r"|čtěte (?:také|též)|přečtěte si (?:také|též)"  # Czech
    r"|citește (?:și|mai mult)|vezi (?:și|mai mult)"  # Romanian
    r"|olvassa el (?:ezt )?is"  # Hungarian
    r"|διαβάστε (?:επίσης|ακόμη)|δείτε (?:επίσης|ακόμη)"  # Greek
    r"|ayrıca (?:bakınız|okuyun)|bunu da okuyun|ilgili haberler?"  # Turkish
    r"|baca juga|lihat juga|berita terkait"  # Indonesian, Malay
    r"|xem thêm|đọc thêm|tin liên quan"  # Vietnamese
    r")\b"
    # Chinese, Japanese, Korean and Thai write no space after the lead-in
    # ("相关阅读市民热议票价调整"); Hindi's ends on a vowel sign, which no \b follows.
    r"|相关阅读|延伸阅读|相關閱讀|推荐阅读|あわせて読みたい|関連記事|관련기사|함께 보면 좋은"
    r"|อ่านเพิ่มเติม|ข่าวที่เกี่ยวข้อง|यह भी पढ़ें|ये भी पढ़ें"
    r")\s*[:：\-–—»>]?",
    re.I,
)
READ_ALSO_MAX_CHARS = 250

# Labels that stand alone on a line: ads, "breaking", share prompts.
_LABELS = re.compile(
    r"^\W*(?:advertisement|advertentie|advertising|adverts?|anzeige|werbung|publicité"
    r"|publicidad|publicidade|pubblicità|reklama|реклама|إعلان|广告|広告|sponsored"
    r"|reklam|reklame|annons|annonse|mainos|hirdetés|διαφήμιση|iklan|quảng cáo|reclamă"
    r"|פרסומת|تبلیغات|विज्ञापन|광고|โฆษณา"
    r"|breaking(?: news)?|eilmeldung|dernière minute|urgent"
    r"|عاجل|laatste nieuws|share(?: this)?|partager|teilen|delen|compartir|مشاركة"
    r"|print|imprimer|drucken|close|fermer|schließen|sluiten|cerrar)\W*$",
    re.I,
)

# Credit lines of photos and agencies: short, starting with the word for photo (in
# Chinese, Japanese and Korean, which need no space after it, with its separator:
# "图片来源：新华社", "写真：共同", "사진=연합뉴스").
_CREDIT = re.compile(
    r"^\W*(?:(?:photo|foto|image|bild|picture|crédit|credit|copyright|fotó|صورة"
    r"|φωτογραφία|фото|תמונה|عکس)\b|©"
    r"|(?:图片来源|图片|圖片|摄影|攝影|写真|撮影|사진)\s*[:：=／/])",
    re.I,
)
CREDIT_MAX_CHARS = 120

# Source lines: "Publié dans Maroc Diplomatique le 20 - 04 - 2022", "Published on
# 21 April 2022". Only short lines with a number: "Publié en 1998, le roman..." is
# a sentence, and so is any line long enough to say something.
_PUBLISHED_IN = re.compile(
    r"^\W*(?:(?:publié|publiée|published|posted|updated|mis à jour|veröffentlicht|aktualisiert"
    r"|gepubliceerd|bijgewerkt|publicado|actualizado|pubblicato|aggiornato|opublikowano"
    r"|نشر|نُشر|تم النشر)\b"
    # Chinese and Japanese run on without a space ("发布时间：", "更新日時"); "发布"
    # alone is also the start of a word ("发布会", a press conference).
    r"|(?:发布|發布|发表|發表)(?:时间|時間|日期|于|於)?(?![\u3400-\u9fff])"
    r"|更新时间|更新時間|最終更新|更新日|公開日|投稿日)",
    re.I,
)
PUBLISHED_LINE_MAX_CHARS = 120

# Bylines: "By Jane Doe", "Door Jan Jansen"; only short lines, so that "Par ailleurs,
# le ministre..." is never taken for one.
_BYLINE = re.compile(
    r"^(?:(?:by|door|par|von|por|di|przez|av|af|de|بقلم)\s+|(?:作者|記者|记者)[:：\s]\s*)\S", re.I
)
BYLINE_MAX_WORDS = 5

# Date lines: mostly digits and month or weekday words. A short line whose tokens
# are at least half numbers, with a four-digit year, is a date stamp.
# Date lines: a date (a day, a month word or number and a year, in either order, or
# a numeric date) in a short line whose tokens are mostly numbers: "21 april 2022 -
# 17:40", "السبت 23 أبريل 2022 على الساعة 00:05", "20 - 04 - 2022". A year alone is
# no date: "GDP growth 2023: 1.2%" and "Outlook for 2025-26" are article lines.
_YEAR = r"(?:19|20)\d\d(?!\d)"
# The comma a date may hold before its year, Latin or Arabic ("20 نوفمبر، 2019").
_COMMA = "[,\N{ARABIC COMMA}]"
# A month word is read possessively ("[^\W\d]++"): what follows it (".", ",", a
# space) is no letter, so giving letters back could never match, and a regex that
# tries costs a step per letter at every letter of every word.
_DATE = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*(?:{_YEAR}|\d\d(?!\d))"  # 20 - 04 - 2022
    rf"|{_YEAR}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*\d{{1,2}}(?!\d)"  # 2022-04-20
    rf"|\d{{1,2}}\.?\s+[^\W\d]++\.?{_COMMA}?\s+{_YEAR}"  # 21 april 2022, 23 أبريل 2022
    rf"|[^\W\d]++\.?\s+\d{{1,2}}(?:st|nd|rd|th)?{_COMMA}?\s+{_YEAR})"  # April 21, 2022
)
_NUMBER = re.compile(r"\d+")
DATE_LINE_MAX_WORDS = 9
# ...and characters: the date pattern is then cheap, whatever one word's length.
DATE_LINE_MAX_CHARS = 120


# Headings of related-article lists. Only the heading goes: cutting the article
# at it lost more text (inline boxes mid-article) than it saved.
_RELATED_HEADING = Caseless(
    r"^\W*(?:(?:related(?: articles?| stories| posts| content)?|more (?:stories|news|from|on)"
    r"|you (?:may|might) (?:also )?like|recommended(?: for you)?|read (?:next|more|also)"
    r"|trending|most (?:read|popular|viewed)|see also|popular (?:posts|stories)"
    r"|lees (?:meer|ook)|meer nieuws|gerelateerd|lire aussi|à lire aussi"
    r"|articles? (?:connexes|liés)"
    r"|sur le même sujet|vous aimerez aussi|auch interessant|mehr zum thema|weitere artikel"
    r"|das könnte sie auch interessieren|leia (?:também|mais)|você pode gostar|veja também"
    r"|te puede interesar|noticias relacionadas|lea también|más noticias|leggi anche"
    r"|articoli correlati|potrebbe interessarti|czytaj (?:też|także)|zobacz (?:też|także)"
    r"|podobne artykuły|читайте также|похожие статьи|اقرأ أيضا|مواضيع ذات صلة|أخبار ذات صلة"
    r")\b|相关(?:文章|新闻|阅读)|推荐阅读|関連(?:記事|ニュース))"
)
RELATED_HEADING_MAX_CHARS = 60
# "More stories from The Times": a heading may name a site or section after it.
RELATED_HEADING_MAX_WORDS_AFTER = 3
# A truncated repeat must be this long to count: "More..." is no teaser.
TEASER_MIN_CHARS = 30
# Headline-and-summary pairs in a row that make a teaser list: one or two are a
# link the article cites and a sentence about it ("<a>the summer timetable</a>",
# "It also lists the holidays"); the article-extraction benchmark's vse-diety page
# ends its article with twelve (a "most popular diets" list).
TEASER_RUN_MIN = 3

# A line that is only a URL or only a number: microdata fields (image URL, width,
# height) that CSS hides and text extraction does not.
_BARE_VALUE = re.compile(r"^\S+://\S+$")
# A line that is only a link showing its own address is a source the article cites
# or a shop it sends readers to ("http://amzn.to/2iJFhRj", "www.jeongdongtheater.com"),
# not navigation, which names where it goes: on both development corpora, all 32
# such lines the link rule dropped were article text.
_SHOWN_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)

# The patterns of is_noise_line's rules for short lines, as one: most lines match
# none, and trying them one by one, case-insensitively, costs microseconds a line.
# Each is anchored at the line's start and writes its letters in lower case, so
# that the union is a Caseless pattern (quicker on an ASCII line). Every pattern opens
# with "^", and all but the byline's with "^\W*", which the union says once: the
# regex engine then tries the lead-in words one after the other at one place.
# The date line's rule, the one rule with no pattern here, needs digits.
_RULE_PATTERNS = (
    _RELATED_HEADING,
    _LABELS,
    _READ_ALSO,
    _CREDIT,
    _PUBLISHED_IN,
    _BYLINE,
)
_LEAD = r"^\W*"
_ANY_RULE_SOURCE = (
    rf"{_LEAD}(?:"
    + "|".join(
        f"(?:{p.pattern.removeprefix(_LEAD)})"
        for p in _RULE_PATTERNS
        if p.pattern.startswith(_LEAD)
    )
    + ")|"
    + "|".join(f"(?:{p.pattern})" for p in _RULE_PATTERNS if not p.pattern.startswith(_LEAD))
)
_ANY_RULE = Caseless(_ANY_RULE_SOURCE)


def is_noise_line(
    block: Block, title: str | None = None, *, in_link_list: bool = True, heads_prose: bool = False
) -> bool:
    """True for a block that is page furniture rather than article text.

    ``in_link_list=False`` says that the block is an item of a list whose items
    are mostly not links: an item that is all link is then kept. ``heads_prose=True``
    says that the block is a heading over a long paragraph (:data:`SECTION_PROSE_CHARS`):
    a heading that is all link is then kept.
    """
    reason = noise_reason(block, title, in_link_list=in_link_list, heads_prose=heads_prose)
    return reason is not None


def noise_reason(
    block: Block, title: str | None = None, *, in_link_list: bool = True, heads_prose: bool = False
) -> str | None:
    """Which rule finds ``block`` to be page furniture, or None for article text
    (the arguments as for :func:`is_noise_line`).

    The rules, in the order they are tried: ``links`` (mostly link text),
    ``title`` (the headline again), ``bare-value`` (a lone URL), and for short
    lines ``related-heading`` ("More stories"), ``label`` ("Advertisement"),
    ``read-also`` ("Lees ook: ..."), ``credit`` ("Photo: AFP"), ``published-line``
    ("Publié dans ... le 20 - 04 - 2022"), ``byline`` ("By Jane Doe") and
    ``date-line`` ("21 april 2022 - 17:40"). A "More stories" lead-in followed
    by a headline of its own is named by the rules after ``related-heading``
    (:func:`is_related_heading`), ``related-line`` when none of them fits.

    >>> noise_reason(Block("Lees ook: Blinken ontmoet Bourita in Marrakech", 0, "p"))
    'read-also'
    >>> noise_reason(Block("De coalitie komt in mei samen in Marrakech.", 0, "p")) is None
    True
    """
    text = block.text
    density = block.link_density
    if density > MAX_LINK_DENSITY and _SHOWN_ADDRESS.match(text):
        return None  # an address the article writes out for the reader
    if (
        density > MAX_LINK_DENSITY
        and not heads_prose
        and (
            (block.kind not in _LISTED and not _is_linked_sentence(block))
            or (density > MAX_LIST_LINK_DENSITY and in_link_list)
        )
    ):
        return "links"
    if block.cells and all(cell.header for cell in block.cells):
        return None  # a table's head ("By changesets | By lines"): no byline, no date
    if title and len(text) == len(title) and text.casefold() == title.casefold():
        return "title"  # the headline is the title field, never body
    return line_reason(text, block.kind)


def line_reason(text: str, kind: Kind = "paragraph") -> str | None:
    """The rules of :func:`noise_reason` that read a line's words alone, from
    ``bare-value`` on: its verdict on a block of this ``kind`` and ``text`` that
    has no link, is no table's head and is not the title.

    >>> line_reason("Advertisement"), line_reason("21 april 2022 - 17:40 - Marokko")
    ('label', 'date-line')
    """
    if "://" in text and _BARE_VALUE.match(text):
        return "bare-value"
    if len(text) >= READ_ALSO_MAX_CHARS:
        return None  # every rule below is about short lines
    if not _ANY_RULE.match(text):
        # Most lines: no rule with a pattern matches, the date line's is left.
        return _date_line_reason(kind, text)
    lead = _RELATED_HEADING.match(text) if len(text) <= RELATED_HEADING_MAX_CHARS else None
    if lead is not None and _heads_a_list(text, lead):
        return "related-heading"
    return _short_line_reason(kind, text) or ("related-line" if lead is not None else None)


def _short_line_reason(kind: Kind, text: str) -> str | None:
    """The rule of :func:`noise_reason` for short lines, after the related heading."""
    if _LABELS.match(text):
        return "label"
    if _READ_ALSO.match(text):
        return "read-also"
    if len(text) < CREDIT_MAX_CHARS and _CREDIT.match(text):
        return "credit"
    if len(text) < PUBLISHED_LINE_MAX_CHARS and _PUBLISHED_IN.match(text) and _NUMBER.search(text):
        return "published-line"
    if _BYLINE.match(text) and not text.endswith(".") and _is_byline(text):
        return "byline"
    return _date_line_reason(kind, text)


def _date_line_reason(kind: Kind, text: str) -> str | None:
    """``"date-line"`` for a date stamp. It stands on its own line; in a list, dated
    lines are content (a timeline, references "Retrieved 2014-09-18."): on both
    development corpora every list item the date rule dropped (43, all on the
    readability pages) was article text."""
    return "date-line" if kind != "item" and _is_date_line(text) else None


def is_related_heading(text: str) -> bool:
    """True for the heading of a related-article list ("Lees meer", "More stories").

    A "read also" line names its article after the lead-in; a heading names at
    most a section or a site after it (:data:`RELATED_HEADING_MAX_WORDS_AFTER`).

    >>> is_related_heading("Lees meer"), is_related_heading("Lees ook: Blinken ontmoet Bourita")
    (True, False)
    """
    if len(text) > RELATED_HEADING_MAX_CHARS:
        return False
    lead = _RELATED_HEADING.match(text)
    return lead is not None and _heads_a_list(text, lead)


def _heads_a_list(text: str, lead: re.Match[str]) -> bool:
    """Whether ``text``, opening with a related heading's ``lead``, names at most a
    section or a site after it, as a heading does."""
    return word_count(text[lead.end() :]) <= RELATED_HEADING_MAX_WORDS_AFTER


def _is_linked_sentence(block: Block) -> bool:
    """Whether ``block`` is a paragraph that reads as a sentence (it ends as one and
    has :data:`LINKED_SENTENCE_MIN_WORDS` words or more), whose links then count as
    a list item's do (:data:`MAX_LIST_LINK_DENSITY`).

    >>> _is_linked_sentence(Block("Australian-born Assange faces a charge in the US.", 0.7, "p"))
    True
    >>> _is_linked_sentence(Block("Prosecutors drop the Assange rape inquiry", 0.9, "p"))
    False
    """
    text = block.text
    return (
        block.kind == "paragraph"
        and _SENTENCE_END.search(text) is not None
        and word_count(text) >= LINKED_SENTENCE_MIN_WORDS
    )


def _is_byline(text: str) -> bool:
    """A line opening with "By" (or its translation) is a byline when it is a few
    words (:func:`extractors.writing.word_count`), a date beside them aside: "By
    Jane Doe", "By Jane Doe, 12 March 2024".

    >>> _is_byline("By Jane Doe, 12 March 2024"), _is_byline("By the end of the year")
    (True, False)
    """
    if word_count(text) <= BYLINE_MAX_WORDS:
        return True
    # Every date has a digit: without one there is nothing to take out.
    if len(text) > DATE_LINE_MAX_CHARS or not _NUMBER.search(text):
        return False
    return word_count(_DATE.sub(" ", text)) <= BYLINE_MAX_WORDS


def _is_date_line(text: str) -> bool:
    """A short line that is mostly a date; its words are those of any script
    (:func:`extractors.writing.word_count`: a sentence in Chinese, a few numbers
    in it, is no date line).

    >>> _is_date_line("21 april 2022 - 17:40 - Marokko"), _is_date_line("GDP growth 2023: 1.2%")
    (True, False)
    """
    # A line of more space-separated words has at least as many by word_count(),
    # which need not look for unspaced scripts to tell it.
    if len(text) > DATE_LINE_MAX_CHARS or len(text.split()) > DATE_LINE_MAX_WORDS:
        return False
    # The numbers next: counting them is cheap, and most short lines have too few
    # for a date line; the date pattern, tried at every position, is not.
    numbers = len(_NUMBER.findall(text))
    if numbers < 2:
        return False
    words = word_count(text)
    if words > DATE_LINE_MAX_WORDS or numbers * 2 < words - 1:
        return False
    return _DATE.search(text) is not None


def article_blocks(found: list[Block], title: str | None = None) -> list[Block]:
    """The blocks that are article text, in order.

    Two rules look at the body as a whole. An ``<h1>`` before any article text is
    the headline (the title field, never body); one further down heads a section
    (some publishers mark every section heading so). A paragraph that repeats the
    start of an earlier one and trails off ("Good morning! This is the news
    you...") is a teaser of the article itself. Exact repeats stay: articles
    repeat lines (refrains, table rows), and the benchmark's bodies keep them.
    A run of teasers, each a linked headline over a short summary, goes whole
    (:func:`_teaser_summaries`).

    A figure (from a walk that keeps them, :mod:`~extractors.generic.markup`) is
    kept right after a kept block, or before the next kept block: a lead image
    above the byline and the date lines, a photo above its credit line. Figures
    before a block dropped for its links (teasers, related links) go with it.
    """
    kept: list[Block] = []
    texts: list[str] = []
    link_lists = _link_lists(found)
    summaries = _teaser_summaries(found)
    figures: list[Block] = []  # waiting for the verdict on the next block
    after_text = False  # the last block judged was kept
    for at, block in enumerate(found):
        if block.kind == "figure":
            (kept if after_text else figures).append(block)
            continue
        after_text = False
        if block.tag == "h1" and not texts:
            continue
        in_link_list = block.list in link_lists or block.kind != "item"
        # Only a heading that is mostly link asks (the rule it lifts is the link rule).
        heads_prose = (
            block.kind == "heading"
            and block.link_density > MAX_LINK_DENSITY
            and _prose_follows(found, at + 1)
        )
        if is_noise_line(block, title, in_link_list=in_link_list, heads_prose=heads_prose):
            if figures and block.link_density > MAX_LINK_DENSITY:
                figures.clear()  # the images of teasers and links
            continue
        if at in summaries or _is_truncated_repeat(block.text, texts):
            continue
        kept.extend(figures)
        figures.clear()
        kept.append(block)
        texts.append(block.text)
        after_text = True
    return kept


def _teaser_summaries(found: list[Block]) -> set[int]:
    """The summaries of a run of teasers: each a short line right after a line that
    is all link (the teaser's headline), the pair repeated TEASER_RUN_MIN times or
    more, one after the other. The headlines go by the link rule; their summaries,
    plain text, would stay without this. A link showing its own address is no
    headline: a shop list's "1) Lego set" over "http://amzn.to/..." is article text
    (the article-extraction benchmark's remember8090 page), and so are a list's
    items, which their list judges (:data:`MAX_LIST_LINK_DENSITY`)."""
    lines = [at for at, block in enumerate(found) if block.text]
    summaries: set[int] = set()
    run: list[int] = []
    index = 0
    while index + 1 < len(lines):
        head, summary = found[lines[index]], found[lines[index + 1]]
        if (
            head.kind not in _LISTED
            and head.link_density > MAX_LIST_LINK_DENSITY
            and not _SHOWN_ADDRESS.match(head.text)
            and summary.kind == "paragraph"
            and summary.link_density <= MAX_LINK_DENSITY
            and size(summary.text) < SECTION_PROSE_CHARS
        ):
            run.append(lines[index + 1])
            index += 2
            continue
        if len(run) >= TEASER_RUN_MIN:
            summaries.update(run)
        run = []
        index += 1
    if len(run) >= TEASER_RUN_MIN:
        summaries.update(run)
    return summaries


def _prose_follows(found: list[Block], at: int) -> bool:
    """Whether the first block from ``at`` on with text is a paragraph of prose:
    :data:`SECTION_PROSE_CHARS` long at least, and not mostly links."""
    following = next((found[i] for i in range(at, len(found)) if found[i].text), None)
    return (
        following is not None
        and following.kind == "paragraph"
        and size(following.text) >= SECTION_PROSE_CHARS
        and following.link_density <= MAX_LINK_DENSITY
    )


def _link_lists(found: list[Block]) -> set[int]:
    """The lists more than half of whose items are all link (see MAX_LIST_LINK_DENSITY).
    Half is a list of prose: entries cut into a description and a link to more (a
    product's features, each with its "Learn more about..." item) have one of each."""
    items: dict[int, list[int]] = {}
    for block in found:
        if block.kind == "item":
            counts = items.setdefault(block.list, [0, 0])
            counts[0] += 1
            counts[1] += block.link_density > MAX_LIST_LINK_DENSITY
    return {number for number, (total, links) in items.items() if links * 2 > total}


def paragraphs(found: list[Block], title: str | None = None) -> list[str]:
    """The article's paragraphs: the text of :func:`article_blocks`, one per block
    (figures, which have none, aside)."""
    return [block.text for block in article_blocks(found, title) if block.text]


def _is_truncated_repeat(text: str, kept: list[str]) -> bool:
    """A teaser of the article's own text: "Good morning! This is the news you..."."""
    if not text.endswith(("...", "…")):
        return False
    stem = text.rstrip(".… ")
    return len(stem) >= TEASER_MIN_CHARS and any(p.startswith(stem) for p in kept)
