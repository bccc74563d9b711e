"""The layers point down: engine <- campaigns <- services <- web and CLI.

Read from the source with ``ast`` (nothing is imported), so a violation fails
here with the module and the line, whatever the import order at run time:
- no import cycle between project modules (imports inside functions count:
  they only hide a cycle until the function runs);
- no ``_private`` name imported from another module;
- ``framing`` imports neither ``campaigns`` nor ``webapp``, nor Flask;
  ``campaigns`` imports no ``webapp`` and no Flask;
- the services (``framing.services``, ``campaigns.services``) import neither
  Flask nor click.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from framing.settings import PROJECT_ROOT

ROOT = PROJECT_ROOT
PACKAGES = ("framing", "campaigns", "webapp")


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    name: str | None
    line: int


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


MODULES = project_modules()


def owning_module(dotted: str) -> str | None:
    """The project module a dotted import path lands in (longest known prefix)."""
    while dotted:
        if dotted in MODULES:
            return dotted
        dotted = dotted.rpartition(".")[0]
    return None


def absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if MODULES[module].name != "__init__.py":
        base = base[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str) -> list[Edge]:
    """Every import in a module: its target (project module or outside name) and imported name."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    edges = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            edges += [Edge(module, alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = absolute(module, node)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                target = full if full in MODULES else base
                edges.append(Edge(module, target, alias.name, node.lineno))
    return edges


EDGES = [edge for module in sorted(MODULES) for edge in imports(module)]


def internal_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for edge in EDGES:
        target = owning_module(edge.target)
        if target and target != edge.source:
            graph[edge.source].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
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
    return found


def describe(edges: list[Edge]) -> str:
    return "\n".join(f"{MODULES[e.source].relative_to(ROOT)}:{e.line} imports "
                     f"{e.target}{'.' + e.name if e.name and not e.target.endswith(e.name) else ''}"
                     for e in edges)


def test_no_import_cycles():
    assert cycles(internal_graph()) == []


def test_no_private_names_imported_from_another_module():
    private = [e for e in EDGES
               if e.name and e.name.startswith("_") and not e.name.startswith("__")
               and owning_module(e.target) and owning_module(e.target) != e.source]
    assert not private, describe(private)


@pytest.mark.parametrize("layer, forbidden", [
    ("framing", ("campaigns", "webapp", "flask", "flask_wtf", "werkzeug")),
    ("campaigns", ("webapp", "flask", "flask_wtf", "werkzeug")),
    ("framing.services", ("click", "campaigns", "webapp", "flask")),
    ("campaigns.services", ("click", "webapp", "flask")),
])
def test_layers_only_point_down(layer, forbidden):
    upward = [e for e in EDGES
              if (e.source == layer or e.source.startswith(layer + "."))
              and e.target.split(".")[0] in forbidden]
    assert not upward, describe(upward)


def test_the_checker_sees_what_it_should():
    """The graph is read correctly: a known edge and a made-up cycle are found."""
    graph = internal_graph()
    assert "framing.findings" in graph["framing.engine"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
