"""The persona and journey data contract, as pydantic models.

The JSON Schemas editors use are generated from these models (see :mod:`.schema`), so the
docstrings and field descriptions here are also what people see in their editor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .crop import FOCUS_HELP, FOCUS_PATTERN, parse_focus
from .intervals import json_schema_pattern, parse_interval

#: Longest text accepted in one field (a long bio is ~5 000 characters).
MAX_TEXT = 20_000
#: Most items accepted in one list.
MAX_ITEMS = 200

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: A language tag such as ``en``, ``zh-Hans`` or ``pt-BR`` (BCP 47, simplified).
LANG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_LANG = re.compile(LANG_PATTERN)


def check_lang(value: str) -> str:
    """``value`` if it is a language tag, else :class:`ValueError` with a clear message
    (pydantic's would quote the regular expression)."""
    if not _LANG.match(value):
        raise ValueError(f"'{value}' is not a language tag such as 'en', 'zh' or 'pt-BR'")
    return value


def check_focus(value: str) -> str:
    """``value`` if it is a ``photo_focus``, else :class:`ValueError` saying what is one."""
    try:
        parse_focus(value)
    except ValueError:
        raise ValueError(f"'{value}': {FOCUS_HELP}") from None
    return value


#: The language of a text, when it is not the site's (``lang`` attribute on its element).
Lang = Annotated[
    str,
    AfterValidator(check_lang),
    WithJsonSchema({"type": "string", "pattern": LANG_PATTERN, "maxLength": 80}),
]
#: Where to crop a photo (see :mod:`.crop`).
PhotoFocus = Annotated[
    str,
    AfterValidator(check_focus),
    WithJsonSchema({"type": "string", "pattern": FOCUS_PATTERN}),
]



def _as_written_schema(max_length: int, *, min_length: int = 1) -> WithJsonSchema:
    """The JSON Schema of free text.

    A YAML value is kept as written (``0170``, ``1.10``, ``yes``), but a JSON Schema validator
    sees what a YAML parser made of it (170, 1.1, a boolean), so numbers and booleans are
    text too. ``\\S``: at least one character that is not white space (``"   "`` is empty).
    """
    schema: dict[str, Any] = {"type": ["string", "number", "boolean"], "maxLength": max_length}
    if min_length:
        schema.update(minLength=min_length, pattern=r"\S")
    return WithJsonSchema(schema)


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    _as_written_schema(MAX_TEXT),
]
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    _as_written_schema(500),
]
#: An id. Written ``2024`` it is the text "2024" here, but the number 2024 to a JSON Schema
#: validator: whole numbers are valid ids there.
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 80},
                {"type": "integer", "minimum": 0},
            ]
        }
    ),
]
#: An id used as a mapping key (keys are always text, in YAML and in JSON).
SlugKey = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
TextList = Annotated[list[Text], Field(max_length=MAX_ITEMS)]


def _whole(value: Any) -> Any:
    """``3.0`` is the whole number 3 (as in JSON Schema); ``3.5`` and ``true`` are not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: How a stage feels: a whole number from -2 to 2, written ``1`` or ``1.0`` (JSON Schema's
#: ``integer`` admits both).
Emotion = Annotated[int, Field(strict=True, ge=-2, le=2), BeforeValidator(_whole)]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _strict_date(value: Any) -> Any:
    """Accept a YAML date or ``YYYY-MM-DD`` text only (pydantic would also take numbers)."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_type", "expected a date without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, str):
        raise PydanticCustomError("date_from_text", "not a YYYY-MM-DD date")
    raise PydanticCustomError("date_type", "expected a date")


#: A calendar date written ``YYYY-MM-DD``.
Date = Annotated[dt.date, BeforeValidator(_strict_date)]

