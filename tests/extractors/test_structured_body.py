"""The JSON-LD articleBody as the body when the markup holds a fraction of it."""

from __future__ import annotations

import json

from extractors import extract
from extractors.metadata import read_metadata
from extractors.page import load

URL = "https://noticias.example/2024/05/10/puerto/"
STORY = [
    "El puerto de Valencia movió en abril un ocho por ciento más de contenedores que hace un año, "
    "según los datos publicados este viernes por la autoridad portuaria.",
    "El aumento se debe sobre todo al tráfico con el norte de África, que creció un veinte por "
    "ciento, mientras que el de Asia se mantuvo estable.",
    "La autoridad portuaria prevé cerrar el año con un crecimiento de entre el cinco y el seis "
    "por ciento, si no empeora la situación en el mar Rojo.",
    "Los estibadores, por su parte, piden más personal para la terminal norte, donde los turnos "
    "de noche se han alargado desde marzo.",
    "La ampliación de esa terminal, aprobada en 2023, sigue pendiente de la declaración de "
    "impacto ambiental, que el ministerio no ha publicado todavía.",
    "Mientras tanto, el puerto ha abierto dos nuevas líneas con Argelia y Túnez, que empezarán "
    "a operar en junio con tres escalas semanales.",
]


def _page(body_markup: str, article_body: str) -> bytes:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "El puerto de Valencia crece un ocho por ciento en abril",
        "datePublished": "2024-05-10T09:30:00+02:00",
        "articleBody": article_body,
    }
    return (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">'
        "<title>El puerto de Valencia crece un ocho por ciento en abril</title>"
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
        f"</head><body>{body_markup}</body></html>"
    ).encode()


def test_a_page_a_script_renders_gives_its_structured_body() -> None:
    shell = '<div id="app"></div><script src="/static/app.js"></script>'
    article = extract(_page(shell, "\n".join(STORY)), URL)
    assert article.body.split("\n\n") == STORY
    assert article.extractor == "generic"
    assert article.extractor_note is not None
    assert "JSON-LD articleBody" in article.extractor_note


def test_a_teaser_over_a_wall_gives_the_structured_body_with_its_markup_taken_out() -> None:
    teaser = (
        '<div class="story"><h1>El puerto de Valencia crece un ocho por ciento en abril</h1>'
        f"<p>{STORY[0]}</p><div class='wall'>Suscríbase para seguir leyendo.</div></div>"
    )
    stated = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    article = extract(_page(teaser, stated), URL)
    assert article.body.split("\n\n") == STORY


def test_the_markup_wins_when_it_holds_the_story() -> None:
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    headline = "<h1>El puerto de Valencia crece un ocho por ciento en abril</h1>"
    markup = f"<article>{headline}{story}</article>"
    # A publisher's articleBody cut to its first sentence, as many are.
    article = extract(_page(markup, STORY[0][:120] + "..."), URL)
    assert article.body.split("\n\n") == STORY
    assert article.extractor_note is None


def test_metadata_reads_the_structured_body() -> None:
    page = load(_page("", "Uno.\n\nDos &amp; tres."), URL)
    assert read_metadata(page.tree, page.url).body == "Uno.\n\nDos & tres."
