"""Hard-wrapped dumps, written by hand: each paragraph comes back as one line."""

from __future__ import annotations

from extractors import extract_text
from extractors.textdump.lines import split_lines
from extractors.textdump.wrap import unwrap

# Two paragraphs of a French news text wrapped at 72 characters, as a mail or
# a terminal tool saves it, between a site's menu and its footer.
WRAPPED_FR = (
    "Accueil\nActualités\nSport\nCulture\n"
    "La mairie de Saint-Malo a présenté mardi le projet de rénovation du\n"
    "marché couvert, fermé depuis l'incendie de l'hiver dernier, qui doit\n"
    "rouvrir ses portes au printemps prochain avec une trentaine de stands.\n"
    "Les commerçants, relogés depuis huit mois sous des tentes installées\n"
    "sur le parking du port, attendent avec impatience leur retour dans la\n"
    "halle, dont la charpente a été entièrement refaite par des artisans de\n"
    "la région.\n"
    "Mentions légales\nContact\n"
)
PARAGRAPHS_FR = [
    "La mairie de Saint-Malo a présenté mardi le projet de rénovation du marché couvert, "
    "fermé depuis l'incendie de l'hiver dernier, qui doit rouvrir ses portes au printemps "
    "prochain avec une trentaine de stands.",
    "Les commerçants, relogés depuis huit mois sous des tentes installées sur le parking "
    "du port, attendent avec impatience leur retour dans la halle, dont la charpente a été "
    "entièrement refaite par des artisans de la région.",
]


def test_wrapped_paragraphs_come_back_whole() -> None:
    assert extract_text(WRAPPED_FR).body == "\n\n".join(PARAGRAPHS_FR)


def test_lines_in_lower_case_that_end_a_clause_stay_apart() -> None:
    """List items in lower case, each ending with a semicolon, are not one
    wrapped paragraph; nor are short menu entries in lower case."""
    items = [
        "un commentaire est supprimé s'il ne correspond pas au sujet de l'article;",
        "s'il contient des insultes ou des propos haineux envers une personne;",
        "s'il fait la promotion de services commerciaux sans rapport avec le sujet.",
    ]
    menu = ["accueil", "actualités du jour", "sport et loisirs"]
    lines = split_lines("\n".join(items + menu))
    assert [line.text for line in unwrap(lines)] == items + menu
