"""Commented starter files for ``mkdocs-persona new``."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

#: What ``new journey`` writes when the project has no persona yet.
PLACEHOLDER_PERSONA = "your-persona-id"


def slugify(text: str) -> str:
    """``"Finance Manager Margie"`` → ``"finance-manager-margie"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def persona_starter(name: str, today: dt.date, schema: str) -> str:
    """A persona file with every field present or commented, valid as written.

    It starts as ``status: draft`` with placeholder text; uncommenting any optional field
    (except ``photo``, which needs an image file) keeps it valid.
    """
    slug = slugify(name) or "persona"
    return f"""\
# yaml-language-server: $schema={schema}
# A persona: one person we design, sell and write for. Fields marked (required) must be set.
# Uncomment the optional fields you need and delete the rest. Every value here is a
# placeholder, so replace it with what your research says, then set `status: active`.
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
# photo: photos/{slug}.jpg  # an image relative to this file, inside this folder
# photo_alt: "Portrait of a person with short dark hair, smiling"
quotes:
  - text: "A real quote from an interview."
    source: "Customer interview, {today:%B %Y}"
demographics:  # label: value, shown in this order
  Location: "City, Country"
role:
  Job title: "Their job title"
  Decision power: "Recommends, decides or signs"
goals:
  - "What they want to achieve"
challenges:
  - "What stands in their way"
# motivations: ["What drives them"]
# needs: ["A job they need done"]
# objections: ["What sales will hear"]
# behaviors: ["A habit that matters to us"]
# channels: ["Where they look for information"]
# tools: ["A tool they use today"]
# interests: ["An interest outside work"]
# messaging:
#   pitch: "The one-sentence pitch"
#   vocabulary: ["words to use"]
#   avoid: ["words to avoid"]
# share: 10  # percent of our customer base (0-100)
# research:
#   interviews: 5
#   sources: ["Customer interviews"]
#   confidence: medium  # low | medium | high
# tags: ["a-tag"]
# related: []  # ids of related personas, e.g. [head-of-finance-hannah]
# review_every: 6 months  # e.g. 90 days, 6 months, 1 year (default: the site setting)
# sections:  # extra sections: title: text, or title: list of text
#   A day in the life:
#     - "08:00 What they do first"
"""


def journey_starter(
    title: str, today: dt.date, schema: str, persona: str = PLACEHOLDER_PERSONA
) -> str:
    """A journey file with two example stages, valid as written when ``persona`` exists."""
    return f"""\
# yaml-language-server: $schema={schema}
# A customer journey map. Stages become columns; lanes with no content are left out.
title: {_quoted(title)}  # (required)
persona: {persona}  # (required) a persona id, or `personas: [id, id]` for several personas
state: current  # current | future (a future journey may name `improves: <current journey id>`)
owner: "@your-team"
last_reviewed: {today.isoformat()}
# review_every: 6 months
# tags: ["onboarding"]
scenario: |
  What situation is the persona in, and what triggers the journey?
goal: "What they want to have achieved at the end"
stages:
  - name: "Discover"  # (required)
    description: "What happens in this stage"
    actions: ["What they do"]
    thoughts: ["What they think"]
    touchpoints: ["Where they meet us"]
    # channels: ["Web"]
    pain_points: ["What goes wrong"]
    opportunities: ["What we could improve"]
    # backstage: ["What the customer does not see"]
    # teams: ["Marketing"]
    # kpis: ["How this stage is measured"]
    emotion: 0  # -2 (very negative) .. +2 (very positive)
  - name: "Decide"
    moment_of_truth: true  # the stage that makes or breaks the journey
    emotion: 1
"""


def schema_ref(target_dir: Path, root: Path, name: str) -> str:
    """How a new file in ``target_dir`` should point at the schema ``name``.

    Prefers a ``schemas/`` folder in the project (written by ``mkdocs-persona schema schemas``),
    then the copy inside this package when the project is a checkout of the plugin itself,
    else where ``mkdocs-persona schema schemas`` would write it (the command says so).
    """
    for folder in (root / "schemas", root / "mkdocs_persona_plugin" / "core" / "schemas"):
        if (folder / name).is_file():
            return Path(os.path.relpath(folder / name, target_dir)).as_posix()
    return Path(os.path.relpath(root / "schemas" / name, target_dir)).as_posix()
