"""Release readiness: the sdist and wheel hold everything, the wheel installs and builds a site,
and the pre-commit hook points at a real console script."""

from __future__ import annotations

import email
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from conftest import REPO, write_project

import mkdocs_persona_plugin

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PACKAGE = REPO / "mkdocs_persona_plugin"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
#: What is copied to build from: the repository minus caches, outputs and version control.
IGNORED = shutil.ignore_patterns(
    ".git", ".cache", ".*_cache", ".benchmarks", "__pycache__", "*.egg-info", "build", "dist",
    "site", "node_modules", ".venv*", ".notes", ".ci",
)


def _data_files() -> list[str]:
    """Every non-Python file the package needs at run time, as paths inside the wheel."""
    files = [PACKAGE / "py.typed"]
    folders = (
        "render/templates", "render/assets", "render/locales", "core/schemas", "images/fonts"
    )
    for folder in folders:
        files.extend(p for p in (PACKAGE / folder).rglob("*") if p.is_file())
    return sorted(p.relative_to(REPO).as_posix() for p in files)


# pre-commit --------------------------------------------------------------------------------
def test_pre_commit_hook_runs_the_installed_validate_command() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    hook = next(h for h in hooks if h["id"] == "mkdocs-persona-validate")
    assert hook["entry"] == "mkdocs-persona validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    command = hook["entry"].split()[0]
    assert PYPROJECT["project"]["scripts"][command] == "mkdocs_persona_plugin.cli:main"
    files = re.compile(hook["files"])
    for path in ("personas/hannah.yaml", "journeys/onboarding.yml", "personas/team/a.yaml"):
        assert files.search(path), path
    for path in ("docs/index.md", "mkdocs.yml", "personas/photos/a.jpg", "src/personas/a.yaml"):
        assert not files.search(path), path


def test_license_and_changelog() -> None:
    license_text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License")
    assert "Copyright (c) 2026 mkdocs-persona-plugin contributors" in license_text
    assert PYPROJECT["project"]["license"] == "MIT"
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {mkdocs_persona_plugin.__version__} — unreleased" in changelog
    assert PYPROJECT["project"]["version"] == mkdocs_persona_plugin.__version__


