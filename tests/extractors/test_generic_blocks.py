"""Noise-line rules: extractors/generic/blocks.py and extractors/generic/lines.py."""

from __future__ import annotations

import pytest

from extractors.generic import blocks, lines
from extractors.generic.blocks import Block, article_blocks, is_noise_line


def line(text: str, link_chars: int = 0) -> Block:
    return Block(text, link_chars, "p")


@pytest.mark.parametrize(
    "text",
    [
        "Lees ook: Antony Blinken ontmoet prins van Abu Dhabi in Marokko",
        "Lire aussi: L'initiative marocaine d'autonomie (Blinken)",
        "Lesen Sie auch: Marokko und Spanien einigen sich",
        "Read more: The coalition meets in Marrakech",
        "Lea también: Albares viaja a Marruecos",
        "اقرأ أيضا: بوريطة يستقبل بلينكن",
        "Czytaj też: Koalicja przeciwko ISIS",
        "21 april 2022 - 17:40 - Marokko",
        "السبت 23 أبريل 2022 على الساعة 00:05",
        "Advertisement",
        "عاجل",
        "Photo: Reuters/John Smith",
        "© Reuters",
        "© 2024 The Coastal Courier",
        "By Jane Doe",
        "Publié dans Maroc Diplomatique le 20 - 04 - 2022",
        "Published on 21 April 2022, 17:40",
    ],
)
def test_noise_lines(text: str) -> None:
    assert is_noise_line(line(text))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Läs också: Regeringen presenterar budgeten", "read-also"),
        ("Læs også: Regeringen fremlægger finansloven", "read-also"),
        ("Les også: Regjeringen legger fram budsjettet", "read-also"),
        ("Lue myös: Hallitus esittelee budjetin", "read-also"),
        ("Čtěte také: Vláda představila rozpočet", "read-also"),
        ("Citește și: Guvernul prezintă bugetul", "read-also"),
        ("Διαβάστε επίσης: Η κυβέρνηση παρουσιάζει τον προϋπολογισμό", "read-also"),
        ("İlgili haberler: Hükümet bütçeyi açıkladı", "read-also"),
        ("Baca juga: Pemerintah umumkan anggaran", "read-also"),
        ("Xem thêm: Chính phủ công bố ngân sách", "read-also"),
        ("Читайте також: Уряд представив бюджет", "read-also"),
        ("بیشتر بخوانید: دولت بودجه را اعلام کرد", "read-also"),
        ("קראו גם: הממשלה הציגה את התקציב", "read-also"),
        ("यह भी पढ़ें: सरकार ने बजट पेश किया", "read-also"),
        ("관련기사: 정부 예산안 발표", "read-also"),
        ("อ่านเพิ่มเติม: รัฐบาลเสนองบประมาณ", "read-also"),
        ("Reklam", "label"),
        ("Annons", "label"),
        ("Mainos", "label"),
        ("Διαφήμιση", "label"),
        ("Iklan", "label"),
        ("Quảng cáo", "label"),
        ("विज्ञापन", "label"),
        ("광고", "label"),
        ("图片来源：新华社", "credit"),
        ("写真：共同通信", "credit"),
        ("사진=연합뉴스", "credit"),
        ("Фото: ТАСС", "credit"),
    ],
)
def test_noise_lines_in_more_languages(text: str, reason: str) -> None:
    assert lines.line_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "İlgili bakanlık pazartesi günü bir açıklama yaptı.",
        "Reklamlar yasaklandı, dedi bakan.",
        "写真家の田中さんは、三十年にわたって港町の暮らしを撮り続けてきた。",
        "사진은 지난달 촬영됐다.",
        "Annonsörerna lämnade sajten.",
        "Фотографии выставки можно увидеть до мая.",
    ],
)
def test_article_lines_opening_with_those_words_are_kept(text: str) -> None:
    assert lines.line_reason(text) is None


@pytest.mark.parametrize(
    ("text", "noise"),
    [
        # ASCII lines, which the rules' joined pattern reads lower-cased, in capitals:
        ("ADVERTISEMENT", True),
        ("READ MORE: The minister arrives in Rabat", True),
        ("BY JANE DOE", True),
        ("RELATED STORIES", True),
        ("PUBLISHED ON 21 APRIL 2022", True),
        ("April 21, 2022 10:40", True),
        ("Byzantine art, a history in 12 chapters", False),
        ("Sharing is what the minister asked for.", False),
    ],
)
def test_rules_ignore_case(text: str, noise: bool) -> None:
    assert is_noise_line(line(text)) is noise


