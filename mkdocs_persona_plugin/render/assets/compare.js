/* Side-by-side persona comparison (mkdocs-persona-plugin).
 *
 * Runs only on the comparison page ([data-pp-compare]). Fetches compare-data.json once,
 * lets the reader pick 2-4 personas (kept in the address as ?p=id,id so a comparison can be
 * linked, reloaded and navigated with back/forward) and draws the same table as the static
 * template persona/compare_table.html: buildModel() mirrors persona_data.compare_model().
 *
 * Safety: names, labels and other plain text are set with textContent; only the
 * pre-rendered, already-escaped item HTML from the data file (an item's text and its
 * evidence marker) is assigned to innerHTML.
 */
(function () {
  "use strict";

  var TABLE_ID = "pp-cmp";

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "html") node.innerHTML = value; /* pre-rendered safe HTML only */
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* The comparison model: the same rules as persona_data.compare_model(). */
  var SECTIONS = ["demographics", "role", "goals", "challenges", "motivations", "needs",
    "objections", "channels", "tools", "messaging", "research"];

  /* Mirrors persona_data.default_key(): the key of a cell that does not carry one. */
  var QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb";
  function stripQuotes(text) {
    var start = 0;
    var end = text.length;
    while (start < end && QUOTES.indexOf(text.charAt(start)) >= 0) start += 1;
    while (end > start && QUOTES.indexOf(text.charAt(end - 1)) >= 0) end -= 1;
    return text.slice(start, end);
  }
  function defaultKey(html) {
    var text = stripQuotes(html.replace(/\s+/g, " ").trim()).trim();
    return text.replace(/[\s.,;:!?\u2026]+$/, "").toLowerCase();
  }
  function cellKey(cell) {
    return cell.length > 1 ? cell[1] : defaultKey(cell[0]);
  }

  function buildModel(records, titles) {
    var names = records.map(function (r) { return r.name; });
    var order = {};
    var byPersona = records.map(function (record) {
      var values = {};
      record.sections.forEach(function (section) {
        var key = section[0];
        if (!order[key]) order[key] = [];
        section[1].forEach(function (row) {
          var rowKey = row[0] + "\u0000" + row[1];
          values[key + "\u0000" + rowKey] = row[2];
          if (order[key].indexOf(rowKey) < 0) order[key].push(rowKey);
        });
      });
      return values;
    });
    var sections = [];
    SECTIONS.forEach(function (key) {
      if (!order[key]) return;
      var rows = order[key].map(function (rowKey) {
        var parts = rowKey.split("\u0000");
        var label = parts[0];
        var kind = parts[1];
        var cells = byPersona.map(function (values) {
          var value = values[key + "\u0000" + rowKey];
          if (value === undefined) return { items: [], kind: kind };
          var list = kind === "v" ? [value] : value;
          return {
            kind: kind,
            items: list.map(function (item) {
              return { html: item[0], key: cellKey(item), marker: item[2] || "", sharedWith: [] };
            })
          };
        });
        var row = { label: label, kind: kind, cells: cells, shared: false, differs: false };
        if (kind === "v") {
          var keys = {};
          var full = true;
          cells.forEach(function (cell) {
            if (!cell.items.length) full = false;
            else keys[cell.items[0].key] = true;
          });
          row.shared = cells.length > 1 && full && Object.keys(keys).length === 1;
          row.differs = cells.length > 1 && !row.shared;
        } else {
          cells.forEach(function (cell, i) {
            cell.items.forEach(function (item) {
              cells.forEach(function (other, j) {
                if (j === i) return;
                var has = other.items.some(function (o) { return o.key === item.key; });
                if (has) item.sharedWith.push(names[j]);
              });
            });
          });
        }
        var counts = overlap(cells);
        row.common = counts[0];
        row.total = counts[1];
        row.overlap = kind === "l" && cells.length > 1 && row.total > 0;
        return row;
      });
      sections.push({ key: key, title: titles[key] || key, rows: rows });
    });
    return sections;
  }

  /* Mirrors persona_data._overlap(): [distinct items more than one persona has, all]. */
  function overlap(cells) {
    var seen = {};
    var order = [];
    cells.forEach(function (cell) {
      var mine = {};
      cell.items.forEach(function (item) {
        if (mine[item.key]) return;
        mine[item.key] = true;
        if (!seen[item.key]) { seen[item.key] = 0; order.push(item.key); }
        seen[item.key] += 1;
      });
    });
    var common = order.filter(function (key) { return seen[key] > 1; }).length;
    return [common, order.length];
  }

  /* Mirrors persona_data.key_differences(). */
  var KEY_SECTIONS = ["goals", "objections", "channels", "messaging"];
  function keyDifferences(records, sections) {
    if (records.length < 2) return [];
    var types = {};
    records.forEach(function (r) { types[r.type] = true; });
    var result = [{
      key: "type",
      same: Object.keys(types).length === 1,
      types: records.map(function (r) { return [r.name, r.type, r.typeLabel]; })
    }];
    KEY_SECTIONS.forEach(function (key) {
      var section = sections.filter(function (s) { return s.key === key; })[0];
      if (!section) return;
      var common = 0;
      var total = 0;
      section.rows.forEach(function (row) {
        var counts = overlap(row.cells);
        common += counts[0];
        total += counts[1];
      });
      if (total) result.push({ key: key, title: section.title, common: common, total: total });
    });
    if (records.some(function (r) { return r.evidence; })) {
      result.push({
        key: "evidence",
        personas: records.map(function (r) {
          return [r.name, r.evidence ? r.evidence.text : null, !!(r.evidence && r.evidence.stale)];
        })
      });
    }
    return result;
  }

  function typeBadge(type, label) {
    return el("span", { className: "pp-cmp-type pp-cmp-type-" + type, text: label });
  }

  function renderKeys(keys, S) {
    var list = el("dl", { className: "pp-cmp-keys-list" });
    keys.forEach(function (k) {
      var dd;
      if (k.key === "type") {
        if (k.same) {
          dd = el("dd", {}, [S["compare.keys_same"] + " ", typeBadge(k.types[0][1], k.types[0][2])]);
        } else {
          dd = el("dd", {}, [el("ul", { className: "pp-cmp-key-types" }, k.types.map(function (t) {
            return el("li", {}, [t[0] + " ", typeBadge(t[1], t[2])]);
          }))]);
        }
        list.appendChild(el("div", { className: "pp-cmp-key pp-cmp-key-type" }, [el("dt", { text: S.type }), dd]));
      } else if (k.key === "evidence") {
        dd = el("dd", {}, [el("ul", { className: "pp-cmp-key-types" }, k.personas.map(function (p) {
          return el("li", {}, [
            p[0] + S.label_colon,
            p[1] ? p[1] : el("span", { className: "pp-none", text: S.none }),
            p[2] ? " " : null,
            p[2] ? el("span", { className: "pp-evidence-badge", text: S["evidence.stale"] }) : null
          ]);
        }))]);
        list.appendChild(el("div", { className: "pp-cmp-key pp-cmp-key-evidence" }, [
          el("dt", { text: S["evidence.heading"] }), dd
        ]));
      } else {
        list.appendChild(el("div", { className: "pp-cmp-key pp-cmp-key-" + k.key + (k.common ? "" : " pp-cmp-key-none") }, [
          el("dt", { text: k.title }),
          el("dd", { text: fmt(S["compare.keys_common"], { n: k.common, total: k.total }) })
        ]));
      }
    });
    return el("section", { className: "pp-cmp-keys", "aria-labelledby": TABLE_ID + "-keys" }, [
      el("h2", { className: "pp-cmp-keys-title", id: TABLE_ID + "-keys", text: S["compare.keys"] }),
      list
    ]);
  }

  function overlapNote(row, S) {
    return el("span", {
      className: "pp-cmp-overlap", text: fmt(S["compare.keys_common"], { n: row.common, total: row.total })
    });
  }

  function sharedCount(sections) {
    var count = 0;
    sections.forEach(function (section) {
      section.rows.forEach(function (row) {
        if (row.kind === "v") {
          if (row.shared) count += 1;
          return;
        }
        var keys = {};
        row.cells.forEach(function (cell) {
          cell.items.forEach(function (item) { if (item.sharedWith.length) keys[item.key] = true; });
        });
        count += Object.keys(keys).length;
      });
    });
    return count;
  }

  /* The table: the same markup as templates/persona/compare_table.html. */
  function renderTable(records, S, titles) {
    var sections = buildModel(records, titles);
    var shared = sharedCount(sections);
    var n = records.length;
    var view = el("div", { className: "pp-cmp-view" });
    var keys = keyDifferences(records, sections);
    if (keys.length) view.appendChild(renderKeys(keys, S));
    if (shared) {
      view.appendChild(el("input", { type: "checkbox", className: "pp-cmp-diff", id: TABLE_ID + "-diff" }));
      view.appendChild(el("label", {
        className: "pp-cmp-diff-label", "for": TABLE_ID + "-diff", text: fmt(S["compare.hide_shared"], { n: shared })
      }));
    }
    var table = el("table", { className: "pp-cmp-table pp-cmp-n" + n, id: TABLE_ID, style: "--pp-n: " + n });
    table.appendChild(el("caption", {
      id: TABLE_ID + "-caption", className: "pp-visually-hidden",
      text: fmt(S["compare.caption"], { names: records.map(function (r) { return r.name; }).join(", ") })
    }));
    var headRow = el("tr");
    records.forEach(function (r, i) {
      var avatar = r.avatar
        ? el("img", { className: "pp-cmp-avatar", src: r.avatar, alt: "", width: 64, height: 64, loading: "lazy" })
        : el("span", { className: "pp-cmp-avatar pp-cmp-initials", "aria-hidden": "true", text: r.initials });
      if (!r.avatar) avatar.style.backgroundColor = r.colour;
      headRow.appendChild(el("th", { scope: "col", id: TABLE_ID + "-p" + i, className: "pp-cmp-head", "data-persona": r.id }, [
        el("div", { className: "pp-cmp-card" }, [
          avatar, el("a", { className: "pp-cmp-name", href: r.url, text: r.name }), typeBadge(r.type, r.typeLabel)
        ])
      ]));
    });
    table.appendChild(el("thead", {}, [headRow]));
    var profileRow = el("tr");
    records.forEach(function (r, i) {
      var badges = r.status === "active" ? null : el("span", { className: "pp-cmp-badges" }, [
        el("span", { className: "pp-cmp-status pp-cmp-status-" + r.status, text: r.statusLabel })
      ]);
      profileRow.appendChild(el("td", { headers: TABLE_ID + "-p" + i, className: "pp-cmp-profile-cell" }, [
        badges,
        r.tagline ? el("span", { className: "pp-cmp-tagline", html: r.tagline }) : null,
        r.meta.length ? el("span", { className: "pp-cmp-meta", text: r.meta.join(" · ") }) : null
      ]));
    });
    table.appendChild(el("tbody", { className: "pp-cmp-profile" }, [profileRow]));
    sections.forEach(function (section, si) {
      var sid = TABLE_ID + "-s" + si;
      var lead = section.rows[0];
      var head = el("th", { scope: "colgroup", colspan: n, id: sid, text: section.title });
      if (lead && !lead.label && lead.overlap) head.append(" ", overlapNote(lead, S));
      var body = el("tbody", { className: "pp-cmp-section pp-cmp-section-" + section.key }, [
        el("tr", { className: "pp-cmp-section-head" }, [head])
      ]);
      section.rows.forEach(function (row, ri) {
        var rid = sid + "-r" + ri;
        var sharedClass = row.shared ? " pp-shared" : "";
        if (row.label) {
          var label = el("th", { scope: "colgroup", colspan: n, id: rid, className: "pp-cmp-label", text: row.label });
          if (row.shared) {
            label.appendChild(document.createTextNode(" "));
            label.appendChild(el("span", { className: "pp-badge-shared", text: S["compare.shared"] }));
            label.appendChild(el("span", { className: "pp-visually-hidden", text: " " + S["compare.shared_all"] }));
          } else if (row.differs) {
            label.append(" ", el("span", { className: "pp-badge-differs", "aria-hidden": "true", text: S["compare.differs"] }));
          } else if (row.overlap) {
            label.append(" ", overlapNote(row, S));
          }
          body.appendChild(el("tr", { className: "pp-cmp-label-row" + sharedClass }, [label]));
        }
        var tr = el("tr", { className: "pp-cmp-row" + sharedClass });
        row.cells.forEach(function (cell, ci) {
          var headers = TABLE_ID + "-p" + ci + " " + sid + (row.label ? " " + rid : "");
          var td = el("td", {
            headers: headers,
            className: "pp-cmp-cell" + (cell.items.length ? "" : " pp-cmp-empty") + (row.differs ? " pp-cmp-differs" : "")
          });
          if (!cell.items.length) {
            td.appendChild(el("span", { className: "pp-none", text: S.none }));
          } else if (row.kind === "v") {
            td.innerHTML = cell.items[0].html; /* pre-rendered safe HTML */
          } else {
            var ul = el("ul", { className: "pp-cmp-list" });
            cell.items.forEach(function (item) {
              var classes = (item.sharedWith.length ? ["pp-shared"] : []).concat(item.marker ? ["pp-ev-host"] : []);
              var li = el("li", { className: classes.join(" ") || null, html: item.html + item.marker });
              if (item.sharedWith.length) {
                li.appendChild(document.createTextNode(" "));
                li.appendChild(el("span", { className: "pp-badge-shared", text: S["compare.shared"] }));
                li.appendChild(el("span", {
                  className: "pp-visually-hidden",
                  text: " " + fmt(S["compare.shared_with"], { names: item.sharedWith.join(", ") })
                }));
              }
              ul.appendChild(li);
            });
            td.appendChild(ul);
          }
          if (row.differs) {
            td.append(" ", el("span", { className: "pp-visually-hidden pp-sr-differs", text: S["compare.differs_sr"] }));
          }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
    });
    view.appendChild(el("div", {
      className: "pp-cmp-scroll", role: "region", "aria-labelledby": TABLE_ID + "-caption", tabindex: "0"
    }, [table]));
    return view;
  }

  /* The address: ?p=id,id (other parameters and the fragment are kept). */
  function idsFromUrl() {
    var value = new URLSearchParams(window.location.search).get("p") || "";
    return value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function urlFor(ids) {
    var params = new URLSearchParams(window.location.search);
    params.delete("p");
    var rest = params.toString();
    var parts = [];
    if (ids.length) parts.push("p=" + ids.map(encodeURIComponent).join(","));
    if (rest) parts.push(rest);
    return window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash;
  }

  function setup(root) {
    if (root.getAttribute("data-pp-ready")) return;
    root.setAttribute("data-pp-ready", "loading");
    var app = root.querySelector(".pp-cmp-app");
    if (!app) return;
    fetch(root.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { start(root, app, data); })
      .catch(function () {
        root.setAttribute("data-pp-ready", "error");
      });
  }

  function start(root, app, data) {
    var S = data.strings;
    var max = data.max || 4;
    var byId = {};
    data.personas.forEach(function (p) { byId[p.id] = p; });
    var typeOrder = (data.types || []).map(function (t) { return t[0]; });
    var typeLabel = {};
    (data.types || []).forEach(function (t) { typeLabel[t[0]] = t[1]; });

    var slotsBox = app.querySelector(".pp-cmp-slots");
    var addButton = app.querySelector(".pp-cmp-add");
    var filterInput = app.querySelector(".pp-cmp-filter-input");
    var status = app.querySelector(".pp-cmp-status");
    var result = app.querySelector(".pp-cmp-result");
    var state = { slots: [], filter: "" };
    var rendered = null;

    function selected() {
      return state.slots.filter(Boolean);
    }

    function readUrl() {
      var notes = [];
      var ids = [];
      idsFromUrl().forEach(function (id) {
        if (!byId[id]) notes.push(fmt(S["compare.unknown"], { id: id }));
        else if (ids.indexOf(id) < 0) ids.push(id);
      });
      if (ids.length > max) {
        notes.push(fmt(S["compare.too_many"], { n: max }));
        ids = ids.slice(0, max);
      }
      state.slots = ids.slice();
      while (state.slots.length < 2) state.slots.push("");
      return notes;
    }

    function matches(p) {
      return !state.filter || p.search.indexOf(state.filter) >= 0;
    }

    function fillSelect(select, index) {
      var current = state.slots[index];
      var others = state.slots.filter(function (id, i) { return id && i !== index; });
      var frag = document.createDocumentFragment();
      frag.appendChild(el("option", { value: "", text: S["compare.choose"] }));
      var groups = {};
      var shown = 0;
      data.personas.forEach(function (p) {
        if (p.id !== current && !matches(p)) return;
        var label = p.name + (p.status !== "active" ? " (" + p.statusLabel + ")" : "");
        var option = el("option", { value: p.id, text: label, disabled: others.indexOf(p.id) >= 0 });
        if (p.id === current) option.selected = true;
        (groups[p.type] = groups[p.type] || []).push(option);
        shown += 1;
      });
      typeOrder.forEach(function (type) {
        if (!groups[type]) return;
        frag.appendChild(el("optgroup", { label: typeLabel[type] }, groups[type]));
      });
      if (!shown) frag.appendChild(el("option", { value: "", disabled: true, text: S["compare.no_match"] }));
      select.textContent = "";
      select.appendChild(frag);
      select.value = current || "";
    }

    function syncSlots() {
      while (slotsBox.children.length > state.slots.length) slotsBox.removeChild(slotsBox.lastChild);
      while (slotsBox.children.length < state.slots.length) {
        var i = slotsBox.children.length;
        var id = "pp-cmp-slot-" + i;
        var select = el("select", { id: id, className: "pp-cmp-select", "data-slot": i });
        var remove = el("button", {
          type: "button", className: "pp-cmp-remove", "data-slot": i,
          "aria-label": fmt(S["compare.remove_slot"], { n: i + 1 })
        }, [el("span", { "aria-hidden": "true", text: "\u00d7 " }), S["compare.remove"]]);
        slotsBox.appendChild(el("div", { className: "pp-cmp-slot" }, [
          el("label", { "for": id, className: "pp-cmp-slot-label", text: fmt(S["compare.slot"], { n: i + 1 }) }),
          el("div", { className: "pp-cmp-slot-row" }, [select, remove])
        ]));
      }
      Array.prototype.forEach.call(slotsBox.querySelectorAll(".pp-cmp-select"), function (select, i) {
        fillSelect(select, i);
      });
      Array.prototype.forEach.call(slotsBox.querySelectorAll(".pp-cmp-remove"), function (button, i) {
        button.hidden = state.slots.length <= 2 && !state.slots[i];
      });
      addButton.hidden = state.slots.length >= max;
    }

    function renderResult() {
      var ids = selected();
      var key = ids.join(",");
      if (key === rendered) return;
      rendered = key;
      result.textContent = "";
      if (ids.length < 2) {
        result.appendChild(el("p", {
          className: "pp-cmp-empty-note",
          text: ids.length ? S["compare.pick_one_more"] : S["compare.pick_more"]
        }));
      }
      if (ids.length) {
        result.appendChild(renderTable(ids.map(function (id) { return byId[id]; }), S, data.sections));
      }
    }

    function update(push) {
      syncSlots();
      renderResult();
      var url = urlFor(selected());
      var now = window.location.pathname + window.location.search + window.location.hash;
      if (url !== now) {
        if (push) window.history.pushState({ ppCompare: selected() }, "", url);
        else window.history.replaceState(window.history.state, "", url);
      }
    }

    slotsBox.addEventListener("change", function (event) {
      var target = event.target;
      if (!target.classList || !target.classList.contains("pp-cmp-select")) return;
      var i = Number(target.getAttribute("data-slot"));
      state.slots[i] = target.value;
      status.textContent = "";
      update(true);
    });

    slotsBox.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest(".pp-cmp-remove") : null;
      if (!button) return;
      var i = Number(button.getAttribute("data-slot"));
      if (state.slots.length > 2) state.slots.splice(i, 1);
      else state.slots[i] = "";
      status.textContent = "";
      update(true);
      var focus = slotsBox.querySelectorAll(".pp-cmp-select")[Math.min(i, state.slots.length - 1)];
      if (focus) focus.focus();
    });

    addButton.addEventListener("click", function () {
      if (state.slots.length >= max) return;
      state.slots.push("");
      syncSlots();
      var selects = slotsBox.querySelectorAll(".pp-cmp-select");
      selects[selects.length - 1].focus();
    });

    var timer = null;
    filterInput.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        state.filter = filterInput.value.trim().toLocaleLowerCase();
        syncSlots();
      }, 120);
    });

    window.addEventListener("popstate", function () {
      if (!document.body.contains(root)) return;
      status.textContent = readUrl().join(" ");
      syncSlots();
      renderResult();
    });

    status.textContent = readUrl().join(" ");
    app.hidden = false;
    root.setAttribute("data-pp-ready", "ready");
    update(false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pp-compare]"), setup);
  }

  /* Material's and Zensical's instant navigation (document$) re-run init on every page. A
     page that carries this script in its content (mkdocs-persona generate) runs it again on
     each visit: subscribe once per window. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    var loaded = (window.ppScripts = window.ppScripts || {});
    if (!loaded.compare) {
      loaded.compare = true;
      window.document$.subscribe(init);
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
