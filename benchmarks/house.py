"""How the house is kept: figures for issue 14, printed, never asserted.

    python benchmarks/house.py            # the figures for boothpos/
    python benchmarks/house.py --long     # also name every function over 80 lines

Counts: functions over 80 lines, positional dataclass construction from a row
(``Something(*row...)``), positional row reads (``row[0]``-style on names that
hold database rows), comparisons against a message's text, and import cycles
among ``boothpos.core`` modules (function-level imports included). Pairs of
copied code come from the workplace's ``duplicates`` tool (run it from
``boothpos/`` with ``--min-lines 10``).
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "boothpos"
LONG = 80
ROW_NAMES = {"row", "r", "rec", "record", "first", "result", "found", "existing", "line", "sale"}


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def long_functions(tree_by_module):
    for module, tree in tree_by_module.items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > LONG:
                    yield module, node.name, node.lineno, length


def star_row_constructions(tree_by_module):
    for module, tree in tree_by_module.items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id[:1].isupper()
                and any(isinstance(arg, ast.Starred) for arg in node.args)
            ):
                yield module, node.func.id, node.lineno


def positional_row_reads(tree_by_module):
    for module, tree in tree_by_module.items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Name)
                and node.value.id in ROW_NAMES
                and isinstance(node.slice, ast.Constant)
                and isinstance(node.slice.value, int)
            ):
                yield module, node.lineno, node.slice.value


def message_text_comparisons(tree_by_module):
    """``refusal == self.day_closed_text()``: telling things apart by their words.

    Any ``==``/``!=``/``in`` where both sides are computed (no literal) and both
    sides' names speak of a message, refusal or reason.
    """
    words = ("message", "refusal", "reason", "stopped")

    def named(node):
        if isinstance(node, ast.Call):
            node = node.func
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
        return any(word in name.lower() for word in words)

    for module, tree in tree_by_module.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Compare) or len(node.comparators) != 1:
                continue
            if not isinstance(node.ops[0], (ast.Eq, ast.NotEq, ast.In)):
                continue
            left, right = node.left, node.comparators[0]
            if isinstance(left, ast.Constant) or isinstance(right, ast.Constant):
                continue
            if named(left) and named(right):
                yield module, node.lineno


def core_imports(tree_by_module, package="boothpos.core"):
    graph = defaultdict(set)
    for module, tree in tree_by_module.items():
        if not module.startswith(package + ".") and module != package:
            continue
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.rsplit(".", node.level)[0] if module != package else package
                    target = f"{base}.{node.module}" if node.module else base
                else:
                    target = node.module or ""
                targets.append(target)
                targets.extend(f"{target}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                targets.extend(alias.name for alias in node.names)
            for target in targets:
                inside = target in tree_by_module and target.startswith(package + ".")
                if inside and target != module:
                    graph[module].add(target)
    return graph


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def main(argv):
    trees = modules()
    long = sorted(long_functions(trees), key=lambda item: -item[3])
    stars = list(star_row_constructions(trees))
    reads = list(positional_row_reads(trees))
    texts = list(message_text_comparisons(trees))
    loops = cycles(core_imports(trees))
    print(f"modules: {len(trees)}")
    print(f"functions over {LONG} lines: {len(long)}")
    if "--long" in argv:
        for module, name, line, length in long:
            print(f"  {length:4d}  {module}.{name}  (line {line})")
    print(f"positional constructions Name(*row): {len(stars)}")
    for module, name, line in stars:
        print(f"  {module}:{line} {name}(*...)")
    beyond_first = [read for read in reads if read[2] > 0]
    print(
        f"positional row reads (row[0] etc.): {len(reads)}, of them past the first column: "
        f"{len(beyond_first)} (a reordered SELECT cannot swap a lone column)"
    )
    if "--long" in argv:
        for module, line, index in beyond_first:
            print(f"  {module}:{line} [{index}]")
    print(f"comparisons against a message's text: {len(texts)}")
    for module, line in texts:
        print(f"  {module}:{line}")
    print(f"import cycles inside boothpos.core: {len(loops)}")
    for loop in loops:
        print("  " + " <-> ".join(name.removeprefix("boothpos.core.") for name in loop))


if __name__ == "__main__":
    main(sys.argv[1:])
