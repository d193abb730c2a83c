"""Text dumps and WET files read in groups: extractors/inputs/dumps.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.inputs import Skipped, read_inputs
from extractors.inputs import dumps as dumps_module
from extractors.inputs.dumps import Dump, DumpGroup, wet_groups
from tests.extractors.test_cli_text import SITE_TEXTS, SITE_URLS, write_wet


def test_a_large_wet_file_is_judged_in_bounded_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wet = write_wet(tmp_path / "site.wet.gz", list(zip(SITE_URLS, SITE_TEXTS, strict=True)))
    whole = list(wet_groups(wet))
    assert [[d.url for d in g.dumps] for g in whole if isinstance(g, DumpGroup)] == [SITE_URLS]
    # Groups of at most two dumps' text: every record still comes, in order.
    monkeypatch.setattr(dumps_module, "MAX_GROUP_CHARS", 2 * max(map(len, SITE_TEXTS)))
    groups = list(wet_groups(wet))
    assert all(isinstance(g, DumpGroup) for g in groups)
    assert [[d.url for d in g.dumps] for g in groups if isinstance(g, DumpGroup)] == [
        SITE_URLS[:2],
        SITE_URLS[2:],
    ]


def test_a_large_folder_of_dumps_is_judged_in_bounded_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i, text in enumerate(SITE_TEXTS):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(dumps_module, "MAX_GROUP_CHARS", 2 * max(map(len, SITE_TEXTS)))
    for inputs in ([str(tmp_path)], sorted(str(path) for path in tmp_path.iterdir())):
        groups = list(read_inputs(inputs, text=True))
        assert [
            [Path(d.source).name for d in g.dumps] for g in groups if isinstance(g, DumpGroup)
        ] == [
            ["0.txt", "1.txt"],
            ["2.txt"],
        ]


def test_dumps_named_in_one_folder_are_one_group_and_others_apart(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for i, text in enumerate(SITE_TEXTS[:2]):
            (tmp_path / folder / f"{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    names = [str(tmp_path / n) for n in ("a/0.txt", "a/1.txt", "page.html", "a/0.txt", "b/0.txt")]
    got = list(read_inputs(names))
    shapes = [
        [Path(d.source).relative_to(tmp_path).as_posix() for d in item.dumps]
        if isinstance(item, DumpGroup)
        else type(item).__name__
        for item in got
    ]
    assert shapes == [["a/0.txt", "a/1.txt"], "InputPage", ["a/0.txt"], ["b/0.txt"]]


def test_a_dump_is_decoded_as_a_page_is(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Le café ouvre à huit heures.".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes("\ufeffDe kerk staat op het plein.".encode())
    got = list(read_inputs([str(tmp_path / "latin.txt"), str(tmp_path / "bom.txt")]))
    [group] = got
    assert isinstance(group, DumpGroup)
    assert [d.text for d in group.dumps] == [
        "Le café ouvre à huit heures.",
        "De kerk staat op het plein.",
    ]


def test_unreadable_dumps_are_skipped_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not gzip")
    got = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "broken.txt.gz")]))
    assert [(type(s).__name__, s.reason) for s in got if isinstance(s, Skipped)] == [
        ("Skipped", "unreadable"),
        ("Skipped", "unreadable"),
    ]
    assert not [item for item in got if isinstance(item, Dump | DumpGroup)]
