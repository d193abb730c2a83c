"""Show what extraction gives for a fixture now, beside its expected.json.

``python -m extractors.evaluation.rerun fixtures/<site>/<slug> [--generic]`` prints every
field that differs and a paragraph diff of the body. It only reads: it never
writes or updates an expectation; a person edits expected.json by hand.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from extractors.api import extract
from extractors.evaluation.fixtures import leaks, load_fixture
from extractors.evaluation.quality import score

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Print the comparison; exit status 0 when everything matches, else 1."""
    parser = argparse.ArgumentParser(
        prog="python -m extractors.evaluation.rerun", description=__doc__
    )
    parser.add_argument("fixture", type=Path, help="a fixture folder (holding meta.json)")
    parser.add_argument("--generic", action="store_true", help="skip the site extractor")
    args = parser.parse_args(argv)
    try:
        fixture = load_fixture(args.fixture)
    except ValueError as exc:
        parser.error(str(exc))
    article = extract(fixture.source, fixture.url, encoding=fixture.encoding, generic=args.generic)
    current = article.to_dict()
    expected = fixture.expected
    same = True
    for name, value in current.items():
        if name == "body" or (name in ("reason", "extractor_note") and name not in expected):
            continue
        want = expected.get(name)
        mark = "  " if value == want else "!="
        same &= value == want
        print(f"{mark} {name:<14} now: {json.dumps(value, ensure_ascii=False)}")
        if value != want:
            print(f"   {'':<14} expected: {json.dumps(want, ensure_ascii=False)}")
    result = score(article.body, expected.get("body", ""))
    print(f"\nbody: P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}")
    for line in leaks(article.body, fixture.noise):
        print(f"LEAK {line!r}")
    diff = difflib.unified_diff(
        expected.get("body", "").split("\n\n"),
        article.body.split("\n\n"),
        "expected.json body",
        "current body",
        lineterm="",
    )
    print("\n".join(diff) or "body: identical")
    return 0 if same and result.f1 == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
