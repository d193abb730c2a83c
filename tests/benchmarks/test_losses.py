"""Where ours loses to a peer: the paragraph diff and the page rankings of benchmarks.losses."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import Page
from benchmarks.losses import biggest_losses, collapses, format_loss, paragraph_diff, shorten
from benchmarks.quality import PageResult
from extractors.evaluation.quality import score

STORY = (
    "The council voted on Tuesday to close the old bridge for repairs.\n"
    "Traffic will be diverted through the north end of town until June.\n"
    "Residents said the detour adds twenty minutes to the school run."
)


def _result(page_id: str, prediction: str, expected: str = STORY) -> PageResult:
    page = Page(page_id, f"https://news.test/{page_id}", expected, Path("unused.html.gz"))
    return PageResult(page, score(prediction, expected), 0.001, None, prediction)


def test_paragraph_diff_names_missed_and_added_lines() -> None:
    predicted = STORY.split("\n", 1)[1] + "\nSubscribe to our newsletter for more stories."
    missed, added = paragraph_diff(STORY, predicted)
    assert missed == ("The council voted on Tuesday to close the old bridge for repairs.",)
    assert added == ("Subscribe to our newsletter for more stories.",)


def test_paragraph_diff_reports_a_repeated_paragraph_once_too_many() -> None:
    line = STORY.splitlines()[0]
    missed, added = paragraph_diff(STORY, STORY + "\n" + line)
    assert missed == ()
    assert added == (line,)


def test_paragraph_diff_finds_short_lines_as_runs_of_tokens() -> None:
    assert paragraph_diff("Key facts\n" + STORY, STORY + "\nKey facts") == ((), ())
    assert paragraph_diff("Key facts\n" + STORY, STORY) == (("Key facts",), ())


def test_paragraph_diff_tolerates_trimmed_edges() -> None:
    trimmed = STORY.replace("The council voted", "Council voted")
    assert paragraph_diff(STORY, trimmed) == ((), ())


def test_biggest_losses_rank_by_the_best_peer_and_skip_pages_ours_wins() -> None:
    half = STORY.splitlines()[0]
    ours = [_result("a", STORY), _result("b", half), _result("c", "")]
    peers = {
        "trafilatura": [_result("a", half), _result("b", STORY), _result("c", half)],
        "readability": [_result("a", ""), _result("b", half), _result("c", STORY)],
    }
    losses = biggest_losses(ours, peers, 5)
    assert [(loss.ours.page.id, loss.peer) for loss in losses] == [
        ("c", "readability"),
        ("b", "trafilatura"),
    ]
    assert losses[0].loss == 1.0
    assert losses[1].missed == tuple(STORY.split("\n")[1:])
    assert biggest_losses(ours, peers, 1)[0].ours.page.id == "c"


def test_without_peers_the_lowest_f1_comes_first() -> None:
    ours = [_result("a", STORY), _result("b", "")]
    assert [loss.ours.page.id for loss in biggest_losses(ours, {}, 5)] == ["b", "a"]


def test_collapses_are_pages_ours_misses_and_trafilatura_gets() -> None:
    ours = [_result("a", ""), _result("b", "")]
    peer = [_result("a", STORY), _result("b", "")]
    assert [mine.page.id for mine, _ in collapses(ours, peer)] == ["a"]


def test_format_loss_shortens_long_paragraphs_and_says_their_length() -> None:
    long_line = "word " * 60
    loss = biggest_losses([_result("x", STORY + "\n" + long_line)], {}, 1)[0]
    text = format_loss(loss)
    assert "added (1 paragraphs):" in text
    assert f"[{len(long_line.strip())} chars]" in text
    assert shorten(long_line).endswith("…")
