"""Deterministic synthetic persona handbooks for benchmarks and tests.

``write_handbook(root, 1000)`` writes ``root/personas/*.yaml`` (about 3 KB each: bio, quotes,
demographics, role, 5–8 goals and challenges, messaging, research, …), a journey map for every
fourth persona in ``root/journeys/`` and a small Pillow-drawn 600×600 JPEG for every fifth
persona in ``root/personas/photos/``. The same ``seed`` always gives byte-identical files (for
a given Pillow version), and persona ``i`` is the same whatever the handbook size, except for
its ``related`` ids, which are drawn from the personas that exist.

With ``content="light"`` the same personas come as short cards instead (about 1 KB of YAML
each: name, type, market, segment, status, tagline, owner, last review, 4–5 goals and
challenges, tags, related personas, the same photos) and the journeys with 3–4 short stages:
a handbook whose per-page cost is mostly the plugin's and MkDocs' fixed cost per page.

The content is made of plain Python data (:func:`make_personas`, :func:`make_journeys`) so the
benchmark can write the very same text as plain Markdown for its baseline site.

Usage as a script::

    python benchmarks/synthetic.py OUT_DIR --personas 100 [--content light]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

#: The "today" the synthetic review dates are spread around (use it as the plugin's ``today``).
TODAY = dt.date(2026, 6, 30)
JOURNEY_EVERY = 4
PHOTO_EVERY = 5
PHOTO_SIZE = 600
#: Content weights: "full" (~3.5 KB of YAML per persona) and "light" (~1 KB, short cards).
CONTENTS = ("full", "light")

FIRST_NAMES = [
    "Margie", "Ben", "Carla", "Fiona", "Hannah", "Ian", "Oscar", "Paula", "Sam", "Stella",
    "Bruno", "Amira", "Deepak", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Keiko",
    "Luca", "Maya", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Tariq", "Ulla", "Viktor",
    "Wen", "Xavier", "Yara", "Zoe", "Anton", "Bea", "Chidi", "Dora", "Emil", "Freya",
]
ROLES = [
    "Finance Manager", "Bookkeeper", "Head of Finance", "Founder", "Operations Lead",
    "Freelance Designer", "IT Administrator", "Procurement Officer", "Payroll Specialist",
    "Sales Director", "Office Manager", "Accountant", "Controller", "Project Manager",
    "Customer Success Lead", "Student", "Shop Owner", "Consultant",
]
TYPES = ["buyer", "user", "decision-maker", "influencer", "detractor", "payer", "negative"]
MARKETS = ["b2b", "b2c", "public", "internal"]
SEGMENTS = [
    "Micro businesses (1–9 employees)", "SMB (10–49 employees)", "Mid-market (50–250 employees)",
    "Enterprise (250+ employees)", "Public sector", "Sole traders", "Accounting practices",
]
CITIES = [
    "Bristol, UK", "Leeds, UK", "Dublin, Ireland", "Manchester, UK", "Lyon, France",
    "Rotterdam, Netherlands", "Hamburg, Germany", "Glasgow, UK", "Cardiff, Wales",
    "Porto, Portugal",
]
EDUCATION = [
    "AAT Level 4", "BA in Economics", "MBA (part-time)", "Self-taught", "ACCA qualified",
    "BSc in Computer Science", "Apprenticeship in business administration", "CIMA student",
]
HOUSEHOLDS = [
    "Lives alone", "Lives with partner", "Two teenage children", "Lives with partner and a toddler",
    "Shares a flat with two friends", "Cares for an elderly parent",
]
TAGS = [
    "smb", "onboarding", "month-end", "mobile", "reporting", "payroll", "tax", "expenses",
    "invoicing", "integrations", "security", "pricing", "trial", "migration", "compliance",
]
TOOLS = [
    "QuickBooks Online", "Excel", "Google Sheets", "Slack", "Microsoft Teams", "Dext", "Xero",
    "Sage 50", "HubSpot", "Notion", "Jira", "Stripe", "Shopify", "Outlook", "Trello",
]
CHANNELS = [
    "LinkedIn", "Industry newsletters", "Reddit r/Accounting", "Vendor webinars",
    "Peer Slack groups", "YouTube tutorials", "Trade shows", "Word of mouth",
    "Podcasts on the commute", "Review sites",
]
STAGES = [
    "Discover", "Research", "Compare", "Trial", "Buy", "Onboard", "Set up", "First use",
    "Month-end", "Renew", "Get help", "Expand",
]
TEAMS = ["Product", "Design", "Customer Success", "Sales", "Support", "Marketing", "Data Science"]
SUBJECTS = [
    "the month-end close", "the bank feed", "card spend", "supplier invoices", "the audit file",
    "the trial", "the mobile app", "receipt capture", "the management pack", "payroll",
    "the chart of accounts", "expense approvals", "the sales demo", "the onboarding checklist",
    "VAT returns", "the budget review", "project costs", "the renewal quote", "data imports",
]
VERBS = [
    "needs to fit", "keeps slowing down", "should simplify", "has to survive", "quietly breaks",
    "must not disrupt", "could finally replace", "depends on", "gets in the way of",
    "would speed up", "is judged by", "takes longer than",
]
OBJECTS = [
    "her weekly routine", "his reporting deadline", "their approval chain", "the team's evenings",
    "a tidy audit trail", "a clean handover", "the first working week", "every supplier payment",
    "the board meeting", "the quarterly forecast", "customer conversations", "the busy season",
]
QUALIFIERS = [
    "without extra training", "when the feed is late", "by working day six", "on a phone",
    "before anyone asks", "in under an hour", "during the busy season", "with fewer spreadsheets",
    "without chasing colleagues", "even with a custom setup", "at the end of every quarter", "",
]
QUOTE_SOURCES = [
    "Customer interview, March 2026", "Sales call notes, February 2026", "Trial exit survey",
    "Support ticket", "Diary study, week 2", "Usability test, round 3", "Community forum post",
]


def _sentence(rng: random.Random, emphasis: bool = False, short: bool = False) -> str:
    subject = rng.choice(SUBJECTS)
    subject = subject[0].upper() + subject[1:]
    if emphasis and rng.random() < 0.3:
        subject = f"**{subject}**"
    qualifier = "" if short else rng.choice(QUALIFIERS)
    words = [subject, rng.choice(VERBS), rng.choice(OBJECTS), qualifier]
    return " ".join(w for w in words if w) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, emphasis=True) for _ in range(sentences))


def _items(rng: random.Random, low: int, high: int, short: bool = False) -> list[str]:
    count = rng.randint(low, high)
    return [_sentence(rng, emphasis=True, short=short) for _ in range(count)]


def persona_id(index: int) -> str:
    """The id of persona ``index`` (e.g. ``margie-0000``)."""
    return f"{FIRST_NAMES[index % len(FIRST_NAMES)].lower()}-{index:04d}"


def journey_id(index: int) -> str:
    """The id of journey ``index`` (about persona ``index * JOURNEY_EVERY``)."""
    return f"journey-{index:04d}"


def make_persona(index: int, count: int, seed: int = 0) -> dict[str, Any]:
    """The YAML data of persona ``index`` in a handbook of ``count`` personas."""
    rng = random.Random(f"persona-{seed}-{index}")
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    role = rng.choice(ROLES)
    pid = persona_id(index)
    reviewed = TODAY - dt.timedelta(days=rng.randint(10, 500))
    data: dict[str, Any] = {
        "name": f"{role} {first} {index}",
        "type": TYPES[index % len(TYPES)],
        "market": rng.choice(MARKETS),
        "segment": rng.choice(SEGMENTS),
        "status": "draft" if index % 11 == 7 else "retired" if index % 13 == 12 else "active",
        "tagline": _sentence(rng),
        "owner": f"@team-{rng.choice(TEAMS).lower().replace(' ', '-')}",
        "last_reviewed": reviewed,
    }
    if index % PHOTO_EVERY == 0:
        data["photo"] = f"photos/{pid}.jpg"
        data["photo_alt"] = f"Portrait of {first}: abstract shapes on a soft background."
    data["bio"] = _paragraph(rng, 3) + "\n\n" + _paragraph(rng, 2) + "\n"
    data["quotes"] = [
        {"text": _sentence(rng) + " " + _sentence(rng), "source": rng.choice(QUOTE_SOURCES)}
        for _ in range(rng.randint(2, 3))
    ]
    data["demographics"] = {
        "Age": rng.randint(22, 64),
        "Location": rng.choice(CITIES),
        "Education": rng.choice(EDUCATION),
        "Household": rng.choice(HOUSEHOLDS),
    }
    data["role"] = {
        "Job title": role,
        "Company": f"{rng.choice(SEGMENTS).split(' (')[0]} firm, {rng.randint(3, 900)} employees",
        "Team": f"{rng.randint(0, 12)} direct reports",
        "Budget": f"Influences about £{rng.randint(1, 90)}k/year of software spend",
    }
    data["goals"] = _items(rng, 5, 8, short=True)
    data["challenges"] = _items(rng, 5, 8, short=True)
    data["motivations"] = _items(rng, 2, 3, short=True)
    data["needs"] = _items(rng, 2, 3, short=True)
    data["objections"] = _items(rng, 2, 3, short=True)
    data["behaviors"] = _items(rng, 2, 3, short=True)
    data["channels"] = rng.sample(CHANNELS, 3)
    data["tools"] = rng.sample(TOOLS, 3)
    data["messaging"] = {
        "pitch": _sentence(rng) + " " + _sentence(rng),
        "vocabulary": rng.sample(SUBJECTS, 4),
        "avoid": ["effortless", "one-click migration", "replace your accountant"],
    }
    data["share"] = round(rng.uniform(0.1, 20.0), 1)
    data["research"] = {
        "interviews": rng.randint(3, 40),
        "sources": [
            f"Customer interviews, {rng.choice(['Q1', 'Q2', 'Q3', 'Q4'])} 2026",
            f"Trial exit survey (n={rng.randint(50, 500)})",
            "Product analytics, trial cohort",
        ],
        "confidence": rng.choice(["low", "medium", "high"]),
    }
    data["tags"] = rng.sample(TAGS, 3)
    others = [i for i in rng.sample(range(count), min(count, 4)) if i != index][:3]
    data["related"] = [persona_id(i) for i in others]
    return data


def make_journey(index: int, persona_count: int, seed: int = 0) -> dict[str, Any]:
    """The YAML data of journey ``index`` (about persona ``index * JOURNEY_EVERY``)."""
    rng = random.Random(f"journey-{seed}-{index}")
    owner = index * JOURNEY_EVERY
    data: dict[str, Any] = {"title": f"{FIRST_NAMES[owner % len(FIRST_NAMES)]} {index}: "
                            f"{rng.choice(SUBJECTS)}"}
    partner = owner + 1
    if index % 8 == 3 and partner < persona_count:
        data["personas"] = [persona_id(owner), persona_id(partner)]
    else:
        data["persona"] = persona_id(owner)
    if index % 10 == 9:
        data["state"] = "future"
        data["improves"] = journey_id(index - 1)
    else:
        data["state"] = "current"
    data["owner"] = f"@team-{rng.choice(TEAMS).lower().replace(' ', '-')}"
    data["last_reviewed"] = TODAY - dt.timedelta(days=rng.randint(10, 500))
    data["tags"] = rng.sample(TAGS, 2)
    data["goal"] = _sentence(rng)
    data["scenario"] = _paragraph(rng, 3) + "\n"
    stage_names = rng.sample(STAGES, rng.randint(4, 6))
    truth = rng.randrange(len(stage_names))
    stages = []
    for s, name in enumerate(stage_names):
        stage: dict[str, Any] = {
            "name": name,
            "description": _sentence(rng),
            "actions": _items(rng, 2, 3),
            "thoughts": _items(rng, 1, 2),
            "touchpoints": rng.sample(TOOLS, 2),
            "channels": rng.sample(CHANNELS, 2),
            "pain_points": _items(rng, 1, 3),
            "opportunities": _items(rng, 1, 2),
            "teams": rng.sample(TEAMS, 2),
        }
        if s == truth:
            stage["moment_of_truth"] = True
        if "personas" in data:
            stage["emotion"] = {p: rng.randint(-2, 2) for p in data["personas"]}
        else:
            stage["emotion"] = rng.randint(-2, 2)
        stages.append(stage)
    data["stages"] = stages
    return data


#: What a light persona keeps of the full one (plus its photo).
_CARD_KEYS = (
    "name", "type", "market", "segment", "status", "tagline", "owner", "last_reviewed",
)


def make_light_persona(index: int, count: int, seed: int = 0) -> dict[str, Any]:
    """Persona ``index`` as a short card (about 1 KB of YAML).

    Its name, type, market, segment, status, tagline, owner, review date and photo are those
    of :func:`make_persona`; the rest is a few goals and challenges, tags and related ids.
    """
    full = make_persona(index, count, seed)
    card = {key: full[key] for key in (*_CARD_KEYS, "photo", "photo_alt") if key in full}
    rng = random.Random(f"persona-light-{seed}-{index}")
    card["goals"] = _items(rng, 4, 5)
    card["challenges"] = _items(rng, 4, 5)
    card["tags"] = rng.sample(TAGS, 3)
    card["related"] = full["related"]
    return card


def make_light_journey(index: int, persona_count: int, seed: int = 0) -> dict[str, Any]:
    """Journey ``index`` with 3–4 short stages (about 1 KB of YAML).

    Its title, personas, state, owner and review date are those of :func:`make_journey`.
    """
    full = make_journey(index, persona_count, seed)
    keys = ("title", "persona", "personas", "state", "improves", "owner", "last_reviewed", "goal")
    data = {key: full[key] for key in keys if key in full}
    rng = random.Random(f"journey-light-{seed}-{index}")
    stage_names = rng.sample(STAGES, rng.randint(3, 4))
    truth = rng.randrange(len(stage_names))
    stages = []
    for s, name in enumerate(stage_names):
        stage: dict[str, Any] = {
            "name": name,
            "description": _sentence(rng, short=True),
            "actions": _items(rng, 1, 2, short=True),
            "pain_points": _items(rng, 1, 1, short=True),
        }
        if s == truth:
            stage["moment_of_truth"] = True
        if "personas" in data:
            stage["emotion"] = {p: rng.randint(-2, 2) for p in data["personas"]}
        else:
            stage["emotion"] = rng.randint(-2, 2)
        stages.append(stage)
    data["stages"] = stages
    return data


def _check_content(content: str) -> None:
    if content not in CONTENTS:
        raise ValueError(f"content must be one of {', '.join(CONTENTS)}, not {content!r}")


def make_personas(count: int, seed: int = 0, content: str = "full") -> dict[str, dict[str, Any]]:
    """``count`` personas by id, in order (``content``: "full" or "light")."""
    _check_content(content)
    make = make_persona if content == "full" else make_light_persona
    return {persona_id(i): make(i, count, seed) for i in range(count)}


def make_journeys(
    persona_count: int, seed: int = 0, content: str = "full"
) -> dict[str, dict[str, Any]]:
    """One journey per ``JOURNEY_EVERY`` personas, by id (``content``: "full" or "light")."""
    _check_content(content)
    make = make_journey if content == "full" else make_light_journey
    count = (persona_count + JOURNEY_EVERY - 1) // JOURNEY_EVERY
    return {journey_id(j): make(j, persona_count, seed) for j in range(count)}


class _Dumper(yaml.SafeDumper):
    """Writes multi-line strings as literal blocks, as people do by hand."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(data: dict[str, Any]) -> str:
    """YAML text for one persona or journey."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def draw_photo(persona: str, size: int = PHOTO_SIZE) -> bytes:
    """A deterministic abstract portrait (JPEG bytes) for ``persona``."""
    import io

    from PIL import Image, ImageDraw

    rng = random.Random(f"photo-{persona}")
    top = tuple(rng.randint(120, 255) for _ in range(3))
    bottom = tuple(rng.randint(40, 160) for _ in range(3))
    im = Image.new("RGB", (size, size))
    draw = ImageDraw.Draw(im)
    for y in range(size):
        f = y / (size - 1)
        draw.line(
            [(0, y), (size, y)],
            fill=tuple(round(a + (b - a) * f) for a, b in zip(top, bottom, strict=True)),
        )
    for _ in range(6):
        r = rng.randint(size // 12, size // 4)
        x, y = rng.randint(0, size), rng.randint(0, size)
        draw.ellipse(
            [x - r, y - r, x + r, y + r], fill=tuple(rng.randint(0, 255) for _ in range(3))
        )
    # A head-and-shoulders silhouette in the middle.
    skin = (rng.randint(120, 240), rng.randint(90, 200), rng.randint(70, 170))
    draw.ellipse([size * 0.2, size * 0.68, size * 0.8, size * 1.2], fill=skin)
    draw.ellipse([size * 0.33, size * 0.22, size * 0.67, size * 0.62], fill=skin)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=80, optimize=False, progressive=False)
    return out.getvalue()


@dataclass
class SyntheticHandbook:
    """What :func:`write_handbook` wrote."""

    root: Path
    personas: dict[str, dict[str, Any]] = field(default_factory=dict)
    journeys: dict[str, dict[str, Any]] = field(default_factory=dict)
    photos: list[Path] = field(default_factory=list)

    @property
    def personas_dir(self) -> Path:
        """``root/personas``."""
        return self.root / "personas"

    @property
    def journeys_dir(self) -> Path:
        """``root/journeys``."""
        return self.root / "journeys"


def write_handbook(
    root: Path, count: int, seed: int = 0, content: str = "full"
) -> SyntheticHandbook:
    """Write ``count`` personas, their journeys and photos below ``root``.

    ``content`` is "full" (about 3.5 KB of YAML per persona) or "light" (short cards, ~1 KB).
    """
    result = SyntheticHandbook(
        root, make_personas(count, seed, content), make_journeys(count, seed, content)
    )
    result.personas_dir.mkdir(parents=True, exist_ok=True)
    result.journeys_dir.mkdir(parents=True, exist_ok=True)
    for pid, data in result.personas.items():
        (result.personas_dir / f"{pid}.yaml").write_text(to_yaml(data), encoding="utf-8")
        if "photo" in data:
            photo = result.personas_dir / data["photo"]
            photo.parent.mkdir(parents=True, exist_ok=True)
            photo.write_bytes(draw_photo(pid))
            result.photos.append(photo)
    for jid, data in result.journeys.items():
        (result.journeys_dir / f"{jid}.yaml").write_text(to_yaml(data), encoding="utf-8")
    return result


def iter_files(root: Path) -> Iterator[Path]:
    """Every file below ``root``, sorted (to compare two runs)."""
    return iter(sorted(p for p in root.rglob("*") if p.is_file()))


def main(argv: list[str] | None = None) -> int:
    """Command line: write a synthetic handbook into a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write personas/ and journeys/ into")
    parser.add_argument("--personas", type=int, default=100, help="how many personas (100)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--content", choices=CONTENTS, default="full", help="full (~3.5 KB) or light (~1 KB)"
    )
    args = parser.parse_args(argv)
    book = write_handbook(args.out, args.personas, args.seed, args.content)
    print(
        f"wrote {len(book.personas)} personas, {len(book.journeys)} journeys and "
        f"{len(book.photos)} photos below {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
