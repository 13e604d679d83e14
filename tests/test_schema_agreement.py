"""The shipped JSON Schemas and ``mkdocs-persona validate`` give the same verdict.

Teams check files in pre-commit with ``check-jsonschema`` and the shipped schemas, and in the
editor through the YAML language server: on every single-file rule, a file the schema accepts
must be one ``validate`` accepts, and the other way round. Each case below is one file; both
tools judge it and must agree. Rules that need more than one file, the file system or the date
(references to other ids, photos, ``last_reviewed`` in the future, the id a file name gives,
YAML anchors and aliases) are ``validate``'s alone: see the editor-setup guide.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.core.schema import SCHEMA_DIR

TODAY = dt.date(2026, 11, 29)
HEAD = "name: Ada\nowner: '@x'\nlast_reviewed: 2026-03-14\n"
JOURNEY_HEAD = "title: Trip\npersona: ada\n"
STAGES = "stages:\n  - name: Look\n"


def _example(path: Path) -> str:
    """An example file without its photo (photos are a file-system rule)."""
    return re.sub(r"(?m)^photo(_alt)?:.*\n", "", path.read_text(encoding="utf-8"))


PERSONAS: dict[str, tuple[bool, str]] = {
    # valid
    "minimal": (True, HEAD),
    "as-written-facts": (True, HEAD + "demographics:\n  Zip: 0170\n  Remote: yes\n  Shift: 7:30\n"),
    "number-texts": (True, HEAD + "tagline: 1.10\nsegment: 012\ntags: [yes, 1e3, .nan]\n"),
    "number-name": (True, "name: 2024\nowner: 42\nlast_reviewed: 2026-03-14\n"),
    "numeric-id": (True, HEAD + "id: 2024\n"),
    "null-optional": (True, HEAD + "tagline: ~\nsegment: null\nbio:\n"),
    "whole-float-interviews": (True, HEAD + "research:\n  interviews: 3.0\n"),
    "share-int": (True, HEAD + "share: 12\n"),
    "share-edges": (True, HEAD + "share: 0\n"),
    "interval-word": (True, HEAD + "review_every: Quarterly\n"),
    "interval-zeros": (True, HEAD + "review_every: 007 days\n"),
    "interval-max": (True, HEAD + "review_every: 100 years\n"),
    "interval-abbrev": (True, HEAD + "review_every: 6mo\n"),
    "quotes-both": (True, HEAD + "quotes:\n  - Plain\n  - text: Sourced\n    source: Call\n"),
    "sections": (True, HEAD + "sections:\n  Day: [a, b]\n  Note: text\n"),
    "empty-fact": (True, HEAD + "demographics:\n  Pets: ''\n"),
    "related": (True, HEAD + "related: [bob, 0170]\n"),
    "photo-focus-word": (True, HEAD + "photo_focus: top\n"),
    "photo-focus-point": (True, HEAD + "photo_focus: 0.5,0.3\n"),
    "photo-focus-edges": (True, HEAD + "photo_focus: '1.0, 0'\n"),
    "lang": (True, HEAD + "lang: zh-Hans\nquotes:\n  - text: Hi\n    lang: en\n"),
    "lang-three-letters": (True, HEAD + "lang: yue\n"),
    # invalid
    "missing-name": (False, "owner: x\nlast_reviewed: 2026-03-14\n"),
    "photo-focus-middle": (False, HEAD + "photo_focus: middle\n"),
    "photo-focus-out-of-range": (False, HEAD + "photo_focus: 0.5,1.2\n"),
    "photo-focus-number": (False, HEAD + "photo_focus: 0.5\n"),
    "photo-focus-capital": (False, HEAD + "photo_focus: Top\n"),
    "lang-sentence": (False, HEAD + "lang: Chinese please\n"),
    "lang-one-letter": (False, HEAD + "lang: z\n"),
    "quote-lang-bad": (False, HEAD + "quotes:\n  - text: Hi\n    lang: en_US\n"),
    "blank-name": (False, "name: '   '\nowner: x\nlast_reviewed: 2026-03-14\n"),
    "list-name": (False, "name: [a]\nowner: x\nlast_reviewed: 2026-03-14\n"),
    "unknown-field": (False, HEAD + "sharre: 5\n"),
    "share-nan": (False, HEAD + "share: .nan\n"),
    "share-inf": (False, HEAD + "share: .inf\n"),
    "share-high": (False, HEAD + "share: 101\n"),
    "share-negative": (False, HEAD + "share: -0.5\n"),
    "share-yes": (False, HEAD + "share: yes\n"),
    "share-true": (False, HEAD + "share: true\n"),
    "share-quoted": (False, HEAD + "share: '12'\n"),
    "share-base60": (False, HEAD + "share: 1:30\n"),
    "impossible-date": (False, "name: A\nowner: x\nlast_reviewed: 2026-02-30\n"),
    "short-date": (False, "name: A\nowner: x\nlast_reviewed: 2026-1-2\n"),
    "date-with-time": (False, "name: A\nowner: x\nlast_reviewed: 2026-01-02 10:00\n"),
    "number-date": (False, "name: A\nowner: x\nlast_reviewed: 20260102\n"),
    "bad-type": (False, HEAD + "type: boss\n"),
    "yes-type": (False, HEAD + "type: yes\n"),
    "interval-words": (False, HEAD + "review_every: every two weeks\n"),
    "interval-zero": (False, HEAD + "review_every: 0 days\n"),
    "interval-too-long": (False, HEAD + "review_every: 200 years\n"),
    "interval-number": (False, HEAD + "review_every: 90\n"),
    "interviews-half": (False, HEAD + "research:\n  interviews: 2.5\n"),
    "interviews-negative": (False, HEAD + "research:\n  interviews: -1\n"),
    "interviews-text": (False, HEAD + "research:\n  interviews: many\n"),
    "tags-not-list": (False, HEAD + "tags: b2b\n"),
    "related-not-slug": (False, HEAD + "related: [Not A Slug]\n"),
    "duplicate-key": (False, HEAD + "tagline: a\ntagline: b\n"),
    "quote-without-text": (False, HEAD + "quotes:\n  - source: Call\n"),
    "too-many-tags": (False, HEAD + "tags: [" + ", ".join(["t"] * 201) + "]\n"),
    "long-tagline": (False, HEAD + "tagline: " + "x" * 501 + "\n"),
    "fact-list": (False, HEAD + "demographics:\n  Age: [1]\n"),
    "null-goal": (False, HEAD + "goals: [~]\n"),
    "empty-status": (False, HEAD + "status:\n"),
    "bio-mapping": (False, HEAD + "bio:\n  a: b\n"),
    "research-number": (False, HEAD + "research: 5\n"),
    "blank-key": (False, HEAD + "demographics:\n  '  ': x\n"),
    "list-file": (False, "- name: A\n"),
    **{
        f"example-{p.stem}": (True, _example(p))
        for p in sorted((REPO / "personas").glob("*.yaml"))
    },
}

JOURNEYS: dict[str, tuple[bool, str]] = {
    "minimal": (True, JOURNEY_HEAD + STAGES),
    "personas-list": (True, "title: T\npersonas: [ada, bo]\n" + STAGES),
    "future-improves": (True, JOURNEY_HEAD + "state: future\nimproves: base\n" + STAGES),
    "null-improves": (True, JOURNEY_HEAD + "improves: ~\n" + STAGES),
    "emotion-whole-float": (True, JOURNEY_HEAD + STAGES + "    emotion: 1.0\n"),
    "emotion-map": (True, JOURNEY_HEAD + STAGES + "    emotion: {ada: -2}\n"),
    "emotion-note": (True, JOURNEY_HEAD + STAGES + "    emotion_note: Finally done\n"),
    "emotion-note-number": (True, JOURNEY_HEAD + STAGES + "    emotion_note: 42\n"),
    "emotion-note-map": (True, JOURNEY_HEAD + STAGES + "    emotion_note: {ada: Too slow}\n"),
    "moment-true": (True, JOURNEY_HEAD + STAGES + "    moment_of_truth: true\n"),
    "number-title": (True, "title: 1.10\npersona: ada\n" + STAGES + "    actions: [7:30]\n"),
    "interval": (True, JOURNEY_HEAD + "review_every: 6 months\n" + STAGES),
    # invalid
    "current-improves": (False, JOURNEY_HEAD + "state: current\nimproves: base\n" + STAGES),
    "default-state-improves": (False, JOURNEY_HEAD + "improves: base\n" + STAGES),
    "persona-list": (False, "title: T\npersona: [ada, bo]\n" + STAGES),
    "both-persona-fields": (False, JOURNEY_HEAD + "personas: [ada]\n" + STAGES),
    "no-persona": (False, "title: T\n" + STAGES),
    "no-stages": (False, JOURNEY_HEAD + "stages: []\n"),
    "emotion-high": (False, JOURNEY_HEAD + STAGES + "    emotion: 3\n"),
    "emotion-half": (False, JOURNEY_HEAD + STAGES + "    emotion: 1.5\n"),
    "emotion-yes": (False, JOURNEY_HEAD + STAGES + "    emotion: yes\n"),
    "emotion-map-high": (False, JOURNEY_HEAD + STAGES + "    emotion: {ada: 5}\n"),
    "emotion-map-bad-key": (False, JOURNEY_HEAD + STAGES + "    emotion: {Ada B: 1}\n"),
    "emotion-note-list": (False, JOURNEY_HEAD + STAGES + "    emotion_note: [a, b]\n"),
    "emotion-note-blank": (False, JOURNEY_HEAD + STAGES + "    emotion_note: '  '\n"),
    "emotion-note-bad-key": (False, JOURNEY_HEAD + STAGES + "    emotion_note: {Ada B: x}\n"),
    "moment-yes": (False, JOURNEY_HEAD + STAGES + "    moment_of_truth: yes\n"),
    "interval-zero": (False, JOURNEY_HEAD + "review_every: 0 days\n" + STAGES),
    "stage-unknown": (False, JOURNEY_HEAD + STAGES + "    feelings: [x]\n"),
    "blank-title": (False, "title: '  '\npersona: ada\n" + STAGES),
    "bad-state": (False, JOURNEY_HEAD + "state: past\n" + STAGES),
    **{
        f"example-{p.stem}": (True, p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "journeys").glob("*.yaml"))
    },
}

#: Every persona and journey id the example journeys and the cases above refer to.
KNOWN_PERSONAS = {p.stem for p in (REPO / "personas").glob("*.yaml")} | {"ada", "bo", "bob", "0170"}


def _validate_says(kind: str, text: str, tmp_path: Path) -> bool:
    """Whether ``validate`` accepts the file (other files only make its references exist)."""
    personas, journeys = tmp_path / "personas", tmp_path / "journeys"
    personas.mkdir()
    journeys.mkdir()
    for ident in sorted(KNOWN_PERSONAS):
        # Example personas as they are (the example journeys cite their research sources).
        example = REPO / "personas" / f"{ident}.yaml"
        stub = _example(example) if example.is_file() else HEAD.replace("Ada", ident)
        (personas / f"{ident}.yaml").write_text(stub, encoding="utf-8")
    (journeys / "base.yaml").write_text(JOURNEY_HEAD + STAGES, encoding="utf-8")
    for name in ("fiona-first-invoice", "team-evaluation"):
        (journeys / f"{name}.yaml").write_text(JOURNEY_HEAD + STAGES, encoding="utf-8")
    folder = personas if kind == "persona" else journeys
    target = folder / "case.yaml"
    target.write_text(text, encoding="utf-8")
    try:
        load_handbook(personas, journeys, root=tmp_path, today=TODAY)
    except ValidationFailed as failed:
        mine = [p for p in failed.problems if p.path.endswith("case.yaml")]
        assert mine == failed.problems, failed.problems  # only the case itself is judged
        return False
    return True


@pytest.fixture(scope="module")
def schema_says(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], bool]:
    """check-jsonschema's verdict on every case, as a pre-commit hook would run it."""
    verdicts: dict[tuple[str, str], bool] = {}
    for kind, cases in (("persona", PERSONAS), ("journey", JOURNEYS)):
        folder = tmp_path_factory.mktemp(kind)
        files = []
        for name, (_, text) in cases.items():
            path = folder / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        proc = subprocess.run(
            [
                sys.executable, "-m", "check_jsonschema", "--output-format", "json",
                "--schemafile", str(SCHEMA_DIR / f"{kind}.schema.json"), *files,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        report = json.loads(proc.stdout)
        failed = {Path(e["filename"]).stem for e in report.get("errors", [])}
        failed |= {Path(e["filename"]).stem for e in report.get("parse_errors", [])}
        for name in cases:
            verdicts[(kind, name)] = name not in failed
    return verdicts


CASES = [("persona", n, v, t) for n, (v, t) in PERSONAS.items()] + [
    ("journey", n, v, t) for n, (v, t) in JOURNEYS.items()
]


@pytest.mark.parametrize(
    ("kind", "name", "valid", "text"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_schema_and_validate_agree(
    kind: str,
    name: str,
    valid: bool,
    text: str,
    tmp_path: Path,
    schema_says: dict[tuple[str, str], bool],
) -> None:
    assert _validate_says(kind, text, tmp_path) is valid, "validate"
    assert schema_says[(kind, name)] is valid, "check-jsonschema"
