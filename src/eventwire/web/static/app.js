/* eventwire dashboard: plain JavaScript over the JSON API (no build step).
 * Vendored libraries: uPlot (charts) and Cytoscape.js (network); see docs/web.md.
 * All text from the API is inserted with textContent; the only HTML inserted is the
 * article text highlighted (and escaped) by the server (eventwire.render.html).
 */
"use strict";

const ew = (window.ew = { charts: {}, state: {} });

const QUADS = [
  { n: 1, label: "Verbal cooperation", color: "#8fd19e" },
  { n: 2, label: "Material cooperation", color: "#2e8b57" },
  { n: 3, label: "Verbal conflict", color: "#f0a350" },
  { n: 4, label: "Material conflict", color: "#c0392b" },
];
const ROOTS = [
  ["01", "Make public statement"], ["02", "Appeal"], ["03", "Express intent to cooperate"], ["04", "Consult"],
  ["05", "Engage in diplomatic cooperation"], ["06", "Engage in material cooperation"], ["07", "Provide aid"],
  ["08", "Yield"], ["09", "Investigate"], ["10", "Demand"], ["11", "Disapprove"], ["12", "Reject"],
  ["13", "Threaten"], ["14", "Protest"], ["15", "Exhibit force posture"], ["16", "Reduce relations"],
  ["17", "Coerce"], ["18", "Assault"], ["19", "Fight"], ["20", "Use unconventional mass violence"],
];

/* ---------- small helpers ---------- */
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

