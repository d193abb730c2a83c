"""The quality report as one HTML page (``scrapy quality --html report.html``).

A summary table (one row per fixture and path, as on the console), then per
fixture and path: why it fails, the fields that differ from expected.json, and
the expected body beside the extracted one, paragraph by paragraph, missing
paragraphs in red, extra ones in yellow, leaked noise lines marked. One file,
no script, no external resource: it opens from disk in any browser.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from extractors.evaluation.checks import PathResult, align
from extractors.text import collapse

__all__ = ["render", "write_html"]

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 3px 7px; vertical-align: top; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.fail td { background: #fde2e2; } tr.pass td.state { color: #176f2c; }
.verdict { font-weight: bold; padding: .5em; } .verdict.fail { background: #fde2e2; }
.verdict.pass { background: #dff3e3; }
ul.problems li { color: #a40000; }
table.bodies { width: 100%; table-layout: fixed; }
table.bodies td { width: 50%; }
td.missing { background: #fde2e2; } td.extra { background: #fff4c2; }
td.missing::before { content: "missing: "; font-weight: bold; color: #a40000; }
td.extra::before { content: "extra: "; font-weight: bold; color: #7a5a00; }
mark.leak { background: #ff9e80; }
code { font-size: 12px; }
"""


def _anchor(row: PathResult) -> str:
    return "fx-" + "".join(c if c.isalnum() else "-" for c in row.name)


def _summary(rows: list[PathResult]) -> list[str]:
    head = "".join(
        f"<th>{h}</th>"
        for h in ("fixture", "path", "extractor", "P", "R", "F1", "leaks", "fields", "state")
    )
    out = ['<table class="summary">', f"<tr>{head}</tr>"]
    for row in rows:
        record = row.fixture.record if row.path == "generic" else None
        state = row.state
        if record is not None and row.state in ("held", "rose", "dropped"):
            state += f" (recorded P {record.precision:.3f} R {record.recall:.3f})"
        fields = ", ".join(n for n in row.fields if n not in ("extractor", "extractor_note"))
        cells = [
            f'<a href="#{_anchor(row)}">{escape(row.name)}</a>',
            row.path,
            escape(row.article.extractor or f"none ({row.article.reason})"),
            f'<td class="num">{row.score.precision:.3f}',
            f'<td class="num">{row.score.recall:.3f}',
            f'<td class="num">{row.score.f1:.3f}',
            f'<td class="num">{len(row.leaked)}',
            escape(fields or "-"),
            f'<td class="state">{escape(state)}',
        ]
        tds = "".join(c if c.startswith("<td") else f"<td>{c}" for c in cells)
        out.append(f'<tr class="{"pass" if row.passed else "fail"}">{tds}</tr>')
    out.append("</table>")
    return out


def _marked(text: str, leaked: list[str]) -> str:
    """``text`` escaped, with each leaked noise line in it marked."""
    spans: list[tuple[int, int]] = []
    for line in leaked:
        start = text.find(line)
        while start >= 0:
            spans.append((start, start + len(line)))
            start = text.find(line, start + len(line))
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out += [escape(text[position:start]), f'<mark class="leak">{escape(text[start:end])}']
        out.append("</mark>")
        position = end
    return "".join([*out, escape(text[position:])])


def _bodies(row: PathResult) -> list[str]:
    leaked = [collapse(line) for line in row.leaked]
    out = [
        '<table class="bodies">',
        "<tr><th>expected.json</th><th>extracted on this path</th></tr>",
    ]
    for kind, text in align(row.fixture.expected.get("body", ""), row.article.body):
        if kind == "same":
            cell = _marked(text, leaked)
            out.append(
                f'<tr class="same"><td dir="auto">{cell}</td><td dir="auto">{cell}</td></tr>'
            )
        elif kind == "missing":
            out.append(f'<tr><td class="missing" dir="auto">{escape(text)}</td><td></td></tr>')
        else:
            out.append(
                f'<tr><td></td><td class="extra" dir="auto">{_marked(text, leaked)}</td></tr>'
            )
    out.append("</table>")
    return out


def _value(value: Any) -> str:
    return f"<code>{escape(json.dumps(value, ensure_ascii=False))}</code>"


def _details(row: PathResult) -> list[str]:
    note = row.article.extractor_note
    out = [
        f'<h3 id="{_anchor(row)}-{row.path}">{row.path} path: '
        f"{escape(row.article.extractor or 'no body')}, {escape(row.state)}</h3>"
    ]
    if note:
        out.append(f'<p class="note">{escape(note)}</p>')
    if row.problems:
        out.append('<ul class="problems">')
        out.extend(f"<li>{escape(problem)}</li>" for problem in row.problems)
        out.append("</ul>")
    if row.leaked:
        out.append("<p>Leaked noise lines: " + "; ".join(map(_value, row.leaked)) + "</p>")
    if row.fields:
        out.append('<table class="fields"><tr><th>field</th><th>expected</th><th>extracted</th>')
        for name, (expected, extracted) in row.fields.items():
            out.append(f"<tr><td>{name}</td><td>{_value(expected)}</td>")
            out.append(f"<td>{_value(extracted)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>Every field equals expected.json.</p>")
    return out + _bodies(row)


def render(rows: list[PathResult], verdict: str) -> str:
    """The whole report as an HTML document."""
    failed = any(not row.passed for row in rows)
    out = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        "<title>newsclean: fixture quality report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Fixture quality report</h1>",
        f'<p class="verdict {"fail" if failed else "pass"}">{escape(verdict)}</p>',
        *_summary(rows),
    ]
    seen: set[str] = set()
    for row in rows:
        if row.name not in seen:
            seen.add(row.name)
            out.append(f'<h2 id="{_anchor(row)}">{escape(row.name)}</h2>')
            out.append(f"<p>URL: <code>{escape(row.fixture.url)}</code></p>")
        out.extend(_details(row))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_html(rows: list[PathResult], path: Path, verdict: str) -> None:
    """Write :func:`render` to ``path`` (UTF-8)."""
    path.write_text(render(rows, verdict), encoding="utf-8")
