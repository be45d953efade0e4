// The page: filters -> map, timeline and table; a click on an event opens its article.

import { getJSON } from "./api.js";
import { initialLanguage, language, setLanguage, t, term } from "./i18n.js";
import { IncidentPanel } from "./incidents.js";
import { EventMap } from "./map.js";
import { Reader } from "./reader.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const FILTERS = ["date_from", "date_to", "type", "actor", "weapon_category", "outlet", "certainty"];
const FACETS = { type: "types", actor: "actors", weapon_category: "weapon_categories",
                 outlet: "outlets", certainty: "certainties" };
const PAGE = 100;
const MAP_LIMIT = 10000;  // newest first; the count line says when filters should narrow it

const form = document.getElementById("filter-form");
const status = document.getElementById("status");
const state = { filters: {}, event: null, article: null, facets: null, geojson: null,
                nextOffset: null, generation: 0, tableTotal: 0, unlocated: 0 };

function select(eventId, articleId) {
  state.event = eventId;
  state.article = articleId;
  writeHash();
  map.highlight(eventId);
  table.highlight(eventId);
  showPanel("reader");
  reader.open(articleId, eventId).catch(showError);
}

const map = new EventMap(document.getElementById("map"), select);
const timeline = new Timeline(document.getElementById("timeline"), (from, to) => {
  form.elements.date_from.value = from;
  form.elements.date_to.value = to;
  applyForm();
});
const table = new EventTable(document.getElementById("events"), select);
const reader = new Reader(document.getElementById("reader"), select, openIncident);
const incidents = new IncidentPanel(document.getElementById("incidents"), select);

function showError(error) {
  status.textContent = t("error") + error.message;
  status.classList.add("error");
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.filters = {};
  for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
  state.event = params.get("event");
  state.article = params.get("article");
}

function writeHash() {
  const params = new URLSearchParams(state.filters);
  if (state.event) { params.set("event", state.event); params.set("article", state.article); }
  history.replaceState(null, "", `#${params}`);
}

function fillSelects() {
  for (const [name, facet] of Object.entries(FACETS)) {
    const box = form.elements[name];
    const keep = state.filters[name] || "";
    box.replaceChildren();
    const all = new Option(t("all"), "");
    box.append(all);
    for (const { value, count } of state.facets[facet] || []) {
      const label = name === "type" ? term("type", value)
        : name === "certainty" ? term("certainty", value) : value;
      box.append(new Option(`${label} (${count})`, value));
    }
    box.value = keep;
  }
  const dates = state.facets.dates || {};
  for (const name of ["date_from", "date_to"]) {
    form.elements[name].min = dates.first || "";
    form.elements[name].max = dates.last || "";
    form.elements[name].value = state.filters[name] || "";
  }
}

function applyForm() {
  state.filters = {};
  for (const key of FILTERS) {
    const value = form.elements[key].value;
    if (value) state.filters[key] = value;
  }
  writeHash();
  refresh();
}

async function loadTablePage(offset, generation) {
  const page = await getJSON("/api/events", { ...state.filters, limit: PAGE, offset });
  if (generation !== state.generation) return null;
  if (offset === 0) table.clear();
  table.append(page.items);
  state.nextOffset = page.next_offset;
  document.getElementById("more").hidden = page.next_offset === null;
  document.getElementById("table-empty").hidden = page.total > 0;
  state.tableTotal = page.total;
  showTableCount();
  return page;
}

// The count lines under the table and the map, in the current language.
function showTableCount() {
  document.getElementById("table-count").textContent = t("table_count", table.events.length,
                                                         state.tableTotal);
}

function showMapCount() {
  const shown = state.geojson.features.length;
  let line = t("shown", shown, state.geojson.total);
  if (state.unlocated > 0) line += ` · ${t("unlocated", state.unlocated)}`;
  const count = document.getElementById("map-count");
  count.textContent = line;
  count.dataset.shown = String(shown);
}

async function refresh() {
  const generation = ++state.generation;
  status.classList.remove("error");
  status.textContent = t("loading");
  document.body.dataset.loading = "true";
  try {
    const [geojson, days, page] = await Promise.all([
      getJSON("/api/geojson", { ...state.filters, limit: MAP_LIMIT }),
      getJSON("/api/timeline", state.filters),
      loadTablePage(0, generation),
    ]);
    if (generation !== state.generation) return;
    state.geojson = geojson;
    map.show(geojson);
    timeline.show(days.days);
    state.unlocated = page ? page.total - geojson.total : 0;
    showMapCount();
    status.textContent = "";
  } catch (error) {
    if (generation === state.generation) showError(error);
  } finally {
    if (generation === state.generation) document.body.dataset.loading = "false";
  }
}

function switchLanguage() {
  setLanguage(language() === "ar" ? "en" : "ar");
  if (state.facets) fillSelects();
  table.rerender();
  map.refreshLabels(state.geojson);
  reader.render();
  incidents.render();
  if (state.geojson) showMapCount();
  showTableCount();
}

// Side panels are tabs (#panel-tabs button[data-panel] -> section#<panel>): the article
// reader and the incidents (listed the first time their tab opens).
function showPanel(name) {
  for (const tab of document.querySelectorAll("#panel-tabs [data-panel]")) {
    const active = tab.dataset.panel === name;
    tab.setAttribute("aria-selected", String(active));
    document.getElementById(tab.dataset.panel).hidden = !active;
  }
  if (name === "incidents" && !incidents.listing && !incidents.detail) incidents.list().catch(showError);
}

// The reader's "incident" link: open the incident the selected event belongs to.
function openIncident(incidentId) {
  showPanel("incidents");
  incidents.open(incidentId).catch(showError);
}

async function start() {
  setLanguage(initialLanguage());
  readHash();
  form.addEventListener("change", applyForm);
  form.addEventListener("reset", () => setTimeout(applyForm, 0));
  document.getElementById("lang").addEventListener("click", switchLanguage);
  for (const tab of document.querySelectorAll("#panel-tabs [data-panel]")) {
    tab.addEventListener("click", () => showPanel(tab.dataset.panel));
  }
  document.getElementById("more").addEventListener("click", () => {
    if (state.nextOffset !== null) loadTablePage(state.nextOffset, state.generation).catch(showError);
  });
  window.addEventListener("resize", () => timeline.resize());
  try {
    const [facets] = await Promise.all([
      getJSON("/api/facets"),
      map.loadOutlines("/static/vendor/world-atlas/countries-50m.json"),
    ]);
    state.facets = facets;
    fillSelects();
  } catch (error) {
    showError(error);
  }
  await refresh();
  if (state.event && state.article) select(state.event, state.article);
}

start();
