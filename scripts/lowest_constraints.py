"""Print pip constraints pinning every dependency to the lowest version pyproject.toml admits.

    python scripts/lowest_constraints.py > constraints.txt
    pip install -c constraints.txt -e ".[test]"
    python scripts/lowest_constraints.py --python    # the oldest Python: 3.10

One ``name==version`` line per requirement of ``[project] dependencies`` and of the
``[project.optional-dependencies]`` extras named on the command line (default: ``test``),
taken from its ``>=`` (or ``==``/``~=``) bound. A requirement without a lower bound is an
error: a bound nobody installs is a bound nobody tests. ``scripts/test`` uses this to run
the suite once more with the oldest releases we claim to support.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomli comes with pytest and build there
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)")
_LOWER = re.compile(r"(>=|==|~=)\s*([0-9][A-Za-z0-9.+!-]*)")


def lower_bound(requirement: str) -> tuple[str, str]:
    """``"pydantic>=2.11,<3"`` → ``("pydantic", "2.11")``; ``ValueError`` without a bound."""
    spec = requirement.split(";", 1)[0]  # environment markers apply to both runs alike
    match = _NAME.fullmatch(spec)
    if match is None:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    name, specifiers = match.groups()
    for specifier in specifiers.split(","):
        bound = _LOWER.fullmatch(specifier.strip())
        if bound is not None:
            return name, bound.group(2)
    raise ValueError(f"{requirement!r} has no lower bound (>=): add the oldest version tested")


def constraints(pyproject: dict[str, Any], extras: list[str]) -> list[str]:
    """The ``name==version`` lines for the dependencies and ``extras``, in file order."""
    project = pyproject["project"]
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += project.get("optional-dependencies", {})[extra]
    lines = []
    for requirement in requirements:
        name, version = lower_bound(requirement)
        lines.append(f"{name}=={version}")
    return lines


def main(argv: list[str]) -> int:
    pyproject = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    try:
        if argv == ["--python"]:
            print(lower_bound("python" + pyproject["project"]["requires-python"])[1])
            return 0
        lines = constraints(pyproject, argv or ["test"])
    except ValueError as exc:
        print(f"{PYPROJECT.name}: {exc}", file=sys.stderr)
        return 1
    print("# The lowest versions pyproject.toml admits (scripts/lowest_constraints.py).")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
