// The article reader: the original right-to-left text with the selected event's
// evidence, its sources and its arguments highlighted at their exact character spans.

import { getJSON } from "./api.js";
import { colourOf } from "./colours.js";
import { t, term } from "./i18n.js";
import { dateLabel } from "./table.js";

// Spans index the text in Unicode code points (Python's str); JavaScript strings are
// UTF-16, so the text is split into code points before slicing.
export function highlightedText(text, marks) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= chars.length).sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const active = marks.filter((m) => m.start <= a && b <= m.end && m.start < m.end);
    if (!active.length) { fragment.append(piece); continue; }
    const span = document.createElement("span");
    span.className = [...new Set(active.map((m) => m.cls))].join(" ");
    const titles = active.map((m) => m.title).filter(Boolean);
    if (titles.length) span.title = [...new Set(titles)].join(" · ");
    span.dataset.start = a;
    span.textContent = piece;
    fragment.append(span);
  }
  return fragment;
}

function span(obj) { return Array.isArray(obj?.span) ? obj.span : null; }

export function marksOf(event) {
  const marks = [];
  const add = (s, cls, title) => { if (s) marks.push({ start: s[0], end: s[1], cls, title }); };
  for (const s of event.evidence || []) add(s, "hl-evidence", null);
  for (const source of event.sources || []) {
    add(span(source), "hl-source", `${t("arg_source")}: ${term("kind", source.kind)}` +
        (source.name ? ` (${source.name})` : ""));
  }
  for (const actor of event.actors || []) {
    add(span(actor), "hl-arg", `${term("role", actor.role)}: ${actor.name ?? ""}`);
  }
  if (event.location) add(span(event.location), "hl-arg", `${t("arg_location")}: ${event.location.name ?? ""}`);
  if (event.date) add(span(event.date), "hl-arg", `${t("arg_date")}: ${dateLabel(event.date)}`);
  for (const w of event.weapons || []) {
    add(span(w), "hl-arg", `${t("arg_weapon")}: ${w.name ?? ""}${w.category ? ` (${w.category})` : ""}`);
  }
  if (event.fatalities) add(span(event.fatalities), "hl-arg", `${t("arg_fatalities")}: ${event.fatalities.count ?? "?"}`);
  return marks;
}

export class Reader {
  constructor(element, onSelect, onIncident = null) {
    this.element = element;
    this.onSelect = onSelect;
    this.onIncident = onIncident;
    this.cache = new Map();
    this.article = null;
    this.eventId = null;
  }

  async open(articleId, eventId) {
    if (!this.cache.has(articleId)) {
      this.cache.set(articleId, getJSON(`/api/articles/${encodeURIComponent(articleId)}`));
    }
    const article = await this.cache.get(articleId);
    this.article = article;
    this.eventId = eventId;
    this.render();
  }

  render() {
    const article = this.article;
    if (!article) return;
    const event = article.events.find((e) => e.id === this.eventId) || null;
    const box = this.element;
    box.replaceChildren();
    box.dataset.articleId = article.id;
    box.dataset.eventId = event ? event.id : "";

    const title = document.createElement("h2");
    title.dir = "auto";
    title.textContent = article.title || article.id;
    const meta = document.createElement("p");
    meta.className = "note";
    meta.append([article.outlet, article.published].filter(Boolean).join(" · "));
    if (article.url) {
      const link = document.createElement("a");
      link.href = article.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      link.textContent = ` ${t("open_original")} ↗`;
      meta.append(link);
    }
    box.append(title, meta);

    if (article.events.length) {
      const heading = document.createElement("h3");
      heading.textContent = t("events_in_article");
      const list = document.createElement("ul");
      list.className = "chips";
      for (const e of article.events) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.eventId = e.id;
        button.className = e.id === this.eventId ? "chip selected" : "chip";
        button.style.borderColor = colourOf(e.type);
        button.textContent = `${dateLabel(e.date) || "?"} · ${term("type", e.type)}`;
        button.addEventListener("click", () => this.onSelect(e.id, article.id));
        item.append(button);
        list.append(item);
      }
      box.append(heading, list);
    }
    if (event) box.append(this.details(event));
    if (event?.incident_id && this.onIncident) {
      const open = document.createElement("button");
      open.type = "button";
      open.className = "link";
      open.id = "open-incident";
      open.textContent = t("see_incident");
      open.addEventListener("click", () => this.onIncident(event.incident_id));
      box.append(open);
    }

    const legend = document.createElement("p");
    legend.className = "note key";
    for (const [cls, label] of [["hl-evidence", "legend_evidence"], ["hl-source", "legend_source"],
                                ["hl-arg", "legend_argument"]]) {
      const sample = document.createElement("span");
      sample.className = cls;
      sample.textContent = t(label);
      legend.append(sample, " ");
    }
    box.append(legend);

    const text = document.createElement("div");
    text.className = "article-text";
    text.lang = article.lang || "ar";
    text.dir = article.lang && article.lang !== "ar" ? "auto" : "rtl";
    text.append(highlightedText(article.text, event ? marksOf(event) : []));
    box.append(text);
    const first = text.querySelector(".hl-evidence");
    const panel = box.closest("#panels");
    if (first && panel) {  // scroll the panel only, not the page around it
      const offset = first.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      panel.scrollTop += offset - panel.clientHeight / 3;
    }
  }

  details(event) {
    const list = document.createElement("dl");
    list.className = "event-details";
    const row = (label, value) => {
      if (value === null || value === undefined || value === "") return;
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = value;
      list.append(dt, dd);
    };
    row(t("col_type"), term("type", event.type) + (event.historical ? ` (${t("historical")})` : ""));
    row(t("col_date"), dateLabel(event.date));
    const loc = event.location;
    if (loc) row(t("col_location"), [loc.name, loc.admin1, loc.country].filter(Boolean).join(", "));
    row(t("col_actors"), (event.actors || []).map((a) => `${a.name ?? a.text} (${term("role", a.role)})`).join("; "));
    row(t("arg_weapon"), (event.weapons || []).map((w) => [w.name, w.category].filter(Boolean).join(" · ")).join("; "));
    row(t("col_fatalities"), event.fatalities?.count);
    row(t("col_certainty"), term("certainty", event.certainty));
    row(t("arg_source"), (event.sources || []).map((s) => `${term("kind", s.kind)}${s.name ? `: ${s.name}` : ""}`).join("; "));
    return list;
  }
}
