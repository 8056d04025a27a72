"""The import graph of looptool's own modules stays a layered DAG (docs/architecture.md).

Every module under src/looptool is parsed with ``ast``, imports inside
functions included, so a deferred import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

SRC = REPO / "src"
PACKAGE = SRC / "looptool"

# lowest first; a module may import its own layer or a lower one (docs/architecture.md)
LAYERS = [
    ("base", ("looptool", "looptool.errors", "looptool.fsutil", "looptool.safetext")),
    ("bank", ("looptool.bank",)),
    ("plan", ("looptool.plan",)),
    ("lint", ("looptool.lint",)),
    ("review", ("looptool.review",)),
    ("reporters", ("looptool.reporters",)),
    ("commands", ("looptool.commands",)),
    ("cli", ("looptool.cli", "looptool.__main__")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _target(name: str) -> str | None:
    """The project module an import names (a name inside a module counts as that module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str) -> list[tuple[str, int, bool]]:
    """(imported project module, line, inside a function) for each import in ``name``."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []

    def visit(node, nested):
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                out.extend((_target(a.name), child.lineno, nested) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    out.append((_target(full) if full in MODULES else _target(base), child.lineno, nested))
            visit(child, inner)

    visit(tree, False)
    return [(t, line, nested) for t, line, nested in out if t is not None and t != name]


# imports made by name at run time: the registry imports every rule module, the reporter
# table every reporter
DYNAMIC = {
    "looptool.lint.registry": [m for m in MODULES if m.startswith("looptool.lint.rules.")],
    "looptool.reporters": [m for m in MODULES if m.startswith("looptool.reporters.")],
}

GRAPH = {name: imports(name) + [(t, 0, True) for t in DYNAMIC.get(name, ())] for name in MODULES}


def layer(name: str) -> int:
    best, found = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    assert found is not None, f"{name} belongs to no layer of docs/architecture.md"
    return found


def test_the_graph_sees_function_level_imports():
    assert ("looptool.lint.linter", True) in {(t, nested) for t, _, nested in GRAPH["looptool.cli"]}


def test_no_import_cycle():
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []
    cycles = []

    def go(node):
        state[node] = 1
        stack.append(node)
        for target, _, _ in GRAPH[node]:
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                go(target)
        stack.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            go(name)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down_the_layers(name):
    upward = [f"line {line}: {target} ({LAYERS[layer(target)][0]})" for target, line, _ in GRAPH[name]
              if layer(target) > layer(name)]
    assert not upward, f"{name} ({LAYERS[layer(name)][0]}) imports a higher layer: {upward}"


def _commented(lines, line) -> bool:
    """A comment on the import, or just above the run of imports it belongs to."""
    at = line - 1
    if "#" in lines[at]:
        return True
    while at > 0 and lines[at - 1].strip().startswith(("from ", "import ")):
        at -= 1
    return at > 0 and lines[at - 1].strip().startswith("#")


def test_every_function_level_import_says_what_it_defers():
    """A deferred import keeps start-up fast and says so; it never dodges a cycle."""
    bare = []
    for name, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, line, nested in GRAPH[name]:
            if nested and line and not _commented(lines, line):
                bare.append(f"{name}:{line}: {lines[line - 1].strip()}")
    assert not bare, "function-level imports without a comment naming what they defer:\n" + "\n".join(bare)