async function api(path, options = {}) {
  const res = await fetch(path, { headers: { Accept: "application/json", ...(options.headers || {}) }, ...options });
  let body = null;
  try { body = await res.json(); } catch (_) { body = null; }
  if (!res.ok) {
    const msg = (body && (body.message || (typeof body.detail === "string" ? body.detail : null))) || res.statusText;
    const err = new Error(`${res.status}: ${msg}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined && v !== false) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function formParams(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) {
    const val = typeof v === "string" ? v.trim() : v;
    if (val === "") continue;
    out[k] = ["country", "source_country", "target_country", "a", "b"].includes(k) ? String(val).toUpperCase() : val;
  }
  return out;
}

function showError(container, err) {
  clear(container).append(el("div", { class: "error", text: String(err.message || err) }));
}

function quadBadge(q) { return el("span", { class: `quad quad-${q}`, title: QUADS[q - 1].label, text: String(q) }); }
function actorLabel(name, code) { return name ? (code ? `${name} [${code}]` : name) : (code || "—"); }
const toSec = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 1000;
const toIso = (sec) => new Date(sec * 1000).toISOString().slice(0, 10);

/* ---------- router ---------- */
const VIEWS = ["relations", "events", "event", "network", "articles", "article", "extract"];

function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "relations";
  const [name, ...rest] = hash.split("/");
  const view = VIEWS.includes(name) ? name : "relations";
  for (const v of VIEWS) $(`#view-${v}`).hidden = v !== view;
  for (const a of $$("#nav a")) {
    const active = a.dataset.view === view || (view === "event" && a.dataset.view === "events") ||
      (view === "article" && a.dataset.view === "articles");
    a.classList.toggle("active", active);
  }
  const arg = decodeURIComponent(rest.join("/"));
  if (view === "event") loadEvent(arg);
  else if (view === "article") loadArticle(arg);
  else if (view === "events" && !ew.state.eventsLoaded) loadEvents();
  else if (view === "articles" && !ew.state.articlesLoaded) loadArticles();
  else if (view === "network" && !ew.state.networkDrawn) drawNetwork();
  else if (view === "relations" && ew.charts.relations) ew.charts.relations.setSize(chartSize());
}

/* ---------- status and pick lists ---------- */
async function loadInfo() {
  try {
    const info = await api("info");
    ew.state.info = info;
    $("#status").textContent =
      `${info.articles} articles · ${info.events} events` +
      (info.first_date ? ` · ${info.first_date} – ${info.last_date}` : "") +
      ` · writes ${info.writes_enabled ? "enabled" : "disabled"}`;
    const list = clear($("#country-list"));
    for (const c of info.countries) list.append(el("option", { value: c.code, label: `${c.code} (${c.events} events)` }));
    const [first, second] = info.countries;
    if (first && !$("#rel-a").value) $("#rel-a").value = first.code;
    if (second && !$("#rel-b").value) $("#rel-b").value = second.code;
  } catch (err) {
    $("#status").textContent = `store unavailable (${err.message})`;
  }
}

let actorTimer = null;
function wireActorSuggestions() {
  document.addEventListener("input", (ev) => {
    const input = ev.target;
    if (!(input instanceof HTMLInputElement) || input.getAttribute("list") !== "actor-list") return;
    clearTimeout(actorTimer);
    actorTimer = setTimeout(async () => {
      try {
        const page = await api(`actors${query({ q: input.value.trim(), limit: 20 })}`);
        const list = clear($("#actor-list"));
        for (const a of page.items) list.append(el("option", { value: a.name, label: `${a.code || ""} · ${a.events} events` }));
      } catch (_) { /* suggestions are optional */ }
    }, 200);
  });
}

function fillRootSelects() {
  for (const sel of $$('select[name="root"]')) {
    for (const [code, name] of ROOTS) sel.append(el("option", { value: code, text: `${code} ${name}` }));
  }
}

/* ---------- Relations ---------- */
function chartSize() {
  const width = Math.max(320, $("#rel-chart").clientWidth - 16);
  return { width, height: 340 };
}

function relParams() {
  const form = $("#rel-form");
  const p = formParams(form);
  return { mode: p.mode || "dyad", a: p.a, b: p.b, actor: p.actor, by: p.by || "month", directed: !!p.directed,
    since: p.since, until: p.until };
}

async function loadRelations(ev) {
  if (ev) ev.preventDefault();
  const p = relParams();
  const box = $("#rel-chart");
  let url;
  if (p.mode === "actor") {
    if (!p.actor) return showError(box, new Error("Type an actor name or code."));
    url = `timeline${query({ actor: p.actor, by: p.by, since: p.since, until: p.until })}`;
  } else {
    if (!p.a || !p.b) return showError(box, new Error("Pick two country codes, e.g. USA and CHN."));
    url = `dyads/${encodeURIComponent(p.a)}/${encodeURIComponent(p.b)}/timeline` +
      query({ by: p.by, directed: p.directed ? "true" : "", since: p.since, until: p.until });
  }
  const seq = (ew.state.relSeq = (ew.state.relSeq || 0) + 1);
  try {
    const tl = await api(url);
    if (seq !== ew.state.relSeq) return; // a newer request was made meanwhile
    ew.state.timeline = { ...tl, params: p };
    drawTimeline(tl, p);
  } catch (err) { showError(box, err); }
}

function drawTimeline(tl, p) {
  const box = clear($("#rel-chart"));
  if (ew.charts.relations) { ew.charts.relations.destroy(); ew.charts.relations = null; }
  const periods = tl.periods;
  box.dataset.points = String(periods.length);
  const who = p.mode === "actor" ? p.actor : `${p.a} ${p.directed ? "→" : "↔"} ${p.b}`;
  const total = periods.reduce((s, x) => s + x.events, 0);
  const gsum = periods.reduce((s, x) => s + x.goldstein_sum, 0);
  $("#rel-summary").textContent = total
    ? `${who}: ${total} events in ${periods.length} ${p.by}${periods.length === 1 ? "" : "s"}, mean Goldstein ${(gsum / total).toFixed(2)}`
    : `${who}: no events`;
  clear($("#rel-events")); $("#rel-events-title").hidden = true;
  drawPeriodTable(periods);
  if (!periods.length) { box.append(el("div", { class: "empty", text: "No events for this selection." })); return; }

  const xs = periods.map((x) => toSec(x.start));
  const counts = QUADS.map((q) => periods.map((x) => x.quad[q.n - 1]));
  // stacked bars: series k shows quads 1..k summed; drawn from the tallest down so each shows its band
  const stacks = QUADS.map((_, k) => periods.map((_, i) => counts.slice(0, k + 1).reduce((s, c) => s + c[i], 0)));
  const order = [3, 2, 1, 0];
  const span = xs.length > 1 ? (xs[xs.length - 1] - xs[0]) / (xs.length - 1) : 86400 * 30;
  const bars = uPlot.paths.bars({ size: [0.7, 80], align: 0 });
  const data = [xs, ...order.map((k) => stacks[k]), periods.map((x) => x.goldstein_mean)];
  const series = [
    { label: p.by, value: (u, v) => (v == null ? "—" : periodLabel(toIso(v), p.by)) },
    ...order.map((k) => ({
      label: QUADS[k].label, stroke: QUADS[k].color, fill: QUADS[k].color, width: 1, paths: bars, points: { show: false },
      value: (u, v, si, idx) => (idx == null ? "—" : String(counts[k][idx])),
    })),
    { label: "Mean Goldstein", scale: "g", stroke: "#2f6fb5", width: 2, dash: [6, 4], spanGaps: true,
      points: { show: true, size: 7, fill: "#2f6fb5" }, value: (u, v) => (v == null ? "—" : v.toFixed(2)) },
  ];
  const opts = {
    ...chartSize(),
    series,
    scales: { x: { time: true, range: (u, min, max) => [min - span * 0.6, max + span * 0.6] }, g: { range: [-10, 10] },
      y: { range: (u, min, max) => [0, Math.max(1, max) * 1.15] } },
    axes: [xAxis(xs, p.by), { label: "events", size: 50 }, { scale: "g", side: 1, label: "mean Goldstein", grid: { show: false }, size: 55 }],
    cursor: { drag: { x: true, y: false, setScale: true } },
    legend: { live: true },
    hooks: { setScale: [(u, key) => { if (key === "x") onZoom(u); }] },
  };
  const u = new uPlot(opts, data, box);
  ew.charts.relations = u;
  // a click without dragging lists the events of the period under the cursor
  let down = null;
  u.over.addEventListener("mousedown", (e) => { down = [e.clientX, e.clientY]; });
  u.over.addEventListener("mouseup", (e) => {
    if (!down) return;
    const moved = Math.abs(e.clientX - down[0]) + Math.abs(e.clientY - down[1]);
    down = null;
    if (moved > 3) return;
    const idx = u.cursor.idx;
    if (idx != null && periods[idx]) listPeriodEvents(periods[idx].start, periods[idx].end, periodLabel(periods[idx].start, p.by));
  });
}

/* With few periods, one tick per period labelled as the period (e.g. 2024-04), else uPlot's own. */
function xAxis(xs, by) {
  if (xs.length > 24) return {};
  return { splits: (u) => xs.filter((x) => x >= u.scales.x.min && x <= u.scales.x.max),
    values: (u, splits) => splits.map((x) => periodLabel(toIso(x), by === "week" ? "day" : by)) };
}

function onZoom(u) {
  const tl = ew.state.timeline;
  if (!tl || !tl.periods.length) return;
  const [min, max] = [u.scales.x.min, u.scales.x.max];
  const inside = tl.periods.filter((x) => toSec(x.start) >= min && toSec(x.start) <= max);
  if (!inside.length || inside.length === tl.periods.length) return;
  const first = inside[0].start, last = inside[inside.length - 1].end;
  $("#rel-since").value = first; $("#rel-until").value = last;
  listPeriodEvents(first, last, `${first} – ${last}`);
}

function periodLabel(iso, by) {
  if (by === "month") return iso.slice(0, 7);
  if (by === "year") return iso.slice(0, 4);
  if (by === "week") return `week of ${iso}`;
  return iso;
}

function drawPeriodTable(periods) {
  const rows = periods.map((x) => el("tr", {},
    el("td", { text: x.start }), ...x.quad.map((c) => el("td", { text: String(c) })),
    el("td", { text: String(x.events) }), el("td", { text: x.goldstein_mean == null ? "—" : x.goldstein_mean.toFixed(2) })));
  clear($("#rel-table")).append(el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, el("th", { text: "period" }), ...QUADS.map((q) => el("th", { text: `Q${q.n}` })),
      el("th", { text: "events" }), el("th", { text: "mean Goldstein" }))),
    el("tbody", {}, rows)));
}

