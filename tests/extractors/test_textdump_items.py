"""Lines that head a list's items, in hand-made dumps: comments' authors, teasers' ages.

Each dump is written by hand in the shape of the flattened pages where a list
below the article joined it or took its place (a blog's comments, a column of
dated teasers); the expected body is the article's lines, chosen by reading.
"""

from __future__ import annotations

import pytest

from extractors import extract_text
from extractors.textdump import explain_text
from extractors.textdump.items import is_comment_author, is_relative_time

MENU_ES = "Inicio\nNoticias\nDeportes\nCultura\nBuscar\n"
HEADLINE_ES = "El ayuntamiento abre la nueva biblioteca del barrio del puerto\n"
ARTICLE_ES = [
    "La nueva biblioteca del barrio del puerto abrió sus puertas el lunes, después "
    "de dos años de obras en el antiguo almacén de la lonja.",
    "El edificio tiene tres plantas, una sala infantil y un taller de informática "
    "que los vecinos podrán usar de forma gratuita todas las tardes.",
    "La alcaldesa dijo que la biblioteca era una deuda pendiente con el barrio, "
    "que llevaba más de veinte años pidiendo un espacio de lectura propio.",
]
COMMENTS_ES = (
    "3 comentarios\n"
    "María López dice:\n"
    "Por fin, llevamos años esperando esta biblioteca y mis hijos ya tienen el carné. "
    "Lo único que falta es que abran también los sábados por la mañana, porque entre "
    "semana trabajamos todos y no hay manera de llevarlos, y que amplíen la sala de "
    "estudio, que en época de exámenes se queda pequeña enseguida.\n"
    "Responder\n"
    "jgarcia88 dice:\n"
    "El edificio ha quedado muy bien, pero el aparcamiento de bicicletas es pequeño y "
    "ya el primer día estaba lleno, con bicis atadas a las farolas de toda la calle. "
    "Espero que el ayuntamiento lo amplíe antes del verano, cuando vengan los turistas "
    "y el barrio se llene de gente desde primera hora de la mañana.\n"
    "Responder\n"
    "Antonio dice:\n"
    "Estuve en la inauguración y la sala infantil es una maravilla, con cojines, "
    "alfombras y cuentos en varios idiomas para los niños de las familias que han "
    "llegado al barrio estos años. Enhorabuena a las bibliotecarias, que se nota que "
    "han pensado cada detalle y que conocen bien a los vecinos del puerto.\n"
)
FOOTER_ES = "Aviso legal\nContacto\n© 2024 Diario del Puerto\n"


def test_comments_below_the_article_stay_out() -> None:
    """Comments longer than the article, each under its author line, are not
    the article: each author line ends the text before it."""
    dump = MENU_ES + HEADLINE_ES + "\n".join(ARTICLE_ES) + "\n" + COMMENTS_ES + FOOTER_ES
    article = extract_text(dump)
    assert article.body == "\n\n".join(ARTICLE_ES)
    reasons = {v.text: v.reason for v in explain_text(dump)}
    assert reasons["María López dice:"] == "comments-heading"


def test_one_line_opening_a_quotation_stays_in_the_article() -> None:
    """A page with a single author-like line ("La alcaldesa dijo:") has no
    comment list: the line opens a quotation of the article."""
    quote = "«Esta biblioteca es del barrio y para el barrio, y estará abierta todo el año.»"
    lines = [*ARTICLE_ES[:2], "La alcaldesa dijo:", quote, ARTICLE_ES[2]]
    dump = MENU_ES + HEADLINE_ES + "\n".join(lines) + "\n" + FOOTER_ES
    assert extract_text(dump).body == "\n\n".join(lines)


MENU_DE = "Startseite\nPolitik\nWirtschaft\nSport\nSuche\n"
HEADLINE_DE = "Stadtwerke senken den Gaspreis zum ersten April\n"
ARTICLE_DE = [
    "Die Stadtwerke senken den Gaspreis für Privatkunden zum ersten April um "
    "etwa zwölf Prozent, wie das Unternehmen am Dienstag mitteilte.",
    "Ein Haushalt mit einem Verbrauch von 15.000 Kilowattstunden im Jahr spart "
    "damit rund 250 Euro, heißt es in der Mitteilung der Stadtwerke.",
]
TEASERS_DE = (
    "Neue Buslinie verbindet Altstadt und Klinikum\n"
    "vor 2 Stunden\n"
    "Ab Montag fährt die neue Linie 14 im Zehn-Minuten-Takt zwischen dem Marktplatz "
    "und dem Klinikum, teilten die Verkehrsbetriebe am Vormittag mit.\n"
    "Hallenbad bleibt wegen Reparaturen bis Ostern geschlossen\n"
    "vor 5 Stunden\n"
    "Die Reparatur der Lüftungsanlage dauert länger als geplant, weil ein Ersatzteil "
    "erst im März geliefert wird, sagte ein Sprecher der Stadt.\n"
    "Weihnachtsmarkt zieht mehr Besucher an als im Vorjahr\n"
    "vor 1 Tag\n"
    "Mehr als 300.000 Menschen haben den Weihnachtsmarkt in diesem Jahr besucht, "
    "so viele wie nie zuvor, berichtet der Verein der Schausteller.\n"
)
FOOTER_DE = "Impressum\nKontakt\nDatenschutz\n"


def test_dated_teasers_below_the_article_stay_out() -> None:
    """Teasers each dated by their age ("vor 2 Stunden") join no article: the
    age heads an item of a list."""
    dump = MENU_DE + HEADLINE_DE + "\n".join(ARTICLE_DE) + "\n" + TEASERS_DE + FOOTER_DE
    assert extract_text(dump).body == "\n\n".join(ARTICLE_DE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("32M ago", True),
        ("2 days ago at 07:47 am", True),
        ("hace 3 horas", True),
        ("il y a une heure", True),
        ("2 uur geleden", True),
        ("3 ore fa", True),
        ("5 минут назад", True),
        ("3小时前", True),
        ("5 years ago the company was founded in Lyon by two brothers.", False),
        ("Ago Building", False),
    ],
)
def test_relative_time(text: str, expected: bool) -> None:
    assert is_relative_time(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theprocess12 says:", True),
        ("Catherine (GiveWell) on September 19, 2018 at 12:48 pm said:", True),
        ("Jan de Vries zegt:", True),
        ("Makali wrote:", False),
        ("Il a dit : « Non. »", False),
        ("Home", False),
    ],
)
def test_comment_author(text: str, expected: bool) -> None:
    assert is_comment_author(text) is expected
