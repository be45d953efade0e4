// The event table: one row per event (contract JSON), a page at a time.

import { colourOf } from "./colours.js";
import { t, term } from "./i18n.js";

function cell(text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text ?? "";
  return td;
}

export function dateLabel(date) {
  if (!date || !date.start) return "";
  if (date.end && date.end !== date.start) return `${date.start} – ${date.end}`;
  return date.start;
}

export class EventTable {
  constructor(table, onSelect) {
    this.body = table.querySelector("tbody");
    this.onSelect = onSelect;
    this.events = [];
    this.selected = null;
  }

  clear() { this.events = []; this.body.replaceChildren(); }

  append(events) {
    this.events.push(...events);
    for (const e of events) this.body.append(this.row(e));
    if (this.selected) this.highlight(this.selected);
  }

  rerender() {
    const events = this.events;
    this.clear();
    this.append(events);
  }

  row(e) {
    const tr = document.createElement("tr");
    tr.dataset.eventId = e.id;
    tr.dataset.articleId = e.article_id;
    tr.tabIndex = 0;
    const type = cell(term("type", e.type));
    const dot = document.createElement("i");
    dot.className = "dot";
    dot.style.background = colourOf(e.type);
    type.prepend(dot);
    if (e.historical) type.append(` (${t("historical")})`);
    const place = e.location ? [e.location.name || e.location.name_ar, e.location.admin1]
      .filter(Boolean).join(", ") : "";
    const actors = (e.actors || []).map((a) => a.name || a.text).filter(Boolean).join(" / ");
    tr.append(cell(dateLabel(e.date), "date"), type, cell(place), cell(actors),
              cell(e.fatalities?.count ?? "", "num"), cell(term("certainty", e.certainty)),
              cell(e.outlet));
    const select = () => this.onSelect(e.id, e.article_id);
    tr.addEventListener("click", select);
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select(); });
    return tr;
  }

  highlight(eventId) {
    this.selected = eventId;
    for (const tr of this.body.querySelectorAll("tr.selected")) tr.classList.remove("selected");
    const row = this.body.querySelector(`tr[data-event-id="${CSS.escape(eventId)}"]`);
    if (row) row.classList.add("selected");
  }
}
