"""Turn article containers into paragraphs, and drop the lines that are not article.

A container chosen by the scorer still holds small non-article blocks: inline
"read also" links, date lines, bylines, captions, labels. Each rule below names a
kind of line and catches it in any language we know the words of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import lxml.etree

from extractors.page.tree import Element
from extractors.text import clean

__all__ = ["Block", "blocks", "is_noise_line", "paragraphs"]

# Elements that start and end a paragraph. <br> also ends one: old CMSs write
# paragraphs as text separated by <br><br>.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br center dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul".split()
)

# A paragraph with this share of its text in links is navigation (a related link,
# a teaser, a "read the source" line), not prose.
MAX_LINK_DENSITY = 0.5

# "Read also" lead-ins of inline related links, in the languages of the pages we
# serve most; a line starting with one and shorter than READ_ALSO_MAX_CHARS is a link
# to another article.
_READ_ALSO = re.compile(
    r"^\W*(?:"
    r"lees (?:ook|meer)|ook interessant|bekijk ook"  # Dutch
    r"|(?:à )?lire (?:aussi|également|encore)|(?:à )?voir aussi|sur le même sujet"  # French
    r"|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|siehe auch"  # German
    r"|read (?:also|more)|see also|related(?: articles?| stories)?|more on this"  # English
    r"|recommended|you may also like|also read"
    r"|lea (?:también|más)|leer más|lee también|ver también|te puede interesar"  # Spanish
    r"|leia (?:também|mais)|veja também"  # Portuguese
    r"|leggi anche|vedi anche"  # Italian
    r"|czytaj (?:też|także|więcej)|zobacz (?:też|także)"  # Polish
    r"|читайте также|смотрите также"  # Russian
    r"|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|اقرأ المزيد|شاهد أيضا"  # Arabic
    r"|相关阅读|延伸阅读|相關閱讀|推荐阅读"  # Chinese
    r")\b\s*[:：\-–—»>]?",
    re.I,
)
READ_ALSO_MAX_CHARS = 250

# Labels that stand alone on a line: ads, "breaking", share prompts.
_LABELS = re.compile(
    r"^\W*(?:advertisement|advertentie|advertising|anzeige|publicité|publicidad|pubblicità"
    r"|reklama|إعلان|广告|sponsored|breaking(?: news)?|eilmeldung|dernière minute|urgent"
    r"|عاجل|laatste nieuws|share(?: this)?|partager|teilen|delen|compartir|مشاركة"
    r"|print|imprimer|drucken|close|fermer|schließen|sluiten|cerrar)\W*$",
    re.I,
)

# Credit lines of photos and agencies: short, starting with the word for photo.
_CREDIT = re.compile(
    r"^\W*(?:photo|foto|image|bild|picture|crédit|credit|©|copyright|fotó|صورة)\b", re.I
)
CREDIT_MAX_CHARS = 120

# Source lines: "Publié dans Maroc Diplomatique le 20 - 04 - 2022", "Published on
# 21 April 2022". Only short lines with a number: "Publié en 1998, le roman..." is
# a sentence, and so is any line long enough to say something.
_PUBLISHED_IN = re.compile(
    r"^\W*(?:publié|publiée|published|posted|updated|mis à jour|veröffentlicht|aktualisiert"
    r"|gepubliceerd|bijgewerkt|publicado|actualizado|pubblicato|aggiornato|opublikowano"
    r"|نشر|نُشر|تم النشر|发布|發布)\b",
    re.I,
)
PUBLISHED_LINE_MAX_CHARS = 120

# Bylines: "By Jane Doe", "Door Jan Jansen"; only short lines, so that "Par ailleurs,
# le ministre..." is never taken for one.
_BYLINE = re.compile(r"^(?:by|door|par|von|por|di|przez|av|af|de|بقلم|作者)\s+\S", re.I)
BYLINE_MAX_WORDS = 5

# Date lines: mostly digits and month or weekday words. A short line whose tokens
# are at least half numbers, with a four-digit year, is a date stamp.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBER = re.compile(r"\d+")
DATE_LINE_MAX_WORDS = 9


# Headings of related-article lists. Only the heading goes: cutting the article
# at it lost more text (inline boxes mid-article) than it saved.
_RELATED_HEADING = re.compile(
    r"^\W*(?:related(?: articles?| stories| posts| content)?|more (?:stories|news|from|on)"
    r"|you (?:may|might) (?:also )?like|recommended(?: for you)?|read (?:next|more|also)"
    r"|trending|most (?:read|popular|viewed)|see also|popular (?:posts|stories)"
    r"|lees (?:meer|ook)|meer nieuws|gerelateerd|lire aussi|à lire aussi"
    r"|articles? (?:connexes|liés)"
    r"|sur le même sujet|vous aimerez aussi|auch interessant|mehr zum thema|weitere artikel"
    r"|das könnte sie auch interessieren|leia (?:também|mais)|você pode gostar|veja também"
    r"|te puede interesar|noticias relacionadas|lea también|más noticias|leggi anche"
    r"|articoli correlati|potrebbe interessarti|czytaj (?:też|także)|zobacz (?:też|także)"
    r"|podobne artykuły|читайте также|похожие статьи|اقرأ أيضا|مواضيع ذات صلة|أخبار ذات صلة"
    r"|相关(?:文章|新闻|阅读)|推荐阅读)\b",
    re.I,
)
RELATED_HEADING_MAX_CHARS = 60
# A related heading ends the article only after this share of the text: earlier,
# it heads an inline box and the article goes on below it.
RELATED_CUT_SHARE = 2.0
# A truncated repeat must be this long to count: "More..." is no teaser.
TEASER_MIN_CHARS = 30

# A line that is only a URL or only a number: microdata fields (image URL, width,
# height) that CSS hides and text extraction does not.
_BARE_VALUE = re.compile(r"^\S+://\S+$")


@dataclass(slots=True)
class Block:
    """One paragraph of text from the page, with what the rules need to judge it."""

    text: str
    link_chars: int
    tag: str

    @property
    def link_density(self) -> float:
        """Share of the text inside links."""
        return self.link_chars / len(self.text) if self.text else 0.0


def blocks(containers: Iterable[Element]) -> list[Block]:
    """Paragraph blocks of the containers, in document order."""
    out: list[Block] = []
    for container in containers:
        _walk(container, out)
    return out


def _walk(root: Element, out: list[Block]) -> None:
    parts: list[str] = []
    link_chars = 0
    in_link = 0
    tags: list[str] = [root.tag if isinstance(root.tag, str) else "div"]

    def flush() -> None:
        nonlocal link_chars
        text = clean("".join(parts))
        if text:
            out.append(Block(text, min(link_chars, len(text)), tags[-1]))
        parts.clear()
        link_chars = 0

    # Each attribute of an element is read once: every read builds a Python object.
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag  # a function for a comment: in no tag set, and its text is no text
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
                tags.append(tag)
            elif tag == "a":
                in_link += 1
            text = el.text
            if text and isinstance(tag, str):
                parts.append(text)
                if in_link:
                    link_chars += len(text.strip())
        else:
            if tag in _BLOCK_TAGS:
                flush()
                tags.pop()
            elif tag == "a":
                in_link -= 1
            tail = el.tail
            if tail and el is not root:
                parts.append(tail)
                if in_link:
                    link_chars += len(tail.strip())
    flush()


def is_noise_line(block: Block, title: str | None = None) -> bool:
    """True for a paragraph that is page furniture rather than article text."""
    text = block.text
    if block.link_density > MAX_LINK_DENSITY:
        return True
    if block.tag == "h1" or (title and text.casefold() == title.casefold()):
        return True  # the headline is the title field, never body
    if _BARE_VALUE.match(text):
        return True
    if len(text) <= RELATED_HEADING_MAX_CHARS and _RELATED_HEADING.match(text):
        return True
    if _LABELS.match(text):
        return True
    if len(text) < READ_ALSO_MAX_CHARS and _READ_ALSO.match(text):
        return True
    if len(text) < CREDIT_MAX_CHARS and _CREDIT.match(text):
        return True
    if len(text) < PUBLISHED_LINE_MAX_CHARS and _PUBLISHED_IN.match(text) and _NUMBER.search(text):
        return True
    words = text.split()
    if len(words) <= BYLINE_MAX_WORDS and _BYLINE.match(text) and not text.endswith("."):
        return True
    return _is_date_line(text, words)


def _is_date_line(text: str, words: list[str]) -> bool:
    if len(words) > DATE_LINE_MAX_WORDS or not _YEAR.search(text):
        return False
    numbers = len(_NUMBER.findall(text))
    return numbers >= 2 and numbers * 2 >= len(words) - 1


def paragraphs(found: list[Block], title: str | None = None) -> list[str]:
    """The article's paragraphs: blocks that are not noise, in order.

    One rule looks at the body as a whole: a paragraph that repeats the start of
    an earlier one and trails off ("Good morning! This is the news you...") is a
    teaser of the article itself. Exact repeats stay: articles repeat lines
    (refrains, table rows), and the benchmark's bodies keep them.
    """
    kept: list[str] = []
    for block in found:
        if not is_noise_line(block, title) and not _is_truncated_repeat(block.text, kept):
            kept.append(block.text)
    return kept


def _is_truncated_repeat(text: str, kept: list[str]) -> bool:
    """A teaser of the article's own text: "Good morning! This is the news you..."."""
    if not text.endswith(("...", "…")):
        return False
    stem = text.rstrip(".… ")
    return len(stem) >= TEASER_MIN_CHARS and any(p.startswith(stem) for p in kept)
