"""Lists an article introduces, in hand-made dumps: kept up to their last item."""

from __future__ import annotations

from extractors import extract_text

HEADLINE_IT = "Le offerte del Black Friday per chi ama gli anni Ottanta\n"
LEAD_IT = [
    "Il Black Friday è arrivato anche quest'anno, e con lui una valanga di sconti "
    "sui negozi online che durerà fino al lunedì successivo.",
    "Abbiamo scelto per voi le offerte più interessanti per chi è cresciuto con i "
    "cartoni animati e i videogiochi degli anni Ottanta e Novanta.",
]
ITEMS_IT = [
    "1) Lego Star Wars, il bombardiere della Resistenza",
    "2) Pista elettrica Polistil con due auto da corsa",
    "3) Cofanetto della trilogia di Ritorno al Futuro in Blu-Ray",
    "4) Modellino della DeLorean in scala 1:24",
    "5) Cofanetto dei Cavalieri dello Zodiaco in dodici DVD",
]
FOOTER_IT = "Facebook\nTwitter\nChi siamo\nContatti\n"


def test_numbered_list_after_the_article_is_kept() -> None:
    """A run numbered from 1, right after the article's text, is its list; the
    links between its items stay out."""
    lines = [line for item in ITEMS_IT for line in (item, "https://amzn.to/2iJFhRj")]
    dump = "Home\n" + HEADLINE_IT + "\n".join(LEAD_IT + lines) + "\n" + FOOTER_IT
    assert extract_text(dump).body == "\n\n".join(LEAD_IT + ITEMS_IT)


HEADLINE_FR = "Un jeu de société pour redécouvrir la forêt en famille\n"
ARTICLE_FR = [
    "Une maison d'édition de Grenoble publie ce mois-ci un jeu de société qui fait "
    "découvrir aux enfants les arbres et les animaux des forêts des Alpes.",
    "Pensé avec des gardes forestiers, il se joue à partir de six ans et dure une "
    "demi-heure environ. La boîte contient :",
]
ITEMS_FR = [
    "un plateau illustré de la forêt en quatre saisons",
    "soixante cartes d'animaux et de plantes",
    "quatre pions en bois et un dé à saisons",
    "un livret de jeu avec des questions pour les plus grands",
    "une carte des sentiers de randonnée de la région",
]
FOOTER_FR = "Partager\nMentions légales\n"


def test_list_after_a_colon_is_kept() -> None:
    """Short lines after a line of the article ending with a colon are its list,
    up to the first line that is not an item (a lone word)."""
    dump = "Accueil\n" + HEADLINE_FR + "\n".join(ARTICLE_FR + ITEMS_FR) + "\n" + FOOTER_FR
    assert extract_text(dump).body == "\n\n".join(ARTICLE_FR + ITEMS_FR)


def test_numbers_out_of_sequence_are_no_list() -> None:
    """Lines numbered 1, 2 and then 7 are a ranked box of other stories past
    its second line, not the article's list."""
    teasers = ["1) Lego Star Wars in offerta", "2) Pista Polistil scontata", "7) Le altre offerte"]
    dump = "Home\n" + HEADLINE_IT + "\n".join(LEAD_IT + teasers) + "\n" + FOOTER_IT
    assert extract_text(dump).body == "\n\n".join(LEAD_IT + teasers[:2])


HEADLINE_DE = "Finnland bleibt das Land mit den besten Chancen für Arbeitnehmer\n"
BEFORE_DE = [
    "Eine neue Studie vergleicht zehn Industrieländer danach, wie gut sie ihre "
    "Bürger vor Arbeitslosigkeit und Armut schützen.",
    "Die Vereinigten Staaten schneiden dabei deutlich schlechter ab, als viele "
    "Ökonomen erwartet hatten.",
    "Die Rangliste der untersuchten Länder sieht so aus:",
]
RANKING_DE = [
    "1. Finnland",
    "2. Norwegen",
    "3. Australien",
    "4. Kanada",
    "5. Deutschland",
    "6. Frankreich",
]
AFTER_DE = [
    "Den schlechten Platz der USA erklären die Autoren vor allem mit der großen "
    "Ungleichheit der Einkommen und dem schwachen Sozialsystem.",
    "Die Studie soll im nächsten Jahr mit weiteren Ländern wiederholt werden.",
]


def test_lead_in_before_a_long_list_inside_the_article_is_kept() -> None:
    """A sentence ending with a colon opens the list after it, however long the
    run of short lines it leaves between two paragraphs; a two-word label does
    not ("Teilen Sie:" before share buttons)."""
    body = BEFORE_DE + RANKING_DE + AFTER_DE
    dump = "Startseite\n" + HEADLINE_DE + "\n".join(body) + "\nImpressum\n"
    assert extract_text(dump).body == "\n\n".join(body)
    shares = ["Teilen Sie:", "Facebook Seite", "Twitter Konto", "WhatsApp Gruppe", "Per E-Mail"]
    dump = "Startseite\n" + HEADLINE_DE + "\n".join(BEFORE_DE[:2] + shares + AFTER_DE) + "\n"
    assert extract_text(dump).body == "\n\n".join(BEFORE_DE[:2] + AFTER_DE)
