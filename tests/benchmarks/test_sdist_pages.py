"""benchmarks.sdist_pages: newspaper4k's test pages, read from its source distribution."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from benchmarks.corpus import load_corpus
from benchmarks.sdist_pages import main

_ROOT = "newspaper4k-0.9.6/tests/data"


def _sdist(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{_ROOT}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_pages_with_an_expected_text_become_a_corpus(tmp_path: Path) -> None:
    sdist = _sdist(
        tmp_path / "np.tar.gz",
        {
            "html/thai_article.html": "<html><body><p>ข่าว</p></body></html>".encode(),
            "txt/thai_article.txt": "ข่าว".encode(),
            "metadata/thai_article.json": json.dumps({"url": "https://th.test/a"}).encode(),
            "html/no_url.html": b"<html><body><p>News</p></body></html>",
            "txt/no_url.txt": b"News",
            "html/front_page.html": b"<html><body><a href=/a>A</a></body></html>",
        },
    )
    assert main(["--sdist", str(sdist), "--out", str(tmp_path / "np")]) == 0
    pages = {page.id: page for page in load_corpus(tmp_path / "np")}
    assert sorted(pages) == ["no_url", "thai_article"]  # the front page has no text
    assert pages["thai_article"].expected == "ข่าว"
    assert pages["thai_article"].url == "https://th.test/a"
    assert pages["no_url"].url == "https://newspaper4k.test/no_url"
    assert pages["no_url"].read() == b"<html><body><p>News</p></body></html>"


def test_a_file_without_pages_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = _sdist(tmp_path / "empty.tar.gz", {"README.md": b"# nothing"})
    assert main(["--sdist", str(empty), "--out", str(tmp_path / "a")]) == 2
    assert "holds no page with its expected text" in capsys.readouterr().err
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not a tarball")
    assert main(["--sdist", str(broken), "--out", str(tmp_path / "b")]) == 2
    assert "no readable source distribution" in capsys.readouterr().err
