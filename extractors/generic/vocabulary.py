"""Class and id words that say what an element is: page furniture, or the article.

Shared by pruning (furniture goes) and scoring (a container's class weighs on
its score). Each word group names a kind of element, never one site's markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "BOILERPLATE",
    "MAX_NAMES_CHARS",
    "POSITIVE",
    "element_kind",
    "id_kind",
    "name_kind",
    "split_humps",
]

# Class or id words of boilerplate blocks, matched as whole words of the
# lower-cased class/id string (hyphens, underscores and camelCase humps separate
# words). Each group says what it catches; each word is a regex. Lower-casing
# first rather than re.IGNORECASE lets the regex engine skip to the possible first
# letters.
_BOILERPLATE_WORDS = (
    r"related\w* relacionad[oa]s? verwandt gerelateerd connexes?",  # related-article blocks
    r"share sharing sharer social socials sociales addthis sharethis",  # share bars
    # comment sections, compounds too ("commentlist", "usercomments"; not "commentary")
    r"comments? comment(?!ar|at)\w+ \w+comments? disqus respond reactions? replies"
    r" reacties? kommentare? kommentarer commentaires? coment[aá]rios? commenti komentarze?"
    r" комментарии تعليقات 评论 留言",
    # sign-up boxes, appeals for donations, calls to action ("cta")
    r"newsletter subscribe subscription signup register login account donat\w* cta",
    r"ads? advert\w* adsense dfp banner sponsor\w* promo\w* outbrain taboola partner",  # ads
    r"recommend\w* popular most-read mostread trending top-stories more-stories",  # teaser lists
    r"ticker breaking-news marquee news-?flash headlines",  # headline tickers
    r"breadcrumbs? crumbs? pagination pager nav navbar navigation menu submenu",  # navigation
    r"sidebar side-bar weather wetter meteo clima horoscope",  # sidebars, widgets
    r"cookies? consent gdpr modal popup overlay lightbox toast",  # overlays
    r"tags? tag-?list tagcloud keywords topics",  # tag lists
    r"author-?bio about-author author-box",  # author boxes
    r"print toolbar tools utility byline dateline meta post-meta entry-meta",  # article tools
    r"caption credits? copyright disclaimer",  # captions, credits
    r"galler(?:y|ies) sliders?",  # photo galleries, sliders and their controls
    r"read-?more see-?also also-?read read-?also lire-aussi lees-ook more-on teasers?",
    r"masthead site-header site-footer footer sr-only visually-hidden screen-reader",
)


def _by_first_letter(words: list[str]) -> str:
    r"""An alternation of the regexes ``words``, those that open with the same letter
    under one branch: "ads?|advert\w*|banner" is "a(?:ds?|dvert\w*)|banner". The
    regex engine tests a branch's letter once per position where it tried every
    word; the matches are the same. A word that opens with anything but a letter or
    digit stays a branch of its own.

    >>> _by_first_letter(["ads?", "advert", "nav", r"\w+comments?"])
    'a(?:ds?|dvert)|nav|\\w+comments?'
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        first = word[0] if word[0].isalnum() and word[1:2] not in ("?", "*", "+", "{") else word
        branches.setdefault(first, []).append(word[len(first) :])
    return "|".join(
        first + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
        for first, rests in branches.items()
    )


# A word right after "no", "has" or "with" says what the element holds or lacks,
# not what it is: "no-sidebar", "no_caption", "has-comments", "with-caption".
BOILERPLATE = re.compile(
    r"(?<![^\s_-])(?<!(?<![^\s_-])no[-_])(?<!(?<![^\s_-])has[-_])(?<!(?<![^\s_-])with[-_])"
    f"(?:{_by_first_letter(' '.join(_BOILERPLATE_WORDS).split())})"
    r"(?![^\s_-])",
)

