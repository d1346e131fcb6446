"""The package has no import cycle, lazy imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lkip_build"


def _graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports, wherever written (lazy ones too)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("lkip_build", *path.relative_to(PACKAGE).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {  # under `if TYPE_CHECKING:`: never run
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for stmt in node.body
            for n in ast.walk(stmt)
        }
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in modules else base)
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while not component or component[-1] != v:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_package_has_no_import_cycle() -> None:
    graph = _graph()
    report = []
    for component in _cycles(graph):
        edges = [f"    {a} -> {b}" for a in component for b in sorted(graph[a]) if b in component]
        report.append(f"cycle among {', '.join(component)}:\n" + "\n".join(edges))
    assert not report, "import cycles (lazy imports count too):\n" + "\n".join(report)


def test_the_import_graph_is_not_trivial() -> None:
    graph = _graph()
    assert len(graph) >= 60, sorted(graph)
    assert sum(len(targets) for targets in graph.values()) >= 150
    assert "lkip_build.present.expansion" in graph["lkip_build.publish.site"]
    assert any(b.startswith(a + ".") for a in graph for b in graph[a])  # __init__ -> its own
