/* Evidence markers (mkdocs-persona-plugin): Escape hides an open popover.
 *
 * A marker ([data-pp-ev]) shows its popover while hovered or focused (pure CSS, see
 * evidence.css). Content that appears on hover or focus must be dismissible without moving
 * the pointer or the focus (WCAG 1.4.13): Escape marks the marker closed until both the focus
 * and the pointer have left it. Without JavaScript the popover still shows and hides with hover and
 * focus, and the marker is a plain link to the source's entry.
 */
(function () {
  "use strict";

  function reopen(marker) {
    marker.removeAttribute("data-pp-ev-closed");
  }

  function onKey(event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var open = document.querySelectorAll("[data-pp-ev]:hover, [data-pp-ev]:focus-within");
    for (var i = 0; i < open.length; i++) {
      if (open[i].hasAttribute("data-pp-ev-closed")) continue;
      open[i].setAttribute("data-pp-ev-closed", "");
      event.stopPropagation();
    }
  }

  function onLeave(event) {
    var marker = event.target.closest ? event.target.closest("[data-pp-ev]") : null;
    if (!marker || !marker.hasAttribute("data-pp-ev-closed")) return;
    var next = event.relatedTarget;
    if (next && marker.contains(next)) return;
    /* Closed stays closed while the marker is still hovered or still focused. */
    if (event.type === "mouseout" && marker.contains(document.activeElement)) return;
    if (event.type === "focusout" && marker.matches(":hover")) return;
    reopen(marker);
  }

  /* Once per window: the listeners are on the document, so they also serve markers that
     instant navigation or the comparison script add later. */
  var loaded = (window.ppScripts = window.ppScripts || {});
  if (loaded.evidence) return;
  loaded.evidence = true;
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("focusout", onLeave);
  document.addEventListener("mouseout", onLeave);
})();
