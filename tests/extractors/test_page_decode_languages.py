"""Detecting the legacy encoding of a page that declares none, in many languages.

Each text was written for these tests: a short news paragraph in its language.
A page holds it once or three times, with ``<html lang>`` or without, encoded in
the legacy encodings of the language's sites, and declares no charset: the
decoder must give back the page's own text (``extractors/page/decode.py``).
Detection is statistics, and a few pages are still misread; they are marked
``xfail(strict=True)``, so that one read right (or a new misreading) is seen.
"""

from __future__ import annotations

import charset_normalizer
import pytest

from extractors.page.decode import decode

TEXTS = {
    "ja": (
        "東京都は月曜日、"
        "来年度から都内の公立小学校で給食を無料にすると発表した。"
        "対象となる児童は約六十万人で、"
        "費用は年間およそ三百億円に上る見込みだ。"
        "保護者からは歓迎の声が上がっている。",
        ("euc_jp", "shift_jis"),
    ),
    "zh": (
        "北京市政府周一宣布，将从明年起在全市公立小学免费提供午餐。"
        "受益学生约六十万人，每年费用预计约为三十亿元。"
        "家长们对此表示欢迎。",
        ("gbk",),
    ),
    "zh-TW": (
        "臺北市政府週一宣布，將從明年起在全市公立小學免費提供午餐。"
        "受益學生約六十萬人，每年費用預計約為三十億元。"
        "家長們對此表示歡迎。",
        ("big5",),
    ),
    "ko": (
        "서울시는 월요일 내년부터 시내 공립 초등학교에서 급식을 "
        "무료로 제공한다고 발표했다. "
        "대상 학생은 약 육십만 명이며 비용은 연간 약 삼천억 원에 "
        "이를 전망이다. "
        "학부모들은 환영의 뜻을 밝혔다.",
        ("euc_kr",),
    ),
    "ru": (
        "Правительство Москвы в понедельник объявило, что со следующего года обеды в "
        "государственных начальных школах города станут бесплатными. Мера коснётся "
        "около шестисот тысяч учеников, а расходы составят примерно тридцать "
        "миллиардов рублей в год. Родители приветствовали это решение.",
        ("cp1251", "koi8_r"),
    ),
    "el": (
        "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι από την επόμενη χρονιά τα γεύματα στα "
        "δημόσια δημοτικά σχολεία της πόλης θα είναι δωρεάν. Το μέτρο αφορά περίπου "
        "εξήντα χιλιάδες μαθητές. Οι γονείς χαιρέτισαν την απόφαση.",
        ("cp1253",),
    ),
    "he": (
        "עיריית תל אביב הודיעה ביום שני כי החל מהשנה הבאה הארוחות בבתי הספר היסודיים "
        "הציבוריים בעיר יהיו בחינם. הצעד נוגע לכשישים אלף תלמידים. ההורים בירכו על "
        "ההחלטה.",
        ("cp1255",),
    ),
    "ar": (
        "أعلنت بلدية الرباط يوم الاثنين أن الوجبات في المدارس الابتدائية العمومية "
        "بالمدينة ستصبح مجانية ابتداء من العام المقبل. ويشمل القرار نحو ستين ألف "
        "تلميذ. ورحب أولياء الأمور بالقرار.",
        ("cp1256",),
    ),
    "th": (
        ""
        "กรุงเทพมหานครประกาศเมื่อวันจันทร์ว่าตั้งแต่ปีหน้าอาหารกลางวันในโรงเรียนประถมของรัฐทั่วเมืองจะไม่เสียค่าใช้จ่าย "
        "มาตรการนี้ครอบคลุมนักเรียนประมาณหกแสนคน ผู้ปกครองต่างแสดงความยินดี",
        ("cp874",),
    ),
    "tr": (
        "İstanbul Büyükşehir Belediyesi pazartesi günü, gelecek yıldan itibaren "
        "şehirdeki devlet ilkokullarında öğle yemeklerinin ücretsiz olacağını "
        "açıkladı. Karar yaklaşık altı yüz bin öğrenciyi kapsıyor. Veliler kararı "
        "memnuniyetle karşıladı.",
        ("cp1254",),
    ),
    "pl": (
        "Władze Warszawy ogłosiły w poniedziałek, że od przyszłego roku obiady w "
        "publicznych szkołach podstawowych w mieście będą bezpłatne. Decyzja dotyczy "
        "około sześćdziesięciu tysięcy uczniów. Rodzice z zadowoleniem przyjęli tę "
        "wiadomość.",
        ("cp1250", "iso8859_2"),
    ),
    "fr": (
        "La mairie a annoncé lundi que les repas des écoles primaires publiques de "
        "la ville seront gratuits dès l'année prochaine. La mesure concerne environ "
        "soixante mille élèves. Les parents d'élèves ont salué une décision très "
        "attendue.",
        ("cp1252",),
    ),
    "de": (
        "Die Stadt hat am Montag angekündigt, dass das Mittagessen an öffentlichen "
        "Grundschulen ab dem nächsten Jahr kostenlos ist. Die Maßnahme betrifft rund "
        "sechzigtausend Schüler. Die Eltern begrüßten die Entscheidung für ihre "
        "Kinder.",
        ("cp1252",),
    ),
    "es": (
        "El ayuntamiento anunció el lunes que las comidas en las escuelas primarias "
        "públicas de la ciudad serán gratuitas a partir del próximo año. La medida "
        "afecta a unos sesenta mil alumnos. Los padres celebraron la decisión.",
        ("cp1252",),
    ),
    "pt": (
        "A prefeitura anunciou na segunda-feira que as refeições nas escolas "
        "primárias públicas da cidade serão gratuitas a partir do próximo ano. A "
        "medida abrange cerca de sessenta mil alunos. Os pais comemoraram a decisão.",
        ("cp1252",),
    ),
    "sv": (
        "Kommunen meddelade på måndagen att skollunchen i stadens kommunala "
        "grundskolor blir gratis från och med nästa år. Beslutet gäller ungefär "
        "sextiotusen elever. Föräldrarna välkomnade beskedet.",
        ("cp1252",),
    ),
    "cs": (
        "Magistrát v pondělí oznámil, že obědy ve veřejných základních školách ve "
        "městě budou od příštího roku zdarma. Opatření se týká zhruba šedesáti tisíc "
        "žáků. Rodiče rozhodnutí přivítali.",
        ("cp1250",),
    ),
    "uk": (
        "Київська міська рада в понеділок оголосила, що з наступного року обіди в "
        "державних початкових школах міста будуть безкоштовними. Рішення стосується "
        "близько шістдесяти тисяч учнів. Батьки привітали це рішення.",
        ("cp1251",),
    ),
}

