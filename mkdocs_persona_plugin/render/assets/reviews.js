/* Review tracker and review banners (mkdocs-persona-plugin).
 *
 * 1. Banners ([data-pp-review-banner]) on persona and journey pages, and the compact status
 *    line ([data-pp-review-status]) at the top of persona pages: the build wrote them as of
 *    the build date. When the site is read later, the state is recomputed from the data-*
 *    attributes with today's date (UTC, like the build): a hidden banner is shown once the item
 *    becomes due, and the text is updated only when it changed (no flicker otherwise).
 * 2. The tracker page ([data-pp-tracker]): the same recomputation for every row and count, an
 *    owner filter (?owner=@team), a grouped-by-owner view (?view=owner) and the count tiles,
 *    toggle buttons that show one state only (?state=overdue), and the "evidence stale" tile
 *    that shows only personas whose research is too old (?evidence=stale).
 * 3. "Evidence stale" on persona pages ([data-pp-evidence-stale]: the line at the top and the
 *    note in the research section) and on tracker rows (data-evidence-stale-from): a
 *    persona's evidence is stale from a fixed day (data-stale-from, computed by the build
 *    from its newest research date and evidence_max_age), so a later reader sees it become
 *    stale. It is shown next to the review state, never instead of it.
 * Every visible string comes from data-msg-* attributes (translated at build time); dates are
 * written with the data-date-* attributes (pattern, month texts), exactly as the build writes
 * them (Strings.date in strings.py), and texts with a number take the plural form that
 * Intl.PluralRules picks for data-plural (the build uses the same CLDR rules), so an unchanged
 * state never changes the text.
 * Without JavaScript the pages show the state as of the build date.
 */