async function listPeriodEvents(since, until, label) {
  const p = ew.state.timeline.params;
  const params = { since, until, limit: 200, sort: "date" };
  if (p.mode === "actor") params.actor = p.actor;
  else if (p.directed) { params.source_country = p.a; params.target_country = p.b; }
  else params.pair = `${p.a},${p.b}`;
  const box = $("#rel-events");
  try {
    const page = await api(`events${query(params)}`);
    const title = $("#rel-events-title");
    title.hidden = false;
    title.textContent = `${page.total} events, ${label}`;
    clear(box).append(eventTable(page.items));
  } catch (err) { showError(box, err); }
}

/* ---------- Events table ---------- */
function eventRow(e) {
  return el("tr", {},
    el("td", { text: e.date || "—" }),
    el("td", { text: actorLabel(e.source_name, e.source_code) }),
    el("td", {}, el("span", { text: `${e.cameo} ` }), el("span", { class: "muted", text: e.cameo_name || "" })),
    el("td", { text: actorLabel(e.target_name, e.target_code) }),
    el("td", {}, quadBadge(e.quad_class)),
    el("td", { text: e.goldstein.toFixed(1) }),
    el("td", { text: e.modality || "" }),
    el("td", { text: String(e.num_mentions) }),
    el("td", { text: String(e.num_articles) }),
    el("td", {}, el("a", { href: `#/event/${e.id}`, text: "evidence" })));
}