@pytest.mark.parametrize(
    "text",
    [
        "Par ailleurs, le ministre a annoncé la tenue de la réunion le 11 mai 2022 à Marrakech.",
        "De in 2014 opgerichte coalitie heeft als missie de terroristische beweging te stoppen.",
        "La coalition s'accorde sur plusieurs domaines de tâches",
        "Vertreter aller 60 Koalitionsmitglieder werden erwartet.",
    ],
)
def test_article_lines_are_kept(text: str) -> None:
    assert not is_noise_line(line(text))


def test_link_dominated_line_is_noise() -> None:
    text = "Cliquez ici pour lire l'article depuis sa source."
    assert is_noise_line(line(text, link_chars=len(text)))


@pytest.mark.parametrize("text", ["http://amzn.to/2iJFhRj", "www.jeongdongtheater.com"])
def test_a_link_showing_its_address_is_kept(text: str) -> None:
    assert not is_noise_line(line(text, link_chars=len(text)))


def test_an_address_that_is_no_link_is_noise() -> None:
    assert is_noise_line(line("https://cdn.example/images/lead-1200x800.jpg"))


def test_title_repeated_in_the_body_is_noise() -> None:
    assert is_noise_line(line("Blinken in Rabat"), title="Blinken in Rabat")


@pytest.mark.parametrize(
    "text",
    [
        "GDP growth 2023: 1.2%",
        "Inflation 2023: 3.4%",
        "Outlook for 2025-26",
        "2019 | 1,204 | 3.1 %",
        "Unemployment fell to 5.1% in 2024",
    ],
)
def test_short_lines_with_numbers_but_no_date_are_kept(text: str) -> None:
    assert not is_noise_line(line(text))


@pytest.mark.parametrize(
    "text",
    ["20 - 04 - 2022", "2022-04-20 10:30", "April 21, 2022 | 4:10pm", "Mis à jour le 3 mai 2023"],
)
def test_date_stamps_are_noise(text: str) -> None:
    assert is_noise_line(line(text))


def test_an_h1_heads_the_body_only_below_article_text() -> None:
    found = [
        Block("A headline worded unlike the title", 0, "h1", "heading", 1),
        Block("The first paragraph of the story.", 0, "p"),
        Block("A section marked as h1", 0, "h1", "heading", 1),
        Block("More of the story.", 0, "p"),
    ]
    assert [b.text for b in article_blocks(found, "The title")] == [
        "The first paragraph of the story.",
        "A section marked as h1",
        "More of the story.",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Chinese writes no space after a lead-in word.
        ("相关阅读市民热议公交票价调整方案", "read-also"),
        ("相关新闻", "related-heading"),
        ("发布时间：2024年3月12日 10:30　来源：城市日报", "published-line"),
        ("发布于2024-03-12", "published-line"),
        ("作者：李明", "byline"),
        # "发布会" is a press conference, "作者认为" the author's view: sentences.
        ("交通局局长在发布会上说，新车辆在2024年已经试运行", None),
        ("作者认为这个方案在2024年可行", None),
    ],
)
def test_lead_ins_of_unspaced_scripts(text: str, reason: str | None) -> None:
    assert blocks.noise_reason(line(text)) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Relaterade artiklar",  # Swedish
        "Relaterte artikler",  # Norwegian
        "Související články",  # Czech
        "Articole similare",  # Romanian
        "Σχετικά άρθρα",  # Greek
        "İlgili Haberler",  # Turkish
        "Berita Terkait",  # Indonesian
        "Tin liên quan",  # Vietnamese
        "Схожі статті",  # Ukrainian
        "مطالب مرتبط",  # Persian
        "כתבות נוספות",  # Hebrew
        "관련기사",  # Korean
        "संबंधित खबरें",  # Hindi
        "Meest gelezen",  # "most read": Dutch, German, French, Spanish, Italian
        "Meistgelesen",
        "Les plus lus",
        "Lo más leído",
        "Più letti",
    ],
)
def test_related_list_headings_in_more_languages(text: str) -> None:
    assert blocks.noise_reason(line(text)) == "related-heading"
