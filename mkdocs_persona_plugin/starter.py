"""Commented starter files for ``mkdocs-persona new``."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

from .problems import Problem


def slugify(text: str) -> str:
    """``"Finance Manager Margie"`` → ``"finance-manager-margie"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def persona_starter(name: str, today: dt.date, schema: str) -> str:
    """A persona file with every field present or commented, ready to fill in."""
    return f"""\
# yaml-language-server: $schema={schema}
# A persona: one person we design, sell and write for. Fields marked (required) must be set;
# delete the comment lines you do not need. Reference: see "Writing a persona" in the handbook.
name: {_quoted(name)}  # (required) memorable, e.g. alliterative: "Finance Manager Margie"
owner: "@your-team"  # (required) who keeps this persona up to date
last_reviewed: {today.isoformat()}  # (required) YYYY-MM-DD
type: buyer  # buyer | user | decision-maker | influencer | detractor | payer | negative
status: draft  # draft | active | retired
# market: b2b  # b2b | b2c | public | internal
# segment: "Mid-market finance teams"
tagline: "One line that sums this persona up"
bio: |
  A short, specific paragraph about who they are and what their day looks like.
# photo: photos/{slugify(name) or "persona"}.jpg  # relative to this file
# photo_alt: "Portrait of ..."
quotes:
  - text: "A real quote from an interview."
    source: "Customer interview, {today:%B %Y}"
demographics:
  Location: "City, Country"
role:
  Job title: "..."
  Decision power: "Recommends / Decides / Signs"
goals:
  - "What they want to achieve"
challenges:
  - "What stands in their way"
# motivations: []
# needs: []        # jobs to be done
# objections: []   # what sales will hear
# behaviors: []
# channels: []     # where they look for information
# tools: []
# interests: []
# messaging:
#   pitch: "The one-sentence pitch"
#   vocabulary: ["words to use"]
#   avoid: ["words to avoid"]
# share: 10        # percent of our customer base
# research:
#   interviews: 5
#   sources: ["Customer interviews"]
#   confidence: medium  # low | medium | high
# tags: []
# related: []      # ids of related personas
# review_every: 1 year
"""


def journey_starter(title: str, today: dt.date, schema: str) -> str:
    """A journey file with two example stages."""
    return f"""\
# yaml-language-server: $schema={schema}
# A customer journey map. Stages become columns; lanes with no content are left out.
title: {_quoted(title)}  # (required)
persona: your-persona-id  # (required) or `personas: [id, id]` for several personas
state: current  # current | future (a future journey may name `improves: <journey id>`)
owner: "@your-team"
last_reviewed: {today.isoformat()}
scenario: |
  What situation is the persona in, and what triggers the journey?
goal: "What they want to have achieved at the end"
stages:
  - name: "Discover"  # (required)
    actions: ["What they do"]
    thoughts: ["What they think"]
    touchpoints: ["Where they meet us"]
    pain_points: []
    opportunities: []
    emotion: 0  # -2 (very negative) .. +2 (very positive)
  - name: "Decide"
    moment_of_truth: true
    emotion: 1
"""


def schema_ref(target_dir: Path, root: Path, name: str) -> str:
    """How a new file in ``target_dir`` should point at the schema ``name``.

    Prefers a ``schemas/`` folder in the project (written by ``mkdocs-persona schema schemas``),
    then the copy inside this package when the project is a checkout of the plugin itself.
    """
    for folder in (root / "schemas", root / "mkdocs_persona_plugin" / "schemas"):
        if (folder / name).is_file():
            return Path(os.path.relpath(folder / name, target_dir)).as_posix()
    return f"../schemas/{name}"


def starter_problem(kind: str, name: str) -> Problem | None:
    """A problem when ``name`` cannot become a file name, else ``None``."""
    if not slugify(name):
        return Problem(kind, 0, 0, "", f"'{name}' has no letters or digits to make a file name from")
    return None
