"""Module and function sizes of a package (AST line counts), for the closing notes.

    python3 scripts/sizes.py lkip_build

The shape rule: no module over ~300 lines and no function over ~60 without a reason in its
docstring.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def sizes(root: Path) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    modules, functions = [], []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(root.parent))
        modules.append((len(text.splitlines()), name))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                functions.append((node.end_lineno - node.lineno + 1, f"{name}:{node.name}"))
    return sorted(modules, reverse=True), sorted(functions, reverse=True)


def main(argv: list[str]) -> int:
    modules, functions = sizes(Path(argv[1] if len(argv) > 1 else "lkip_build"))
    print(f"modules: {len(modules)}, lines: {sum(n for n, _ in modules)}")
    print("modules over 300 lines:", ", ".join(f"{m} ({n})" for n, m in modules if n > 300))
    print("functions over 60 lines:", ", ".join(f"{f} ({n})" for n, f in functions if n > 60))
    print(f"largest function: {functions[0][1]} ({functions[0][0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
