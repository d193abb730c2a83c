"""The fixture report and rerun helpers: extractors/evaluation/report.py and rerun.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractors.evaluation import report, rerun

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ONE = next(FIXTURES.glob("*/*/source.html")).parent


def test_report_prints_both_paths_for_every_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert report.main([str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    slugs = [p.parent.name for p in FIXTURES.glob("*/*/source.html")]
    for slug in slugs:
        assert out.count(slug[:20]) >= 2, f"{slug} should have a site row and a generic row"
    assert "all reviewed fixtures" in out


def test_report_fails_on_a_leak(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / ONE.parent.name / ONE.name
    shutil.copytree(ONE, copy)
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    body = json.loads((copy / "expected.json").read_text(encoding="utf-8"))["body"]
    meta["noise"].append(body.split("\n\n")[0])  # a real paragraph declared as noise
    (copy / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    assert report.main([str(tmp_path)]) == 1
    capsys.readouterr()


def test_rerun_never_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / ONE.name
    shutil.copytree(ONE, copy)
    expected = copy / "expected.json"
    data = json.loads(expected.read_text(encoding="utf-8"))
    data["title"] = "A title the page does not have"
    expected.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = expected.read_bytes()
    assert rerun.main([str(copy)]) == 1
    out = capsys.readouterr().out
    assert "!= title" in out
    assert "A title the page does not have" in out
    assert expected.read_bytes() == before


def test_rerun_matches_a_reviewed_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert rerun.main([str(ONE)]) == 0
    assert "body: identical" in capsys.readouterr().out