#: The fields of a persona file that hold numbers, dates or true/false. Every other value is
#: free text and is published exactly as written (see :func:`.yamlsafe.load_yaml`).
PERSONA_TYPED: dict[str, Any] = {
    "last_reviewed": True,
    "share": True,
    "research": {"interviews": True, "sources": {"*": {"date": True}}},
}
#: The typed fields of a journey file (``"*"``: every stage; ``emotion`` with its mapping).
JOURNEY_TYPED: dict[str, Any] = {
    "last_reviewed": True,
    "stages": {"*": {"moment_of_truth": True, "emotion": True}},
}


class PersonaType(str, Enum):
    """What role the persona plays in buying or using the product."""

    buyer = "buyer"
    user = "user"
    decision_maker = "decision-maker"
    influencer = "influencer"
    detractor = "detractor"
    payer = "payer"
    negative = "negative"


class Market(str, Enum):
    """Which market the persona belongs to."""

    b2b = "b2b"
    b2c = "b2c"
    public = "public"
    internal = "internal"


class Status(str, Enum):
    """Lifecycle of a persona."""

    draft = "draft"
    active = "active"
    retired = "retired"


class Confidence(str, Enum):
    """How well the research supports the persona."""

    low = "low"
    medium = "medium"
    high = "high"


class JourneyState(str, Enum):
    """Whether a journey map shows today's experience or a planned one."""

    current = "current"
    future = "future"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, populate_by_name=True)


#: The ids of research sources a claim cites (``research.sources[].id``).
EvidenceIds = Annotated[list[Slug], Field(min_length=1, max_length=20)]


class Quote(_Strict):
    """A real quote from research, with where it came from."""

    text: Text = Field(description="The quote, word for word.")
    source: Line | None = Field(
        default=None, description="Where it came from, e.g. 'Customer interview, March 2026'."
    )
    lang: Lang | None = Field(
        default=None,
        description="The quote's language when it is not the persona's, e.g. 'zh' or 'de'.",
    )
    evidence: EvidenceIds | None = Field(
        default=None, description="Ids of the research sources behind the quote."
    )


class Claim(_Strict):
    """A list item that cites the research behind it: ``{text: ..., evidence: [id, ...]}``."""

    text: Text = Field(description="The item (inline Markdown).")
    evidence: EvidenceIds = Field(
        description="Ids of the research sources (research.sources[].id) behind it."
    )


#: A list of items, each text or a :class:`Claim` citing its evidence.
ClaimList = Annotated[list[Text | Claim], Field(max_length=MAX_ITEMS)]
#: The persona lists whose items may cite evidence, in page order.
CLAIM_FIELDS: tuple[str, ...] = (
    "goals", "challenges", "motivations", "needs", "objections", "behaviors",
)


class Source(_Strict):
    """A research source: what the persona is based on."""

    title: Line = Field(description="What the source is, e.g. 'Customer interviews, Q1 2026'.")
    id: Slug | None = Field(
        default=None, description="An id that claims cite in their 'evidence' lists."
    )
    date: Date | None = Field(
        default=None, description="When the research was done (YYYY-MM-DD)."
    )
    url: Line | None = Field(default=None, description="Where to read it.")
    kind: Line | None = Field(
        default=None, description="What kind of research, e.g. 'interviews' or 'survey'."
    )


class Messaging(_Strict):
    """How to talk to this persona."""

    pitch: Text | None = Field(default=None, description="The elevator pitch for this persona.")
    message: Text | None = Field(
        default=None,
        description="The marketing message: what we say to this persona in campaigns.",
    )
    vocabulary: TextList = Field(default_factory=list, description="Words and phrases to use.")
    avoid: TextList = Field(default_factory=list, description="Words and phrases to avoid.")


class Research(_Strict):
    """The evidence behind the persona."""

    interviews: Annotated[int, Field(strict=True, ge=0), BeforeValidator(_whole)] | None = Field(
        default=None, description="How many interviews the persona is based on."
    )
    sources: Annotated[list[Line | Source], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=list,
        description="Data sources used: text, or {title, id, date, url, kind}.",
    )
    confidence: Confidence | None = Field(default=None, description="low, medium or high.")

    @property
    def source_list(self) -> list[Source]:
        """Sources, each as a :class:`Source`."""
        return [s if isinstance(s, Source) else Source(title=s) for s in self.sources]