function eventTable(items) {
  if (!items.length) return el("div", { class: "empty", text: "No events." });
  const head = el("thead", {}, el("tr", {}, ...["Date", "Source", "Event", "Target", "Quad", "Goldstein", "Modality",
    "Mentions", "Articles", ""].map((h) => el("th", { text: h }))));
  return el("table", { class: "grid" }, head, el("tbody", {}, items.map(eventRow)));
}

ew.state.events = { sort: "-date", offset: 0, limit: 50, filters: {} };

async function loadEvents() {
  ew.state.eventsLoaded = true;
  const st = ew.state.events;
  const params = { ...st.filters, sort: st.sort, limit: st.limit, offset: st.offset };
  const body = $("#ev-table tbody");
  try {
    const page = await api(`events${query(params)}`);
    clear(body).append(...page.items.map(eventRow));
    if (!page.items.length) body.append(el("tr", {}, el("td", { colspan: 10, class: "empty", text: "No events match." })));
    const last = Math.min(page.offset + page.items.length, page.total);
    $("#ev-count").textContent = `${page.total} events`;
    $("#ev-page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "";
    $("#ev-prev").disabled = page.offset === 0;
    $("#ev-next").disabled = last >= page.total;
    for (const th of $$("#ev-table th[data-sort]")) {
      const key = th.dataset.sort;
      th.classList.toggle("sorted-asc", st.sort === key);
      th.classList.toggle("sorted-desc", st.sort === `-${key}`);
    }
    const exp = clear($("#ev-exports"));
    const exportable = ["source_country", "target_country", "actor", "root", "quad", "since", "until"];
    const ef = Object.fromEntries(Object.entries(st.filters).filter(([k]) => exportable.includes(k)));
    exp.append("Export:");
    for (const fmt of ["csv", "gdelt", "plover", "geojson"]) exp.append(el("a", { href: `export${query({ ...ef, format: fmt })}`, text: fmt }));
  } catch (err) {
    clear(body).append(el("tr", {}, el("td", { colspan: 10 }, el("div", { class: "error", text: err.message }))));
  }
}

function wireEvents() {
  $("#ev-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    ew.state.events.filters = formParams(ev.target);
    ew.state.events.offset = 0;
    loadEvents();
  });
  $("#ev-form").addEventListener("reset", () => {
    ew.state.events.filters = {}; ew.state.events.offset = 0; setTimeout(loadEvents, 0);
  });
  for (const th of $$("#ev-table th[data-sort]")) {
    th.addEventListener("click", () => {
      const st = ew.state.events, key = th.dataset.sort;
      st.sort = st.sort === `-${key}` ? key : `-${key}`;
      st.offset = 0;
      loadEvents();
    });
  }
  $("#ev-prev").addEventListener("click", () => { const st = ew.state.events; st.offset = Math.max(0, st.offset - st.limit); loadEvents(); });
  $("#ev-next").addEventListener("click", () => { const st = ew.state.events; st.offset += st.limit; loadEvents(); });
}

