"""Line rules: what a short line says it is by its words alone.

A container chosen by the scorer still holds lines that are no article text:
inline "read also" links, ad labels, photo credits, source and date lines,
bylines, the headings of related lists. Each rule below names a kind of line and
catches it in any language we know the words of; :mod:`~extractors.generic.blocks`
asks them of every block without links, and the text-dump reader
(:mod:`extractors.textdump`) of every line.
"""

from __future__ import annotations

import re

from extractors.caseless import Caseless
from extractors.generic.walk import Kind
from extractors.writing import word_count

__all__ = [
    "BYLINE_MAX_WORDS",
    "READ_ALSO_MAX_CHARS",
    "RELATED_HEADING_MAX_CHARS",
    "is_related_heading",
    "line_reason",
]

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
    r"|читайте також|схожі статті|relaterade artiklar|relaterte artikler|relaterede artikler"
    r"|aiheesta muualla|související články|articole similare|σχετικά άρθρα|ilgili haberler"
    r"|benzer haberler|berita terkait|artikel terkait|tin liên quan|bài viết liên quan"
    r"|مطالب مرتبط|כתבות נוספות"
    r"|meest gelezen|meistgelesen|les plus lus|(?:lo )?más leído|mais lidas|più letti"
    r"|najczęściej czytane|самое читаемое|الأكثر قراءة"
    r")\b|相关(?:文章|新闻|阅读)|推荐阅读|関連(?:記事|ニュース)|관련\s?기사|संबंधित ख़?बरें)"
)
RELATED_HEADING_MAX_CHARS = 60
# "More stories from The Times": a heading may name a site or section after it.
RELATED_HEADING_MAX_WORDS_AFTER = 3

# A line that is only a URL or only a number: microdata fields (image URL, width,
# height) that CSS hides and text extraction does not.
_BARE_VALUE = re.compile(r"^\S+://\S+$")

# The patterns of the rules for short lines, as one: most lines match
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


def line_reason(text: str, kind: Kind = "paragraph") -> str | None:
    """The rules of :func:`~extractors.generic.blocks.noise_reason` that read a
    line's words alone, from ``bare-value`` on: their verdict on a block of this
    ``kind`` and ``text`` that has no link, is no table's head and is not the title.

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
    """The rules of :func:`line_reason` for short lines, after the related heading."""
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
