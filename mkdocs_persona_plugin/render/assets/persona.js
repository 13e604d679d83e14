/* Persona handbook: client-side gallery filters and the persona page's print button.
 *
 * Filters live in the URL query (?type=buyer&market=b2b&segment=…&tag=…&text=fin) so a
 * filtered view can be shared and survives a reload. The free text is "text", not "q":
 * Material opens its search overlay for any page whose URL has "?q=". Without JavaScript the whole gallery
 * shows and the filter form stays hidden. Works with Material's instant navigation
 * (re-run on every page through document$) and with any other theme (DOMContentLoaded).
 */
(function () {
  "use strict";

  var KEYS = ["type", "market", "segment", "tag", "text"];

  function fold(text) {
    return String(text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  function tagsOf(card) {
    if (!card._ppTags) {
      try {
        card._ppTags = JSON.parse(card.getAttribute("data-tags") || "[]");
      } catch (e) {
        card._ppTags = [];
      }
    }
    return card._ppTags;
  }

  function matches(card, state, skipType) {
    if (!skipType && state.type && card.getAttribute("data-type") !== state.type) return false;
    if (state.market && card.getAttribute("data-market") !== state.market) return false;
    if (state.segment && card.getAttribute("data-segment") !== state.segment) return false;
    if (state.tag && tagsOf(card).indexOf(state.tag) < 0) return false;
    if (state.text) {
      var text = fold(card.getAttribute("data-text"));
      var terms = fold(state.text).split(/\s+/);
      for (var i = 0; i < terms.length; i++) {
        if (terms[i] && text.indexOf(terms[i]) < 0) return false;
      }
    }
    return true;
  }

  function initGallery(root) {
    if (root.getAttribute("data-pp-ready")) return;
    root.setAttribute("data-pp-ready", "1");
    var form = root.querySelector("[data-pp-filters]");
    if (!form) return;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".pp-card[data-type]"));
    var input = form.querySelector("input[name=text]");
    var chips = Array.prototype.slice.call(form.querySelectorAll("[data-type-choice]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
    var count = root.querySelector("[data-pp-count]");
    var empty = root.querySelector("[data-pp-empty]");
    var clears = Array.prototype.slice.call(root.querySelectorAll("[data-pp-clear]"));
    var plural = null;
    try {
      plural = new Intl.PluralRules(root.getAttribute("data-plural") || "en");
    } catch (e) { /* a browser without Intl.PluralRules: one and other */ }
    function countText(n) {
      var category = plural ? plural.select(n) : n === 1 ? "one" : "other";
      var text = root.getAttribute("data-count-" + category) || root.getAttribute("data-count-other") || "{n}";
      return text.replace("{n}", String(n));
    }
    var state = { type: "", market: "", segment: "", tag: "", text: "" };

    function allowed(select, value) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) return true;
      }
      return false;
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      state.text = params.get("text") || "";
      var type = params.get("type") || "";
      state.type = chips.some(function (c) { return c.getAttribute("data-type-choice") === type; }) ? type : "";
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        state[select.name] = allowed(select, value) ? value : "";
      });
    }

    function writeControls() {
      if (input) input.value = state.text;
      chips.forEach(function (chip) {
        chip.setAttribute("aria-pressed", String(chip.getAttribute("data-type-choice") === state.type));
      });
      selects.forEach(function (select) { select.value = state[select.name]; });
    }

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      KEYS.forEach(function (key) {
        if (state[key]) params.set(key, state[key]);
        else params.delete(key);
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    }

    function apply() {
      var shown = 0;
      var perType = {};
      cards.forEach(function (card) {
        var visible = matches(card, state, false);
        card.hidden = !visible;
        if (visible) shown++;
        if (matches(card, state, true)) {
          var type = card.getAttribute("data-type");
          perType[type] = (perType[type] || 0) + 1;
          perType[""] = (perType[""] || 0) + 1;
        }
      });
      chips.forEach(function (chip) {
        var type = chip.getAttribute("data-type-choice");
        var badge = chip.querySelector("[data-pp-type-count]");
        if (badge) badge.textContent = String(perType[type] || 0);
      });
      if (count) count.textContent = countText(shown);
      if (empty) empty.hidden = shown > 0;
      var active = KEYS.some(function (key) { return state[key]; });
      clears.forEach(function (button) {
        if (!button.closest("[data-pp-empty]")) button.hidden = !active;
      });
      root.setAttribute("data-pp-filtered", active ? "true" : "false");
    }

    function update() {
      apply();
      writeUrl();
    }

    if (input) {
      input.addEventListener("input", function () {
        state.text = input.value.trim() ? input.value : "";
        update();
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && input.value) {
          input.value = "";
          state.text = "";
          update();
        }
      });
    }
    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        state.type = chip.getAttribute("data-type-choice") || "";
        writeControls();
        update();
      });
    });
    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        state[select.name] = select.value;
        update();
      });
    });
    clears.forEach(function (button) {
      button.addEventListener("click", function () {
        KEYS.forEach(function (key) { state[key] = ""; });
        writeControls();
        update();
        if (input) input.focus();
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    readUrl();
    writeControls();
    form.hidden = false;
    apply();
  }

  function initPrint(root) {
    var button = root.querySelector("[data-pp-print]");
    if (!button || button.getAttribute("data-pp-ready")) return;
    button.setAttribute("data-pp-ready", "1");
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pp-gallery]"), initGallery);
    Array.prototype.forEach.call(document.querySelectorAll(".pp-persona"), initPrint);
  }

  /* Material's and Zensical's instant navigation (document$) re-run init on every page. A
     page that carries this script in its content (mkdocs-persona generate) runs it again on
     each visit: subscribe once per window. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    var loaded = (window.ppScripts = window.ppScripts || {});
    if (!loaded.persona) {
      loaded.persona = true;
      window.document$.subscribe(init);
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
