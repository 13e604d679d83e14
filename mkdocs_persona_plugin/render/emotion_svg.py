"""Emotion curves as inline SVG: pure functions from data to markup strings.

The journey map draws its emotion lane as one ``<svg>`` that spans every stage column of the
HTML map. Its x coordinates are *percentages* of the SVG's width (point ``i`` of ``n`` sits
at the centre of column ``i``), so the curve lines up with the map's equal-width columns at
any width without JavaScript; y coordinates are pixels on a fixed -2..+2 scale (see
:func:`emotion_y`).

Colours come from CSS classes (``pp-series-<k>``, ``currentColor``), so the curve follows the
light and dark schemes; every series also has its own marker shape and dash pattern, so it
can be told apart without colour. All text is escaped here; callers pass plain strings.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

#: Lowest and highest emotion on the scale.
LOW, HIGH = -2, 2
#: Height of the curve (px), the y of the +2 level and the distance between two levels.
#: Under the -2 level a row names the stage of each column (:data:`NAME_Y`).
HEIGHT = 168
TOP = 20
STEP = 27
NAME_Y = 160
#: Stage names longer than this are shortened under the curve (the point's tooltip and the
#: column header give them in full).
NAME_CHARS = 24
#: Sentiment bands behind the curve: (class, highest level, lowest level).
BANDS = (("pos", 2, 1), ("neu", 0, 0), ("neg", -1, -2))
#: The markers are drawn with ``<use xlink:href>``, not ``href``: Material's instant
#: navigation resolves every ``[href]`` of a new page by assigning ``el.href = el.href``,
#: which throws on SVG elements (their ``href`` is read-only) and stops the page from
#: showing; ``xlink:href`` is in another namespace, which ``[href]`` does not match.
XLINK = "http://www.w3.org/1999/xlink"
#: How many distinct series styles exist before colours/markers repeat.
COLOURS = 8
MARKERS = (
    "M-5.5,0a5.5,5.5 0 1,0 11,0a5.5,5.5 0 1,0 -11,0z",  # circle
    "M-4.8,-4.8h9.6v9.6h-9.6z",  # square
    "M0,-6.6L6.6,0L0,6.6L-6.6,0z",  # diamond
    "M0,-6.4L6,4.4H-6z",  # triangle
    "M0,6.4L6,-4.4H-6z",  # triangle pointing down
    "M-2.2,-6.2h4.4v4h4v4.4h-4v4h-4.4v-4h-4v-4.4h4z",  # plus
)
DASHES = ("", "9 4", "2.5 3.5", "12 4 2.5 4", "5 5", "16 5")
AS_IS_DASH = "6 5"

#: Default wording (English); the page generator passes translated :class:`Words`.
LEVEL_WORDS = {
    -2: "very negative",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "very positive",
}


@dataclass(frozen=True)
class Series:
    """One line of the curve: a persona's emotion per stage column (``None`` = no data)."""

    label: str
    values: Sequence[int | None]
    style: int = 0  # picks colour, marker shape and dash pattern
    as_is: bool = False  # the current-state curve shown under a future-state one
    key: str = ""  # e.g. the persona id (a data attribute for scripts and tests)
    notes: Sequence[str | None] = ()  # why the persona feels so, per stage (plain text)

    def note(self, index: int) -> str | None:
        """The note of stage ``index``, if any."""
        return self.notes[index] if index < len(self.notes) else None


@dataclass(frozen=True)
class Words:
    """The sentences the text alternatives are made of (``str.format`` templates)."""

    levels: Mapping[int, str] = field(default_factory=lambda: dict(LEVEL_WORDS))
    scale: str = (
        "Emotion on a scale from \u22122 (very negative) to +2 (very positive), {n} stages."
    )
    summary: str = (
        "{name}: starts at {start} ({start_stage}), lowest {low} at {low_stage}, "
        "highest {high} at {high_stage}, ends at {end} ({end_stage})."
    )
    single: str = "{name}: {value} at {stage}."
    missing: str = "No data for {stages}."
    empty: str = "{name}: no emotion recorded."
    point: str = "{stage} — {name}: {value} ({word})"
    because: str = "{point}: {note}"


def _e(text: object) -> str:
    """Text escaped for SVG/HTML content and attribute values."""
    return html.escape(str(text), quote=True)


