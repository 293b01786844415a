"""The layout figures of the code: cross-app imports inside functions, app-level import
cycles, the largest product file and the longest function (migrations and tests left out).

    python bench/layout_counts.py [SRC]      (default: src/tijdvoorelkaar)
"""

import ast
import sys
from pathlib import Path

PACKAGE = "tijdvoorelkaar"


def _app_of(path: Path, src: Path) -> str | None:
    parts = path.relative_to(src).parts
    return parts[0] if len(parts) > 1 else None


def _imported_apps(node: ast.AST) -> list[str]:
    names = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        names = [node.module]
    apps = []
    for name in names:
        parts = name.split(".")
        if parts[0] == PACKAGE and len(parts) > 1:
            apps.append(parts[1])
    return apps


def _product_files(src: Path):
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src).parts
        if "migrations" in parts or "tests" in parts or path.name.startswith("test_"):
            continue
        yield path


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one app (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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


def main(src: Path) -> None:
    graph: dict[str, set[str]] = {}
    inside_functions = []
    largest = (0, "")
    longest = (0, "")
    for path in _product_files(src):
        text = path.read_text()
        lines = text.count("\n") + 1
        rel = str(path.relative_to(src))
        largest = max(largest, (lines, rel))
        app = _app_of(path, src)
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                longest = max(longest, (length, f"{rel}:{node.lineno} {node.name}"))
                for inner in ast.walk(node):
                    for target in _imported_apps(inner):
                        if app and target != app:
                            inside_functions.append(f"{rel}:{inner.lineno} -> {target}")
            for target in _imported_apps(node):
                if app and target != app:
                    graph.setdefault(app, set()).add(target)
    cycles = _cycles(graph)
    print(f"cross-app imports inside functions: {len(set(inside_functions))}")
    for line in sorted(set(inside_functions)):
        print(f"  {line}")
    print(f"app-level import cycles: {len(cycles)}")
    for cycle in cycles:
        print(f"  {' <-> '.join(cycle)}")
    print(f"largest product file: {largest[0]} lines ({largest[1]})")
    print(f"longest function: {longest[0]} lines ({longest[1]})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "src/tijdvoorelkaar").resolve())