/* ---------- One event and its evidence ---------- */
function markedSentence(m) {
  const text = m.sentence_text || "";
  const base = m.sentence_start || 0;
  const spans = [];
  const add = (s, e, cls, title) => { if (s != null && e != null && e > s) spans.push({ s: s - base, e: e - base, cls, title }); };
  add(m.trigger_start, m.trigger_end, "", "trigger");
  add(m.source_start, m.source_end, "arg", "source");
  add(m.target_start, m.target_end, "arg", "target");
  spans.sort((a, b) => a.s - b.s);
  const out = el("div", { class: "sentence" });
  let at = 0;
  for (const sp of spans) {
    if (sp.s < at || sp.e > text.length) continue; // overlapping or out of range: keep the first
    out.append(text.slice(at, sp.s), el("mark", { class: sp.cls, title: sp.title, text: text.slice(sp.s, sp.e) }));
    at = sp.e;
  }
  out.append(text.slice(at));
  return out;
}

async function loadEvent(id) {
  const box = clear($("#event-detail"));
  try {
    const e = await api(`events/${encodeURIComponent(id)}`);
    box.append(
      el("p", {}, el("a", { href: "#/events", text: "← events" })),
      el("h2", { text: `${actorLabel(e.source_name, e.source_code)} — ${e.cameo} ${e.cameo_name || ""} — ${actorLabel(e.target_name, e.target_code)}` }),
      el("dl", { class: "facts" },
        el("dt", { text: "date" }), el("dd", { text: e.date || "—" }),
        el("dt", { text: "CAMEO" }), el("dd", { text: `${e.cameo} (root ${e.root}) ${e.cameo_name || ""}` }),
        el("dt", { text: "quad class" }), el("dd", {}, quadBadge(e.quad_class), ` ${QUADS[e.quad_class - 1].label}`),
        el("dt", { text: "Goldstein" }), el("dd", { text: e.goldstein.toFixed(1) }),
        el("dt", { text: "PLOVER" }), el("dd", { text: [e.plover_type, e.plover_mode].filter(Boolean).join(" / ") || "—" }),
        el("dt", { text: "modality" }), el("dd", { text: e.modality || "—" }),
        el("dt", { text: "place" }), el("dd", { text: e.place_name ? `${e.place_name} ${e.latitude != null ? `(${e.latitude.toFixed(2)}, ${e.longitude.toFixed(2)})` : ""}` : "—" }),
        el("dt", { text: "reports" }), el("dd", { text: `${e.num_mentions} mentions · ${e.num_articles} articles · ${e.num_sources} sources${e.num_copies ? ` · ${e.num_copies} wire copies` : ""}` })),
      el("h3", { text: `Evidence (${e.mentions.length})` }),
      ...e.mentions.map((m) => el("div", { class: "mention" },
        el("div", {}, el("a", { href: `#/article/${m.article_id}`, text: m.article_title || m.article_id }),
          el("span", { class: "muted", text: ` · ${m.published || "undated"} · ${m.article_source || "unknown source"}${m.duplicate_of ? " · wire copy" : ""}${m.reported ? " · reported speech" : ""} · ${m.modality}` })),
        markedSentence(m))));
  } catch (err) { showError(box, err); }
}

