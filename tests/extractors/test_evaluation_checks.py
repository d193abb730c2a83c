"""How fixtures are judged: extractors/evaluation/checks.py, and the ratchet of the
generic path's figures (generic.json)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractors.evaluation.checks import measure, raise_record
from extractors.evaluation.fixtures import GenericRecord, load_fixture, write_record
from extractors.sites.thehill_com import TheHill
from tests.extractors import test_fixtures  # the fixture tests themselves, called as they run

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OMAR = FIXTURES / "thehill.com" / "471031-new-york-man-pleads-guilty-to-threatening-to-kill-omar"
# A page written by hand that the generic extractor handles badly (evaluation/README.md):
# glossary pop-ups inside sentences, with no image, so not dropped as hover cards
# (prune._inline_cards). One pop-up's five headlines stay inside the lead paragraph,
# another's definition inside its sentence.
BAD = Path(__file__).resolve().parent / "evaluation" / "weather-desk.test" / "heat-dome-plains"
SEED = FIXTURES / "marokkonieuws.test" / "blinken-mei-marokko-coalitie-daesh"


def _copy(fixture: Path, tmp_path: Path) -> Path:
    copy = tmp_path / fixture.parent.name / fixture.name
    shutil.copytree(fixture, copy)
    return copy


def _edit(path: Path, **changes: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_bad_generic_page_passes_on_its_record() -> None:
    generic = measure(load_fixture(BAD), "generic")
    assert generic.score.precision < 0.9 and generic.score.recall < 0.95
    assert generic.passed and generic.state == "held"


def test_a_broken_site_extractor_fails_naming_the_field_and_the_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The issue's "red make test": the pop-up cards are no longer dropped (so their
    headlines stay inside the lead paragraph) and the title selector points at the
    byline."""
    monkeypatch.setattr(TheHill, "noise", ("div.dfp-tag-wrapper",))
    monkeypatch.setattr(TheHill, "title", "span.submitted-by")
    with pytest.raises(pytest.fail.Exception) as failed:
        test_fixtures.test_site_extractor(load_fixture(OMAR))
    message = str(failed.value)
    assert "title: expected 'New York man pleads guilty to threatening to kill Omar'" in message
    assert "got 'By Justine Coleman - 11/18/19 11:04 PM EST'" in message
    assert "precision 0.758 < 0.99: the body has text to remove" in message
    assert "noise in the body: 'Progressives oppose spending stopgap measure" in message
    assert "missing paragraph: 'A New York man pleaded guilty to charges" in message


def test_a_handover_names_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TheHill, "body", "article.node div.field-name-text")
    with pytest.raises(pytest.fail.Exception) as failed:
        test_fixtures.test_site_extractor(load_fixture(OMAR))
    message = str(failed.value)
    assert (
        "extractor: expected site:thehill.com, got generic: site:thehill.com handed the page "
        "to the generic extractor: body selector 'article.node div.field-name-text' matched "
        "nothing"
    ) in message


def test_the_generic_path_fails_below_its_record(tmp_path: Path) -> None:
    copy = _copy(BAD, tmp_path)
    _edit(copy / "generic.json", recall=0.95)  # more than the generic path gives
    with pytest.raises(pytest.fail.Exception) as failed:
        test_fixtures.test_generic_extractor(load_fixture(copy))
    message = str(failed.value)
    assert "recall 0.945 < 0.950 recorded" in message
    assert "missing paragraph: 'A heat dome will keep temperatures above 40 °C" in message


def test_precision_is_held_on_the_generic_path(tmp_path: Path) -> None:
    copy = _copy(BAD, tmp_path)
    _edit(copy / "generic.json", precision=0.9)
    result = measure(load_fixture(copy), "generic")
    assert result.state == "dropped"
    assert "precision 0.682 < 0.900 recorded" in result.problems


def test_a_new_leak_fails_and_a_recorded_one_does_not(tmp_path: Path) -> None:
    copy = _copy(SEED, tmp_path)
    paragraph = load_fixture(copy).expected["body"].split("\n\n")[1]
    _edit(copy / "meta.json", noise=[paragraph])  # an article paragraph declared noise
    generic = measure(load_fixture(copy), "generic")
    assert f"noise in the body (not a recorded leak): {paragraph!r}" in generic.problems
    fixture = load_fixture(copy)
    assert fixture.record is not None
    write_record(
        fixture,
        GenericRecord(1.0, 1.0, (paragraph,), fixture.record.expected_body),
    )
    assert measure(load_fixture(copy), "generic").passed
    assert not measure(load_fixture(copy), "site").passed  # the site path allows no leak


def test_record_raises_and_never_lowers(tmp_path: Path) -> None:
    copy = _copy(BAD, tmp_path)
    _edit(copy / "generic.json", recall=0.5, precision=0.9)
    new, what = raise_record(load_fixture(copy))
    assert new is None and what.startswith("not recorded, below the record")
    _edit(copy / "generic.json", recall=0.5, precision=0.6)
    new, what = raise_record(load_fixture(copy))
    assert new is not None and (new.precision, new.recall) == (0.681, 0.944)
    assert what.startswith("raised from P 0.600 R 0.500")
    write_record(load_fixture(copy), new)
    assert raise_record(load_fixture(copy))[0] is None  # nothing left to raise


def test_a_record_holds_for_its_expected_body_only(tmp_path: Path) -> None:
    copy = _copy(OMAR, tmp_path)
    expected = json.loads((copy / "expected.json").read_text(encoding="utf-8"))
    _edit(copy / "expected.json", body=expected["body"] + "\n\nA paragraph a person added.")
    result = measure(load_fixture(copy), "generic")
    assert result.state == "stale"
    assert "scrapy quality --record" in result.problems[0]
    new, what = raise_record(load_fixture(copy))  # measured afresh, lower or not
    assert new is not None and what.startswith("recorded")
    (copy / "generic.json").unlink()
    assert measure(load_fixture(copy), "generic").state == "unrecorded"


def test_a_draft_fails_on_both_paths(tmp_path: Path) -> None:
    copy = _copy(SEED, tmp_path)
    _edit(copy / "meta.json", reviewed=False)
    for path in ("site", "generic"):
        result = measure(load_fixture(copy), path)
        assert result.state == "draft" and "draft expectation" in result.problems[0]


def test_proposed_noise_must_be_confirmed(tmp_path: Path) -> None:
    copy = _copy(SEED, tmp_path)
    _edit(copy / "meta.json", noise_proposed=["Lees meer"])
    result = measure(load_fixture(copy), "site")
    assert "meta.json still proposes 1 noise lines" in result.problems[0]
