"""Initials and colours that tell a handbook's personas apart.

:func:`.images.initials` looks at one name at a time, so "Bookkeeper Ben" and "Bargain-hunter
Bruno" both come out as "BB". :func:`avatar_labels` looks at the whole handbook at once and
gives every persona an :class:`AvatarLabel` (initials and background colour) such that:

* no two personas have the same initials (when their names allow it at all);
* initials are never a pair of thin strokes such as "II" or "Il" (which reads as a pause icon);
* colours are all different while the palette lasts, and spread evenly after that, so no two
  personas share both initials and colour;
* the result is deterministic, and a persona's label changes only when a persona whose label
  would look like it is added or renamed.

How initials are chosen: every name has a list of candidates, best first. The first is the
classic one (first letters of the first and the last word: "Bookkeeper Ben" → "BB"); then come
the first letter of the last word, usually the person's own name, with one more of its letters
("Be", "Bn"), then the first word's ("Bo", "Bk"). All personas whose current candidate is the
same (or a thin pair) move on to their next candidate together, so "BB" becomes "Be" for Ben and
"Br" for Bruno, while everyone else keeps theirs. Whoever runs out of candidates gets a number.

This module does not import MkDocs.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.crop import parse_focus
from ..images import AVATAR_PALETTE, Look

if TYPE_CHECKING:
    from .site import BuildContext

__all__ = [
    "AvatarLabel",
    "avatar_labels",
    "build_labels",
    "is_thin",
    "label_candidates",
    "label_of",
    "labels",
    "looks",
]

#: Characters that are a single vertical stroke in most sans-serif fonts.
THIN = frozenset("Il1|iíìîïĺļľłIÍÌÎÏİ!¡")
#: How many rounds of moving colliding personas on before numbers are used.
_MAX_ROUNDS = 64


class AvatarLabel(NamedTuple):
    """What an initials avatar shows: its text and background colour (``#rrggbb``)."""

    initials: str
    colour: str


def is_thin(label: str) -> bool:
    """Whether ``label`` is made of thin vertical strokes only ("II", "Il", "l1")."""
    return len(label) > 1 and all(ch in THIN for ch in label)


def _upper(ch: str) -> str:
    upper = ch.upper()
    return upper if len(upper) == 1 else ch


def _lower(ch: str) -> str:
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _words(name: str) -> list[str]:
    """The letters and digits of each word that has any, in order."""
    words = []
    for word in unicodedata.normalize("NFC", name).split():
        kept = "".join(ch for ch in word if ch.isalnum())
        if kept:
            words.append(kept)
    return words


def label_candidates(name: str) -> list[str]:
    """Possible initials for ``name``, best first, without thin pairs or repeats.

    ``"Bookkeeper Ben"`` gives ``["BB", "Be", "Bn", "Bo", "Bk", …, "B"]``; ``"Margie"`` gives
    ``["M", "Ma", "Mr", "Mg", "Mi", "Me"]``; a name without letters or digits gives ``[]``.
    """
    words = _words(name)
    if not words:
        return []
    first, last = words[0], words[-1]
    found: list[str] = []
    if len(words) > 1:
        found.append(_upper(first[0]) + _upper(last[0]))
    else:
        found.append(_upper(first[0]))
    for word in dict.fromkeys((last, first)):
        found.extend(_upper(word[0]) + _lower(ch) for ch in word[1:])
    if len(words) > 2:  # "Head of Finance Hannah": the middle words' letters too
        found.extend(_upper(w[0]) + _upper(last[0]) for w in words[1:-1])
    found.append(_upper(last[0]))  # one letter, when every pair is a thin one ("Ill Il")
    return [c for c in dict.fromkeys(found) if not is_thin(c)]


def _preferred_colour(persona_id: str) -> int:
    """The palette index :func:`.images.avatar_colour` gives ``persona_id``."""
    digest = hashlib.sha256(persona_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % len(AVATAR_PALETTE)


def _assign_initials(names: Mapping[str, str]) -> dict[str, str]:
    candidates = {pid: label_candidates(names[pid]) for pid in sorted(names)}
    step = dict.fromkeys(candidates, 0)

    def current(pid: str) -> str:
        options = candidates[pid]
        return options[step[pid]] if step[pid] < len(options) else ""

    for _ in range(_MAX_ROUNDS):
        holders: dict[str, list[str]] = {}
        for pid in candidates:
            label = current(pid)
            if label:
                holders.setdefault(label.casefold(), []).append(pid)
        clashes = [
            pids
            for pids in holders.values()
            if len(pids) > 1 and any(step[p] + 1 < len(candidates[p]) for p in pids)
        ]
        if not clashes:
            break
        for pids in clashes:
            for pid in pids:
                if step[pid] + 1 < len(candidates[pid]):
                    step[pid] += 1

    result: dict[str, str] = {}
    taken: set[str] = set()
    for pid in candidates:  # by id: whoever is still tied gets a number
        label = current(pid)
        if not label and candidates[pid]:
            label = candidates[pid][-1]
        if label and label.casefold() in taken:
            base, n = label[:1], 2
            while f"{base}{n}".casefold() in taken:
                n += 1
            label = f"{base}{n}"
        if label:
            taken.add(label.casefold())
        result[pid] = label
    return result


def build_labels(names: Mapping[str, str]) -> dict[str, AvatarLabel]:
    """An :class:`AvatarLabel` for every persona, from ``{persona id: name}``.

    Colours: each persona prefers the colour :func:`.images.avatar_colour` gives its id; in id
    order, it takes the first colour (from its preferred one on, round the palette) that the
    fewest personas before it have, so all differ while the palette lasts.
    """
    initials = _assign_initials(names)
    uses = [0] * len(AVATAR_PALETTE)
    labels: dict[str, AvatarLabel] = {}
    size = len(AVATAR_PALETTE)
    for pid in sorted(names):
        start = _preferred_colour(pid)
        order = [(start + k) % size for k in range(size)]
        least = min(uses)
        index = next(i for i in order if uses[i] == least)
        uses[index] += 1
        labels[pid] = AvatarLabel(initials[pid], AVATAR_PALETTE[index])
    return labels


def avatar_labels(handbook: Any) -> dict[str, AvatarLabel]:
    """An :class:`AvatarLabel` for every persona of ``handbook`` (a :class:`.loader.Handbook`
    or anything with a ``personas`` mapping of id to persona)."""
    personas: Mapping[str, Any] = handbook.personas
    return build_labels({pid: p.name for pid, p in personas.items()})


def labels(ctx: BuildContext) -> dict[str, AvatarLabel]:
    """The build's labels, computed once and kept in ``ctx.shared`` (reused from the previous
    build while every persona's name is the same)."""
    found: dict[str, AvatarLabel] | None = ctx.shared.get("persona.labels")
    if found is None:
        names = {pid: p.name for pid, p in ctx.handbook.personas.items()}
        key = ("avatar-labels", tuple(names.items()))
        found = ctx.shared["persona.labels"] = ctx.reuse(key, lambda: build_labels(names))
    return found


def label_of(ctx: BuildContext, persona_id: str, name: str) -> AvatarLabel:
    """The label of ``persona_id`` in this build; for an id that is not a persona (a journey
    naming an unknown one), the initials and colour of ``name`` on its own."""
    found = labels(ctx).get(persona_id)
    if found is not None:
        return found
    from ..images import avatar_colour, initials

    return AvatarLabel(initials(name), avatar_colour(persona_id))


def looks(ctx: BuildContext) -> dict[str, Look]:
    """Every persona's :class:`.images.Look` in this build: its label, its photo's focus and
    the configured font (computed once and kept in ``ctx.shared``)."""
    found: dict[str, Look] | None = ctx.shared.get("persona.looks")
    if found is None:
        font = getattr(ctx.options, "font", None)
        found = {
            pid: Look(
                initials=label.initials,
                colour=label.colour,
                focus=parse_focus(p.photo_focus) if p.photo_focus else None,
                font=font,
            )
            for pid, label in labels(ctx).items()
            if (p := ctx.handbook.personas[pid]) is not None
        }
        ctx.shared["persona.looks"] = found
    return found


def unique(values: Iterable[AvatarLabel]) -> bool:
    """Whether no two labels have both the same initials and the same colour."""
    seen = [(v.initials.casefold(), v.colour) for v in values]
    return len(seen) == len(set(seen))
