"""Line evidence of extractors.textdump: shape, furniture rules, the adapter, the span."""

from __future__ import annotations

import pytest

from extractors import extract_text
from extractors.generic.blocks import Block, is_noise_line
from extractors.limits import OutOfTime
from extractors.textdump import rules
from extractors.textdump.features import headline_like, prose_weight
from extractors.textdump.htmlrules import html_line_rule, is_related_heading
from extractors.textdump.items import is_relative_time
from extractors.textdump.lines import MAX_LINE_CHARS, split_lines
from extractors.textdump.region import best_chain, islands
from extractors.textdump.rules import _RIGHTS_WORDS, boundary_kind, echoes, line_rule, own_rule


def one(text: str):  # type: ignore[no-untyped-def]
    return split_lines(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Lees ook: Antony Blinken ontmoet prins van Abu Dhabi in Marokko",
        "Lire aussi: L'initiative marocaine d'autonomie (Blinken)",
        "عاجل",
        "السبت 23 أبريل 2022 على الساعة 00:05",
        "Publié dans Maroc Diplomatique le 20 - 04 - 2022",
        "Photo: Reuters/John Smith",
        "By Jane Doe",
        "Lees meer",
        "Advertisement",
        "The coalition meets in Marrakech on 11 May, the minister said on Monday.",
        "Mein Konto",
        "x" * 300,
        # ASCII lines in capitals (the rules' joined pattern reads them lower-cased):
        "ADVERTISEMENT",
        "-- Share This --",
        "READ MORE: The minister arrives in Rabat",
        "BY JANE DOE",
        "Posted on 21 April 2022",
        "April 21, 2022 10:40",
        "https://example.com/photo.jpg",
        "(c) Reuters",
        "RELATED STORIES",
        "Byzantine art, a history in 12 chapters",
        "Sharing is what the minister asked for.",
    ],
)
def test_adapter_gives_the_html_extractors_verdict(text: str) -> None:
    """The adapter's verdict is blocks.is_noise_line's, whatever reason it names."""
    assert (html_line_rule(text) is not None) == is_noise_line(Block(text, 0, "p"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cliquez ici pour lire l'article depuis sa source.", "call-to-action"),
        ("Click here to receive live updates on the election", "call-to-action"),
        ("34 responses to “Anthony Lynn: We needed to win”", "comments-heading"),
        ("Leave a Reply", "comments-heading"),
        # ASCII lines in capitals (their patterns read them lower-cased):
        ("CLICK HERE to receive live updates", "call-to-action"),
        ("LEAVE A REPLY", "comments-heading"),
        ("2019 News Nation. All rights reserved.", "copyright"),
        # A line opening with © is the generic extractor's credit line first.
        ("© 2019 News Nation. All rights reserved.", "credit"),
        ("Content (c) 2014 IETF Trust and the persons identified", "copyright"),
        ("This website uses cookies to improve your experience.", "cookie-notice"),
        ("She baked cookies for the whole street on Sunday morning.", None),
        ("Le Maroc abrite, ce mercredi 11 mai, la réunion ministérielle.", None),
        # Photo captions: a credit at the end, where the people stand, a file photo.
        ("Le ministre à Rabat, le 11 mai 2022. | Photo : Fadel Senna", "caption"),
        ("Die Kanzlerin (links) mit dem Bürgermeister am Hafen. (Foto: Karl Weber)", "caption"),
        ("The mayor, left, and the fire chief on Monday. (AP Photo/Ann Lee)", "caption"),
        ("In this 2009 file photo, the old bridge is seen from the north bank.", "caption"),
        ("Workers leave the plant after the last shift on Friday. REUTERS/Jan Novak", "caption"),
        ("El alcalde (izquierda) y la ministra inauguran el puerto nuevo de Vigo.", "caption"),
        # An acronym in brackets, a text's agency credit, "left" in a sentence.
        ("Das Thema wird seit Jahren diskutiert: die elektronische Patientenakte (ePA)", None),
        ("政府は攻撃が続いていると指摘している。(c)AFP/Aminu ABUBAKAR", None),
        ("He turned left at the harbour, where the fire chief was waiting.", None),
        # The comments' rules, short or as long as a paragraph.
        ("I commenti sono moderati: vi chiediamo di rispettare le regole.", "comment-policy"),
        ("Os comentários não representam a opinião do jornal.", None),
        ("Os comentários são de responsabilidade dos seus autores.", "comment-policy"),
        (
            "Comments are welcome, but please keep them respectful of other readers and on "
            "the topic of the article. We remove comments that insult, threaten or advertise, "
            "and we close the discussion after three days. Read our full community guidelines "
            "before you post, and tell us through the contact form if you see a comment that "
            "breaks them.",
            "comment-policy",
        ),
        (
            "The senator's comments drew criticism from moderates over her immigration policy.",
            None,
        ),
    ],
)
def test_own_rules(text: str, kind: str | None) -> None:
    assert line_rule(text) == kind