def _num(value: float) -> str:
    """A compact number for an attribute (``12``, ``12.5``, ``14.2857``)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def emotion_y(value: float) -> float:
    """The y coordinate (px from the top) of emotion ``value`` on the curve."""
    return TOP + (HIGH - value) * STEP


def stage_x(index: int, count: int) -> float:
    """The x coordinate of stage ``index`` of ``count``, in percent of the curve's width."""
    return (index + 0.5) * 100.0 / max(count, 1)


def pct(value: float) -> str:
    """A percentage attribute value, e.g. ``"35.7143%"``."""
    return _num(value) + "%"


def format_emotion(value: int) -> str:
    """An emotion as a signed number with a real minus sign: ``+2``, ``0``, ``−1``."""
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"\u2212{-value}"
    return "0"


def colour_class(style: int) -> str:
    """The CSS class that colours series ``style``."""
    return f"pp-series-{style % COLOURS}"


def marker_path(style: int) -> str:
    """The marker shape of series ``style`` as path data centred on 0,0."""
    return MARKERS[style % len(MARKERS)]


def dash_pattern(style: int, as_is: bool = False) -> str:
    """The ``stroke-dasharray`` of a series (empty for a solid line)."""
    if as_is:
        return AS_IS_DASH
    return DASHES[style % len(DASHES)]


def _dash_attr(series: Series) -> str:
    dash = dash_pattern(series.style, series.as_is)
    return f' stroke-dasharray="{dash}"' if dash else ""


def _fill_attr(series: Series) -> str:
    # Hollow markers for the as-is curve; CSS paints their inside with the page background.
    return ' fill="none"' if series.as_is else ' fill="currentColor"'


def face_path(value: int) -> str:
    """The mouth of the face for emotion ``value`` (path data centred on 0,0): a smile for
    positive values, a frown for negative ones, a straight line for neutral."""
    bend = 1.7 * max(LOW, min(HIGH, value))
    return f"M-3.4,2.2Q0,{_num(2.2 + bend)} 3.4,2.2"


def face(value: int, *, size: int = 16, cls: str = "pp-emo-face") -> str:
    """A small aria-hidden face for emotion ``value`` (put its words next to it)."""
    return (
        f'<svg class="{_e(cls)} pp-emo-face-{_face_kind(value)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        'viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">'
        + _face_shapes(value)
        + "</svg>"
    )


def _face_kind(value: int) -> str:
    return "pos" if value > 0 else "neg" if value < 0 else "neu"


def _face_shapes(value: int) -> str:
    return (
        '<circle class="pp-emo-face-head" r="6.6" stroke="currentColor" stroke-width="1.3"/>'
        '<circle cx="-2.4" cy="-1.8" r="0.95" fill="currentColor"/>'
        '<circle cx="2.4" cy="-1.8" r="0.95" fill="currentColor"/>'
        f'<path d="{face_path(value)}" fill="none" stroke="currentColor" stroke-width="1.3" '
        'stroke-linecap="round"/>'
    )


def short_name(name: str, limit: int = NAME_CHARS) -> str:
    """``name`` shortened to ``limit`` characters with an ellipsis."""
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "\u2026"


def describe(stage_names: Sequence[str], series: Sequence[Series], words: Words = Words()) -> str:
    """A plain-text summary of the curve, for ``<desc>`` and text alternatives."""
    parts = [words.scale.format(n=len(stage_names))]
    for s in series:
        points = [(i, v) for i, v in enumerate(s.values) if v is not None and i < len(stage_names)]
        if not points:
            parts.append(words.empty.format(name=s.label))
            continue
        if len(points) == 1:
            i, v = points[0]
            parts.append(
                words.single.format(name=s.label, value=format_emotion(v), stage=stage_names[i])
            )
        else:
            low = min(points, key=lambda p: p[1])
            high = max(points, key=lambda p: p[1])
            first, last = points[0], points[-1]
            parts.append(
                words.summary.format(
                    name=s.label,
                    start=format_emotion(first[1]),
                    start_stage=stage_names[first[0]],
                    low=format_emotion(low[1]),
                    low_stage=stage_names[low[0]],
                    high=format_emotion(high[1]),
                    high_stage=stage_names[high[0]],
                    end=format_emotion(last[1]),
                    end_stage=stage_names[last[0]],
                )
            )
        missing = [
            stage_names[i]
            for i in range(len(stage_names))
            if i >= len(s.values) or s.values[i] is None
        ]
        if missing:
            parts.append(words.missing.format(stages=", ".join(missing)))
    return " ".join(parts)


