"""The package tree is the pipeline: core → images → render → hosts (MkDocs, generator, CLI).

These tests keep it that way: the core and the renderer run without MkDocs (so the same code
can drive the command line, the generator, or another host), no module imports another in a
circle, and each layer imports only the layers below it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "mkdocs_persona_plugin"
NAME = "mkdocs_persona_plugin"

#: What each layer may import from the package (besides itself and the package root).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "images": {"core"},
    "render": {"core", "images"},
    "generator": {"core", "images", "render"},
    "cli": {"core", "images", "render", "generator"},
    "mkdocs": {"core", "images", "render"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (anywhere in the file, lazily or not)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
                if node.module:
                    deps.add(target)
                for alias in node.names:
                    if f"{target}.{alias.name}" in modules:
                        deps.add(f"{target}.{alias.name}")
                    elif not node.module:
                        deps.add(target)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(NAME):
                deps.add(str(node.module))
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith(NAME))
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else None


def test_the_tree_has_the_pipeline_folders() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert set(ALLOWED) <= folders
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"modules outside the pipeline folders: {loose}"


def test_no_import_cycles() -> None:
    graph = import_graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep):], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []


def test_each_layer_imports_only_the_layers_below() -> None:
    wrong = []
    for module, deps in import_graph().items():
        layer = _layer(module)
        if layer is None:
            continue
        for dep in deps:
            other = _layer(dep)
            if other is not None and other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


# Run in a fresh interpreter where importing mkdocs (and Material) fails, as it would where
# they are not installed.
_WITHOUT_MKDOCS = """
import importlib, pkgutil, sys

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {BLOCKED}:
            raise ModuleNotFoundError(f"No module named {{name!r}}")
        return None

sys.meta_path.insert(0, Blocker())
import {package}
for info in pkgutil.walk_packages({package}.__path__, "{package}."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {{"mkdocs", "material", "jinja2"}})
print(" ".join(loaded) or "-")
"""


@pytest.mark.parametrize(
    ("package", "blocked"),
    [
        (f"{NAME}.core", {"mkdocs", "material", "jinja2"}),
        (f"{NAME}.images", {"mkdocs", "material", "jinja2"}),
        (f"{NAME}.render", {"mkdocs", "material"}),
        (f"{NAME}.generator", {"mkdocs", "material"}),
        (f"{NAME}.cli", {"mkdocs", "material"}),
    ],
)
def test_layer_imports_without_mkdocs(package: str, blocked: set[str]) -> None:
    code = _WITHOUT_MKDOCS.format(package=package, BLOCKED=sorted(blocked))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split()) - {"-"}
    assert not {m for m in loaded if m.split(".")[0] in blocked}


def test_public_entry_points_and_template_names_stay() -> None:
    from importlib.metadata import entry_points

    plugin = next(e for e in entry_points(group="mkdocs.plugins") if e.name == "persona")
    from mkdocs_persona_plugin.mkdocs.plugin import PersonaPlugin

    assert plugin.load() is PersonaPlugin
    script = next(e for e in entry_points(group="console_scripts") if e.name == "mkdocs-persona")
    from mkdocs_persona_plugin.cli import main

    assert script.load() is main
    templates = sorted(
        p.relative_to(PACKAGE / "render" / "templates").as_posix()
        for p in (PACKAGE / "render" / "templates").rglob("*.html")
    )
    assert all(name.startswith("persona/") for name in templates)
    for name in ("gallery", "persona", "compare", "journey", "journeys_index", "tracker",
                 "start_here", "macros"):
        assert f"persona/{name}.html" in templates