@pytest.mark.parametrize("words", _RIGHTS_WORDS)
def test_every_copyright_phrase_is_found(words: str) -> None:
    """Each phrase holds one of the pieces looked for first, in any case and line."""
    assert own_rule(f"Site Name {words.upper()} 2024") == "copyright"
    assert own_rule(f"{words} by the newspaper") == "copyright"


def test_boundaries() -> None:
    assert boundary_kind("Lees meer") == "related-heading"
    assert boundary_kind("More stories from CNN") == "related-heading"
    assert boundary_kind("12 Comments") == "comments-heading"
    assert boundary_kind("12 COMMENTS") == "comments-heading"
    assert boundary_kind("RELATED STORIES") == "related-heading"
    assert boundary_kind("ЧИТАЙТЕ ТАКЖЕ") == "related-heading"
    assert boundary_kind("Lees ook: Blinken ontmoet Bourita in Rabat") is None
    assert boundary_kind("The comments of the minister were clear.") is None


# Short lines each rule names, in several languages and cases, and lines none
# names: the joined patterns that screen short lines must let each through.
_SHORT_LINES = [
    "Click here",
    "KLIK HIER voor meer",
    "Cliquez ici",
    "نقر هنا",
    "34 Comments",
    "12 COMMENTAIRES",
    "Leave a Reply",
    "Reageer",
    "اترك تعليقا",
    "32M ago",
    "2 days ago at 07:47 am",
    "Vor 2 Stunden",
    "hace una hora",
    "Il y a 3 heures",
    "5 минут назад",
    "منذ 3 ساعات",
    "Lees meer",
    "ЧИТАЙТЕ ТАКЖЕ",
    "Home",
    "The comments of the minister were clear.",
    "5 years ago the company was founded in Lyon.",
]


@pytest.mark.parametrize("text", _SHORT_LINES)
def test_short_rules_screened_as_by_their_own_patterns(text: str) -> None:
    """own_rule's and boundary_kind's joined pattern changes no verdict: each line
    gets what the rules' own patterns, asked one by one, give it."""
    low = text.lower()
    expected_own = (
        "call-to-action"
        if rules._CALL_TO_ACTION.match(text, low)
        else "comments-heading"
        if rules._COMMENTS.match(text, low)
        else "relative-time"
        if is_relative_time(text)
        else None
    )
    assert own_rule(text) == expected_own
    if is_relative_time(text):
        assert boundary_kind(text, ages=True) == "relative-time"
    else:
        assert boundary_kind(text, ages=True) == boundary_kind(text)
    if is_related_heading(text):
        assert boundary_kind(text) == "related-heading"
    elif rules._COMMENTS.match(text) and html_line_rule(text) is None:
        assert boundary_kind(text) == "comments-heading"
    else:
        assert boundary_kind(text) is None


def test_short_rules_name_each_kind() -> None:
    """The lines above hold every kind the joined patterns screen for."""
    kinds = {own_rule(text) for text in _SHORT_LINES}
    assert {"call-to-action", "comments-heading", "relative-time"} <= kinds
    ages = [text for text in _SHORT_LINES if boundary_kind(text, ages=True) == "relative-time"]
    assert len(ages) == 7


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("The minister, who arrived on Monday, will travel to Rabat in May.", 1.0),
        ("« Outre le secrétaire d'Etat américain, les chefs de la diplomatie », a déclaré.", 1.0),
        ("وسيشارك في هذا اللقاء الدولي رؤساء ودبلوماسيون وممثلون من 80 دولة ومنظمة.", 1.0),
        ("トレンドマイクロは3月9日、通信を暗号化し保護するアプリの発売を開始した。", 1.0),
        ("It was not what we had planned.", 0.7),
        ("Share This Story On Facebook Now.", 0.0),
        ("Most Popular Articles", 0.0),
        ("Het koninkrijk heeft tot dusver een neutraal standpunt ingenomen met...", 0.0),
        ("Headline one    Headline two    Headline three    Headline four", 0.0),
        # A tag cloud, in alphabetical order; then a keyword list, its items
        # between commas; the same words out of order read as a long line.
        (
            "agua alerta ambiente amizade atendimento biblioteca caminhada campanha "
            "capacitação carnaval chuva cidadania concurso cultura defesa educação",
            0.0,
        ),
        (
            "bairro alto, chuva forte, defesa civil, enchente no bairro, Guarulhos, "
            "prefeitura municipal, rio Tietê, saúde pública, trânsito lento",
            0.0,
        ),
        (
            "cultura agua chuva alerta educação ambiente concurso amizade cidadania "
            "atendimento biblioteca carnaval caminhada defesa campanha capacitação",
            1.0,
        ),
    ],
)
def test_prose_weight(text: str, weight: float) -> None:
    assert prose_weight(one(text)) == weight