def emotion_curve(
    stage_names: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    desc: str | None = None,
    moments: Sequence[int] = (),
    words: Words = Words(),
) -> str:
    """The emotion curve as an inline ``<svg>`` (full width, :data:`HEIGHT` px high).

    One marker per stage that has an emotion, per series; consecutive markers are joined by
    straight lines (a stage without data is bridged by a fainter segment). ``moments`` are
    the indexes of moment-of-truth stages, drawn as highlighted column bands. ``chart_id``
    must be unique on the page (it prefixes the ids of the title, description and markers).
    """
    n = len(stage_names)
    cid = _e(chart_id)
    text = desc if desc is not None else describe(stage_names, series, words)
    out: list[str] = [
        f'<svg class="pp-emo" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}" '
        f'width="100%" height="{HEIGHT}" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'focusable="false" data-stages="{n}">',
        f'<title id="{cid}-title">{_e(title)}</title>',
        f'<desc id="{cid}-desc">{_e(text)}</desc>',
        "<defs>",
    ]
    styles = sorted({s.style % len(MARKERS) for s in series})
    for k in styles:
        out.append(f'<path id="{cid}-m{k}" d="{MARKERS[k]}"/>')
    out.append("</defs>")
    # Background: sentiment bands, moment-of-truth bands, column separators, level lines,
    # faces and numbers on the scale, and the stage names.
    out.append('<g class="pp-emo-axes">')
    for kind, high, low in BANDS:
        top = emotion_y(high + 0.5)
        out.append(
            f'<rect class="pp-emo-band pp-emo-band-{kind}" x="0" y="{_num(top)}" width="100%" '
            f'height="{_num(emotion_y(low - 0.5) - top)}"/>'
        )
    for i in sorted(set(moments)):
        if 0 <= i < n:
            out.append(
                f'<rect class="pp-emo-mot" x="{pct(i * 100 / n)}" y="0" '
                f'width="{pct(100 / n)}" height="{HEIGHT}"/>'
            )
    for i in range(1, n):
        out.append(
            f'<line class="pp-emo-col" x1="{pct(i * 100 / n)}" x2="{pct(i * 100 / n)}" '
            f'y1="0" y2="{HEIGHT}" stroke="currentColor" stroke-opacity="0.15"/>'
        )
    for level in range(HIGH, LOW - 1, -1):
        y = _num(emotion_y(level))
        cls = "pp-emo-level pp-emo-zero" if level == 0 else "pp-emo-level"
        opacity = "0.55" if level == 0 else "0.14"
        out.append(
            f'<line class="{cls}" x1="0" x2="100%" y1="{y}" y2="{y}" stroke="currentColor" '
            f'stroke-opacity="{opacity}"/>'
        )
    for level in range(HIGH, LOW - 1, -1):
        level_y = emotion_y(level)
        out.append(
            f'<g class="pp-emo-face pp-emo-face-{_face_kind(level)}" '
            f'transform="translate(13 {_num(level_y)})">{_face_shapes(level)}</g>'
            f'<text class="pp-emo-ylabel" x="24" y="{_num(level_y + 3.5)}" '
            f'fill="currentColor">{_e(format_emotion(level))}</text>'
        )
    for i, name in enumerate(stage_names):
        out.append(
            f'<text class="pp-emo-name" x="{pct(stage_x(i, n))}" y="{NAME_Y}" '
            f'text-anchor="middle" fill="currentColor" data-stage="{i}">'
            f"{_e(short_name(name))}</text>"
        )
    out.append("</g>")
    # The curves: as-is first so the to-be curve is drawn on top.
    for s in sorted(series, key=lambda s: not s.as_is):
        cls = f"pp-emo-series {colour_class(s.style)}" + (" pp-emo-asis" if s.as_is else "")
        key = f' data-persona="{_e(s.key)}"' if s.key else ""
        out.append(f'<g class="{cls}"{key} data-label="{_e(s.label)}">')
        points = [(i, v) for i, v in enumerate(s.values) if v is not None and i < n]
        for (i1, v1), (i2, v2) in itertools.pairwise(points):
            gap = " pp-emo-gap" if i2 - i1 > 1 else ""
            opacity = ' stroke-opacity="0.6"' if gap else ""
            out.append(
                f'<line class="pp-emo-line{gap}" x1="{pct(stage_x(i1, n))}" '
                f'y1="{_num(emotion_y(v1))}" x2="{pct(stage_x(i2, n))}" '
                f'y2="{_num(emotion_y(v2))}" stroke="currentColor" stroke-width="2.5" '
                f'stroke-linecap="round"{_dash_attr(s)}{opacity}/>'
            )
        for i, v in points:
            tip = words.point.format(
                stage=stage_names[i],
                name=s.label,
                value=format_emotion(v),
                word=words.levels.get(v, ""),
            )
            note = s.note(i)
            if note:
                tip = words.because.format(point=tip, note=note)
            noted = ' data-note=""' if note else ""
            out.append(
                f'<use class="pp-emo-point" xlink:href="#{cid}-m{s.style % len(MARKERS)}" '
                f'x="{pct(stage_x(i, n))}" y="{_num(emotion_y(v))}" data-stage="{i}" '
                f'data-emotion="{v}"{noted} stroke="currentColor" '
                f'stroke-width="2"{_fill_attr(s)}>'
                f"<title>{_e(tip)}</title></use>"
            )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def swatch(s: Series) -> str:
    """A small aria-hidden SVG sample of a series' line and marker (for legends)."""
    return (
        f'<svg class="pp-emo-swatch {colour_class(s.style)}{" pp-emo-asis" if s.as_is else ""}" '
        'xmlns="http://www.w3.org/2000/svg" width="44" height="16" viewBox="0 0 44 16" '
        'aria-hidden="true" focusable="false">'
        '<line x1="2" y1="8" x2="42" y2="8" stroke="currentColor" stroke-width="2.5"'
        f"{_dash_attr(s)}/>"
        f'<path class="pp-emo-point" transform="translate(22 8)" d="{marker_path(s.style)}" '
        f'stroke="currentColor" stroke-width="2"{_fill_attr(s)}/></svg>'
    )