#: A review interval (``90 days``, ``6 months``, ``quarterly``); never a bare number.
IntervalText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    WithJsonSchema({"type": "string", "pattern": json_schema_pattern(), "maxLength": 500}),
]


def _check_interval(value: str | None) -> str | None:
    if value is None:
        return None
    parse_interval(value)
    return value


#: A demographic or role value: text exactly as written (``0170``, ``7:30`` and ``1.10`` stay).
FactValue = Annotated[
    str, StringConstraints(max_length=MAX_TEXT), _as_written_schema(MAX_TEXT, min_length=0)
]


class _FromFile(_Strict):
    """A record read from a file; remembers which one (set by the loader)."""

    _source: Path | None = PrivateAttr(default=None)
    _source_rel: str = PrivateAttr(default="")

    @property
    def source(self) -> Path | None:
        """Absolute path of the YAML file this record was read from."""
        return self._source

    @property
    def source_rel(self) -> str:
        """The YAML file's path relative to the project root (POSIX separators)."""
        return self._source_rel

    def set_source(self, path: Path, rel: str) -> None:
        """Record where this record was read from."""
        self._source, self._source_rel = path, rel


class Persona(_FromFile):
    """One persona: ``personas/<id>.yaml``."""

    _photo_path: Path | None = PrivateAttr(default=None)

    @property
    def photo_path(self) -> Path | None:
        """The photo's absolute path once the loader has checked it, else ``None``."""
        return self._photo_path

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"title": "Persona", "$id": "persona.schema.json"},
    )

    id: Slug = Field(
        default="",
        description="Lowercase slug, unique across personas. Defaults to the file name.",
    )
    name: Line = Field(description="A memorable name, e.g. 'Finance Manager Margie'.")
    owner: Line = Field(description="Who keeps this persona up to date, e.g. '@sales-enablement'.")
    last_reviewed: Date = Field(description="When the persona was last reviewed (YYYY-MM-DD).")
    type: PersonaType = Field(default=PersonaType.buyer, description="The persona's role.")
    market: Market | None = Field(default=None, description="b2b, b2c, public or internal.")
    segment: Line | None = Field(default=None, description="Customer segment.")
    status: Status = Field(default=Status.active, description="draft, active or retired.")
    tagline: Line | None = Field(default=None, description="One line shown on the card.")
    bio: Text | None = Field(default=None, description="A short fictional biography (Markdown).")
    photo: Line | None = Field(
        default=None, description="Image path relative to this file, inside the personas folder."
    )
    photo_alt: Line | None = Field(default=None, description="Text alternative for the photo.")
    photo_focus: PhotoFocus | None = Field(
        default=None,
        description="What the square avatar keeps of the photo: top, center, bottom or 'x,y' "
        "(fractions of the width and height, e.g. '0.5,0.3'). Default: the upper third.",
    )
    lang: Lang | None = Field(
        default=None,
        description="The language the persona's texts are written in, when it is not the "
        "site's, e.g. 'zh' or 'de'.",
    )
    quotes: Annotated[list[Text | Quote], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=list, description="Real quotes: text, or {text, source, lang}."
    )
    demographics: Annotated[dict[Line, FactValue], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=dict, description="Label to value, shown in the order written."
    )
    role: Annotated[dict[Line, FactValue], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=dict, description="Job facts: label to value, in the order written."
    )
    goals: ClaimList = Field(
        default_factory=list, description="What they want to achieve. Text, or {text, evidence}."
    )
    challenges: ClaimList = Field(
        default_factory=list, description="Pain points. Text, or {text, evidence}."
    )
    motivations: ClaimList = Field(
        default_factory=list, description="What drives them. Text, or {text, evidence}."
    )
    needs: ClaimList = Field(
        default_factory=list, description="Jobs to be done. Text, or {text, evidence}."
    )
    objections: ClaimList = Field(
        default_factory=list, description="Objections sales will hear. Text, or {text, evidence}."
    )
    behaviors: ClaimList = Field(
        default_factory=list, description="Habits and behaviours. Text, or {text, evidence}."
    )
    channels: TextList = Field(default_factory=list, description="Where they get information.")
    tools: TextList = Field(default_factory=list, description="Tools they use today.")
    interests: TextList = Field(default_factory=list, description="Interests.")
    messaging: Messaging | None = Field(default=None, description="Pitch and vocabulary.")
    share: Annotated[
        float,
        Field(strict=True, ge=0, le=100, allow_inf_nan=False),
        WithJsonSchema(
            {
                "type": "number",
                "minimum": 0,
                "maximum": 100,
                # NaN passes every comparison a validator makes; it fails "not more than -1".
                "not": {"maximum": -1},
            }
        ),
    ] | None = Field(
        default=None, description="Share of the customer base, in percent (0-100)."
    )
    research: Research | None = Field(default=None, description="Evidence behind the persona.")
    tags: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=list, description="Free tags."
    )
    related: Annotated[list[Slug], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=list, description="Ids of related personas."
    )
    review_every: IntervalText | None = Field(
        default=None,
        description="Review interval overriding the site default, e.g. '90 days', '6 months'.",
    )
    sections: Annotated[dict[Line, Text | TextList], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=dict, description="Custom sections: title to text or list of text."
    )

    @field_validator("review_every")
    @classmethod
    def _valid_interval(cls, value: str | None) -> str | None:
        return _check_interval(value)

    _claims: dict[str, list[Claim | None]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _plain_items(self) -> Persona:
        # Pages, exports and templates read these lists as text; the evidence stays reachable
        # through claims().
        for name in CLAIM_FIELDS:
            items = getattr(self, name)
            if any(isinstance(item, Claim) for item in items):
                self._claims[name] = [i if isinstance(i, Claim) else None for i in items]
                setattr(self, name, [i.text if isinstance(i, Claim) else i for i in items])
        return self

    def claims(self, name: str) -> list[Claim]:
        """The items of list ``name`` (one of :data:`CLAIM_FIELDS`), each with its evidence
        (an empty list for an item that cites none)."""
        cited = self._claims.get(name, [])
        items: list[str] = getattr(self, name)
        out: list[Claim] = []
        for i, text in enumerate(items):
            claim = cited[i] if i < len(cited) else None
            out.append(claim or Claim.model_construct(text=text, evidence=[]))
        return out

    def evidence_of(self, name: str) -> list[Sequence[str]]:
        """The source ids each item of list ``name`` cites, in order (empty for an item that
        cites none): what :meth:`claims` gives, without building a claim per item."""
        count = len(getattr(self, name))
        cited = self._claims.get(name)
        if not cited:
            return [()] * count
        found: list[Sequence[str]] = [c.evidence if c else () for c in cited[:count]]
        return found + [()] * (count - len(found))

    @property
    def sources_by_id(self) -> dict[str, Source]:
        """The research sources that have an id."""
        research = self.research
        return {s.id: s for s in research.source_list if s.id} if research else {}

    @property
    def quote_list(self) -> list[Quote]:
        """Quotes, each as a :class:`Quote`."""
        return [q if isinstance(q, Quote) else Quote(text=q) for q in self.quotes]

    @property
    def is_negative(self) -> bool:
        """Whether this is an exclusionary persona."""
        return self.type is PersonaType.negative


class Stage(_Strict):
    """One stage (column) of a journey map."""

    name: Line = Field(description="Stage name, e.g. 'Research'.")
    description: Text | None = Field(default=None, description="What happens in this stage.")
    actions: TextList = Field(default_factory=list, description="What the persona does.")
    thoughts: TextList = Field(default_factory=list, description="What they think.")
    touchpoints: TextList = Field(default_factory=list, description="Where they meet us.")
    channels: TextList = Field(default_factory=list, description="Channels used.")
    pain_points: TextList = Field(default_factory=list, description="What goes wrong.")
    opportunities: TextList = Field(default_factory=list, description="What we could improve.")
    backstage: TextList = Field(default_factory=list, description="What the customer does not see.")
    teams: TextList = Field(default_factory=list, description="Teams involved.")
    kpis: TextList = Field(default_factory=list, description="How this stage is measured.")
    moment_of_truth: Annotated[bool, Field(strict=True)] = Field(
        default=False, description="The stage with the greatest emotional load."
    )
    emotion: Emotion | dict[SlugKey, Emotion] | None = Field(
        default=None,
        description="-2 (very negative) to +2 (very positive); for several personas a mapping "
        "of persona id to that number.",
    )
    emotion_note: Text | dict[SlugKey, Text] | None = Field(
        default=None,
        description="Why the persona feels this way (inline Markdown); for several personas a "
        "mapping of persona id to that text.",
    )
    evidence: EvidenceIds | None = Field(
        default=None,
        description="Ids of the research sources (of the journey's personas) behind this stage.",
    )


def persona_field_problem(has_persona: bool, has_personas: bool) -> str | None:
    """The message for a journey that names its personas wrongly, or ``None``."""
    if has_persona and has_personas:
        return "use either 'persona' or 'personas', not both"
    if not has_persona and not has_personas:
        return "missing 'persona' (one id) or 'personas' (a list of ids)"
    return None


class Journey(_FromFile):
    """One customer journey map: ``journeys/<id>.yaml``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "title": "Journey",
            "$id": "journey.schema.json",
            "oneOf": [{"required": ["persona"]}, {"required": ["personas"]}],
            # Only a future-state journey improves another.
            "if": {"required": ["improves"], "properties": {"improves": {"not": {"type": "null"}}}},
            "then": {"required": ["state"], "properties": {"state": {"const": "future"}}},
        },
    )

    id: Slug = Field(default="", description="Lowercase slug. Defaults to the file name.")
    title: Line = Field(description="The journey's title.")
    persona: Slug | None = Field(default=None, description="The persona id (one persona).")
    personas: Annotated[list[Slug], Field(min_length=1, max_length=20)] | None = Field(
        default=None, description="Persona ids (several personas)."
    )
    scenario: Text | None = Field(default=None, description="The situation (Markdown).")
    goal: Text | None = Field(default=None, description="What the persona wants to achieve.")
    state: JourneyState = Field(default=JourneyState.current, description="current or future.")
    improves: Slug | None = Field(
        default=None, description="For a future-state journey: the current journey it improves."
    )
    owner: Line | None = Field(default=None, description="Who keeps this journey up to date.")
    last_reviewed: Date | None = Field(default=None, description="Last review (YYYY-MM-DD).")
    review_every: IntervalText | None = Field(
        default=None, description="Review interval override, e.g. '6 months'."
    )
    tags: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=list, description="Free tags."
    )
    stages: Annotated[list[Stage], Field(min_length=1, max_length=MAX_ITEMS)] = Field(
        description="The stages, in order."
    )

    @field_validator("review_every")
    @classmethod
    def _valid_interval(cls, value: str | None) -> str | None:
        return _check_interval(value)

    @model_validator(mode="after")
    def _one_persona_field(self) -> Journey:
        message = persona_field_problem(self.persona is not None, self.personas is not None)
        if message:
            raise ValueError(message)
        return self

    @property
    def persona_ids(self) -> list[str]:
        """Every persona this journey is about, in the order written."""
        return list(self.personas or ([self.persona] if self.persona else []))

    def emotion_of(self, stage: Stage, persona_id: str) -> int | None:
        """The emotion of ``persona_id`` at ``stage`` (a plain number applies to everyone)."""
        if isinstance(stage.emotion, dict):
            return stage.emotion.get(persona_id)
        return stage.emotion

    def emotion_note_of(self, stage: Stage, persona_id: str) -> str | None:
        """Why ``persona_id`` feels as they do at ``stage`` (a plain text applies to everyone)."""
        if isinstance(stage.emotion_note, dict):
            return stage.emotion_note.get(persona_id)
        return stage.emotion_note