def test_headline_like() -> None:
    assert headline_like(one("في ماي المقبل.. “داعش” يجمع بلينكن وألباريس في مراكش!"))
    assert not headline_like(one("Read more:"))
    assert not headline_like(one("One sentence here. And a second one there."))


def test_wide_gaps_and_unspaced_scripts_are_measured() -> None:
    line = one("Un titre\xa0\xa0\xa0\xa0Un autre titre\xa0\xa0\xa0\xa0Un troisième")
    assert line.segments == 3
    assert line.text == "Un titre Un autre titre Un troisième"
    assert one("中文中文中文中文").words == 4


def test_long_lines_are_cut_and_folded() -> None:
    """A line past MAX_LINE_CHARS is cut there, then folded: a cut after a space
    leaves no trailing space, whether the line came folded or not."""
    folded = ("word " * 5000).strip()
    for text in (folded, folded.replace(" ", "  ", 1)):
        line = one(text)
        assert line.text == ("word " * (MAX_LINE_CHARS // 5)).strip()
        assert line.words == MAX_LINE_CHARS // 5
        assert line.size == len(line.text)


def test_echoes_find_breadcrumbs_and_captions() -> None:
    lines = split_lines(
        "StartMarokkoMarokko – Anti-Daech Koalition kommt zusammen.\n"
        "Marokko – Anti-Daech Koalition kommt zusammen.\n"
        "Marokko – Anti-Daech Koalition kommt zusammen. Foto: Rabat, 2022\n"
        "Marokko und die USA arbeiten eng zusammen."
    )
    assert echoes(lines) == {0: 1, 2: 1}


def test_a_paragraph_going_on_from_a_cut_headline_is_not_its_echo() -> None:
    """A blog's headline made of its post's first words: the paragraph goes on
    from it in lower case, and is the article, not a caption repeating it."""
    dump = (
        "Blog de Marta\n"
        "Inicio\n"
        "Ayer fui al mercado de San Miguel con mi\n"
        "Ayer fui al mercado de San Miguel con mi hermana y compramos fruta, pan y un queso"
        " curado que nos recomendó el vendedor del puesto de la esquina.\n"
        "Después paseamos por la Plaza Mayor, donde había músicos tocando y mucha gente"
        " sentada en las terrazas al sol de la tarde.\n"
        "Volveremos el mes que viene, cuando abran los puestos nuevos de la planta de arriba.\n"
        "Archivo\n"
    )
    lines = split_lines(dump)
    assert echoes(lines) == {}
    body = extract_text(dump).body
    assert body.startswith("Ayer fui al mercado de San Miguel con mi hermana y compramos")
    # A caption that adds a few words is still the headline's echo.
    caption = split_lines(
        "Ayer fui al mercado de San Miguel con mi\n"
        "Ayer fui al mercado de San Miguel con mi hermana, foto de Marta\n"
    )
    assert echoes(caption) == {1: 0}


def test_best_chain_bridges_small_gaps_only() -> None:
    found = islands([300, 0, 400, 0, 0, 0, 0, 0, 0, 50])
    assert found == [(0, 0, 300.0), (2, 2, 400.0), (9, 9, 50.0)]
    assert best_chain(found, lambda a, b, budget: 40.0 * (b - a - 1)) == (0, 1)
    assert best_chain([], lambda a, b, budget: 0.0) is None


def test_a_large_group_of_similar_lines_stops_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """echoes compares every pair of lines sharing their first characters: a
    dump of thousands of lines of one template checks the deadline as it goes."""

    def passed(stage: str) -> None:
        raise OutOfTime(f"0 s passed before {stage}")

    monkeypatch.setattr(rules, "checkpoint", passed)
    lines = split_lines(
        "\n".join(f"Breaking news from the capital city number {i} today" for i in range(200))
    )
    with pytest.raises(OutOfTime, match="repeat"):
        echoes(lines)
    assert echoes(lines[:50]) == {}  # a small group does not ask


def test_tag_cloud_longer_than_the_article_stays_out() -> None:
    """A site's tag cloud, one long line of words in alphabetical order, is no
    prose, even when it has more text than the article (a short news item)."""
    tags = (
        "saúde trânsito educação cultura esporte chuva enchente prefeitura câmara "
        "vereadores ônibus metrô escola hospital vacina dengue polícia bombeiros "
        "incêndio feira mercado emprego concurso eleição obras asfalto iluminação "
        "parque praça biblioteca museu teatro cinema música carnaval festa natal"
    ).split()
    article = (
        "A prefeitura de Guarulhos abriu nesta segunda-feira as inscrições para o "
        "concurso de professores, com 300 vagas para a rede municipal de ensino."
    )
    dump = (
        "Início\nNotícias\nConcurso abre 300 vagas para professores\n"
        + article
        + "\nTags\n"
        + " ".join(sorted(tags))
        + "\nContato\n"
    )
    assert extract_text(dump).body == article
