"""Every piece of text the handbook shows, in one table per language.

Chosen by ``theme.language`` (English, German, French and Spanish ship); any string can be
overridden with the plugin option ``strings``. Keys missing from a language fall back to
English, so a new key only has to be added to ``EN`` to work everywhere (and should be
translated in the others: ``tests/test_i18n.py`` checks that every table has exactly the
English keys and placeholders).

Dates, numbers and review intervals are formatted from the same tables (``date.*``,
``month.*``, ``number.*``, ``interval.*``), so they follow the language and can be overridden
like any label. Machine-readable outputs (``reviews.json``, ``reviews.ics`` dates,
``personas.json``) stay ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from ..core.intervals import Interval

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
    # Review tracker, banners, calendar feed (pages_reviews/review_feeds/assets/reviews.js)
    "review.description": "Which personas and journey maps are due for review, and who owns them.",
    "review.intro": (
        "Every persona and journey map has an owner and a review date. Items are reviewed "
        "every {every} unless their file says otherwise, and count as due soon {due_soon} "
        "before their next review."
    ),
    "review.as_of": "Status as of {date}, the day this site was built.",
    "review.as_of_live": "Status as of today, {date} (this site was built on {built}).",
    "review.summary": "Review status",
    "review.state.overdue": "Overdue",
    "review.state.due-soon": "Due soon",
    "review.state.current": "Current",
    "review.state.retired": "Retired",
    "review.col.state": "State",
    "review.col.item": "Persona or journey",
    "review.col.kind": "Kind",
    "review.col.due": "Due",
    "review.caption": "Personas and journey maps by next review date",
    "review.edit_file": "Edit {path}",
    "review.no_page": "no page",
    "review.days.one": "1 day",
    "review.days.many": "{days} days",
    "review.overdue_by": "{duration} overdue",
    "review.due_in": "in {duration}",
    "review.due_today": "due today",
    "review.feeds": "Reminders",
    "review.feed.calendar": "Calendar feed (.ics)",
    "review.feed.json": "Data (JSON)",
    "review.filter.owner": "Owner",
    "review.filter.all_owners": "All owners",
    "review.view": "View",
    "review.view.date": "By date",
    "review.view.owner": "By owner",
    "review.shown": "Showing {shown} of {total} items.",
    "review.group": "{owner}: {n} items",
    "review.group_one": "{owner}: 1 item",
    "review.no_owner": "No owner",
    "review.empty": (
        "Nothing to track yet: personas and journeys with a last_reviewed date appear here."
    ),
    "review.retired_heading": "Retired personas",
    "review.retired_intro": "Kept for reference. Retired personas are never due for review.",
    "review.banner.overdue.persona": (
        "This persona was last reviewed on {last} and is {duration} overdue"
    ),
    "review.banner.overdue.journey": (
        "This journey map was last reviewed on {last} and is {duration} overdue"
    ),
    "review.banner.due-soon.persona": "This persona is due for review {when} (on {next})",
    "review.banner.due-soon.journey": "This journey map is due for review {when} (on {next})",
    "review.banner.today": "today",
    "review.banner.owner": " — owner {owner}",
    "review.banner.tracker": "Review tracker",
    "review.state.unscheduled": "Never reviewed",
    "review.never": "never reviewed",
    "review.filter.state": "Show one state only",
    "review.status.current": "Last reviewed {last}",
    "review.status.due-soon": "Last reviewed {last} — review due {when}",
    "review.status.overdue": "Last reviewed {last} — review overdue",
    "review.status.owner": ", owner {owner}",
    "review.status.more": "What to do",
    "gallery.legend": "Review status",
    "review.todo.persona": (
        "To do: review the persona with its owner, then set {field} in {file} to the date of "
        "the review."
    ),
    "review.todo.journey": (
        "To do: review the journey map with its owner, then set {field} in {file} to the date "
        "of the review."
    ),
    "review.todo.unowned": (
        "To do: review the journey map, then set {field} in {file} to the date of the review."
    ),
    "review.todo.tracker": (
        "To clear an item that is overdue or due soon, review it with its owner, then set "
        "{field} in its file (shown under its name) to the date of the review."
    ),
    "review.calendar_name": "{site} — persona reviews",
    "review.calendar_summary.persona": "Review persona: {name}",
    "review.calendar_summary.journey": "Review journey: {name}",
    "review.calendar_owner": "Owner: {owner}",
    "review.calendar_last": "Last reviewed {last}; reviewed every {every}.",
    "review.calendar_page": "Page: {url}",
    "review.calendar_edit": "Edit: {url}",
    "review.calendar_file": "File: {path}",
    # Gallery, persona pages and "Start here" (pages_index/pages_persona/pages_onboarding)
    "gallery.explore": "Explore the handbook",
    "gallery.journeys": "Journey maps",
    "gallery.placeholder": "Filter by name, segment, tag or owner",
    "gallery.any.market": "All markets",
    "gallery.any.segment": "All segments",
    "gallery.any.tag": "All tags",
    "gallery.share": "Share",
    "gallery.count.one": "{n} persona",
    "gallery.count.other": "{n} personas",
    "gallery.empty": "No personas yet: add a YAML file to the personas folder.",
    "persona.review.current": "Review up to date",
    "persona.review.due-soon": "Review due soon",
    "persona.review.overdue": "Review overdue",
    "persona.review.retired": "Retired: not reviewed",
    "persona.review.unscheduled": "No review scheduled",
    "persona.breadcrumbs": "Breadcrumbs",
    "persona.compare_pair": "Compare {a} and {b}",
    "persona.step": "Step {n} of {total} in Start here",
    "persona.print": "Print persona sheet",
    "persona.glance": "At a glance",
    "persona.glance.all": "{section}: see all {n}",
    "persona.negative_more": "Use it to recognise poor-fit prospects, not to design for them.",
    "persona.negative_why": "Why we keep negative personas",
    "persona.journey.current": "Current state",
    "persona.journey.future": "Future state",
    "persona.journey.stages": "{n} stages",
    "persona.journey.shared": "{n} personas",
    "onboarding.description": "A short introduction to our personas and the order to read them in.",
    "onboarding.lead": "New here? Give this page fifteen minutes. You will learn who our customers are, what they are trying to get done, and how to use that knowledge in your own work.",
    "onboarding.what.title": "What is a persona?",
    "onboarding.what.text1": "A persona is a portrait of a group of real customers who share goals, frustrations and habits, drawn as one memorable person. The names and faces are invented; everything else comes from interviews, support tickets, usage data and sales conversations.",
    "onboarding.what.text2": "Personas give everyone the same picture of who we serve, so a discussion can start from \"would Margie need this?\" instead of personal opinion. Each one has an owner and is reviewed regularly, so it stays true as the market changes.",
    "onboarding.how.title": "How to use them",
    "onboarding.how.product.title": "Product and design",
    "onboarding.how.product": "Name the persona a feature is for before writing the spec, check it against their goals and challenges, and recruit research participants who match.",
    "onboarding.how.sales.title": "Sales",
    "onboarding.how.sales": "Recognise who you are talking to, prepare for the objections they raise, and use their words rather than ours when you pitch.",
    "onboarding.how.support.title": "Support",
    "onboarding.how.support": "Read the behaviours and challenges to understand why a customer is frustrated, and tag tickets by persona so patterns reach the product team.",
    "onboarding.how.marketing.title": "Marketing",
    "onboarding.how.marketing": "Choose channels where the persona actually spends time, and check messages against the words to use and the words to avoid.",
    "onboarding.negative.title": "Why we keep negative personas",
    "onboarding.negative.text1": "A negative persona describes someone we deliberately do not target: people who cost more to win and serve than they bring, or whose needs would pull the product away from our real customers.",
    "onboarding.negative.text2": "Writing them down makes the trade-off explicit. When a campaign, feature request or deal attracts a negative persona, it is a signal to stop and think, not a failure to serve them.",
    "onboarding.path.title": "Meet them, one by one",
    "onboarding.path.intro": "Read these {n} personas in order; the people we serve most come first. Each page ends with a link to the next one.",
    "onboarding.read": "Read the profile",
    "onboarding.step": "Step {n}",
    "onboarding.next.title": "Where next",
    "onboarding.next.gallery": "every persona, with filters by type, market, segment and tag.",
    "onboarding.next.compare": "put two or more personas side by side.",
    "onboarding.next.journeys": "follow a persona step by step through a real task.",
    "onboarding.next.tracker": "see which personas are due for review, and who owns them.",
    # Comparison and journey maps (pages_compare/pages_journeys, assets/compare.js)
    "compare.title": "Compare personas",
    "compare.intro": (
        "Put two to four personas side by side. The address of this page keeps your "
        "choice, so you can share a comparison as a link."
    ),
    "compare.pick_title": "Choose personas to compare",
    "compare.slot": "Persona {n}",
    "compare.choose": "Choose a persona…",
    "compare.remove": "Remove",
    "compare.remove_slot": "Remove persona {n}",
    "compare.add": "Add a persona",
    "compare.filter": "Filter the lists",
    "compare.shared": "Shared",
    "compare.shared_with": "(also: {names})",
    "compare.shared_all": "(the same for everyone compared)",
    "compare.hide_shared": "Hide shared items ({n})",
    "compare.caption": "Comparison of {names}",
    "compare.pick_more": "Choose at least two personas to compare them side by side.",
    "compare.pick_one_more": "Choose one more persona to compare with.",
    "compare.unknown": "No persona with id '{id}'.",
    "compare.too_many": "At most {n} personas can be compared at once.",
    "compare.no_match": "No persona matches the filter.",
    "compare.noscript": (
        "Choosing personas to compare needs JavaScript. Every active persona is "
        "summarised in the table below."
    ),
    "compare.sets": "Saved comparisons",
    "compare.set_intro": "{names}, side by side.",
    "compare.set_description": "{names}, side by side.",
    "compare.open_interactive": "Open in the interactive comparison",
    "compare.glance": "All active personas at a glance",
    "compare.glance_intro": "The {n} active personas, largest share of customers first.",
    "compare.share": "Share",
    "compare.share_value": "{share} of customers",  # share: Strings.percent()
    "compare.top_goals": "Top goals",
    "compare.top_challenges": "Top challenges",
    "compare.more": "+{n} more",
    "compare.review": "Review",
    "compare.review.current": "Up to date",
    "compare.review.due-soon": "Due soon",
    "compare.review.overdue": "Overdue",
    "compare.review.retired": "Retired",
    "compare.review.unscheduled": "Not scheduled",
    "compare.keys": "Key differences",
    "compare.keys_same": "Same for everyone:",
    "compare.keys_common": "{n} of {total} in common",
    "compare.differs": "Differs",
    "compare.differs_sr": "(differs between the personas)",
    "journey.index_intro": (
        "Customer journey maps: what each persona does, thinks and feels, stage by stage."
    ),
    "journey.state.current": "Current state",
    "journey.state.future": "Future state",
    "journey.scenario": "Scenario",
    "journey.goal": "Goal",
    "journey.owner": "Owner",
    "journey.tags": "Tags",
    "journey.stages": "{n} stages",
    "journey.stage_one": "1 stage",
    "journey.improves": "This future-state map improves {title}.",
    "journey.improved_by": "Planned improvement:",
    "journey.map_caption": "Journey map of “{title}”: stages as columns, lanes as rows.",
    "journey.lane": "Lane",
    "journey.lane.description": "What happens",
    "journey.lane.actions": "Actions",
    "journey.lane.thoughts": "Thoughts",
    "journey.lane.emotion": "Emotion",
    "journey.lane.touchpoints": "Touchpoints",
    "journey.lane.channels": "Channels",
    "journey.lane.pain_points": "Pain points",
    "journey.lane.opportunities": "Opportunities",
    "journey.lane.backstage": "Backstage",
    "journey.lane.teams": "Teams",
    "journey.lane.kpis": "KPIs",
    "journey.backstage_note": "not seen by the customer",
    "journey.moment_of_truth": "Moment of truth",
    "journey.moments": "Moment of truth: {stages}",
    "journey.stage_number": "Stage {n}",
    "journey.emotion_scale": "−2 very negative, +2 very positive",
    "journey.emotion_title": "Emotion curve: {title}",
    "journey.emotion_legend": "Curves",
    "journey.emotion_data": "The emotion curve as a table",
    "journey.fit": "Fit to width",
    "journey.emotion_notes": "Why they feel this way",
    "journey.stage_cards": "The journey stage by stage",
    "journey.emotion_spark": "Emotion curve. {summary}",
    "journey.stage": "Stage",
    "journey.as_is": "{name} (as-is)",
    "journey.to_be": "{name} (to-be)",
    "journey.no_data": "no data",
    "journey.last_reviewed": "Last reviewed",
    "journey.next_review": "Next review",
    "journey.not_reviewed": "Not reviewed yet",
    "emotion.-2": "very negative",
    "emotion.-1": "negative",
    "emotion.0": "neutral",
    "emotion.1": "positive",
    "emotion.2": "very positive",
    "emotion.scale": (
        "Emotion on a scale from −2 (very negative) to +2 (very positive), {n} stages."
    ),
    "emotion.summary": (
        "{name}: starts at {start} ({start_stage}), lowest {low} at {low_stage}, highest "
        "{high} at {high_stage}, ends at {end} ({end_stage})."
    ),
    "emotion.single": "{name}: {value} at {stage}.",
    "emotion.missing": "No data for {stages}.",
    "emotion.empty": "{name}: no emotion recorded.",
    "emotion.point": "{stage} — {name}: {value} ({word})",
    "emotion.because": "{point}: {note}",
    # Dates, numbers and review intervals (Strings.date / .percent / .number / .interval).
    # date.long and date.short are filled with {day}, {month} (month.N or month.short.N) and
    # {year}; date.first_day is how day 1 is written (French: "1er").
    "date.long": "{day} {month} {year}",
    "date.short": "{day} {month} {year}",
    "date.first_day": "1",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    "month.short.1": "Jan",
    "month.short.2": "Feb",
    "month.short.3": "Mar",
    "month.short.4": "Apr",
    "month.short.5": "May",
    "month.short.6": "Jun",
    "month.short.7": "Jul",
    "month.short.8": "Aug",
    "month.short.9": "Sep",
    "month.short.10": "Oct",
    "month.short.11": "Nov",
    "month.short.12": "Dec",
    "number.decimal": ".",
    "number.percent": "{n}%",
    "interval.days.one": "{n} day",
    "interval.days.many": "{n} days",
    "interval.weeks.one": "{n} week",
    "interval.weeks.many": "{n} weeks",
    "interval.months.one": "{n} month",
    "interval.months.many": "{n} months",
    "interval.years.one": "{n} year",
    "preview.title.one": "1 problem in the persona handbook",
    "preview.title.many": "{count} problems in the persona handbook",
    "preview.stale": (
        "This preview still shows the last valid version: your latest changes are not on the "
        "pages until these problems are fixed. Save the fixed files and the page reloads by "
        "itself."
    ),
    "preview.missing": (
        "There is no valid version to show yet, so handbook pages are missing or empty. Save "
        "the fixed files and the page reloads by itself."
    ),
    "preview.note": (
        "Only mkdocs serve shows this notice, never a built site. The terminal and "
        "mkdocs-persona validate list the same problems."
    ),
    "preview.hide": "Hide",
    "preview.hide_label": "Hide until the next reload (Esc)",
}

DE: dict[str, str] = {
    "handbook": "Persona-Handbuch",
    "personas": "Personas",
    "persona": "Persona",
    "journeys": "Journeys",
    "journey": "Journey",
    "gallery": "Alle Personas",
    "gallery_intro": (
        "Für wen wir entwickeln, an wen wir verkaufen und wen wir betreuen – und für wen nicht."
    ),
    "start_here": "Einstieg",
    "compare": "Vergleichen",
    "reviews": "Überprüfungsübersicht",
    "type.buyer": "Käufer",
    "type.user": "Nutzer",
    "type.decision-maker": "Entscheider",
    "type.influencer": "Influencer",
    "type.detractor": "Kritiker",
    "type.payer": "Zahler",
    "type.negative": "Negative Persona",
    "market.b2b": "B2B",
    "market.b2c": "B2C",
    "market.public": "Öffentlicher Sektor",
    "market.internal": "Intern",
    "status.draft": "Entwurf",
    "status.active": "Aktiv",
    "status.retired": "Archiviert",
    "confidence.low": "Niedrig",
    "confidence.medium": "Mittel",
    "confidence.high": "Hoch",
    "section.bio": "Hintergrund",
    "section.demographics": "Demografie",
    "section.role": "Rolle",
    "section.goals": "Ziele",
    "section.challenges": "Herausforderungen",
    "section.motivations": "Motivationen",
    "section.needs": "Bedürfnisse",
    "section.objections": "Einwände",
    "section.behaviors": "Verhalten",
    "section.channels": "Kanäle",
    "section.tools": "Werkzeuge",
    "section.interests": "Interessen",
    "section.messaging": "Ansprache",
    "section.quotes": "In eigenen Worten",
    "section.research": "Forschungsgrundlage",
    "section.related": "Verwandte Personas",
    "section.journeys": "Journeys",
    "section.tags": "Schlagwörter",
    "messaging.pitch": "Pitch",
    "messaging.vocabulary": "Empfohlene Begriffe",
    "messaging.avoid": "Zu vermeidende Begriffe",
    "research.interviews": "Interviews",
    "research.sources": "Quellen",
    "research.confidence": "Zuverlässigkeit",
    "owner": "Verantwortlich",
    "last_reviewed": "Zuletzt überprüft",
    "next_review": "Nächste Überprüfung",
    "share": "Kundenanteil",
    "segment": "Segment",
    "market": "Markt",
    "type": "Typ",
    "edit_persona": "Diese Persona bearbeiten",
    "edit_journey": "Diese Journey bearbeiten",
    "retired_banner": (
        "Diese Persona ist archiviert. Sie bleibt zum Nachschlagen erhalten, wird aber nicht "
        "mehr verwendet."
    ),
    "draft_banner": "Diese Persona ist ein Entwurf und kann sich noch ändern.",
    "negative_banner": "Eine negative Persona: jemand, den wir bewusst nicht ansprechen.",
    "filter.all": "Alle",
    "filter.text": "Personas filtern",
    "filter.type": "Typ",
    "filter.market": "Markt",
    "filter.segment": "Segment",
    "filter.tag": "Schlagwort",
    "filter.clear": "Filter zurücksetzen",
    "filter.none": "Keine Persona entspricht diesen Filtern.",
    "count.personas": "{n} Personas",
    "previous": "Zurück",
    "next": "Weiter",
    "none": "—",
    "review.description": (
        "Welche Personas und Journey Maps überprüft werden müssen und wer dafür "
        "verantwortlich ist."
    ),
    "review.intro": (
        "Jede Persona und jede Journey Map hat eine verantwortliche Person und ein "
        "Überprüfungsdatum. Sofern die Datei nichts anderes festlegt, beträgt das "
        "Überprüfungsintervall {every}; {due_soon} vor der nächsten Überprüfung gilt ein "
        "Eintrag als bald fällig."
    ),
    "review.as_of": "Stand: {date}, der Tag, an dem diese Website erstellt wurde.",
    "review.as_of_live": "Stand: heute, {date} (diese Website wurde am {built} erstellt).",
    "review.summary": "Überprüfungsstatus",
    "review.state.overdue": "Überfällig",
    "review.state.due-soon": "Bald fällig",
    "review.state.current": "Aktuell",
    "review.state.retired": "Archiviert",
    "review.col.state": "Status",
    "review.col.item": "Persona oder Journey",
    "review.col.kind": "Art",
    "review.col.due": "Fällig",
    "review.caption": "Personas und Journey Maps nach nächstem Überprüfungsdatum",
    "review.edit_file": "{path} bearbeiten",
    "review.no_page": "keine Seite",
    "review.days.one": "1 Tag",
    "review.days.many": "{days} Tagen",
    "review.overdue_by": "seit {duration} überfällig",
    "review.due_in": "in {duration}",
    "review.due_today": "heute fällig",
    "review.feeds": "Erinnerungen",
    "review.feed.calendar": "Kalender-Feed (.ics)",
    "review.feed.json": "Daten (JSON)",
    "review.filter.owner": "Verantwortlich",
    "review.filter.all_owners": "Alle Verantwortlichen",
    "review.view": "Ansicht",
    "review.view.date": "Nach Datum",
    "review.view.owner": "Nach Verantwortlichen",
    "review.shown": "{shown} von {total} Einträgen werden angezeigt.",
    "review.group": "{owner}: {n} Einträge",
    "review.group_one": "{owner}: 1 Eintrag",
    "review.no_owner": "Ohne Verantwortliche",
    "review.empty": (
        "Noch nichts zu überprüfen: Personas und Journeys mit einem last_reviewed-Datum "
        "erscheinen hier."
    ),
    "review.retired_heading": "Archivierte Personas",
    "review.retired_intro": (
        "Zum Nachschlagen erhalten. Archivierte Personas werden nie zur Überprüfung fällig."
    ),
    "review.banner.overdue.persona": (
        "Diese Persona wurde zuletzt am {last} überprüft und ist seit {duration} überfällig"
    ),
    "review.banner.overdue.journey": (
        "Diese Journey Map wurde zuletzt am {last} überprüft und ist seit {duration} überfällig"
    ),
    "review.banner.due-soon.persona": "Diese Persona ist {when} zur Überprüfung fällig (am {next})",
    "review.banner.due-soon.journey": (
        "Diese Journey Map ist {when} zur Überprüfung fällig (am {next})"
    ),
    "review.banner.today": "heute",
    "review.banner.owner": " – verantwortlich: {owner}",
    "review.banner.tracker": "Überprüfungsübersicht",
    "review.state.unscheduled": "Nie überprüft",
    "review.never": "nie überprüft",
    "review.filter.state": "Nur einen Status zeigen",
    "review.status.current": "Zuletzt überprüft am {last}",
    "review.status.due-soon": "Zuletzt überprüft am {last} – Überprüfung fällig {when}",
    "review.status.overdue": "Zuletzt überprüft am {last} – Überprüfung überfällig",
    "review.status.owner": ", verantwortlich: {owner}",
    "review.status.more": "Was zu tun ist",
    "gallery.legend": "Überprüfungsstatus",
    "review.todo.persona": (
        "Zu tun: die Persona mit der verantwortlichen Person überprüfen, dann {field} in "
        "{file} auf das Datum der Überprüfung setzen."
    ),
    "review.todo.journey": (
        "Zu tun: die Journey Map mit der verantwortlichen Person überprüfen, dann {field} in "
        "{file} auf das Datum der Überprüfung setzen."
    ),
    "review.todo.unowned": (
        "Zu tun: die Journey Map überprüfen, dann {field} in {file} auf das Datum der "
        "Überprüfung setzen."
    ),
    "review.todo.tracker": (
        "So erledigen Sie einen überfälligen oder bald fälligen Eintrag: mit der "
        "verantwortlichen Person überprüfen, dann {field} in seiner Datei (unter dem Namen "
        "angegeben) auf das Datum der Überprüfung setzen."
    ),
    "review.calendar_name": "{site} – Persona-Überprüfungen",
    "review.calendar_summary.persona": "Persona überprüfen: {name}",
    "review.calendar_summary.journey": "Journey überprüfen: {name}",
    "review.calendar_owner": "Verantwortlich: {owner}",
    "review.calendar_last": "Zuletzt überprüft am {last}; Überprüfungsintervall: {every}.",
    "review.calendar_page": "Seite: {url}",
    "review.calendar_edit": "Bearbeiten: {url}",
    "review.calendar_file": "Datei: {path}",
    "gallery.explore": "Handbuch erkunden",
    "gallery.journeys": "Journey Maps",
    "gallery.placeholder": "Nach Name, Segment, Schlagwort oder Verantwortlichen filtern",
    "gallery.any.market": "Alle Märkte",
    "gallery.any.segment": "Alle Segmente",
    "gallery.any.tag": "Alle Schlagwörter",
    "gallery.share": "Anteil",
    "gallery.count.one": "{n} Persona",
    "gallery.count.other": "{n} Personas",
    "gallery.empty": (
        "Noch keine Personas: Legen Sie eine YAML-Datei im Ordner „personas“ an."
    ),
    "persona.review.current": "Überprüfung aktuell",
    "persona.review.due-soon": "Überprüfung bald fällig",
    "persona.review.overdue": "Überprüfung überfällig",
    "persona.review.retired": "Archiviert: wird nicht überprüft",
    "persona.review.unscheduled": "Keine Überprüfung geplant",
    "persona.breadcrumbs": "Navigationspfad",
    "persona.compare_pair": "{a} und {b} vergleichen",
    "persona.step": "Schritt {n} von {total} im Einstieg",
    "persona.print": "Persona-Steckbrief drucken",
    "persona.glance": "Auf einen Blick",
    "persona.glance.all": "{section}: alle {n} ansehen",
    "persona.negative_more": (
        "Nutzen Sie sie, um wenig passende Interessenten zu erkennen – nicht, um für sie "
        "zu entwickeln."
    ),
    "persona.negative_why": "Warum wir negative Personas pflegen",
    "persona.journey.current": "Ist-Zustand",
    "persona.journey.future": "Soll-Zustand",
    "persona.journey.stages": "{n} Phasen",
    "persona.journey.shared": "{n} Personas",
    "onboarding.description": (
        "Eine kurze Einführung in unsere Personas und die Reihenfolge, in der Sie sie lesen "
        "sollten."
    ),
    "onboarding.lead": (
        "Neu hier? Nehmen Sie sich fünfzehn Minuten für diese Seite. Sie erfahren, wer unsere "
        "Kunden sind, was sie erreichen wollen und wie Sie dieses Wissen in Ihrer eigenen "
        "Arbeit nutzen."
    ),
    "onboarding.what.title": "Was ist eine Persona?",
    "onboarding.what.text1": (
        "Eine Persona ist das Porträt einer Gruppe realer Kunden mit gemeinsamen Zielen, "
        "Frustrationen und Gewohnheiten, dargestellt als eine einprägsame Person. Namen und "
        "Gesichter sind erfunden; alles andere stammt aus Interviews, Support-Tickets, "
        "Nutzungsdaten und Vertriebsgesprächen."
    ),
    "onboarding.what.text2": (
        "Personas geben allen dasselbe Bild davon, für wen wir arbeiten. So kann eine "
        "Diskussion mit „Würde Margie das brauchen?“ beginnen statt mit persönlichen "
        "Meinungen. Jede Persona hat eine verantwortliche Person und wird regelmäßig "
        "überprüft, damit sie zutreffend bleibt, wenn sich der Markt verändert."
    ),
    "onboarding.how.title": "So nutzen Sie sie",
    "onboarding.how.product.title": "Produkt und Design",
    "onboarding.how.product": (
        "Benennen Sie die Persona, für die ein Feature gedacht ist, bevor Sie die "
        "Spezifikation schreiben, prüfen Sie es an ihren Zielen und Herausforderungen und "
        "gewinnen Sie passende Teilnehmende für Ihre Nutzerforschung."
    ),
    "onboarding.how.sales.title": "Vertrieb",
    "onboarding.how.sales": (
        "Erkennen Sie, mit wem Sie sprechen, bereiten Sie sich auf die typischen Einwände vor "
        "und verwenden Sie im Gespräch die Worte Ihres Gegenübers statt unserer."
    ),
    "onboarding.how.support.title": "Support",
    "onboarding.how.support": (
        "Lesen Sie Verhalten und Herausforderungen, um zu verstehen, warum jemand frustriert "
        "ist, und ordnen Sie Tickets einer Persona zu, damit Muster beim Produktteam ankommen."
    ),
    "onboarding.how.marketing.title": "Marketing",
    "onboarding.how.marketing": (
        "Wählen Sie Kanäle, in denen die Persona tatsächlich Zeit verbringt, und prüfen Sie "
        "Botschaften anhand der empfohlenen und der zu vermeidenden Begriffe."
    ),
    "onboarding.negative.title": "Warum wir negative Personas pflegen",
    "onboarding.negative.text1": (
        "Eine negative Persona beschreibt jemanden, den wir bewusst nicht ansprechen: "
        "Menschen, deren Gewinnung und Betreuung mehr kostet, als sie einbringen, oder deren "
        "Bedürfnisse das Produkt von unseren eigentlichen Kunden wegziehen würden."
    ),
    "onboarding.negative.text2": (
        "Sie aufzuschreiben macht die Abwägung sichtbar. Wenn eine Kampagne, ein "
        "Feature-Wunsch oder ein Deal eine negative Persona anzieht, ist das ein Signal, "
        "innezuhalten und nachzudenken – kein Versäumnis, sie zu bedienen."
    ),
    "onboarding.path.title": "Lernen Sie sie nacheinander kennen",
    "onboarding.path.intro": (
        "Lesen Sie diese {n} Personas der Reihe nach; die Menschen, für die wir am meisten "
        "arbeiten, kommen zuerst. Jede Seite endet mit einem Link zur nächsten."
    ),
    "onboarding.read": "Profil lesen",
    "onboarding.step": "Schritt {n}",
    "onboarding.next.title": "Wie geht es weiter?",
    "onboarding.next.gallery": "alle Personas, filterbar nach Typ, Markt, Segment und Schlagwort.",
    "onboarding.next.compare": "zwei oder mehr Personas nebeneinanderstellen.",
    "onboarding.next.journeys": "eine Persona Schritt für Schritt durch eine echte Aufgabe begleiten.",
    "onboarding.next.tracker": (
        "sehen, welche Personas zur Überprüfung fällig sind und wer dafür verantwortlich ist."
    ),
    "compare.title": "Personas vergleichen",
    "compare.intro": (
        "Stellen Sie zwei bis vier Personas nebeneinander. Die Adresse dieser Seite speichert "
        "Ihre Auswahl, sodass Sie einen Vergleich als Link teilen können."
    ),
    "compare.pick_title": "Personas zum Vergleich auswählen",
    "compare.slot": "Persona {n}",
    "compare.choose": "Persona auswählen …",
    "compare.remove": "Entfernen",
    "compare.remove_slot": "Persona {n} entfernen",
    "compare.add": "Persona hinzufügen",
    "compare.filter": "Listen filtern",
    "compare.shared": "Gemeinsam",
    "compare.shared_with": "(auch: {names})",
    "compare.shared_all": "(bei allen Verglichenen gleich)",
    "compare.hide_shared": "Gemeinsames ausblenden ({n})",
    "compare.caption": "Vergleich von {names}",
    "compare.pick_more": "Wählen Sie mindestens zwei Personas aus, um sie nebeneinander zu vergleichen.",
    "compare.pick_one_more": "Wählen Sie eine weitere Persona zum Vergleich aus.",
    "compare.unknown": "Keine Persona mit der ID „{id}“.",
    "compare.too_many": "Es können höchstens {n} Personas gleichzeitig verglichen werden.",
    "compare.no_match": "Keine Persona entspricht dem Filter.",
    "compare.noscript": (
        "Für die Auswahl der Personas wird JavaScript benötigt. Alle aktiven Personas sind in "
        "der Tabelle unten zusammengefasst."
    ),
    "compare.sets": "Gespeicherte Vergleiche",
    "compare.set_intro": "{names} im direkten Vergleich.",
    "compare.set_description": "{names} im direkten Vergleich.",
    "compare.open_interactive": "Im interaktiven Vergleich öffnen",
    "compare.glance": "Alle aktiven Personas auf einen Blick",
    "compare.glance_intro": "Die {n} aktiven Personas, nach Kundenanteil absteigend sortiert.",
    "compare.share": "Anteil",
    "compare.share_value": "{share} der Kunden",
    "compare.top_goals": "Wichtigste Ziele",
    "compare.top_challenges": "Größte Herausforderungen",
    "compare.more": "+{n} weitere",
    "compare.review": "Überprüfung",
    "compare.review.current": "Aktuell",
    "compare.review.due-soon": "Bald fällig",
    "compare.review.overdue": "Überfällig",
    "compare.review.retired": "Archiviert",
    "compare.review.unscheduled": "Nicht geplant",
    "compare.keys": "Die wichtigsten Unterschiede",
    "compare.keys_same": "Bei allen gleich:",
    "compare.keys_common": "{n} von {total} gemeinsam",
    "compare.differs": "Unterschiedlich",
    "compare.differs_sr": "(unterscheidet sich zwischen den Personas)",
    "journey.index_intro": (
        "Customer Journey Maps: was jede Persona Phase für Phase tut, denkt und fühlt."
    ),
    "journey.state.current": "Ist-Zustand",
    "journey.state.future": "Soll-Zustand",
    "journey.scenario": "Szenario",
    "journey.goal": "Ziel",
    "journey.owner": "Verantwortlich",
    "journey.tags": "Schlagwörter",
    "journey.stages": "{n} Phasen",
    "journey.stage_one": "1 Phase",
    "journey.improves": "Diese Soll-Journey verbessert {title}.",
    "journey.improved_by": "Geplante Verbesserung:",
    "journey.map_caption": "Journey Map „{title}“: Phasen als Spalten, Ebenen als Zeilen.",
    "journey.lane": "Ebene",
    "journey.lane.description": "Was passiert",
    "journey.lane.actions": "Aktionen",
    "journey.lane.thoughts": "Gedanken",
    "journey.lane.emotion": "Emotion",
    "journey.lane.touchpoints": "Kontaktpunkte",
    "journey.lane.channels": "Kanäle",
    "journey.lane.pain_points": "Schmerzpunkte",
    "journey.lane.opportunities": "Chancen",
    "journey.lane.backstage": "Hinter den Kulissen",
    "journey.lane.teams": "Teams",
    "journey.lane.kpis": "Kennzahlen",
    "journey.backstage_note": "für Kunden nicht sichtbar",
    "journey.moment_of_truth": "Moment der Wahrheit",
    "journey.moments": "Moment der Wahrheit: {stages}",
    "journey.stage_number": "Phase {n}",
    "journey.emotion_scale": "−2 sehr negativ, +2 sehr positiv",
    "journey.emotion_title": "Emotionskurve: {title}",
    "journey.emotion_legend": "Kurven",
    "journey.emotion_data": "Die Emotionskurve als Tabelle",
    "journey.fit": "An Breite anpassen",
    "journey.emotion_notes": "Warum sie sich so fühlen",
    "journey.stage_cards": "Die Journey Phase für Phase",
    "journey.emotion_spark": "Emotionskurve. {summary}",
    "journey.stage": "Phase",
    "journey.as_is": "{name} (Ist)",
    "journey.to_be": "{name} (Soll)",
    "journey.no_data": "keine Daten",
    "journey.last_reviewed": "Zuletzt überprüft",
    "journey.next_review": "Nächste Überprüfung",
    "journey.not_reviewed": "Noch nicht überprüft",
    "emotion.-2": "sehr negativ",
    "emotion.-1": "negativ",
    "emotion.0": "neutral",
    "emotion.1": "positiv",
    "emotion.2": "sehr positiv",
    "emotion.scale": (
        "Emotion auf einer Skala von −2 (sehr negativ) bis +2 (sehr positiv), {n} Phasen."
    ),
    "emotion.summary": (
        "{name}: beginnt bei {start} ({start_stage}), Tiefpunkt {low} bei {low_stage}, "
        "Höhepunkt {high} bei {high_stage}, endet bei {end} ({end_stage})."
    ),
    "emotion.single": "{name}: {value} bei {stage}.",
    "emotion.missing": "Keine Daten für {stages}.",
    "emotion.empty": "{name}: keine Emotion erfasst.",
    "emotion.point": "{stage} – {name}: {value} ({word})",
    "emotion.because": "{point}: {note}",
    "date.long": "{day}. {month} {year}",
    "date.short": "{day}. {month} {year}",
    "date.first_day": "1",
    "month.1": "Januar",
    "month.2": "Februar",
    "month.3": "März",
    "month.4": "April",
    "month.5": "Mai",
    "month.6": "Juni",
    "month.7": "Juli",
    "month.8": "August",
    "month.9": "September",
    "month.10": "Oktober",
    "month.11": "November",
    "month.12": "Dezember",
    "month.short.1": "Jan.",
    "month.short.2": "Feb.",
    "month.short.3": "März",
    "month.short.4": "Apr.",
    "month.short.5": "Mai",
    "month.short.6": "Juni",
    "month.short.7": "Juli",
    "month.short.8": "Aug.",
    "month.short.9": "Sept.",
    "month.short.10": "Okt.",
    "month.short.11": "Nov.",
    "month.short.12": "Dez.",
    "number.decimal": ",",
    "number.percent": "{n}\u00a0%",
    "interval.days.one": "{n} Tag",
    "interval.days.many": "{n} Tage",
    "interval.weeks.one": "{n} Woche",
    "interval.weeks.many": "{n} Wochen",
    "interval.months.one": "{n} Monat",
    "interval.months.many": "{n} Monate",
    "interval.years.one": "{n} Jahr",
    "preview.title.one": "1 Problem im Persona-Handbuch",
    "preview.title.many": "{count} Probleme im Persona-Handbuch",
    "preview.stale": (
        "Diese Vorschau zeigt noch die letzte gültige Fassung: Ihre letzten Änderungen "
        "erscheinen erst, wenn diese Probleme behoben sind. Speichern Sie die korrigierten "
        "Dateien, dann lädt die Seite von selbst neu."
    ),
    "preview.missing": (
        "Es gibt noch keine gültige Fassung, daher fehlen Seiten des Handbuchs oder sind leer. "
        "Speichern Sie die korrigierten Dateien, dann lädt die Seite von selbst neu."
    ),
    "preview.note": (
        "Nur mkdocs serve zeigt diesen Hinweis, nie eine erstellte Website. Das Terminal und "
        "mkdocs-persona validate nennen dieselben Probleme."
    ),
    "preview.hide": "Ausblenden",
    "preview.hide_label": "Ausblenden bis zum nächsten Neuladen (Esc)",
}

FR: dict[str, str] = {
    "handbook": "Guide des personas",
    "personas": "Personas",
    "persona": "Persona",
    "journeys": "Parcours",
    "journey": "Parcours",
    "gallery": "Toutes les personas",
    "gallery_intro": (
        "Pour qui nous concevons, à qui nous vendons, qui nous accompagnons — et qui nous ne "
        "ciblons pas."
    ),
    "start_here": "Pour commencer",
    "compare": "Comparer",
    "reviews": "Suivi des révisions",
    "type.buyer": "Acheteur",
    "type.user": "Utilisateur",
    "type.decision-maker": "Décideur",
    "type.influencer": "Prescripteur",
    "type.detractor": "Détracteur",
    "type.payer": "Payeur",
    "type.negative": "Persona négative",
    "market.b2b": "B2B",
    "market.b2c": "B2C",
    "market.public": "Secteur public",
    "market.internal": "Interne",
    "status.draft": "Brouillon",
    "status.active": "Active",
    "status.retired": "Archivée",
    "confidence.low": "Faible",
    "confidence.medium": "Moyenne",
    "confidence.high": "Élevée",
    "section.bio": "Présentation",
    "section.demographics": "Profil démographique",
    "section.role": "Rôle",
    "section.goals": "Objectifs",
    "section.challenges": "Défis",
    "section.motivations": "Motivations",
    "section.needs": "Besoins",
    "section.objections": "Objections",
    "section.behaviors": "Comportements",
    "section.channels": "Canaux",
    "section.tools": "Outils",
    "section.interests": "Centres d'intérêt",
    "section.messaging": "Messages",
    "section.quotes": "Dans leurs mots",
    "section.research": "Données de recherche",
    "section.related": "Personas associées",
    "section.journeys": "Parcours",
    "section.tags": "Étiquettes",
    "messaging.pitch": "Argumentaire",
    "messaging.vocabulary": "Mots à employer",
    "messaging.avoid": "Mots à éviter",
    "research.interviews": "Entretiens",
    "research.sources": "Sources",
    "research.confidence": "Niveau de confiance",
    "owner": "Responsable",
    "last_reviewed": "Dernière révision",
    "next_review": "Prochaine révision",
    "share": "Part de la clientèle",
    "segment": "Segment",
    "market": "Marché",
    "type": "Type",
    "edit_persona": "Modifier cette persona",
    "edit_journey": "Modifier ce parcours",
    "retired_banner": (
        "Cette persona est archivée. Elle est conservée pour référence et n'est plus utilisée."
    ),
    "draft_banner": "Cette persona est un brouillon et peut encore évoluer.",
    "negative_banner": (
        "Une persona négative\u00a0: quelqu'un que nous ne ciblons délibérément pas."
    ),
    "filter.all": "Toutes",
    "filter.text": "Filtrer les personas",
    "filter.type": "Type",
    "filter.market": "Marché",
    "filter.segment": "Segment",
    "filter.tag": "Étiquette",
    "filter.clear": "Effacer les filtres",
    "filter.none": "Aucune persona ne correspond à ces filtres.",
    "count.personas": "{n} personas",
    "previous": "Précédente",
    "next": "Suivante",
    "none": "—",
    "review.description": (
        "Les personas et cartes de parcours à réviser, et leurs responsables."
    ),
    "review.intro": (
        "Chaque persona et chaque carte de parcours a un responsable et une date de révision. "
        "Sauf indication contraire dans son fichier, un élément est révisé selon un intervalle "
        "de {every}, et il est considéré comme bientôt à réviser {due_soon} avant sa prochaine "
        "révision."
    ),
    "review.as_of": "État au {date}, date de génération de ce site.",
    "review.as_of_live": "État à ce jour, le {date} (site généré le {built}).",
    "review.summary": "État des révisions",
    "review.state.overdue": "En retard",
    "review.state.due-soon": "Bientôt à réviser",
    "review.state.current": "À jour",
    "review.state.retired": "Archivée",
    "review.col.state": "État",
    "review.col.item": "Persona ou parcours",
    "review.col.kind": "Nature",
    "review.col.due": "Échéance",
    "review.caption": "Personas et cartes de parcours par date de prochaine révision",
    "review.edit_file": "Modifier {path}",
    "review.no_page": "pas de page",
    "review.days.one": "1 jour",
    "review.days.many": "{days} jours",
    "review.overdue_by": "en retard de {duration}",
    "review.due_in": "dans {duration}",
    "review.due_today": "à réviser aujourd'hui",
    "review.feeds": "Rappels",
    "review.feed.calendar": "Flux de calendrier (.ics)",
    "review.feed.json": "Données (JSON)",
    "review.filter.owner": "Responsable",
    "review.filter.all_owners": "Tous les responsables",
    "review.view": "Affichage",
    "review.view.date": "Par date",
    "review.view.owner": "Par responsable",
    "review.shown": "{shown} éléments affichés sur {total}.",
    "review.group": "{owner}\u00a0: {n} éléments",
    "review.group_one": "{owner}\u00a0: 1 élément",
    "review.no_owner": "Sans responsable",
    "review.empty": (
        "Rien à suivre pour l'instant\u00a0: les personas et les parcours qui ont une date "
        "last_reviewed apparaissent ici."
    ),
    "review.retired_heading": "Personas archivées",
    "review.retired_intro": (
        "Conservées pour référence. Les personas archivées ne sont jamais à réviser."
    ),
    "review.banner.overdue.persona": (
        "Cette persona a été révisée pour la dernière fois le {last} et sa révision est en "
        "retard de {duration}"
    ),
    "review.banner.overdue.journey": (
        "Cette carte de parcours a été révisée pour la dernière fois le {last} et sa révision "
        "est en retard de {duration}"
    ),
    "review.banner.due-soon.persona": "Cette persona doit être révisée {when} (le {next})",
    "review.banner.due-soon.journey": (
        "Cette carte de parcours doit être révisée {when} (le {next})"
    ),
    "review.banner.today": "aujourd'hui",
    "review.banner.owner": " — responsable\u00a0: {owner}",
    "review.banner.tracker": "Suivi des révisions",
    "review.state.unscheduled": "Jamais révisé",
    "review.never": "jamais révisé",
    "review.filter.state": "N'afficher qu'un état",
    "review.status.current": "Dernière révision le {last}",
    "review.status.due-soon": "Dernière révision le {last} — révision à faire {when}",
    "review.status.overdue": "Dernière révision le {last} — révision en retard",
    "review.status.owner": ", responsable\u00a0: {owner}",
    "review.status.more": "Que faire",
    "gallery.legend": "État des révisions",
    "review.todo.persona": (
        "À faire\u00a0: réviser la persona avec son responsable, puis mettre {field} à la "
        "date de la révision dans {file}."
    ),
    "review.todo.journey": (
        "À faire\u00a0: réviser la carte de parcours avec son responsable, puis mettre {field} "
        "à la date de la révision dans {file}."
    ),
    "review.todo.unowned": (
        "À faire\u00a0: réviser la carte de parcours, puis mettre {field} à la date de la "
        "révision dans {file}."
    ),
    "review.todo.tracker": (
        "Pour régler un élément en retard ou bientôt à réviser, révisez-le avec son "
        "responsable, puis mettez {field} à la date de la révision dans son fichier (indiqué "
        "sous son nom)."
    ),
    "review.calendar_name": "{site} — révisions des personas",
    "review.calendar_summary.persona": "Réviser la persona\u00a0: {name}",
    "review.calendar_summary.journey": "Réviser le parcours\u00a0: {name}",
    "review.calendar_owner": "Responsable\u00a0: {owner}",
    "review.calendar_last": (
        "Dernière révision le {last}\u00a0; intervalle de révision\u00a0: {every}."
    ),
    "review.calendar_page": "Page\u00a0: {url}",
    "review.calendar_edit": "Modifier\u00a0: {url}",
    "review.calendar_file": "Fichier\u00a0: {path}",
    "gallery.explore": "Explorer le guide",
    "gallery.journeys": "Cartes de parcours",
    "gallery.placeholder": "Filtrer par nom, segment, étiquette ou responsable",
    "gallery.any.market": "Tous les marchés",
    "gallery.any.segment": "Tous les segments",
    "gallery.any.tag": "Toutes les étiquettes",
    "gallery.share": "Part",
    "gallery.count.one": "{n} persona",
    "gallery.count.other": "{n} personas",
    "gallery.empty": (
        "Aucune persona pour l'instant\u00a0: ajoutez un fichier YAML dans le dossier personas."
    ),
    "persona.review.current": "Révision à jour",
    "persona.review.due-soon": "Révision bientôt due",
    "persona.review.overdue": "Révision en retard",
    "persona.review.retired": "Archivée\u00a0: plus révisée",
    "persona.review.unscheduled": "Aucune révision prévue",
    "persona.breadcrumbs": "Fil d'Ariane",
    "persona.compare_pair": "Comparer {a} et {b}",
    "persona.step": "Étape {n} sur {total} de «\u00a0Pour commencer\u00a0»",
    "persona.print": "Imprimer la fiche persona",
    "persona.glance": "En un coup d'œil",
    "persona.glance.all": "{section}\u00a0: voir les {n}",
    "persona.negative_more": (
        "Servez-vous-en pour repérer les prospects peu adaptés, pas pour concevoir pour eux."
    ),
    "persona.negative_why": "Pourquoi nous gardons des personas négatives",
    "persona.journey.current": "État actuel",
    "persona.journey.future": "État cible",
    "persona.journey.stages": "{n} étapes",
    "persona.journey.shared": "{n} personas",
    "onboarding.description": (
        "Une courte introduction à nos personas et à l'ordre dans lequel les lire."
    ),
    "onboarding.lead": (
        "Vous débutez\u00a0? Accordez quinze minutes à cette page. Vous découvrirez qui sont nos "
        "clients, ce qu'ils cherchent à accomplir et comment utiliser ces connaissances dans "
        "votre propre travail."
    ),
    "onboarding.what.title": "Qu'est-ce qu'une persona\u00a0?",
    "onboarding.what.text1": (
        "Une persona est le portrait d'un groupe de clients réels qui partagent des objectifs, "
        "des frustrations et des habitudes, représenté sous les traits d'une seule personne "
        "facile à retenir. Les noms et les visages sont inventés\u00a0; tout le reste provient "
        "d'entretiens, de tickets de support, de données d'usage et d'échanges commerciaux."
    ),
    "onboarding.what.text2": (
        "Les personas donnent à tous la même image de ceux que nous servons\u00a0: une "
        "discussion peut partir de «\u00a0Margie en aurait-elle besoin\u00a0?\u00a0» plutôt "
        "que d'opinions personnelles. Chacune a un responsable et est révisée régulièrement, "
        "pour rester juste à mesure que le marché évolue."
    ),
    "onboarding.how.title": "Comment les utiliser",
    "onboarding.how.product.title": "Produit et design",
    "onboarding.how.product": (
        "Nommez la persona à qui s'adresse une fonctionnalité avant d'en rédiger la "
        "spécification, confrontez-la à ses objectifs et à ses défis, et recrutez des "
        "participants aux études qui lui correspondent."
    ),
    "onboarding.how.sales.title": "Ventes",
    "onboarding.how.sales": (
        "Identifiez votre interlocuteur, préparez-vous aux objections qu'il soulève et "
        "reprenez ses mots plutôt que les nôtres dans votre argumentaire."
    ),
    "onboarding.how.support.title": "Support",
    "onboarding.how.support": (
        "Lisez les comportements et les défis pour comprendre pourquoi un client est frustré, "
        "et classez les tickets par persona pour que les tendances remontent à l'équipe "
        "produit."
    ),
    "onboarding.how.marketing.title": "Marketing",
    "onboarding.how.marketing": (
        "Choisissez les canaux où la persona passe réellement du temps, et vérifiez vos "
        "messages au regard des mots à employer et des mots à éviter."
    ),
    "onboarding.negative.title": "Pourquoi nous gardons des personas négatives",
    "onboarding.negative.text1": (
        "Une persona négative décrit quelqu'un que nous ne ciblons délibérément pas\u00a0: des "
        "personnes qui coûtent plus à conquérir et à servir qu'elles ne rapportent, ou dont "
        "les besoins éloigneraient le produit de nos vrais clients."
    ),
    "onboarding.negative.text2": (
        "Les décrire rend l'arbitrage explicite. Quand une campagne, une demande de "
        "fonctionnalité ou une affaire attire une persona négative, c'est un signal pour "
        "s'arrêter et réfléchir, pas un échec à la servir."
    ),
    "onboarding.path.title": "Découvrez-les une par une",
    "onboarding.path.intro": (
        "Lisez ces {n} personas dans l'ordre\u00a0; celles que nous servons le plus viennent en "
        "premier. Chaque page se termine par un lien vers la suivante."
    ),
    "onboarding.read": "Lire le profil",
    "onboarding.step": "Étape {n}",
    "onboarding.next.title": "Et ensuite",
    "onboarding.next.gallery": (
        "toutes les personas, avec des filtres par type, marché, segment et étiquette."
    ),
    "onboarding.next.compare": "mettre deux personas ou plus côte à côte.",
    "onboarding.next.journeys": "suivre une persona pas à pas dans une tâche réelle.",
    "onboarding.next.tracker": "voir quelles personas sont à réviser, et qui en est responsable.",
    "compare.title": "Comparer des personas",
    "compare.intro": (
        "Placez deux à quatre personas côte à côte. L'adresse de cette page conserve votre "
        "choix\u00a0: vous pouvez partager une comparaison sous forme de lien."
    ),
    "compare.pick_title": "Choisir les personas à comparer",
    "compare.slot": "Persona {n}",
    "compare.choose": "Choisir une persona…",
    "compare.remove": "Retirer",
    "compare.remove_slot": "Retirer la persona {n}",
    "compare.add": "Ajouter une persona",
    "compare.filter": "Filtrer les listes",
    "compare.shared": "Commun",
    "compare.shared_with": "(aussi\u00a0: {names})",
    "compare.shared_all": "(identique pour toutes les personas comparées)",
    "compare.hide_shared": "Masquer les éléments communs ({n})",
    "compare.caption": "Comparaison de {names}",
    "compare.pick_more": "Choisissez au moins deux personas pour les comparer côte à côte.",
    "compare.pick_one_more": "Choisissez une persona de plus pour la comparaison.",
    "compare.unknown": "Aucune persona avec l'identifiant «\u00a0{id}\u00a0».",
    "compare.too_many": "Vous pouvez comparer au plus {n} personas à la fois.",
    "compare.no_match": "Aucune persona ne correspond au filtre.",
    "compare.noscript": (
        "Le choix des personas à comparer nécessite JavaScript. Toutes les personas actives "
        "sont résumées dans le tableau ci-dessous."
    ),
    "compare.sets": "Comparaisons enregistrées",
    "compare.set_intro": "{names}, côte à côte.",
    "compare.set_description": "{names}, côte à côte.",
    "compare.open_interactive": "Ouvrir dans la comparaison interactive",
    "compare.glance": "Toutes les personas actives en un coup d'œil",
    "compare.glance_intro": (
        "Les {n} personas actives, de la plus grande part de clientèle à la plus petite."
    ),
    "compare.share": "Part",
    "compare.share_value": "{share} de la clientèle",
    "compare.top_goals": "Principaux objectifs",
    "compare.top_challenges": "Principaux défis",
    "compare.more": "+{n} de plus",
    "compare.review": "Révision",
    "compare.review.current": "À jour",
    "compare.review.due-soon": "Bientôt à réviser",
    "compare.review.overdue": "En retard",
    "compare.review.retired": "Archivée",
    "compare.review.unscheduled": "Non planifiée",
    "compare.keys": "Principales différences",
    "compare.keys_same": "Identique pour toutes :",
    "compare.keys_common": "{n} sur {total} en commun",
    "compare.differs": "Diffère",
    "compare.differs_sr": "(diffère d’une persona à l’autre)",
    "journey.index_intro": (
        "Cartes de parcours client\u00a0: ce que chaque persona fait, pense et ressent, étape "
        "par étape."
    ),
    "journey.state.current": "État actuel",
    "journey.state.future": "État cible",
    "journey.scenario": "Scénario",
    "journey.goal": "Objectif",
    "journey.owner": "Responsable",
    "journey.tags": "Étiquettes",
    "journey.stages": "{n} étapes",
    "journey.stage_one": "1 étape",
    "journey.improves": "Ce parcours cible améliore {title}.",
    "journey.improved_by": "Amélioration prévue\u00a0:",
    "journey.map_caption": (
        "Carte du parcours «\u00a0{title}\u00a0»\u00a0: les étapes en colonnes, les dimensions "
        "en lignes."
    ),
    "journey.lane": "Dimension",
    "journey.lane.description": "Ce qui se passe",
    "journey.lane.actions": "Actions",
    "journey.lane.thoughts": "Pensées",
    "journey.lane.emotion": "Émotion",
    "journey.lane.touchpoints": "Points de contact",
    "journey.lane.channels": "Canaux",
    "journey.lane.pain_points": "Points de friction",
    "journey.lane.opportunities": "Opportunités",
    "journey.lane.backstage": "Coulisses",
    "journey.lane.teams": "Équipes",
    "journey.lane.kpis": "Indicateurs clés",
    "journey.backstage_note": "invisible pour le client",
    "journey.moment_of_truth": "Moment de vérité",
    "journey.moments": "Moment de vérité\u00a0: {stages}",
    "journey.stage_number": "Étape {n}",
    "journey.emotion_scale": "−2 très négatif, +2 très positif",
    "journey.emotion_title": "Courbe émotionnelle\u00a0: {title}",
    "journey.emotion_legend": "Courbes",
    "journey.emotion_data": "La courbe émotionnelle sous forme de tableau",
    "journey.fit": "Ajuster à la largeur",
    "journey.emotion_notes": "Pourquoi ce ressenti",
    "journey.stage_cards": "Le parcours étape par étape",
    "journey.emotion_spark": "Courbe émotionnelle. {summary}",
    "journey.stage": "Étape",
    "journey.as_is": "{name} (actuel)",
    "journey.to_be": "{name} (cible)",
    "journey.no_data": "pas de données",
    "journey.last_reviewed": "Dernière révision",
    "journey.next_review": "Prochaine révision",
    "journey.not_reviewed": "Pas encore révisé",
    "emotion.-2": "très négatif",
    "emotion.-1": "négatif",
    "emotion.0": "neutre",
    "emotion.1": "positif",
    "emotion.2": "très positif",
    "emotion.scale": (
        "Émotion sur une échelle de −2 (très négatif) à +2 (très positif), {n} étapes."
    ),
    "emotion.summary": (
        "{name}\u00a0: commence à {start} ({start_stage}), point bas {low} à l'étape "
        "{low_stage}, point haut {high} à l'étape {high_stage}, finit à {end} ({end_stage})."
    ),
    "emotion.single": "{name}\u00a0: {value} à l'étape {stage}.",
    "emotion.missing": "Pas de données pour {stages}.",
    "emotion.empty": "{name}\u00a0: aucune émotion renseignée.",
    "emotion.point": "{stage} — {name}\u00a0: {value} ({word})",
    "emotion.because": "{point}\u00a0: {note}",
    "date.long": "{day} {month} {year}",
    "date.short": "{day} {month} {year}",
    "date.first_day": "1er",
    "month.1": "janvier",
    "month.2": "février",
    "month.3": "mars",
    "month.4": "avril",
    "month.5": "mai",
    "month.6": "juin",
    "month.7": "juillet",
    "month.8": "août",
    "month.9": "septembre",
    "month.10": "octobre",
    "month.11": "novembre",
    "month.12": "décembre",
    "month.short.1": "janv.",
    "month.short.2": "févr.",
    "month.short.3": "mars",
    "month.short.4": "avr.",
    "month.short.5": "mai",
    "month.short.6": "juin",
    "month.short.7": "juil.",
    "month.short.8": "août",
    "month.short.9": "sept.",
    "month.short.10": "oct.",
    "month.short.11": "nov.",
    "month.short.12": "déc.",
    "number.decimal": ",",
    "number.percent": "{n}\u00a0%",
    "interval.days.one": "{n} jour",
    "interval.days.many": "{n} jours",
    "interval.weeks.one": "{n} semaine",
    "interval.weeks.many": "{n} semaines",
    "interval.months.one": "{n} mois",
    "interval.months.many": "{n} mois",
    "interval.years.one": "{n} an",
    "preview.title.one": "1 problème dans le guide des personas",
    "preview.title.many": "{count} problèmes dans le guide des personas",
    "preview.stale": (
        "Cet aperçu montre encore la dernière version valide\u00a0: vos dernières "
        "modifications n'apparaîtront qu'une fois ces problèmes corrigés. Enregistrez les "
        "fichiers corrigés et la page se rechargera d'elle-même."
    ),
    "preview.missing": (
        "Il n'y a pas encore de version valide à montrer\u00a0: des pages du guide manquent ou "
        "sont vides. Enregistrez les fichiers corrigés et la page se rechargera d'elle-même."
    ),
    "preview.note": (
        "Seul mkdocs serve affiche cet avertissement, jamais un site construit. Le terminal et "
        "mkdocs-persona validate listent les mêmes problèmes."
    ),
    "preview.hide": "Masquer",
    "preview.hide_label": "Masquer jusqu'au prochain rechargement (Échap)",
}

ES: dict[str, str] = {
    "handbook": "Manual de personas",
    "personas": "Personas",
    "persona": "Persona",
    "journeys": "Recorridos",
    "journey": "Recorrido",
    "gallery": "Todas las personas",
    "gallery_intro": (
        "Para quién desarrollamos, a quién vendemos y a quién damos soporte, y a quién no."
    ),
    "start_here": "Empieza aquí",
    "compare": "Comparar",
    "reviews": "Seguimiento de revisiones",
    "type.buyer": "Comprador",
    "type.user": "Usuario",
    "type.decision-maker": "Decisor",
    "type.influencer": "Influenciador",
    "type.detractor": "Detractor",
    "type.payer": "Pagador",
    "type.negative": "Persona negativa",
    "market.b2b": "B2B",
    "market.b2c": "B2C",
    "market.public": "Sector público",
    "market.internal": "Interno",
    "status.draft": "Borrador",
    "status.active": "Activa",
    "status.retired": "Archivada",
    "confidence.low": "Baja",
    "confidence.medium": "Media",
    "confidence.high": "Alta",
    "section.bio": "Presentación",
    "section.demographics": "Datos demográficos",
    "section.role": "Rol",
    "section.goals": "Objetivos",
    "section.challenges": "Retos",
    "section.motivations": "Motivaciones",
    "section.needs": "Necesidades",
    "section.objections": "Objeciones",
    "section.behaviors": "Comportamientos",
    "section.channels": "Canales",
    "section.tools": "Herramientas",
    "section.interests": "Intereses",
    "section.messaging": "Mensajes",
    "section.quotes": "En sus palabras",
    "section.research": "Evidencia de investigación",
    "section.related": "Personas relacionadas",
    "section.journeys": "Recorridos",
    "section.tags": "Etiquetas",
    "messaging.pitch": "Propuesta",
    "messaging.vocabulary": "Palabras recomendadas",
    "messaging.avoid": "Palabras a evitar",
    "research.interviews": "Entrevistas",
    "research.sources": "Fuentes",
    "research.confidence": "Nivel de confianza",
    "owner": "Responsable",
    "last_reviewed": "Última revisión",
    "next_review": "Próxima revisión",
    "share": "Porcentaje de clientes",
    "segment": "Segmento",
    "market": "Mercado",
    "type": "Tipo",
    "edit_persona": "Editar esta persona",
    "edit_journey": "Editar este recorrido",
    "retired_banner": (
        "Esta persona está archivada. Se conserva como referencia y ya no se utiliza."
    ),
    "draft_banner": "Esta persona es un borrador y puede cambiar.",
    "negative_banner": (
        "Una persona negativa: alguien a quien deliberadamente no nos dirigimos."
    ),
    "filter.all": "Todas",
    "filter.text": "Filtrar personas",
    "filter.type": "Tipo",
    "filter.market": "Mercado",
    "filter.segment": "Segmento",
    "filter.tag": "Etiqueta",
    "filter.clear": "Borrar filtros",
    "filter.none": "Ninguna persona coincide con estos filtros.",
    "count.personas": "{n} personas",
    "previous": "Anterior",
    "next": "Siguiente",
    "none": "—",
    "review.description": (
        "Qué personas y mapas de recorrido deben revisarse, y quién es responsable de ellos."
    ),
    "review.intro": (
        "Cada persona y cada mapa de recorrido tiene un responsable y una fecha de revisión. "
        "Salvo que su archivo indique otra cosa, el intervalo de revisión es de {every}, y un "
        "elemento se considera próximo a vencer {due_soon} antes de su siguiente revisión."
    ),
    "review.as_of": "Estado a {date}, fecha en que se generó este sitio.",
    "review.as_of_live": "Estado a hoy, {date} (este sitio se generó el {built}).",
    "review.summary": "Estado de las revisiones",
    "review.state.overdue": "Vencida",
    "review.state.due-soon": "Vence pronto",
    "review.state.current": "Al día",
    "review.state.retired": "Archivada",
    "review.col.state": "Estado",
    "review.col.item": "Persona o recorrido",
    "review.col.kind": "Tipo",
    "review.col.due": "Vencimiento",
    "review.caption": "Personas y mapas de recorrido por fecha de próxima revisión",
    "review.edit_file": "Editar {path}",
    "review.no_page": "sin página",
    "review.days.one": "1 día",
    "review.days.many": "{days} días",
    "review.overdue_by": "{duration} de retraso",
    "review.due_in": "en {duration}",
    "review.due_today": "vence hoy",
    "review.feeds": "Recordatorios",
    "review.feed.calendar": "Calendario (.ics)",
    "review.feed.json": "Datos (JSON)",
    "review.filter.owner": "Responsable",
    "review.filter.all_owners": "Todos los responsables",
    "review.view": "Vista",
    "review.view.date": "Por fecha",
    "review.view.owner": "Por responsable",
    "review.shown": "Se muestran {shown} de {total} elementos.",
    "review.group": "{owner}: {n} elementos",
    "review.group_one": "{owner}: 1 elemento",
    "review.no_owner": "Sin responsable",
    "review.empty": (
        "Todavía no hay nada que seguir: aquí aparecen las personas y los recorridos que "
        "tienen fecha last_reviewed."
    ),
    "review.retired_heading": "Personas archivadas",
    "review.retired_intro": (
        "Se conservan como referencia. Las personas archivadas nunca requieren revisión."
    ),
    "review.banner.overdue.persona": (
        "Esta persona se revisó por última vez el {last} y lleva {duration} de retraso"
    ),
    "review.banner.overdue.journey": (
        "Este mapa de recorrido se revisó por última vez el {last} y lleva {duration} de "
        "retraso"
    ),
    "review.banner.due-soon.persona": "Esta persona debe revisarse {when} (el {next})",
    "review.banner.due-soon.journey": "Este mapa de recorrido debe revisarse {when} (el {next})",
    "review.banner.today": "hoy",
    "review.banner.owner": " — responsable: {owner}",
    "review.banner.tracker": "Seguimiento de revisiones",
    "review.state.unscheduled": "Nunca revisado",
    "review.never": "nunca revisado",
    "review.filter.state": "Mostrar solo un estado",
    "review.status.current": "Última revisión el {last}",
    "review.status.due-soon": "Última revisión el {last} — revisión pendiente {when}",
    "review.status.overdue": "Última revisión el {last} — revisión atrasada",
    "review.status.owner": ", responsable: {owner}",
    "review.status.more": "Qué hacer",
    "gallery.legend": "Estado de revisión",
    "review.todo.persona": (
        "Qué hacer: revisa la persona con su responsable y luego pon en {field} la fecha de "
        "la revisión, en {file}."
    ),
    "review.todo.journey": (
        "Qué hacer: revisa el mapa de recorrido con su responsable y luego pon en {field} la "
        "fecha de la revisión, en {file}."
    ),
    "review.todo.unowned": (
        "Qué hacer: revisa el mapa de recorrido y luego pon en {field} la fecha de la "
        "revisión, en {file}."
    ),
    "review.todo.tracker": (
        "Para resolver un elemento atrasado o próximo a vencer, revísalo con su responsable y "
        "luego pon en {field} la fecha de la revisión, en su archivo (indicado bajo su nombre)."
    ),
    "review.calendar_name": "{site} — revisiones de personas",
    "review.calendar_summary.persona": "Revisar persona: {name}",
    "review.calendar_summary.journey": "Revisar recorrido: {name}",
    "review.calendar_owner": "Responsable: {owner}",
    "review.calendar_last": "Última revisión: {last}; intervalo de revisión: {every}.",
    "review.calendar_page": "Página: {url}",
    "review.calendar_edit": "Editar: {url}",
    "review.calendar_file": "Archivo: {path}",
    "gallery.explore": "Explorar el manual",
    "gallery.journeys": "Mapas de recorrido",
    "gallery.placeholder": "Filtrar por nombre, segmento, etiqueta o responsable",
    "gallery.any.market": "Todos los mercados",
    "gallery.any.segment": "Todos los segmentos",
    "gallery.any.tag": "Todas las etiquetas",
    "gallery.share": "Porcentaje",
    "gallery.count.one": "{n} persona",
    "gallery.count.other": "{n} personas",
    "gallery.empty": "Todavía no hay personas: añade un archivo YAML a la carpeta personas.",
    "persona.review.current": "Revisión al día",
    "persona.review.due-soon": "Revisión próxima",
    "persona.review.overdue": "Revisión vencida",
    "persona.review.retired": "Archivada: no se revisa",
    "persona.review.unscheduled": "Sin revisión programada",
    "persona.breadcrumbs": "Ruta de navegación",
    "persona.compare_pair": "Comparar {a} y {b}",
    "persona.step": "Paso {n} de {total} de «Empieza aquí»",
    "persona.print": "Imprimir la ficha de la persona",
    "persona.glance": "De un vistazo",
    "persona.glance.all": "{section}: ver los {n}",
    "persona.negative_more": (
        "Úsala para reconocer a los clientes potenciales poco adecuados, no para diseñar para "
        "ellos."
    ),
    "persona.negative_why": "Por qué mantenemos personas negativas",
    "persona.journey.current": "Estado actual",
    "persona.journey.future": "Estado futuro",
    "persona.journey.stages": "{n} etapas",
    "persona.journey.shared": "{n} personas",
    "onboarding.description": (
        "Una breve introducción a nuestras personas y al orden en que conviene leerlas."
    ),
    "onboarding.lead": (
        "¿Acabas de llegar? Dedica quince minutos a esta página. Descubrirás quiénes son "
        "nuestros clientes, qué intentan conseguir y cómo aplicar ese conocimiento en tu "
        "propio trabajo."
    ),
    "onboarding.what.title": "¿Qué es una persona?",
    "onboarding.what.text1": (
        "Una persona es el retrato de un grupo de clientes reales que comparten objetivos, "
        "frustraciones y hábitos, representado como una única persona fácil de recordar. Los "
        "nombres y las caras son inventados; todo lo demás procede de entrevistas, tickets de "
        "soporte, datos de uso y conversaciones comerciales."
    ),
    "onboarding.what.text2": (
        "Las personas dan a todo el equipo la misma imagen de a quién servimos, de modo que "
        "una conversación puede empezar con «¿Lo necesitaría Margie?» en lugar de con "
        "opiniones personales. Cada una tiene un responsable y se revisa periódicamente, para "
        "que siga siendo fiel a medida que cambia el mercado."
    ),
    "onboarding.how.title": "Cómo usarlas",
    "onboarding.how.product.title": "Producto y diseño",
    "onboarding.how.product": (
        "Nombra la persona a la que va dirigida una funcionalidad antes de escribir la "
        "especificación, contrástala con sus objetivos y retos, y recluta participantes para "
        "la investigación que encajen con ella."
    ),
    "onboarding.how.sales.title": "Ventas",
    "onboarding.how.sales": (
        "Reconoce con quién estás hablando, prepárate para las objeciones que plantea y usa "
        "sus palabras, no las nuestras, cuando presentes la propuesta."
    ),
    "onboarding.how.support.title": "Soporte",
    "onboarding.how.support": (
        "Lee los comportamientos y los retos para entender por qué un cliente está frustrado, "
        "y etiqueta los tickets por persona para que los patrones lleguen al equipo de "
        "producto."
    ),
    "onboarding.how.marketing.title": "Marketing",
    "onboarding.how.marketing": (
        "Elige los canales donde la persona pasa realmente su tiempo y contrasta los mensajes "
        "con las palabras recomendadas y las palabras a evitar."
    ),
    "onboarding.negative.title": "Por qué mantenemos personas negativas",
    "onboarding.negative.text1": (
        "Una persona negativa describe a alguien a quien deliberadamente no nos dirigimos: "
        "personas cuya captación y atención cuestan más de lo que aportan, o cuyas "
        "necesidades alejarían el producto de nuestros clientes reales."
    ),
    "onboarding.negative.text2": (
        "Ponerlas por escrito hace explícita la decisión. Cuando una campaña, una petición de "
        "funcionalidad o una operación comercial atrae a una persona negativa, es una señal "
        "para detenerse a pensar, no un fallo por no atenderla."
    ),
    "onboarding.path.title": "Conócelas una a una",
    "onboarding.path.intro": (
        "Lee estas {n} personas en orden; primero van aquellas a las que más servimos. Cada "
        "página termina con un enlace a la siguiente."
    ),
    "onboarding.read": "Leer el perfil",
    "onboarding.step": "Paso {n}",
    "onboarding.next.title": "Y después",
    "onboarding.next.gallery": (
        "todas las personas, con filtros por tipo, mercado, segmento y etiqueta."
    ),
    "onboarding.next.compare": "pon dos o más personas una al lado de otra.",
    "onboarding.next.journeys": "sigue a una persona paso a paso en una tarea real.",
    "onboarding.next.tracker": (
        "consulta qué personas deben revisarse y quién es responsable de ellas."
    ),
    "compare.title": "Comparar personas",
    "compare.intro": (
        "Pon de dos a cuatro personas una al lado de otra. La dirección de esta página guarda "
        "tu selección, así que puedes compartir una comparación como enlace."
    ),
    "compare.pick_title": "Elige las personas que quieres comparar",
    "compare.slot": "Persona {n}",
    "compare.choose": "Elige una persona…",
    "compare.remove": "Quitar",
    "compare.remove_slot": "Quitar la persona {n}",
    "compare.add": "Añadir una persona",
    "compare.filter": "Filtrar las listas",
    "compare.shared": "En común",
    "compare.shared_with": "(también: {names})",
    "compare.shared_all": "(igual para todas las personas comparadas)",
    "compare.hide_shared": "Ocultar elementos en común ({n})",
    "compare.caption": "Comparación de {names}",
    "compare.pick_more": "Elige al menos dos personas para compararlas una al lado de otra.",
    "compare.pick_one_more": "Elige una persona más para comparar.",
    "compare.unknown": "No hay ninguna persona con el identificador «{id}».",
    "compare.too_many": "Se pueden comparar como máximo {n} personas a la vez.",
    "compare.no_match": "Ninguna persona coincide con el filtro.",
    "compare.noscript": (
        "Para elegir las personas que quieres comparar se necesita JavaScript. Todas las "
        "personas activas se resumen en la tabla de abajo."
    ),
    "compare.sets": "Comparaciones guardadas",
    "compare.set_intro": "{names}, en paralelo.",
    "compare.set_description": "{names}, en paralelo.",
    "compare.open_interactive": "Abrir en la comparación interactiva",
    "compare.glance": "Todas las personas activas de un vistazo",
    "compare.glance_intro": (
        "Las {n} personas activas, de mayor a menor porcentaje de clientes."
    ),
    "compare.share": "Porcentaje",
    "compare.share_value": "{share} de los clientes",
    "compare.top_goals": "Objetivos principales",
    "compare.top_challenges": "Retos principales",
    "compare.more": "+{n} más",
    "compare.review": "Revisión",
    "compare.review.current": "Al día",
    "compare.review.due-soon": "Vence pronto",
    "compare.review.overdue": "Vencida",
    "compare.review.retired": "Archivada",
    "compare.review.unscheduled": "Sin programar",
    "compare.keys": "Diferencias clave",
    "compare.keys_same": "Igual para todas:",
    "compare.keys_common": "{n} de {total} en común",
    "compare.differs": "Difiere",
    "compare.differs_sr": "(difiere entre las personas)",
    "journey.index_intro": (
        "Mapas de recorrido del cliente: lo que cada persona hace, piensa y siente, etapa por "
        "etapa."
    ),
    "journey.state.current": "Estado actual",
    "journey.state.future": "Estado futuro",
    "journey.scenario": "Escenario",
    "journey.goal": "Objetivo",
    "journey.owner": "Responsable",
    "journey.tags": "Etiquetas",
    "journey.stages": "{n} etapas",
    "journey.stage_one": "1 etapa",
    "journey.improves": "Este recorrido futuro mejora {title}.",
    "journey.improved_by": "Mejora prevista:",
    "journey.map_caption": (
        "Mapa del recorrido «{title}»: las etapas en columnas, las dimensiones en filas."
    ),
    "journey.lane": "Dimensión",
    "journey.lane.description": "Qué ocurre",
    "journey.lane.actions": "Acciones",
    "journey.lane.thoughts": "Pensamientos",
    "journey.lane.emotion": "Emoción",
    "journey.lane.touchpoints": "Puntos de contacto",
    "journey.lane.channels": "Canales",
    "journey.lane.pain_points": "Puntos de dolor",
    "journey.lane.opportunities": "Oportunidades",
    "journey.lane.backstage": "Entre bastidores",
    "journey.lane.teams": "Equipos",
    "journey.lane.kpis": "Indicadores clave",
    "journey.backstage_note": "no visible para el cliente",
    "journey.moment_of_truth": "Momento de la verdad",
    "journey.moments": "Momento de la verdad: {stages}",
    "journey.stage_number": "Etapa {n}",
    "journey.emotion_scale": "−2 muy negativa, +2 muy positiva",
    "journey.emotion_title": "Curva emocional: {title}",
    "journey.emotion_legend": "Curvas",
    "journey.emotion_data": "La curva emocional en forma de tabla",
    "journey.fit": "Ajustar al ancho",
    "journey.emotion_notes": "Por qué se sienten así",
    "journey.stage_cards": "El recorrido etapa por etapa",
    "journey.emotion_spark": "Curva emocional. {summary}",
    "journey.stage": "Etapa",
    "journey.as_is": "{name} (actual)",
    "journey.to_be": "{name} (futuro)",
    "journey.no_data": "sin datos",
    "journey.last_reviewed": "Última revisión",
    "journey.next_review": "Próxima revisión",
    "journey.not_reviewed": "Aún sin revisar",
    "emotion.-2": "muy negativa",
    "emotion.-1": "negativa",
    "emotion.0": "neutra",
    "emotion.1": "positiva",
    "emotion.2": "muy positiva",
    "emotion.scale": (
        "Emoción en una escala de −2 (muy negativa) a +2 (muy positiva), {n} etapas."
    ),
    "emotion.summary": (
        "{name}: empieza en {start} ({start_stage}), mínimo de {low} en {low_stage}, máximo "
        "de {high} en {high_stage}, termina en {end} ({end_stage})."
    ),
    "emotion.single": "{name}: {value} en {stage}.",
    "emotion.missing": "Sin datos para {stages}.",
    "emotion.empty": "{name}: no hay emociones registradas.",
    "emotion.point": "{stage} — {name}: {value} ({word})",
    "emotion.because": "{point}: {note}",
    "date.long": "{day} de {month} de {year}",
    "date.short": "{day} {month} {year}",
    "date.first_day": "1",
    "month.1": "enero",
    "month.2": "febrero",
    "month.3": "marzo",
    "month.4": "abril",
    "month.5": "mayo",
    "month.6": "junio",
    "month.7": "julio",
    "month.8": "agosto",
    "month.9": "septiembre",
    "month.10": "octubre",
    "month.11": "noviembre",
    "month.12": "diciembre",
    "month.short.1": "ene",
    "month.short.2": "feb",
    "month.short.3": "mar",
    "month.short.4": "abr",
    "month.short.5": "may",
    "month.short.6": "jun",
    "month.short.7": "jul",
    "month.short.8": "ago",
    "month.short.9": "sept",
    "month.short.10": "oct",
    "month.short.11": "nov",
    "month.short.12": "dic",
    "number.decimal": ",",
    "number.percent": "{n}\u00a0%",
    "interval.days.one": "{n} día",
    "interval.days.many": "{n} días",
    "interval.weeks.one": "{n} semana",
    "interval.weeks.many": "{n} semanas",
    "interval.months.one": "{n} mes",
    "interval.months.many": "{n} meses",
    "interval.years.one": "{n} año",
    "preview.title.one": "1 problema en el manual de personas",
    "preview.title.many": "{count} problemas en el manual de personas",
    "preview.stale": (
        "Esta vista previa aún muestra la última versión válida: tus últimos cambios no "
        "aparecerán hasta que se corrijan estos problemas. Guarda los archivos corregidos y la "
        "página se recargará sola."
    ),
    "preview.missing": (
        "Todavía no hay una versión válida que mostrar, así que faltan páginas del manual o "
        "están vacías. Guarda los archivos corregidos y la página se recargará sola."
    ),
    "preview.note": (
        "Solo mkdocs serve muestra este aviso, nunca un sitio generado. El terminal y "
        "mkdocs-persona validate indican los mismos problemas."
    ),
    "preview.hide": "Ocultar",
    "preview.hide_label": "Ocultar hasta la próxima recarga (Esc)",
}

TABLES: dict[str, dict[str, str]] = {"en": EN, "de": DE, "fr": FR, "es": ES}

#: Date styles accepted by :meth:`Strings.date`.
DATE_STYLES = ("long", "short")


class Strings:
    """Looks up UI strings for one language, with per-string overrides.

    ``language`` is a code such as ``de``, ``de-CH`` or ``fr_FR`` (only the part before the
    region counts); an unknown language falls back to English.
    """

    def __init__(self, language: str = "en", overrides: Mapping[str, str] | None = None) -> None:
        code = (language or "en").lower().replace("_", "-").split("-")[0]
        self.language = code if code in TABLES else "en"
        self._table = {**EN, **TABLES[self.language], **dict(overrides or {})}

    def __call__(self, key: str, **values: object) -> str:
        """The string for ``key``, formatted with ``values``; the key itself if unknown."""
        text = self._table.get(key, key)
        return text.format(**values) if values else text

    def markup(self, key: str, **values: object) -> Markup:
        """The string for ``key`` as HTML: its own text escaped, each value escaped unless it
        is already :class:`~markupsafe.Markup` (a link or ``<code>`` built by a template)."""
        return Markup.escape(self._table.get(key, key)).format(**values)

    def has(self, key: str) -> bool:
        """Whether ``key`` has a string."""
        return key in self._table

    # Dates -------------------------------------------------------------------------------
    def months(self, style: str = "long") -> list[str]:
        """The twelve month names (``style`` ``"long"``) or abbreviations (``"short"``)."""
        prefix = "month.short." if style == "short" else "month."
        return [self(f"{prefix}{n}") for n in range(1, 13)]

    def date(self, d: dt.date, style: str = "long") -> str:
        """``d`` as readers of this language write it.

        ``long``: ``29 November 2026``, ``29. November 2026``, ``29 novembre 2026``,
        ``29 de noviembre de 2026``; ``short``: ``29 Nov 2026``, ``29. Nov. 2026``,
        ``29 nov. 2026``, ``29 nov 2026``.
        """
        if style not in DATE_STYLES:
            raise ValueError(f"date style: expected long or short, not '{style}'")
        month = self.months(style)[d.month - 1]
        day = self("date.first_day") if d.day == 1 else str(d.day)
        return self(f"date.{style}", day=day, month=month, year=d.year)

    def time(self, d: dt.date, style: str = "long") -> Markup:
        """``<time datetime="YYYY-MM-DD">`` around :meth:`date`, so machines still get ISO."""
        return Markup('<time datetime="{}">{}</time>').format(d.isoformat(), self.date(d, style))

    def date_attributes(self) -> Markup:
        """``data-date-*`` attributes with which ``assets/reviews.js`` formats long dates
        exactly like :meth:`date` (pattern, month names, how day 1 is written)."""
        return Markup(
            ' data-date-pattern="{}" data-date-months="{}" data-date-first="{}"'
        ).format(self("date.long"), "|".join(self.months()), self("date.first_day"))

    # Numbers -----------------------------------------------------------------------------
    def number(self, value: float) -> str:
        """A number as written in this language: ``12.5`` (en), ``12,5`` (de, fr, es);
        whole numbers without decimals (``18.0`` → ``18``)."""
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return text.replace(".", self("number.decimal"))

    def percent(self, value: float) -> str:
        """A percentage: ``18%`` (en), ``18\u00a0%`` (de, fr, es), ``12,5\u00a0%``."""
        return self("number.percent", n=self.number(value))

    # Intervals ---------------------------------------------------------------------------
    def interval(self, interval: Interval) -> str:
        """A review interval: ``1 year``, ``30 days``; ``1 Jahr``, ``30 Tage``…"""
        plural = "one" if interval.count == 1 else "many"
        return self(f"interval.{interval.unit}.{plural}", n=interval.count)