/* ---------- Articles list ---------- */
ew.state.articles = { q: "", offset: 0, limit: 50 };
async function loadArticles() {
  ew.state.articlesLoaded = true;
  const st = ew.state.articles;
  const body = $("#art-table tbody");
  try {
    const page = await api(`articles${query({ q: st.q, limit: st.limit, offset: st.offset })}`);
    clear(body).append(...page.items.map((a) => el("tr", {},
      el("td", { text: a.published || "—" }),
      el("td", {}, el("a", { href: `#/article/${a.id}`, text: a.title || a.id })),
      el("td", { text: a.source || "" }), el("td", { text: String(a.events) }),
      el("td", {}, a.duplicate_of ? el("a", { href: `#/article/${a.duplicate_of}`, text: a.duplicate_of }) : ""))));
    if (!page.items.length) body.append(el("tr", {}, el("td", { colspan: 5, class: "empty", text: "No articles." })));
    const last = Math.min(page.offset + page.items.length, page.total);
    $("#art-page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "";
    $("#art-prev").disabled = page.offset === 0;
    $("#art-next").disabled = last >= page.total;
  } catch (err) { clear(body).append(el("tr", {}, el("td", { colspan: 5 }, el("div", { class: "error", text: err.message })))); }
}

function wireArticles() {
  $("#art-form").addEventListener("submit", (ev) => { ev.preventDefault(); ew.state.articles.q = formParams(ev.target).q || ""; ew.state.articles.offset = 0; loadArticles(); });
  $("#art-prev").addEventListener("click", () => { const st = ew.state.articles; st.offset = Math.max(0, st.offset - st.limit); loadArticles(); });
  $("#art-next").addEventListener("click", () => { const st = ew.state.articles; st.offset += st.limit; loadArticles(); });
}

/* ---------- Article view (stored or extracted) ---------- */
async function loadArticle(id) {
  const box = clear($("#article-view"));
  try { renderArticle(box, await api(`articles/${encodeURIComponent(id)}/view`)); } catch (err) { showError(box, err); }
}

const LEGEND = [["actor", "ew-actor", "actors"], ["trigger", "ew-trigger", "event triggers"], ["arg", "ew-arg", "event arguments"],
  ["quote", "ew-quote", "quotes"], ["time", "ew-time", "times"], ["place", "ew-place", "places"], ["source", "ew-source", "sources"]];

function renderArticle(box, view) {
  const a = view.analysis;
  const art = a.article;
  const text = el("div", { class: "text", id: `${box.id}-text` });
  text.innerHTML = view.html; // escaped server-side by eventwire.render.html.highlight
  indexSpans(text);
  const legend = el("div", { class: "legend" }, ...LEGEND.map(([key, cls, label]) => el("label", {},
    el("input", { type: "checkbox", checked: true, onchange: (ev) => text.classList.toggle(`hide-${key}`, !ev.target.checked) }),
    el("span", { class: `x ${cls}`, text: label }))));
  const meta = [art.published ? `published ${art.published}` : null, art.source ? `source ${art.source}` : null,
    `id ${art.id}`].filter(Boolean).join(" · ");
  const card = el("div", { class: "text-card" },
    view.stored ? null : el("div", { class: "notice", text: "Extracted on the fly; nothing was stored." }),
    el("h2", { text: art.title || (view.stored ? `Article ${art.id}` : "Extracted text") }),
    el("div", { class: "meta", text: meta }), legend, text);
  const panel = recordPanel(a, view.event_ids || {}, text);
  clear(box).append(el("div", { class: "article" }, card, panel));
  wireTooltips(text);
}

/* Give every highlighted span its character offsets, counted over the text nodes (the HTML
 * holds the article text exactly, with <br> added for newlines). */
function indexSpans(root) {
  let offset = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const starts = new Map();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const span = node.parentElement && node.parentElement.closest(".x");
    if (span && !starts.has(span)) starts.set(span, offset);
    offset += node.nodeValue.length;
    if (span) span.dataset.e = String(offset);
  }
  for (const [span, s] of starts) span.dataset.s = String(s);
}

function spansIn(root, ranges) {
  return $$(".x", root).filter((sp) => {
    const s = +sp.dataset.s, e = +sp.dataset.e;
    return ranges.some(([rs, re]) => s < re && rs < e);
  });
}

