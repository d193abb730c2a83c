"""Author names out of a byline string: "By Jane Doe and John Roe, Reuters | 3 May 2019".

The steps, in order: cut the line at a date, a time or a share/follow label;
drop the "By"/"Von"/"Par"/"كتب" lead-in; split at "and", "und", "et", "y",
commas...; drop roles ("Senior Editor"), agencies ("AFP", "Reuters") when a
person is named, and anything that is no name (too long, digits, a lone word
in lower case).
"""

from __future__ import annotations

import re

from extractors.metadata.dates import DATE_PATTERN, MARKS

__all__ = ["AGENCIES", "LEAD_IN", "is_agency", "split_names", "strip_lead_in"]

#: Lead-ins of a byline, in the languages the project handles: "By", "Written by",
# "Von", "Par", "Por", "Door", "Di", "Da", "Przez", "Av", "Af", "Autor:", "Text:",
# "Reporting by", "بقلم", "كتب", "Автор:", "Текст:", "โดย" (Thai), "作者：", "記者",
# "记者", "本报记者" (this paper's reporter), "글·사진" (Korean: text and photos),
# "編集委員", "論説委員", "特派員" (Japanese: senior writer, editorial writer,
# correspondent; "編集：", the editor's credit, is no lead-in, see ``_CUT``).
LEAD_IN = re.compile(
    r"^(?:(?:written|posted|reported|reporting|words|text|story|report)\s+by|by|von|par"
    r"|por|door|di|da|przez|av|af|de|autor(?:in|a|e)?|auteur|author|text|texte|texto|testo"
    r"|tekst|redaktion|reportage|بقلم|كتب|كتبت|إعداد|автор|текст|โดย|글(?:\s*[·/]\s*사진)?"
    r"|作者|記者|(?:本报)?记者|文|撰文|編集委員|論説委員|特派員)"
    r"\s*[:：-]?\s+"
    r"|^(?:بقلم|كتب|كتبت|作者|記者|(?:本报)?记者|文|撰文|編集委員|論説委員|特派員)\s*[:：]?\s*",
    re.I,
)
# A role after a Korean name: "홍길동 기자" (reporter), "특파원" (correspondent).
_ROLE_AFTER = re.compile(r"\s+(?:기자|특파원)$")
# What ends the names in a byline: a role or credit lead-in ("Edited by"), a
# label ("Follow", "Updated"), an editor's credit ("编辑：", "【责任编辑：", "編集：",
# "Editor:", "Edición:": the editor on duty is no author), a separator or a time
# ("8h ago").
_CUT = re.compile(
    r"\s*[(\[（【]?\s*(?:责任编辑|責任編輯|编辑|編輯|編集)\s*[:：].*"
    # a label in letters only at the start or after a mark: "Managing Editor:" is a role
    r"|(?:^|(?<=[,.;|(\[]))\s*(?:editor|editora|edición|edicion|redakteur|redakteurin"
    r"|redactor|redactora)\s*:.*"
    r"|(?:^|\s)(?:edited|editado|photos?|photographs?|pictures?|images?|illustrations?|video|graphics?"
    r"|additional reporting|updated|published|posted|follow|share|email|contact)\b.*"
    r"|\s+[|•·—–]\s*.*|\s+[|•·—–]$|\s+-\s+.*"
    r"|\s*\d+\s*(?:h|hrs?|hours?|min|mins|minutes?|d|days?)\s+ago\b.*"
    r"|\s(?:před|il y a|vor|hace|há|fa)\s+\d.*",
    re.I,
)
# Conjunctions of one letter ("y", "e", "i") in lower case only: "Sarah E. Needleman".
_SPLIT = re.compile(
    r"\s*(?:,|;|&|/|(?i:\band\b|\bund\b|\bet\b|\ben\b|\bog\b|\boch\b|\bve\b|\bи\b"
    r"|\bwith\b|\bavec\b|\bmit\b|\bcon\b|\bcom\b|\bmet\b)|\by\b|\be\b|\bi\b|、|，| و\s*|\s+و)\s*"
)
# A weekday before the date a byline runs into: "Malcolm Owen Monday, November 18",
# "Minh Do on Monday".
_WEEKDAY = re.compile(
    r"(?:\s+(?:on|le|am|el|op|il|em))?\s+(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch"
    r"|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado"
    r"|domingo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lunedì|martedì"
    r"|mercoledì|giovedì|venerdì|sabato|domenica)\b.*$",
    re.I,
)
_BRACKETS = re.compile(r"\s*[(\[](?P<inner>[^)\]]*)[)\]]")
#: News agencies: a byline's suffix ("Jane Doe/AFP", "with Reuters"), an author only
#: when no person is named.
AGENCIES = frozenset(
    {
        "afp", "ap", "reuters", "dpa", "efe", "ansa", "anp", "belga", "pap", "tass", "ria",
        "xinhua", "kyodo", "yonhap", "map", "aps", "aap", "pti", "ians", "čtk", "ctk", "apa",
        "sda", "keystone", "lusa", "europa press", "associated press", "agence france-presse",
        "agencia efe", "agencies", "agences", "agenturen", "agencias", "wires", "bloomberg",
        "upi", "kna", "epd", "kap", "ats", "bta", "mti", "sita", "hina", "tanjug", "ntb", "tt",
        "stt", "ritzau", "wafa", "mena", "ina", "irna", "ani", "dpa-afx", "sid", "afp/dpa",
    }
)  # fmt: skip
# Words of a role or a title: a part holding one is no name ("Senior Staff
# Technologist", "Games Editor", "Journaliste au Monde").
_ROLE = re.compile(
    r"\b(?:editor|editors|correspondent|reporter|writer|journalist|columnist|contributor"
    r"|contributing|staff|senior|chief|director|technologist|president|manager|producer"
    r"|photographer|analyst|professor|founder|ceo|intern|desk|team|newsroom|editorial"
    r"|redakteur|redakteurin|korrespondent|korrespondentin|redaktion|journaliste|rédacteur"
    r"|rédactrice|rédaction|envoyé|envoyée|corresponsal|periodista|redactor|redactora"
    r"|redacción|giornalista|inviato|redazione|redacteur|redactie|verslaggever|dziennikarz"
    r"|redakcja|project|foundation|university|institute|department|ministry"
    # credentials after a name, in capitals ("Rachael Link, MS, RD"; "Ma Jun" is a name)
    r"|(?-i:MS|MA|MD|PhD|RD|RN|MPH|MBA|DDS))\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
# A social handle beside a name: "Catherine Shu @catherineshu".
# An e-mail address or a social handle beside a name: "Megan Rowe meganr@spokesman.com",
# "Catherine Shu @catherineshu".
_HANDLE = re.compile(r"\s*\S*@[\w.-]+")
# Lower-case words inside names: "van", "de", "al-", "bin".
_PARTICLES = frozenset(
    "de da di do du del della der den des dos das van von vom zu ten ter le la lo y e "
    "bin ibn al el ben bint af av och und et".split()
)
# A name in a script without spaces between words (Chinese, Japanese) is one word:
# "史蒂文的家 發表在 痞客邦" is a sentence.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A Japanese name in Chinese characters and kana, family and given name apart
# ("中沢 克二"), and a Chinese name of two to four characters ("张明", "欧阳明华").
_JAPANESE_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{1,4} [\u3040-\u30ff\u3400-\u9fff]{1,4}")
_CHINESE_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")
# Words between the names of a Chinese byline: roles (intern, correspondent,
# photographer, reporter) and the dateline ("北京报道", "济南讯", "新华社北京电").
_CHINESE_NOT_NAME = re.compile(
    r"实习生|實習生|通讯员|通訊員|摄影|攝影|摄|特约记者|见习记者|记者|記者|[\u3400-\u9fff]+(?:报道|報導|讯|訊|电|電)"
)
# Characters no name holds: digits, symbols, markup ("{\\displaystyle", "=", "@"). The
# vowel signs of Devanagari, Thai... are a name's ("राहुल"), though not ``\\w``.
_NOT_IN_NAME = re.compile(rf"[^\w\s.'’‐‑(){MARKS}-]|\d")
# A nickname in quotes inside a name: 'Amanda "Tania Mae" Tan'.
_NICKNAME = re.compile(r"(?<=\s)[\"“][^\"“”]+[\"”](?=\s)")
_LETTER = re.compile(r"[^\W\d_]")
NAME_MAX_WORDS = 5
NAME_MAX_CHARS = 60


def strip_lead_in(text: str) -> str:
    """``text`` without its "By"/"Par"/"Von" lead-in.

    >>> strip_lead_in("By Jane Doe"), strip_lead_in("Par  Sébastien Farcis")
    ('Jane Doe', 'Sébastien Farcis')
    """
    text = " ".join(text.split())
    for _ in range(2):  # "Written by: By Jane Doe"
        text = LEAD_IN.sub("", text, count=1).strip()
    return text


def is_agency(name: str) -> bool:
    """True if ``name`` is a news agency's.

    >>> is_agency("Reuters"), is_agency("Jane Doe")
    (True, False)
    """
    return name.casefold().strip(" .") in AGENCIES


def split_names(byline: str, visible: bool = True, language: str | None = None) -> list[str]:
    """The person names in a byline, in order; agencies only when no person is named.

    A ``visible`` byline's names are capitalized, as names are where letters have
    case ("Jane Doe", "Ludwig van Beethoven"); a meta tag's may be a user name.
    ``language`` (an ISO 639 code) tells how Chinese characters apart are read
    (:func:`_spaced_names`).

    >>> split_names("By Jane Doe and John Roe, Reuters")
    ['Jane Doe', 'John Roe']
    >>> split_names("by Lucas Nolan22 Dec 2016651")
    ['Lucas Nolan']
    >>> split_names("Written by Rob Ewaschuk Edited by Betsy Beyer")
    ['Rob Ewaschuk']
    >>> split_names("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Project")
    ['Daniel Kahn Gillmor']
    >>> split_names("Written by Rachael Link, MS, RD on November 14, 2019")
    ['Rachael Link']
    >>> split_names("Reuters, Washington, Nov 20 2019, 11:06am")
    ['Reuters']
    >>> split_names("By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019")
    ['Mike Wuerthele', 'Malcolm Owen']
    >>> split_names("By Ma Jun and Brenda Goodman, MA")
    ['Ma Jun', 'Brenda Goodman']
    >>> split_names("Catherine Shu @catherineshu / 2 days")
    ['Catherine Shu']
    >>> split_names("By Megan Rowe meganr@spokesman.com(509) 459-5382")
    ['Megan Rowe']
    >>> split_names("AFP"), split_names("Von Redaktion")
    (['AFP'], ['Redaktion'])
    """
    lead_in = LEAD_IN.match(" ".join(byline.split())) is not None
    text = _HANDLE.sub("", strip_lead_in(byline))
    date = DATE_PATTERN.search(text)
    if date:
        text = _WEEKDAY.sub("", text[: date.start()])
    text = _CUT.sub("", text)
    digit = _DIGIT.search(text)
    if digit:
        text = text[: digit.start()].rstrip(" ([{")
    text = strip_lead_in(text)
    # "Jane Doe (AFP)", "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the
    # bracket's content is split like the rest; a nickname "Richard (R.J.) Eskow" stays.
    text = _BRACKETS.sub(_bracket, text)
    names: list[str] = []
    agencies: list[str] = []
    desks: list[str] = []
    for part in _SPLIT.split(text):
        name = part.strip(" .:-–—'\"“”«»")
        name = _ROLE_AFTER.sub("", strip_lead_in(name)) if name else name
        if not name:
            continue
        if is_agency(name):
            agencies.append(name)
        elif agencies and len(name.split()) == 1:
            continue  # a dateline's place after the agency: "Reuters, Washington"
        elif _ROLE.search(name):
            if names:
                break  # what follows a role ("Senior Editor, ACLU Project") is the role's
            desks.append(name)
        elif _is_name(name) and (not visible or _capitalized(name)):
            names.append(name)
        elif lead_in or language == "ja":
            names += _spaced_names(name, language)
    # "Redaktion", "Staff": a newsroom signs when no person does.
    return names or agencies or desks[:1]


def _spaced_names(part: str, language: str | None) -> list[str]:
    """Names in words of Chinese characters set apart by spaces: in Japanese one
    name, family name and given name ("中沢 克二"); else, after a reporter's
    lead-in, one name a word, as Chinese bylines list them ("记者：张明 李华").
    Anything else (a sentence, "史蒂文的家 發表在 痞客邦") holds no names.

    >>> _spaced_names("中沢 克二", "ja"), _spaced_names("张明 李华", "zh")
    (['中沢 克二'], ['张明', '李华'])
    >>> _spaced_names("张明 实习生 李华 北京报道", "zh")
    ['张明', '李华']
    """
    words = part.split()
    if language == "ja":
        return [part] if len(words) == 2 and _JAPANESE_NAME.fullmatch(part) else []
    names = [word for word in words if not _CHINESE_NOT_NAME.fullmatch(word)]
    return names if all(_CHINESE_NAME.fullmatch(word) for word in names) else []


def _bracket(match: re.Match[str]) -> str:
    """A bracket as a byline part: one inside a name ("Richard (R.J.) Eskow", "Bruno
    (Henrique Zecchin) Rodrigues") stays; one at the end of a name is split off
    ("Jane Doe (AFP)", "Martin Untersinger (avec Damien Leloup et Morgane Tual)")."""
    inner = match.group("inner").strip()
    after = match.string[match.end() :]
    if _LETTER.match(after.lstrip()[:1]) and after[:1].isspace():
        return f" ({inner})"
    return f", {inner}"


def _capitalized(name: str) -> bool:
    """Each word of ``name`` opens with a capital, but its particles ("van", "de",
    "al-"); a word of a script without case counts as capitalized.

    >>> _capitalized("Ludwig van Beethoven"), _capitalized("at least")
    (True, False)
    """
    return all(not word[0].islower() or word.split("-")[0] in _PARTICLES for word in name.split())


def _is_name(part: str) -> bool:
    """A person's name: one to five words of letters (with the dots, hyphens,
    apostrophes and brackets names have), not a lone lead-in or word in lower
    case ("By", "follow", "staff")."""
    words = part.split()
    if not words or len(words) > NAME_MAX_WORDS or len(part) > NAME_MAX_CHARS:
        return False
    if _NOT_IN_NAME.search(_NICKNAME.sub("", part)) or not _LETTER.search(part):
        return False
    if part.count("(") != part.count(")"):
        return False
    if len(words) > 1 and sum(1 for word in words if _CJK.search(word)) > 1:
        return False
    if len(words) == 1 and LEAD_IN.match(f"{part} x"):
        return False
    return not (len(words) == 1 and part.islower())