# The oldest releases we claim ------------------------------------------------------------
def _lowest_constraints() -> ModuleType:
    """``scripts/lowest_constraints.py``, which pins the oldest-releases run of scripts/test."""
    path = REPO / "scripts" / "lowest_constraints.py"
    spec = importlib.util.spec_from_file_location("lowest_constraints", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lowest_constraints_pin_every_requirement_to_its_lower_bound() -> None:
    script = _lowest_constraints()
    project = PYPROJECT["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    lines = script.constraints(PYPROJECT, ["test"])
    assert len(lines) == len(requirements)  # every requirement has a lower bound
    for requirement, line in zip(requirements, lines, strict=True):
        name, version = line.split("==")
        assert requirement.startswith(name) and f">={version}" in requirement.replace(" ", "")
    assert script.lower_bound("pydantic>=2.11,<3") == ("pydantic", "2.11")
    assert script.lower_bound("mkdocs[i18n] >= 1.6 ; python_version < '4'") == ("mkdocs", "1.6")
    assert script.lower_bound("tomli<3,~=2.0") == ("tomli", "2.0")
    for unbounded in ("types-PyYAML", "ruff<1", "name @ https://example.invalid/a.whl"):
        with pytest.raises(ValueError):
            script.lower_bound(unbounded)


def test_classifiers_name_every_python_from_the_oldest() -> None:
    oldest = _lowest_constraints().lower_bound("python" + PYPROJECT["project"]["requires-python"])
    prefix = "Programming Language :: Python :: 3."
    minors = sorted(
        int(c.removeprefix(prefix))
        for c in PYPROJECT["project"]["classifiers"]
        if c.startswith(prefix) and c.removeprefix(prefix).isdigit()
    )
    assert minors[0] == int(oldest[1].split(".")[1])
    assert minors == list(range(minors[0], minors[-1] + 1))


def test_the_oldest_releases_run_names_a_real_browser_test() -> None:
    """scripts/test runs one browser test with the oldest releases, by node id."""
    script = (REPO / "scripts" / "test").read_text(encoding="utf-8")
    (node,) = re.findall(r"tests/test_\w+\.py::test_\w+", script)
    path, name = node.split("::")
    source = (REPO / path).read_text(encoding="utf-8")
    assert re.search(rf"@pytest\.mark\.browser\ndef {name}\(", source), node


# Build, inspect, install -------------------------------------------------------------------
@dataclass
class Dists:
    """The built source distribution and wheel."""

    sdist: Path
    wheel: Path


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    """``python -m build`` (sdist, then the wheel built from that sdist) from a clean copy."""
    root = tmp_path_factory.mktemp("dist")
    source = root / "source"
    shutil.copytree(REPO, source, ignore=IGNORED, symlinks=True)
    out = root / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 and "No module named build" in proc.stderr:
        pytest.fail("the 'build' package is missing: pip install -e '.[test]'")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Dists(sdist, wheel)


def test_wheel_holds_package_data_and_metadata(dists: Dists) -> None:
    version = mkdocs_persona_plugin.__version__
    assert dists.wheel.name == f"mkdocs_persona_plugin-{version}-py3-none-any.whl"
    with zipfile.ZipFile(dists.wheel) as wheel:
        names = set(wheel.namelist())
        info = f"mkdocs_persona_plugin-{version}.dist-info"
        metadata = email.message_from_bytes(wheel.read(f"{info}/METADATA"))
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
    for required in (
        "mkdocs_persona_plugin/py.typed",
        "mkdocs_persona_plugin/core/schemas/persona.schema.json",
        "mkdocs_persona_plugin/core/schemas/journey.schema.json",
        "mkdocs_persona_plugin/render/templates/persona/persona.html",
        "mkdocs_persona_plugin/render/assets/persona.css",
        "mkdocs_persona_plugin/render/assets/persona.js",
        f"{info}/licenses/LICENSE",
    ):
        assert required in names, required
    missing = [f for f in _data_files() if f not in names]
    assert missing == []
    assert not [n for n in names if n.startswith(("tests/", "personas/", "docs/"))]
    assert metadata["Name"] == "mkdocs-persona-plugin"
    assert metadata["Version"] == version
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.10"
    assert "Framework :: MkDocs" in metadata.get_all("Classifier")
    assert "Typing :: Typed" in metadata.get_all("Classifier")
    assert "persona = mkdocs_persona_plugin.mkdocs.plugin:PersonaPlugin" in entry_points
    assert "mkdocs-persona = mkdocs_persona_plugin.cli:main" in entry_points


def test_sdist_holds_package_data_and_project_files(dists: Dists) -> None:
    prefix = f"mkdocs_persona_plugin-{mkdocs_persona_plugin.__version__}/"
    with tarfile.open(dists.sdist) as sdist:
        names = {n.removeprefix(prefix) for n in sdist.getnames()}
    for required in (
        "pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", ".pre-commit-hooks.yaml",
        *_data_files(),
    ):
        assert required in names, required


def _site_dirs() -> list[str]:
    """The folders this interpreter imports installed packages from, in order.

    Whether the suite runs in a virtual environment or not: ``venv --system-site-packages``
    would only reuse the base interpreter's packages, which a virtual environment does not
    see (and which may be missing or older).
    """
    return [
        entry
        for entry in sys.path
        if Path(entry).name in ("site-packages", "dist-packages") and Path(entry).is_dir()
    ]


@pytest.fixture(scope="module")
def venv(dists: Dists, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtual environment with only the wheel installed in it; the dependencies are
    reused from the environment running the tests (a ``.pth`` file lists its site folders,
    after the new environment's own): no downloads."""
    root = tmp_path_factory.mktemp("venv")
    env_dir = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall",
         "--no-build-isolation", str(dists.wheel)],
        capture_output=True, text=True, cwd=root, timeout=180,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Folders on a .pth line are added to sys.path but their own .pth files are not run, so
    # this environment's editable install of the plugin (if any) stays invisible.
    (own_site,) = (env_dir / "lib").glob("python3.*/site-packages")
    (own_site / "zz_test_dependencies.pth").write_text(
        "".join(f"{folder}\n" for folder in _site_dirs()), encoding="utf-8"
    )
    yield env_dir


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return env


def test_installed_wheel_builds_the_example_handbook(venv: Path, tmp_path: Path) -> None:
    python = venv / "bin" / "python"
    project = write_project(tmp_path / "handbook", example=True)
    shutil.copy(REPO / "docs" / "index.md", project / "docs" / "index.md")

    where = subprocess.run(
        [str(python), "-c", "import mkdocs_persona_plugin as m; print(m.__file__)"],
        capture_output=True, text=True, cwd=project, env=_clean_env(), timeout=60,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).resolve().is_relative_to(venv.resolve())

    hook = subprocess.run(
        [str(venv / "bin" / "mkdocs-persona"), "validate"],
        capture_output=True, text=True, cwd=project, env=_clean_env(), timeout=120,
    )
    assert hook.returncode == 0, hook.stdout + hook.stderr
    assert hook.stdout.startswith("OK: ")

    build = subprocess.run(
        [str(python), "-m", "mkdocs", "build", "--strict"],
        capture_output=True, text=True, cwd=project, env=_clean_env(), timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    site = project / "site"
    gallery = (site / "personas" / "index.html").read_text(encoding="utf-8")
    assert "Head of Finance Hannah" in gallery
    assert (site / "assets" / "persona" / "persona.css").is_file()
    assert (site / "personas" / "hannah" / "index.html").is_file()
    assert (site / "personas.json").is_file()
