"""Every piece of text the handbook shows, in one table per language.

Chosen by ``theme.language``; any string can be overridden with the plugin option ``strings``.
Keys missing from a language fall back to English, so a new key only has to be added to
``EN`` to work everywhere (and should be translated in the others).
"""

from __future__ import annotations

from collections.abc import Mapping

EN: dict[str, str] = {
    "handbook": "Persona handbook",
    "personas": "Personas",
    "persona": "Persona",
    "journeys": "Journeys",
    "journey": "Journey",
    "gallery": "All personas",
    "gallery_intro": "Who we build for, sell to and support — and who we don't.",
    "start_here": "Start here",
    "compare": "Compare",
    "reviews": "Review tracker",
    "type.buyer": "Buyer",
    "type.user": "User",
    "type.decision-maker": "Decision-maker",
    "type.influencer": "Influencer",
    "type.detractor": "Detractor",
    "type.payer": "Payer",
    "type.negative": "Negative persona",
    "market.b2b": "B2B",
    "market.b2c": "B2C",
    "market.public": "Public sector",
    "market.internal": "Internal",
    "status.draft": "Draft",
    "status.active": "Active",
    "status.retired": "Retired",
    "confidence.low": "Low",
    "confidence.medium": "Medium",
    "confidence.high": "High",
    "section.bio": "About",
    "section.demographics": "Demographics",
    "section.role": "Role",
    "section.goals": "Goals",
    "section.challenges": "Challenges",
    "section.motivations": "Motivations",
    "section.needs": "Needs",
    "section.objections": "Objections",
    "section.behaviors": "Behaviours",
    "section.channels": "Channels",
    "section.tools": "Tools",
    "section.interests": "Interests",
    "section.messaging": "Messaging",
    "section.quotes": "In their words",
    "section.research": "Research evidence",
    "section.related": "Related personas",
    "section.journeys": "Journeys",
    "section.tags": "Tags",
    "messaging.pitch": "Pitch",
    "messaging.vocabulary": "Words to use",
    "messaging.avoid": "Words to avoid",
    "research.interviews": "Interviews",
    "research.sources": "Sources",
    "research.confidence": "Confidence",
    "owner": "Owner",
    "last_reviewed": "Last reviewed",
    "next_review": "Next review",
    "share": "Share of customers",
    "segment": "Segment",
    "market": "Market",
    "type": "Type",
    "edit_persona": "Edit this persona",
    "edit_journey": "Edit this journey",
    "retired_banner": "This persona is retired. It is kept for reference and no longer used.",
    "draft_banner": "This persona is a draft and may change.",
    "negative_banner": "A negative persona: someone we deliberately do not target.",
    "filter.all": "All",
    "filter.text": "Filter personas",
    "filter.type": "Type",
    "filter.market": "Market",
    "filter.segment": "Segment",
    "filter.tag": "Tag",
    "filter.clear": "Clear filters",
    "filter.none": "No persona matches these filters.",
    "count.personas": "{n} personas",
    "previous": "Previous",
    "next": "Next",
    "none": "—",
}

DE: dict[str, str] = {}
FR: dict[str, str] = {}
ES: dict[str, str] = {}

TABLES: dict[str, dict[str, str]] = {"en": EN, "de": DE, "fr": FR, "es": ES}


class Strings:
    """Looks up UI strings for one language, with per-string overrides."""

    def __init__(self, language: str = "en", overrides: Mapping[str, str] | None = None) -> None:
        code = (language or "en").lower().replace("_", "-").split("-")[0]
        self.language = code if code in TABLES else "en"
        self._table = {**EN, **TABLES[self.language], **dict(overrides or {})}

    def __call__(self, key: str, **values: object) -> str:
        """The string for ``key``, formatted with ``values``; the key itself if unknown."""
        text = self._table.get(key, key)
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        """Whether ``key`` has a string."""
        return key in self._table