# Misread today, for the reasons given: statistics cannot tell them apart.
MISREAD = {
    # Czech letters in cp1250 that windows-1252 reads as other accented letters
    # ("pondìlí"): no mojibake to tell, and no language to go by.
    ("cs", "cp1250", False),
    # ISO-8859-2 is no guess of charset-normalizer's for this text: with the
    # language, its default cp1250 (ą and ś differ); without, ISO-8859-10 or -14.
    ("pl", "iso8859_2", True),
    ("pl", "iso8859_2", False),
}

CASES = [
    pytest.param(
        lang,
        codec,
        named,
        copies,
        id=f"{lang}-{codec}-{'lang' if named else 'nolang'}-{copies}",
        marks=[pytest.mark.xfail(strict=True)] if (lang, codec, named) in MISREAD else [],
    )
    for lang, (_, codecs) in TEXTS.items()
    for codec in codecs
    for named in (True, False)
    for copies in (1, 3)
]


@pytest.mark.parametrize(("lang", "codec", "named", "copies"), CASES)
def test_undeclared_legacy_encoding_is_read(
    lang: str, codec: str, named: bool, copies: int
) -> None:
    attribute = f' lang="{lang}"' if named else ""
    page = (
        f"<html{attribute}><head><title>t</title></head><body>"
        + f"<p>{TEXTS[lang][0]}</p>" * copies
        + "</body></html>"
    )
    text, _ = decode(page.encode(codec))
    assert text == page


def test_a_page_rejected_at_the_default_chaos_is_read_at_a_lenient_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """charset-normalizer can reject every reading of a page at its default chaos
    threshold (a Shift_JIS page of the development corpus, which its prefixes each
    read as Shift_JIS): a second pass at a lenient threshold then reads it, where
    windows-1252 with replacement characters was the fallback."""
    real = charset_normalizer.from_bytes

    def rejecting(data: bytes, *args: object, threshold: float = 0.2, **kwargs: object) -> object:
        if threshold <= 0.2:
            return charset_normalizer.CharsetMatches()  # what it gave that page
        return real(data, *args, threshold=threshold, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charset_normalizer, "from_bytes", rejecting)
    page = f"<html><head><title>t</title></head><body><p>{TEXTS['ja'][0]}</p></body></html>"
    text, codec = decode(page.encode("shift_jis"))
    assert (text, codec) == (page, "cp932")
