/* Journey maps: the "fit to width" switch.
 *
 * The switch is a plain checkbox: CSS alone (:has) switches the map to its compact layout,
 * so it works with the keyboard and without this script. The script only remembers the
 * choice across pages and reloads (localStorage) and hides the switch (visibility, so
 * nothing moves) while the whole map fits without it. Works with Material's instant
 * navigation (document$) and with any other theme (DOMContentLoaded).
 */
(function () {
  "use strict";

  var KEY = "pp-journey-fit";

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (e) {
      return false;
    }
  }

  function store(on) {
    try {
      if (on) {
        window.localStorage.setItem(KEY, "1");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (e) {
      /* storage may be disabled: the switch still works for this page */
    }
  }

  function initSection(section) {
    var input = section.querySelector("[data-pp-fit]");
    var scroll = section.querySelector(".pp-jmap-scroll");
    if (!input || !scroll || section.hasAttribute("data-pp-fit-ready")) {
      return;
    }
    section.setAttribute("data-pp-fit-ready", "");

    function update() {
      // Needed only while the map is wider than its box (or to switch back).
      var fits = !input.checked && scroll.scrollWidth <= scroll.clientWidth + 1;
      if (fits) {
        section.setAttribute("data-pp-fits", "");
      } else {
        section.removeAttribute("data-pp-fits");
      }
    }

    if (stored()) {
      input.checked = true;
    }
    input.addEventListener("change", function () {
      store(input.checked);
      update();
    });
    if (typeof window.ResizeObserver === "function") {
      new window.ResizeObserver(update).observe(scroll);
    } else {
      window.addEventListener("resize", update);
    }
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".pp-jmap-section"), initSection);
  }

  /* Material's and Zensical's instant navigation (document$) re-run init on every page. A
     page that carries this script in its content (mkdocs-persona generate) runs it again on
     each visit: subscribe once per window. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    var loaded = (window.ppScripts = window.ppScripts || {});
    if (!loaded.journey) {
      loaded.journey = true;
      window.document$.subscribe(init);
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
