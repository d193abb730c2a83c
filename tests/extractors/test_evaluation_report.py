"""The fixture report, its HTML page (opened in headless Chromium) and the rerun
helper: extractors/evaluation/report.py, html.py and rerun.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from extractors.evaluation import report, rerun

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ONE = FIXTURES / "marokkonieuws.test" / "blinken-mei-marokko-coalitie-daesh"
# A page written by hand that the generic extractor handles badly: pop-up text inside
# its sentences (tests/extractors/evaluation/README.md).
BAD = Path(__file__).resolve().parent / "evaluation" / "weather-desk.test" / "heat-dome-plains"
# Debian's chromium, installed by scripts/system-packages; the flags keep it off the
# network (closed here) and out of any profile but a fresh one.
CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _copy(fixture: Path, root: Path) -> Path:
    copy = root / fixture.parent.name / fixture.name
    shutil.copytree(fixture, copy)
    return copy


def _broken(root: Path) -> Path:
    """A copy of ONE whose meta.json calls its second paragraph noise (a leak on both
    paths) and whose expected title differs from the page's."""
    copy = _copy(ONE, root)
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((copy / "expected.json").read_text(encoding="utf-8"))
    meta["noise"].append(expected["body"].split("\n\n")[1])
    expected["title"] = "A title the page does not have"
    (copy / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (copy / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    return copy


def test_report_prints_both_paths_for_every_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert report.main([str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    for source in FIXTURES.glob("*/*/source.html"):
        name = f"{source.parent.parent.name}/{source.parent.name}"  # never cut
        assert len(re.findall(rf"^{re.escape(name)} +(site|generic) ", out, re.M)) == 2, name
    assert "all reviewed fixtures" in out
    assert out.rstrip().endswith("make test passes these fixtures.")


def test_report_names_the_leaked_line_and_why_it_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _broken(tmp_path)
    paragraph = json.loads((copy / "meta.json").read_text(encoding="utf-8"))["noise"][-1]
    assert report.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"  noise in the body: {paragraph!r}" in out
    assert f"  noise in the body (not a recorded leak): {paragraph!r}" in out
    assert "  title: expected 'A title the page does not have', got 'Antony Blinken" in out
    assert out.rstrip().splitlines()[-1] == (
        "Exit status 1: 2 of 2 rows fail (FAIL, dropped); their fixture tests fail the same "
        "way (see 'Why rows fail' above)."
    )


def test_record_writes_the_generic_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy(BAD, tmp_path)
    (copy / "generic.json").unlink()
    assert report.main([str(copy)]) == 1
    assert "the generic path has no recorded figures" in capsys.readouterr().out
    assert report.main(["--record", str(copy)]) == 1  # the site path still fails
    assert "recorded P 0.681 R 0.944, 5 leaks" in capsys.readouterr().out
    recorded = json.loads((copy / "generic.json").read_text(encoding="utf-8"))
    leak = "The temperature at which air becomes saturated with water vapour and dew forms."
    assert (recorded["precision"], recorded["recall"]) == (0.681, 0.944)
    assert leak in recorded["leaks"] and len(recorded["leaks"]) == 5


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.fail("chromium is missing: run `bash scripts/system-packages` (make test does)")
    profile = tmp_path / "chromium-profile"
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_html_report_in_a_browser(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixtures = tmp_path / "fixtures"
    _broken(fixtures)
    _copy(BAD, fixtures)
    page = tmp_path / "report.html"
    assert report.main(["--html", str(page), str(fixtures)]) == 1
    assert f"HTML report written to {page}" in capsys.readouterr().out
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    # the summary: one row per fixture and path, failing ones marked (the hand-made
    # page has no site extractor: its site path is the generic one, below 0.99)
    assert dom.count('<tr class="fail">') == 3 and dom.count('<tr class="pass">') == 1
    assert "held (recorded P 0.681 R 0.944)" in dom
    # the hand-made page's lead paragraph, missing as written (red) on the generic path
    assert (
        '<td class="missing" dir="auto">A heat dome will keep temperatures above 40 °C '
        "across the southern plains"
    ) in dom
    # the leaked line, marked in the extracted body, and the field that differs
    assert '<mark class="leak">De in 2014 opgerichte coalitie' in dom
    assert '<td>title</td><td><code>"A title the page does not have"</code></td>' in dom
    shot = tmp_path / "report.png"
    _chromium(tmp_path, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri())
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 900)


def test_rerun_never_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = _copy(ONE, tmp_path)
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
