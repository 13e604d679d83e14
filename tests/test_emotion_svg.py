"""The emotion curve, legend and sparkline markup (pure functions, no build)."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from mkdocs_persona_plugin.render import emotion_svg
from mkdocs_persona_plugin.render.emotion_svg import (
    HEIGHT,
    Series,
    describe,
    emotion_curve,
    emotion_y,
    format_emotion,
    legend,
    pct,
    sparkline,
    stage_x,
)

SVG = "{http://www.w3.org/2000/svg}"
STAGES = ["Trigger", "Research", "Shortlist", "Trial"]


def parse(markup: str) -> ET.Element:
    """The markup as XML (it must be well-formed to be valid inline SVG)."""
    return ET.fromstring(markup)


def points(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}use") if e.get("class") == "pp-emo-point"]


def test_scale_puts_plus_two_at_the_top_and_minus_two_at_the_bottom() -> None:
    ys = [emotion_y(v) for v in (2, 1, 0, -1, -2)]
    assert ys == sorted(ys)  # larger emotion, smaller y (higher up)
    assert ys[0] > 0 and ys[-1] < HEIGHT
    assert len({b - a for a, b in itertools.pairwise(ys)}) == 1  # evenly spaced


def test_stage_x_is_the_centre_of_each_equal_column() -> None:
    assert [stage_x(i, 4) for i in range(4)] == [12.5, 37.5, 62.5, 87.5]
    assert stage_x(0, 1) == 50.0
    assert pct(100 / 7) == "14.2857%"


def test_format_emotion_uses_a_real_minus_sign() -> None:
    assert [format_emotion(v) for v in (-2, -1, 0, 1, 2)] == ["−2", "−1", "0", "+1", "+2"]


def test_one_point_per_stage_with_data_at_the_right_place() -> None:
    series = [Series("Hannah", [-1, 0, None, 2], key="hannah")]
    root = parse(emotion_curve(STAGES, series, chart_id="c", title="T"))
    found = points(root)
    assert [(p.get("data-stage"), p.get("data-emotion")) for p in found] == [
        ("0", "-1"),
        ("1", "0"),
        ("3", "2"),
    ]
    assert [p.get("x") for p in found] == [pct(stage_x(i, 4)) for i in (0, 1, 3)]
    assert [float(p.get("y", "")) for p in found] == [emotion_y(v) for v in (-1, 0, 2)]
    # Consecutive points are joined; the gap over "Shortlist" is bridged by a fainter line.
    lines = [e for e in root.iter(f"{SVG}line") if "pp-emo-line" in (e.get("class") or "")]
    assert [e.get("class") for e in lines] == ["pp-emo-line", "pp-emo-line pp-emo-gap"]
    assert lines[1].get("x1") == pct(stage_x(1, 4)) and lines[1].get("x2") == pct(stage_x(3, 4))


def test_a_single_point_has_no_line() -> None:
    root = parse(
        emotion_curve(STAGES, [Series("A", [None, 1, None, None])], chart_id="c", title="T")
    )
    assert len(points(root)) == 1
    assert not [e for e in root.iter(f"{SVG}line") if "pp-emo-line" in (e.get("class") or "")]


def test_accessible_name_and_description() -> None:
    markup = emotion_curve(STAGES, [Series("Hannah", [-1, 0, 1, 2])], chart_id="x", title="Curve")
    root = parse(markup)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "x-title x-desc"
    assert root.find(f"{SVG}title").text == "Curve"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == (  # type: ignore[union-attr]
        "Emotion on a scale from −2 (very negative) to +2 (very positive), 4 stages. "
        "Hannah: starts at −1 (Trigger), lowest −1 at Trigger, highest +2 at Trial, "
        "ends at +2 (Trial)."
    )
    # Colours come from classes and currentColor, never hard-coded black.
    assert "#000" not in markup and "black" not in markup


def test_describe_mentions_gaps_and_empty_series() -> None:
    text = describe(STAGES, [Series("Ian", [None, None, -1, None]), Series("Paula", [None] * 4)])
    assert "Ian: −1 at Shortlist." in text
    assert "No data for Trigger, Research, Trial." in text
    assert "Paula: no emotion recorded." in text


def test_each_series_has_its_own_colour_marker_and_dash() -> None:
    series = [Series(n, [0, 1, 0, 1], style=i) for i, n in enumerate("ABC")]
    root = parse(emotion_curve(STAGES, series, chart_id="c", title="T"))
    groups = [g for g in root.iter(f"{SVG}g") if "pp-emo-series" in (g.get("class") or "")]
    assert [g.get("class") for g in groups] == [
        "pp-emo-series pp-series-0",
        "pp-emo-series pp-series-1",
        "pp-emo-series pp-series-2",
    ]
    hrefs = {p.get(f"{{{emotion_svg.XLINK}}}href") for p in points(root)}
    assert hrefs == {"#c-m0", "#c-m1", "#c-m2"}
    dashes = [next(e for e in g.iter(f"{SVG}line")).get("stroke-dasharray") for g in groups]
    assert len(set(dashes)) == 3


def test_as_is_curve_is_dashed_with_hollow_markers() -> None:
    series = [Series("Before", [0, -2, 1, -1], as_is=True), Series("After", [1, 1, 2, 1])]
    root = parse(emotion_curve(STAGES, series, chart_id="c", title="T"))
    groups = [g for g in root.iter(f"{SVG}g") if "pp-emo-series" in (g.get("class") or "")]
    assert groups[0].get("class") == "pp-emo-series pp-series-0 pp-emo-asis"
    first_line = next(groups[0].iter(f"{SVG}line"))
    assert first_line.get("stroke-dasharray") == emotion_svg.AS_IS_DASH
    assert {p.get("fill") for p in groups[0].iter(f"{SVG}use")} == {"none"}
    assert next(groups[1].iter(f"{SVG}line")).get("stroke-dasharray") is None
    assert {p.get("fill") for p in groups[1].iter(f"{SVG}use")} == {"currentColor"}


def test_moments_of_truth_are_highlighted_columns() -> None:
    root = parse(
        emotion_curve(STAGES, [Series("A", [0, 0, 0, 0])], chart_id="c", title="T", moments=[2])
    )
    rects = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "pp-emo-mot"]
    assert [(r.get("x"), r.get("width")) for r in rects] == [("50%", "25%")]


def test_hostile_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script>'
    markup = emotion_curve([evil, "B"], [Series(evil, [1, -1], key="k")], chart_id="c", title=evil)
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    root = parse(markup)  # still well-formed
    assert root.find(f"{SVG}title").text == evil  # type: ignore[union-attr]
    assert "<script>" not in legend([Series(evil, [1])])
    assert "&lt;script&gt;" in legend([Series(evil, [1])])


def test_legend_names_every_series_next_to_a_swatch() -> None:
    html = legend([Series("Hannah", [1], style=0), Series("Ian", [1], style=1)], label="Curves")
    assert html.startswith('<ul class="pp-emo-legend" aria-label="Curves">')
    assert re.findall(r"<span>([^<]*)</span>", html) == ["Hannah", "Ian"]
    assert html.count('aria-hidden="true"') == 2
    assert "pp-series-0" in html and "pp-series-1" in html


@pytest.mark.parametrize("count", [1, 5])
def test_sparkline_is_decorative_and_scaled(count: int) -> None:
    markup = sparkline([Series("A", [1] * count)], count)
    root = parse(markup)
    assert root.get("aria-hidden") == "true"
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == count
    assert len(list(root.iter(f"{SVG}polyline"))) == (1 if count > 1 else 0)


def test_sparkline_skips_missing_stages() -> None:
    root = parse(sparkline([Series("A", [1, None, -2])], 3, width=100, height=40))
    line = next(root.iter(f"{SVG}polyline"))
    assert line.get("points") == "5,12.5 95,35"
