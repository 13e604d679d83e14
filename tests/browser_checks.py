"""What every generated page must pass in the browser: helpers shared by the browser tests.

- :func:`axe_violations`: serious and critical axe-core findings in the page content;
- :func:`layout_shift`: the cumulative layout shift (CLS) while the page loads and its
  scripts run (record it with :func:`watch_layout_shift` before ``goto``);
- :func:`squeezed_text`: text squeezed into a column narrower than a readable width;
- :func:`sideways_overflow`: how far the page scrolls sideways.
"""

from __future__ import annotations

from typing import Any

from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
#: Light and dark palettes chosen by the browser's colour scheme.
PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default"},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
]
#: Narrower than this, a text column reads a syllable per line.
MIN_TEXT_WIDTH = 90


def offline(page: Any, base: str) -> None:
    """Answer requests to other hosts (web fonts) with an empty response."""
    page.route(
        "**/*",
        lambda route: route.continue_()
        if route.request.url.startswith(base)
        else route.fulfill(status=204, body=""),
    )


def axe_violations(page: Any, include: str = ".md-content") -> list[str]:
    """Serious and critical axe-core violations inside ``include`` (the page content)."""
    if not AXE.is_file():
        raise AssertionError("axe-core is missing: run scripts/test (npm install)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "sel => axe.run({include: [[sel]]}, {resultTypes: ['violations']})", include
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


_WATCH = """
window.__ppShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__ppShift += entry.value;
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def watch_layout_shift(page: Any) -> None:
    """Start recording layout shifts on every document the page loads from now on."""
    page.add_init_script(_WATCH)


def layout_shift(page: Any, settle_ms: int = 800) -> float:
    """The cumulative layout shift so far, after letting scripts settle."""
    page.wait_for_timeout(settle_ms)
    return float(page.evaluate("window.__ppShift || 0"))


def squeezed_text(page: Any, min_width: int = MIN_TEXT_WIDTH) -> list[str]:
    """Text that wraps onto three or more lines inside a column narrower than ``min_width``."""
    found: list[str] = page.evaluate(
        """min => {
          const out = [];
          const root = document.querySelector('.md-content') || document.body;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const text = node.textContent.trim();
            if (text.length < 8) continue;
            const style = getComputedStyle(node.parentElement);
            if (style.visibility === 'hidden' || style.display === 'none') continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            if (!rects.length) continue;
            const tops = new Set(rects.map(r => Math.round(r.top)));
            const left = Math.min(...rects.map(r => r.left));
            const width = Math.max(...rects.map(r => r.right)) - left;
            if (tops.size >= 3 && width < min) {
              out.push(`${text.slice(0, 40)} (${Math.round(width)} px)`);
            }
          }
          return out;
        }""",
        min_width,
    )
    return found


def sideways_overflow(page: Any) -> int:
    """How many pixels the page is wider than the window (0: no sideways scroll)."""
    return int(
        page.evaluate(
            "Math.max(0, document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth)"
        )
    )