def legend(series: Sequence[Series], *, label: str = "") -> str:
    """An HTML list naming each series next to its swatch."""
    aria = f' aria-label="{_e(label)}"' if label else ""
    items = "".join(
        f'<li class="pp-emo-legend-item" data-persona="{_e(s.key)}">{swatch(s)}'
        f"<span>{_e(s.label)}</span></li>"
        for s in series
    )
    return f'<ul class="pp-emo-legend"{aria}>{items}</ul>'


def sparkline(series: Sequence[Series], count: int, *, width: int = 280, height: int = 56) -> str:
    """A small decorative curve (``aria-hidden``; give it a text alternative nearby)."""
    pad = 5.0

    def x(i: int) -> float:
        return width / 2 if count <= 1 else pad + i * (width - 2 * pad) / (count - 1)

    def y(v: float) -> float:
        return pad + (HIGH - v) * (height - 2 * pad) / (HIGH - LOW)

    out = [
        f'<svg class="pp-spark" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false">',
        f'<line class="pp-emo-zero" x1="0" x2="{width}" y1="{_num(y(0))}" y2="{_num(y(0))}" '
        'stroke="currentColor" stroke-opacity="0.35" stroke-dasharray="2 3"/>',
    ]
    for s in sorted(series, key=lambda s: not s.as_is):
        points = [(i, v) for i, v in enumerate(s.values) if v is not None and i < count]
        cls = f"pp-spark-series {colour_class(s.style)}" + (" pp-emo-asis" if s.as_is else "")
        out.append(f'<g class="{cls}">')
        if len(points) > 1:
            coords = " ".join(f"{_num(x(i))},{_num(y(v))}" for i, v in points)
            out.append(
                f'<polyline points="{coords}" fill="none" stroke="currentColor" '
                f'stroke-width="2" stroke-linejoin="round" stroke-linecap="round"{_dash_attr(s)}/>'
            )
        for i, v in points:
            out.append(
                f'<circle cx="{_num(x(i))}" cy="{_num(y(v))}" r="2.4" stroke="currentColor" '
                f'stroke-width="1.2"{_fill_attr(s)}/>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