function recordPanel(a, eventIds, text) {
  const actors = Object.fromEntries(a.actors.map((x) => [x.id, x]));
  const name = (id, fallback) => (id && actors[id] ? actors[id].name : fallback || "?");
  const sections = [];
  const item = (kind, ranges, main, sub, extra) => {
    const li = el("li", { class: `kind-${kind}` }, el("div", {}, main), sub ? el("div", { class: "sub", text: sub }) : null, extra || null);
    li.addEventListener("mouseenter", () => { for (const sp of spansIn(text, ranges)) sp.classList.add("flash"); });
    li.addEventListener("mouseleave", () => { for (const sp of $$(".flash", text)) sp.classList.remove("flash"); });
    li.addEventListener("click", (ev) => {
      if (ev.target.closest("a")) return;
      const first = spansIn(text, ranges)[0];
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
    return li;
  };
  const section = (title, items) => { if (items.length) sections.push(el("h4", { text: `${title} (${items.length})` }), el("ul", {}, items)); };
  section("Actors", a.actors.map((x) => {
    const ms = a.mentions.filter((m) => m.actor_id === x.id);
    return item("actor", ms.map((m) => [m.start, m.end]), `${x.name} [${x.code || "—"}]`,
      [x.kind, x.role ? `${x.role} (${x.role_status})` : null, `${ms.length} mention${ms.length === 1 ? "" : "s"}`].filter(Boolean).join(" · "));
  }));
  section("Events", a.events.map((e) => {
    const ranges = [[e.trigger.start, e.trigger.end]];
    if (e.source) ranges.push([e.source.start, e.source.end]);
    if (e.target) ranges.push([e.target.start, e.target.end]);
    const src = e.source ? name(e.source.actor_id, e.source.text) : "—";
    const tgt = e.target ? name(e.target.actor_id, e.target.text) : "—";
    const sid = eventIds[e.id];
    return item("event", ranges, `${src} → ${e.cameo} ${e.cameo_name} → ${tgt}`,
      `“${e.trigger.text}” · quad ${e.quad_class} · Goldstein ${e.goldstein} · ${e.modality}${e.date ? ` · ${e.date}` : ""}`,
      sid ? el("a", { href: `#/event/${sid}`, text: "all reports of this event" }) : null);
  }));
  section("Quotes", a.quotes.map((q) => item("quote", [[q.start, q.end]],
    `${name(q.speaker_actor_id, q.speaker_text)}: “${q.text.length > 110 ? `${q.text.slice(0, 110)}…` : q.text}”`,
    `${q.kind}${q.cue ? ` · cue “${q.cue}”` : ""}`)));
  section("Times", a.times.map((t) => item("time", [[t.start, t.end]], `${t.text} → ${t.value}`, `${t.type} · ${t.granularity}`)));
  section("Places", a.places.map((p) => item("place", [[p.start, p.end]], `${p.text} → ${p.name}`,
    [p.country_code, p.feature_code, p.geonames_id ? `GeoNames ${p.geonames_id}` : null].filter(Boolean).join(" · "))));
  section("Provenance", a.sources.slice().sort((x, y) => x.order - y.order).map((s) => item("source", [[s.start, s.end]],
    `#${s.order} ${s.name}`, s.role)));
  if (!sections.length) sections.push(el("div", { class: "empty", text: "No records were extracted." }));
  return el("aside", { class: "panel" }, ...sections);
}

function wireTooltips(root) {
  const tip = $("#tooltip");
  for (const sp of $$(".x[title]", root)) { sp.dataset.tip = sp.getAttribute("title"); sp.removeAttribute("title"); }
  root.addEventListener("mouseover", (ev) => {
    const sp = ev.target.closest(".x");
    if (!sp || !sp.dataset.tip) return;
    clear(tip).append(...sp.dataset.tip.split(" | ").map((line) => el("div", { text: line })));
    tip.hidden = false;
  });
  root.addEventListener("mousemove", (ev) => {
    tip.style.left = `${Math.min(ev.clientX + 14, window.innerWidth - 430)}px`;
    tip.style.top = `${ev.clientY + 16}px`;
  });
  root.addEventListener("mouseout", (ev) => { if (!ev.relatedTarget || !ev.relatedTarget.closest || !ev.relatedTarget.closest(".x")) tip.hidden = true; });
}

/* ---------- Network ---------- */
async function drawNetwork(ev) {
  if (ev) ev.preventDefault();
  ew.state.networkDrawn = true;
  const params = formParams($("#net-form"));
  const box = $("#net-graph");
  try {
    const net = await api(`network${query(params)}`);
    ew.state.network = net;
    if (ew.charts.network) { ew.charts.network.destroy(); ew.charts.network = null; }
    clear(box);
    if (!net.edges.length) { box.append(el("div", { class: "empty", text: "No events between actors for this filter." })); return; }
    const maxN = Math.max(...net.nodes.map((n) => n.events));
    const maxE = Math.max(...net.edges.map((e) => e.events));
    const elements = [
      ...net.nodes.map((n) => ({ data: { id: `n:${n.id}`, label: n.label, events: n.events } })),
      ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: `n:${e.source}`, target: `n:${e.target}`, events: e.events,
        coop: e.events ? e.cooperation / e.events : 0.5, raw: e } })),
    ];
    ew.charts.network = cytoscape({
      container: box, elements, wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 12, "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": "#fff", "text-background-opacity": 0.75, "text-background-padding": 1,
          "background-color": "#4a6a8a", width: `mapData(events, 1, ${Math.max(2, maxN)}, 16, 54)`,
          height: `mapData(events, 1, ${Math.max(2, maxN)}, 16, 54)`, "text-wrap": "wrap", "text-max-width": 120 } },
        { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
          width: `mapData(events, 1, ${Math.max(2, maxE)}, 1.5, 10)`, opacity: 0.8,
          "line-color": "mapData(coop, 0, 1, #c0392b, #2e8b57)", "target-arrow-color": "mapData(coop, 0, 1, #c0392b, #2e8b57)" } },
        { selector: ":selected", style: { "overlay-opacity": 0.15, "overlay-color": "#f0b400" } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 20000, idealEdgeLength: () => 100,
        componentSpacing: 90, nodeOverlap: 20, padding: 30 },
    });
    ew.charts.network.on("tap", "edge", (e) => showEdge(e.target.data("raw")));
    ew.charts.network.on("tap", "node", (e) => showNode(e.target.data("label")));
    $("#net-info").textContent = `${net.nodes.length} actors, ${net.edges.length} directed links. Click an edge or a node.`;
  } catch (err) { showError(box, err); }
}

