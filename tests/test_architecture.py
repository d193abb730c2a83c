"""The shape of the code: import direction, no import cycles, folders that say what they hold."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "crawler")


def modules() -> dict[str, Path]:
    """Every module of the two packages, by dotted name (a package by its __init__)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST) -> Iterator[tuple[str, list[str]]]:
    """(module, names) of every import at run time: at module level, in functions,
    anywhere but under ``if TYPE_CHECKING:``."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module, [alias.name for alias in node.names]
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of the two packages it imports explicitly.

    ``from a.b import c`` is an edge to ``a.b.c`` when that is a module, else to
    ``a.b``. The parent packages Python initializes on the way are not edges:
    every module would otherwise import its package's ``__init__``.
    """
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        edges = set()
        for module, names in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if module.split(".")[0] not in PACKAGES:
                continue
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in known]
            if len(targets) < len(names) or not names:
                targets.append(module)
            edges |= {t for t in targets if t in known and t != name}
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycles_are_found() -> None:
    """The check itself: a two-module loop is a cycle, a chain is not."""
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_cycle_inside_the_packages() -> None:
    found = cycles(import_graph())
    assert not found, "modules that import each other:\n" + "\n".join(
        " <-> ".join(cycle) for cycle in found
    )


def test_extractors_never_import_scrapy_or_the_crawler() -> None:
    offenders = []
    for name, path in modules().items():
        if not name.startswith("extractors"):
            continue
        for module, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if module.split(".")[0] in ("scrapy", "twisted", "crawler", "parsel", "itemadapter"):
                offenders.append(f"{name} imports {module}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize(
    "package", sorted(n for n, p in modules().items() if p.name == "__init__.py")
)
def test_every_folder_says_what_it_holds(package: str) -> None:
    path = modules()[package]
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc, f"{path.relative_to(ROOT)} has no docstring saying what the folder is for"


def test_site_modules_are_not_collected_as_tests() -> None:
    """Site modules are named after their domain ("example_test.py" for example.test);
    pytest must neither collect them as tests nor import them for doctests."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    collected = [line for line in done.stdout.splitlines() if "::" in line]
    assert collected, "nothing was collected"
    assert not [line for line in collected if "extractors/sites/" in line]