(function () {
  "use strict";

  var DAY = 86400000;

  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function todayUTC() {
    var now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  /* A YYYY-MM-DD day as the page's language writes it ("29 November 2026", "29. November
     2026", "2026年11月29日"…), from the data-date-* attributes of `el` (formats.DateFormat);
     the ISO text when they are missing. */
  function formatDate(el, iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    var pattern = el.getAttribute("data-date-pattern");
    var months = (el.getAttribute("data-date-months") || "").split("|");
    if (!m || !pattern || months.length !== 12) return iso || "";
    return format(pattern, {
      day: String(+m[3]),
      day2: m[3],
      month: months[+m[2] - 1],
      year: String(+m[1]),
      year2: m[1].slice(-2)
    });
  }

  /* The CLDR plural category of `n` ("one", "few", "other"…) in the language of data-plural. */
  var pluralRules = {};
  function pluralCategory(el, n) {
    var lang = el.getAttribute("data-plural") || "en";
    try {
      if (!pluralRules[lang]) pluralRules[lang] = new Intl.PluralRules(lang);
      return pluralRules[lang].select(n);
    } catch (e) {
      return n === 1 ? "one" : "other";
    }
  }

  /* The state of an item on day `today` (same rule as reviews.review_status). */
  function stateOf(el, today) {
    var next = parseDay(el.getAttribute("data-next-review"));
    var soon = parseInt(el.getAttribute("data-due-soon-days") || "0", 10) || 0;
    if (isNaN(next)) return null;
    var days = Math.round((next - today) / DAY);
    var state = days < 0 ? "overdue" : days <= soon ? "due-soon" : "current";
    return { state: state, days: days, next: isoDay(next) };
  }

  function duration(msg, days) {
    return msg.plural("days", days);
  }

  /* msg(key): the data-msg-<key> text of `el`; msg.plural(key, n, values): the form of
     data-msg-<key>-<category> for `n` (else -other), filled with n and `values`. */
  function messages(el) {
    function msg(key) {
      return el.getAttribute("data-msg-" + key) || "";
    }
    msg.plural = function (key, n, values) {
      var text = msg(key + "-" + pluralCategory(el, n)) || msg(key + "-other");
      var all = { n: n };
      for (var name in values || {}) all[name] = values[name];
      return format(text, all);
    };
    return msg;
  }

  /* Banners ------------------------------------------------------------------------------ */
  function bannerText(el, info) {
    var msg = messages(el);
    var owner = el.getAttribute("data-owner");
    var ownerText = owner ? format(msg("owner"), { owner: owner }) : "";
    if (info.state === "overdue") {
      return format(msg("overdue"), {
        last: formatDate(el, el.getAttribute("data-last-reviewed")),
        duration: duration(msg, -info.days),
      }) + ownerText;
    }
    var when = info.days === 0 ? msg("today") : format(msg("due-in"), { duration: duration(msg, info.days) });
    return format(msg("due-soon"), { when: when, next: formatDate(el, info.next) }) + ownerText;
  }

  function updateBanner(el, today) {
    var info = stateOf(el, today);
    if (!info) return;
    var before = el.getAttribute("data-state");
    if (info.state === "current") {
      if (before !== "current") {
        el.hidden = true;
        el.setAttribute("data-state", "current");
      }
      return;
    }
    var text = bannerText(el, info);
    var textEl = el.querySelector("[data-pp-text]");
    var labelEl = el.querySelector("[data-pp-label]");
    if (textEl && textEl.textContent !== text) textEl.textContent = text;
    var label = el.getAttribute("data-msg-label-" + info.state) || "";
    if (labelEl && labelEl.textContent !== label) labelEl.textContent = label;
    if (before !== info.state) {
      el.classList.remove("pp-review-banner--" + before);
      el.classList.add("pp-review-banner--" + info.state);
      el.setAttribute("data-state", info.state);
    }
    if (el.hidden) el.hidden = false;
  }

  /* The status line: "Last reviewed 2 May 2025 — review overdue, owner @x · What to do". */
  function statusText(el, info) {
    var msg = messages(el);
    var owner = el.getAttribute("data-owner");
    var last = formatDate(el, el.getAttribute("data-last-reviewed"));
    var when = info.days === 0 ? msg("today") : format(msg("due-in"), { duration: duration(msg, info.days) });
    var text = format(msg(info.state), { last: last, when: when });
    return text + (owner ? format(msg("owner"), { owner: owner }) : "");
  }

  function updateStatus(el, today) {
    var info = stateOf(el, today);
    if (!info) return;
    var text = statusText(el, info);
    var textEl = el.querySelector("[data-pp-text]");
    if (textEl && textEl.textContent !== text) textEl.textContent = text;
    var before = el.getAttribute("data-state");
    if (before !== info.state) {
      el.classList.remove("pp-review-status--" + before);
      el.classList.add("pp-review-status--" + info.state);
      el.setAttribute("data-state", info.state);
      var dot = el.querySelector("[data-pp-dot]");
      if (dot) {
        dot.classList.remove("pp-review-dot-" + before);
        dot.classList.add("pp-review-dot-" + info.state);
      }
    }
    var more = el.querySelector("[data-pp-more]");
    var due = info.state !== "current";
    if (more && more.hidden === due) more.hidden = !due;
  }

  /* Evidence ----------------------------------------------------------------------------- */
  function evidenceStale(el, today, attribute) {
    var from = parseDay(el.getAttribute(attribute || "data-stale-from"));
    return !isNaN(from) && today >= from;
  }

  function updateEvidence(el, today) {
    var stale = evidenceStale(el, today);
    if (el.hidden === stale) el.hidden = !stale;
  }

  /* Tracker ------------------------------------------------------------------------------ */
  function ownerKey(owner) {
    return String(owner || "").trim().replace(/^@+/, "").toLowerCase();
  }

  function updateRows(root, today) {
    var msg = messages(root);
    var rows = root.querySelectorAll("[data-pp-row]");
    var counts = { overdue: 0, "due-soon": 0, current: 0 };
    var items = root.querySelectorAll(".pp-tracker-count[data-state]");
    var staleCount = 0;
    for (var j = 0; j < items.length; j++) {
      if (Object.prototype.hasOwnProperty.call(counts, items[j].getAttribute("data-state"))) continue;
      counts[items[j].getAttribute("data-state")] = null; /* not recomputed: never reviewed, retired */
    }
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (row.hasAttribute("data-evidence-stale-from")) {
        var stale = evidenceStale(row, today, "data-evidence-stale-from");
        row.setAttribute("data-evidence", stale ? "stale" : "fresh");
        var evidenceBadge = row.querySelector("[data-pp-evidence-badge]");
        if (evidenceBadge && evidenceBadge.hidden === stale) evidenceBadge.hidden = !stale;
        if (stale) staleCount += 1;
      }
      var info = stateOf(row, today);
      if (!info) continue;
      counts[info.state] += 1;
      var when =
        info.days < 0 ? format(msg("overdue-by"), { duration: duration(msg, -info.days) })
        : info.days === 0 ? msg("due-today")
        : format(msg("due-in"), { duration: duration(msg, info.days) });
      var whenEl = row.querySelector("[data-pp-when]");
      if (whenEl && whenEl.textContent !== when) whenEl.textContent = when;
      var before = row.getAttribute("data-state");
      if (before !== info.state) {
        row.setAttribute("data-state", info.state);
        row.classList.remove("pp-tracker-row--" + before);
        row.classList.add("pp-tracker-row--" + info.state);
        var badge = row.querySelector("[data-pp-badge]");
        if (badge) {
          badge.classList.remove("pp-review-badge--" + before);
          badge.classList.add("pp-review-badge--" + info.state);
          badge.textContent = msg("state-" + info.state);
        }
      }
    }
    for (var k = 0; k < items.length; k++) {
      var state = items[k].getAttribute("data-state");
      var n = items[k].querySelector("[data-pp-count]");
      if (n && counts[state] != null) n.textContent = String(counts[state]);
    }
    var staleTile = root.querySelector("[data-pp-evidence-tile] [data-pp-count]");
    if (staleTile) staleTile.textContent = String(staleCount);
    var asof = root.querySelector("[data-pp-asof] time");
    if (asof) {
      asof.setAttribute("datetime", isoDay(today));
      asof.textContent = format(msg("as-of-live"), {
        date: formatDate(root, isoDay(today)),
        built: formatDate(root, root.getAttribute("data-today"))
      });
    }
  }

  function readParams() {
    var params = new URLSearchParams(window.location.search);
    return {
      owner: params.get("owner") || "",
      view: params.get("view") === "owner" ? "owner" : "date",
      only: params.get("state") || "",
      evidence: params.get("evidence") === "stale"
    };
  }

  function writeParams(owner, view, only, evidence) {
    var url = new URL(window.location.href);
    if (owner) url.searchParams.set("owner", owner);
    else url.searchParams.delete("owner");
    if (view === "owner") url.searchParams.set("view", "owner");
    else url.searchParams.delete("view");
    if (only) url.searchParams.set("state", only);
    else url.searchParams.delete("state");
    if (evidence) url.searchParams.set("evidence", "stale");
    else url.searchParams.delete("evidence");
    /* Keep "@" readable in the address bar: ?owner=@team */
    var search = url.search.replace(/%40/g, "@");
    window.history.replaceState(window.history.state, "", url.pathname + search + url.hash);
  }

  function initTracker(root) {
    if (root.getAttribute("data-pp-ready")) return;
    root.setAttribute("data-pp-ready", "1");
    var msg = messages(root);
    var today = todayUTC();
    var built = parseDay(root.getAttribute("data-today"));
    if (!isNaN(built) && today > built) {
      updateRows(root, today);
    }
    var controls = root.querySelector("[data-pp-controls]");
    var table = root.querySelector("[data-pp-table]");
    if (!controls || !table) return;
    var select = controls.querySelector("[data-pp-owner]");
    var buttons = controls.querySelectorAll("[data-pp-view]");
    var shown = controls.querySelector("[data-pp-shown]");
    var mainBody = table.querySelector("[data-pp-rows]");
    var rows = Array.prototype.slice.call(table.querySelectorAll("[data-pp-row]"));
    var retired = root.querySelector("[data-pp-retired]");
    var retiredRows = Array.prototype.slice.call(root.querySelectorAll("[data-pp-retired-row]"));
    var columns = table.querySelectorAll("thead th").length;
    var groupBodies = [];
    var tiles = root.querySelectorAll("[data-pp-state-filter]");
    var staleTile = root.querySelector("[data-pp-evidence-filter]");
    var only = "";

    function shows(row, owner) {
      return matches(row, owner) && (!only || row.getAttribute("data-state") === only) &&
        (!state.evidence || row.getAttribute("data-evidence") === "stale");
    }

    function matches(row, owner) {
      if (!owner) return true;
      if (owner === "-") return !row.getAttribute("data-owner");
      return ownerKey(row.getAttribute("data-owner")) === ownerKey(owner);
    }

    function clearGroups() {
      rows.forEach(function (row) { mainBody.appendChild(row); });
      groupBodies.forEach(function (body) { body.parentNode.removeChild(body); });
      groupBodies = [];
      mainBody.hidden = false;
    }

    function buildGroups(owner) {
      var groups = [];
      var byKey = {};
      rows.forEach(function (row) {
        if (!shows(row, owner)) return;
        var name = row.getAttribute("data-owner") || "";
        var key = name ? ownerKey(name) : "\uffff";
        if (!byKey[key]) {
          byKey[key] = { key: key, name: name, rows: [] };
          groups.push(byKey[key]);
        }
        byKey[key].rows.push(row);
      });
      groups.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
      groups.forEach(function (group) {
        var body = document.createElement("tbody");
        body.className = "pp-tracker-group";
        var head = document.createElement("tr");
        head.className = "pp-tracker-group-head";
        var th = document.createElement("th");
        th.scope = "rowgroup";
        th.colSpan = columns;
        var name = group.name || msg("no-owner");
        th.textContent = msg.plural("group", group.rows.length, { owner: name });
        head.appendChild(th);
        body.appendChild(head);
        group.rows.forEach(function (row) { body.appendChild(row); });
        table.appendChild(body);
        groupBodies.push(body);
      });
      mainBody.hidden = true;
    }

    function apply(owner, view) {
      clearGroups();
      var count = 0;
      /* The summary counts follow the owner filter, so an owner sees the size of their own
         queue; the state filter (a tile) only chooses which rows are shown. */
      var counts = { overdue: 0, "due-soon": 0, current: 0, unscheduled: 0, retired: 0 };
      var stale = 0;
      rows.forEach(function (row) {
        var st = row.getAttribute("data-state");
        if (matches(row, owner) && Object.prototype.hasOwnProperty.call(counts, st)) counts[st] += 1;
        if (matches(row, owner) && row.getAttribute("data-evidence") === "stale") stale += 1;
        var ok = shows(row, owner);
        row.hidden = !ok;
        if (ok) count += 1;
      });
      var retiredShown = 0;
      retiredRows.forEach(function (row) {
        var ok = matches(row, owner);
        if (ok) counts.retired += 1;
        ok = ok && (!only || only === "retired") && !state.evidence;
        row.hidden = !ok;
        if (ok) retiredShown += 1;
      });
      if (retired) retired.hidden = retiredRows.length > 0 && retiredShown === 0;
      for (var t = 0; t < tiles.length; t++) {
        tiles[t].setAttribute("aria-pressed", String(tiles[t].getAttribute("data-pp-state-filter") === only));
      }
      if (staleTile) {
        staleTile.setAttribute("aria-pressed", String(state.evidence));
        var staleN = staleTile.querySelector("[data-pp-count]");
        if (staleN) staleN.textContent = String(stale);
      }
      var boxes = root.querySelectorAll(".pp-tracker-count[data-state]");
      for (var c = 0; c < boxes.length; c++) {
        var n = boxes[c].querySelector("[data-pp-count]");
        var key = boxes[c].getAttribute("data-state");
        if (n && Object.prototype.hasOwnProperty.call(counts, key)) n.textContent = String(counts[key]);
      }
      if (view === "owner") buildGroups(owner);
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-pp-view") === view));
      }
      if (shown) {
        shown.textContent = owner || only || state.evidence
          ? format(msg("shown"), { shown: count, total: rows.length }) : "";
      }
    }

    var state = readParams();
    for (var s = 0; s < tiles.length; s++) {
      if (tiles[s].getAttribute("data-pp-state-filter") === state.only) only = state.only;
    }
    state.only = only;
    /* An owner from the URL that is not in the list: match it anyway, case-insensitively. */
    var found = false;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value && ownerKey(select.options[i].value) === ownerKey(state.owner)) {
        select.selectedIndex = i;
        state.owner = select.options[i].value;
        found = true;
      }
    }
    if (!found) {
      if (state.owner) {
        var extra = document.createElement("option");
        extra.value = state.owner;
        extra.textContent = state.owner;
        select.appendChild(extra);
        select.value = state.owner;
      } else {
        select.value = "";
      }
    }
    select.addEventListener("change", function () {
      state.owner = select.value;
      writeParams(state.owner, state.view, state.only, state.evidence);
      apply(state.owner, state.view);
    });
    for (var b = 0; b < buttons.length; b++) {
      buttons[b].addEventListener("click", function (event) {
        state.view = event.currentTarget.getAttribute("data-pp-view") === "owner" ? "owner" : "date";
        writeParams(state.owner, state.view, state.only, state.evidence);
        apply(state.owner, state.view);
      });
    }
    for (var f = 0; f < tiles.length; f++) {
      tiles[f].addEventListener("click", function (event) {
        var chosen = event.currentTarget.getAttribute("data-pp-state-filter") || "";
        only = state.only = only === chosen ? "" : chosen;
        writeParams(state.owner, state.view, state.only, state.evidence);
        apply(state.owner, state.view);
      });
      tiles[f].disabled = false;
    }
    if (staleTile) {
      staleTile.addEventListener("click", function () {
        state.evidence = !state.evidence;
        writeParams(state.owner, state.view, state.only, state.evidence);
        apply(state.owner, state.view);
      });
      staleTile.disabled = false;
    } else {
      state.evidence = false;
    }
    controls.hidden = false;
    apply(state.owner, state.view);
  }

  function init() {
    var today = todayUTC();
    var banners = document.querySelectorAll("[data-pp-review-banner]");
    for (var i = 0; i < banners.length; i++) {
      var built = parseDay(banners[i].getAttribute("data-today"));
      /* Only later than the build: the server-rendered banner is right on the build day. */
      if (!isNaN(built) && today > built) updateBanner(banners[i], today);
    }
    var lines = document.querySelectorAll("[data-pp-review-status]");
    for (var k = 0; k < lines.length; k++) {
      var day = parseDay(lines[k].getAttribute("data-today"));
      if (!isNaN(day) && today > day) updateStatus(lines[k], today);
    }
    var notes = document.querySelectorAll("[data-pp-evidence-stale]");
    for (var e = 0; e < notes.length; e++) {
      var on = parseDay(notes[e].getAttribute("data-today"));
      if (!isNaN(on) && today > on) updateEvidence(notes[e], today);
    }
    var trackers = document.querySelectorAll("[data-pp-tracker]");
    for (var j = 0; j < trackers.length; j++) initTracker(trackers[j]);
  }

  /* Material's and Zensical's instant navigation (document$) re-run init on every page. A
     page that carries this script in its content (mkdocs-persona generate) runs it again on
     each visit: subscribe once per window. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    var loaded = (window.ppScripts = window.ppScripts || {});
    if (!loaded.reviews) {
      loaded.reviews = true;
      window.document$.subscribe(init);
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