function showEdge(edge) {
  const node = $("#net-form select[name=node]").value;
  clear($("#net-info")).append(
    el("h4", { text: `${edge.source} → ${edge.target}` }),
    el("div", { text: `${edge.events} events (${edge.mentions} mentions)` }),
    el("div", { text: `cooperation ${edge.cooperation} · conflict ${edge.conflict}` }),
    el("div", { text: `mean Goldstein ${edge.goldstein_mean.toFixed(2)}` }),
    el("p", {}, el("a", { href: "#/events", onclick: () => openEventsFor(node === "country" ? { source_country: edge.source, target_country: edge.target } : { actor: edge.source }), text: "list events" })),
  );
}

function showNode(label) {
  const node = $("#net-form select[name=node]").value;
  const net = ew.state.network;
  const out = net.edges.filter((e) => e.source === label), inc = net.edges.filter((e) => e.target === label);
  clear($("#net-info")).append(el("h4", { text: label }),
    el("div", { text: `acts on ${out.length} · acted on by ${inc.length}` }),
    el("p", {}, el("a", { href: "#/events", onclick: () => openEventsFor(node === "country" ? { country: label } : { actor: label }), text: "list events" })));
}

function openEventsFor(filters) {
  const form = $("#ev-form");
  form.reset();
  for (const [k, v] of Object.entries(filters)) if (form.elements[k]) form.elements[k].value = v;
  ew.state.events.filters = filters;
  ew.state.events.offset = 0;
  loadEvents();
}

/* ---------- Extract ---------- */
async function runExtract(ev) {
  ev.preventDefault();
  const p = formParams($("#ex-form"));
  const status = $("#ex-status");
  const box = $("#extract-view");
  if (!p.text) { status.textContent = "Paste some text first."; return; }
  $("#ex-submit").disabled = true;
  status.textContent = "Analysing…";
  try {
    const body = { text: p.text };
    for (const k of ["published", "source", "title"]) if (p[k]) body[k] = p[k];
    const view = await api("extract/view", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
    renderArticle(box, view);
    const n = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
    status.textContent = `${n(view.analysis.events.length, "event")}, ${n(view.analysis.actors.length, "actor")}, ${n(view.analysis.quotes.length, "quote")}.`;
  } catch (err) { status.textContent = ""; showError(box, err); }
  finally { $("#ex-submit").disabled = false; }
}

/* ---------- start ---------- */
function start() {
  fillRootSelects();
  wireActorSuggestions();
  wireEvents();
  wireArticles();
  $("#rel-form").addEventListener("submit", loadRelations);
  $("#rel-form").addEventListener("change", (ev) => {
    if (ev.target.name !== "mode") return;
    const actor = ev.target.value === "actor";
    for (const x of $$(".dyad-only")) x.hidden = actor;
    for (const x of $$(".actor-only")) x.hidden = !actor;
  });
  $("#rel-reset").addEventListener("click", () => { $("#rel-since").value = ""; $("#rel-until").value = ""; loadRelations(); });
  $("#net-form").addEventListener("submit", drawNetwork);
  $("#ex-form").addEventListener("submit", runExtract);
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => { if (ew.charts.relations && !$("#view-relations").hidden) ew.charts.relations.setSize(chartSize()); });
  route();
  loadInfo().then(() => { if ($("#rel-a").value && $("#rel-b").value) loadRelations(); });
}

start();