# An article word followed by the name of a part of an article ("article-header",
# "story-meta", "entry-title") names that part, not the container of the story:
# it gets no article weight, and furniture words elsewhere in its name count.
_PART = (
    r"(?![-_]+(?:header|head|heading|footer|foot|meta|info|title|headline|tools?|top|bottom"
    r"|caption|date|author|byline|share|tags?|nav|related|image|media|photo|video"
    r"|gallery|slider)(?![a-z]))"
)
# Class or id words of article containers: an element matching these is never
# dropped by BOILERPLATE, whatever else its class says ("post-content tags-inline").
# Matched against the lower-cased class/id string, as BOILERPLATE.
POSITIVE = re.compile(
    rf"(?:article|story|entry){_PART}|post-?(?:body|content|text)|content-?body|main-?content|body-?text"
    r"|articlebody|text-?body|news-?body|texto|tresc|inhalt|artikel",
)


@lru_cache(maxsize=4096)
def name_kind(names: str) -> tuple[bool, bool]:
    """(looks like boilerplate, looks like an article container) for a class/id string.

    Cached: a page repeats the same few dozen class strings hundreds of times, and
    the patterns are long alternations. An id, unique on its page, is better read
    with :func:`id_kind`, which does not fill the cache.

    >>> name_kind("related-posts"), name_kind("entry-content"), name_kind("hidden-xs")
    ((True, False), (False, True), (False, False))
    >>> name_kind("mainNav"), name_kind("ArticleBody_text__x8Rt2"), name_kind("navigator")
    ((True, False), (False, True), (False, False))
    """
    return id_kind(names)


def id_kind(names: str) -> tuple[bool, bool]:
    """:func:`name_kind` without the cache.

    Both patterns stop at spaces, so a class and an id read apart say what the two
    read together would.

    >>> id_kind("comments-3")
    (True, False)
    >>> id_kind("article__media-caption"), id_kind("article__body")
    ((True, False), (False, True))
    >>> id_kind("article-header"), id_kind("story-meta"), id_kind("article-headers-wrap")
    ((False, False), (True, False), (False, True))
    >>> id_kind("articleGalleryNav"), id_kind("photo-slider"), id_kind("articleBody")
    ((True, False), (True, False), (False, True))
    """
    names = split_humps(names[:MAX_NAMES_CHARS]).lower()
    if BOILERPLATE.search(names) is None:
        return False, POSITIVE.search(names) is not None
    if "__" in names:
        names = " ".join(_bem_element(name) for name in names.split())
    return True, POSITIVE.search(names) is not None


def _bem_element(name: str) -> str:
    """A BEM name ("block__element--modifier") as what its element part says when
    that part is furniture: "article__media-caption" is a caption that sits in the
    article, no article; other names as they are."""
    _block, separator, element = name.partition("__")
    return element if separator and BOILERPLATE.search(element) else name


# Where a name written in camelCase starts a word ("mainNav", "shareButtons",
# "ArticleBody_text__x1", "HTMLContent"): a hyphen there makes it read as
# "main-nav" does.
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def split_humps(name: str) -> str:
    """``name`` with a hyphen where each word of its camelCase starts.

    >>> split_humps("sharingWithASingleDeveloper"), split_humps("related-posts")
    ('sharing-With-A-Single-Developer', 'related-posts')
    """
    return name if name.islower() else _CAMEL_HUMP.sub("-", name)


# Class and id text past this length is not read: real class lists are a few
# dozen words, and the patterns cost time per character (a page of megabyte-long
# class attributes took seconds).
MAX_NAMES_CHARS = 512


def element_kind(cls: str | None, ident: str | None) -> tuple[bool, bool]:
    """:func:`name_kind` of a class and an id, the class cached, the id not."""
    boilerplate, positive = name_kind(cls[:MAX_NAMES_CHARS]) if cls else (False, False)
    if ident:
        by_id = id_kind(ident)
        return boilerplate or by_id[0], positive or by_id[1]
    return boilerplate, positive
