// The incident panel: linked incidents, and for one the outlets' reports side by side,
// the fields they dispute (who said what) and how the incident is corroborated.

import { getJSON } from "./api.js";
import { colourOf } from "./colours.js";
import { t, term } from "./i18n.js";
import { dateLabel } from "./table.js";

const FIELDS = ["fatalities", "perpetrator", "target", "date", "location", "type"];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function placeLabel(loc) {
  return loc ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") : "";
}

function actorsOf(event, role) {
  return (event.actors || []).filter((a) => a.role === role).map((a) => a.name ?? a.text).join("; ");
}

function disputeValue(field, value) {
  if (field === "type") return term("type", value);
  return String(value);
}

export class IncidentPanel {
  constructor(element, onSelect) {
    this.element = element;
    this.onSelect = onSelect;
    this.multiOutlet = false;
    this.listing = null;
    this.detail = null;
  }

  async list() {
    this.detail = null;
    this.listing = await getJSON("/api/incidents", { limit: 200, min_outlets: this.multiOutlet ? 2 : "" });
    this.render();
  }

  async open(incidentId) {
    this.detail = await getJSON(`/api/incidents/${encodeURIComponent(incidentId)}`);
    this.render();
  }

  render() {
    if (this.detail) this.renderDetail(this.detail);
    else if (this.listing) this.renderList(this.listing);
  }

  renderList(page) {
    const box = this.element;
    box.replaceChildren();
    box.dataset.incidentId = "";
    const toggle = el("input", { type: "checkbox", checked: this.multiOutlet, id: "incident-multi" });
    toggle.addEventListener("change", () => { this.multiOutlet = toggle.checked; this.list(); });
    box.append(el("h2", {}, t("incidents"), " ", el("span", { className: "note" }, t("incident_count", page.total))),
               el("label", { className: "note" }, toggle, " ", t("incidents_multi")));
    if (!page.items.length) {
      box.append(el("p", { className: "note", id: "incidents-empty" }, t("incidents_none")));
      return;
    }
    const list = el("ul", { className: "incident-list", id: "incident-list" });
    for (const inc of page.items) {
      const corr = inc.corroboration || {};
      const button = el("button", { type: "button", dataset: { incidentId: inc.id } },
        el("span", { className: "dot", style: `background:${colourOf(inc.type)}` }),
        `${dateLabel(inc.date) || "?"} · ${term("type", inc.type)} · ${placeLabel(inc.location)}`,
        el("span", { className: "note" }, ` · ${t("incident_outlets", inc.outlets.length, corr.independent_outlets ?? inc.outlets.length)}`),
        inc.disputes?.length ? el("span", { className: "badge" }, t("disputed")) : null);
      button.addEventListener("click", () => this.open(inc.id));
      list.append(el("li", {}, button));
    }
    box.append(list);
  }

  renderDetail(body) {
    const { incident, events, articles, evidence_text: quotes } = body;
    const box = this.element;
    box.replaceChildren();
    box.dataset.incidentId = incident.id;
    const back = el("button", { type: "button", className: "link", id: "incident-back" }, `← ${t("all_incidents")}`);
    back.addEventListener("click", () => (this.listing ? (this.detail = null, this.render()) : this.list()));
    box.append(back, el("h2", {}, `${term("type", incident.type)} · ${dateLabel(incident.date) || "?"}`),
               el("p", { className: "note" }, placeLabel(incident.location)));
    box.append(this.corroboration(incident));
    box.append(this.disputes(incident, events));
    box.append(this.reports(incident, events, articles, quotes));
  }

  corroboration(incident) {
    const corr = incident.corroboration || {};
    const list = el("dl", { className: "event-details", id: "incident-corroboration" });
    const row = (key, value) => list.append(el("dt", {}, t(key)), el("dd", { dataset: { field: key } }, value));
    row("outlets_all", incident.outlets.join(" · "));
    row("independent_outlets", String(corr.independent_outlets ?? incident.outlets.length));
    if (corr.copied_outlets?.length) row("copied_outlets", corr.copied_outlets.map((g) => g.join(" = ")).join("; "));
    row("source_kinds", (corr.source_kinds || []).map((k) => term("kind", k)).join(", ") || "—");
    row("anonymous_only", corr.anonymous_only ? t("yes") : t("no"));
    row("self_interested", corr.self_interested ? `${t("yes")}: ${(corr.party_sources || []).join("; ")}` : t("no"));
    return el("section", {}, el("h3", {}, t("corroboration")), list);
  }

  disputes(incident, events) {
    const section = el("section", { id: "incident-disputes" }, el("h3", {}, t("disputes")));
    if (!incident.disputes?.length) {
      section.append(el("p", { className: "note" }, t("no_disputes")));
      return section;
    }
    const outletOf = Object.fromEntries(events.map((e) => [e.id, e.outlet || "?"]));
    for (const dispute of incident.disputes) {
      const list = el("ul", { className: "dispute", dataset: { field: dispute.field } });
      for (const value of dispute.values) {
        const who = value.sources?.length ? value.sources.join("; ")
          : value.event_ids.map((id) => outletOf[id]).join("; ");
        list.append(el("li", {}, el("strong", {}, disputeValue(dispute.field, value.value)), " — ", who));
      }
      section.append(el("h4", {}, t(`field_${dispute.field}`)), list);
    }
    return section;
  }

  reports(incident, events, articles, quotes) {
    const disputed = new Set((incident.disputes || []).map((d) => d.field));
    const table = el("table", { className: "reports", id: "incident-reports" });
    const head = el("tr", {}, el("th", {}, ""));
    for (const e of events) {
      const read = el("button", { type: "button", className: "link" }, t("read_article"));
      read.addEventListener("click", () => this.onSelect(e.id, e.article_id));
      head.append(el("th", { dataset: { eventId: e.id } }, e.outlet || "?", el("br"),
                     el("span", { className: "note", dir: "auto" }, articles[e.article_id]?.title || ""), el("br"), read));
    }
    const rows = [
      ["col_certainty", null, (e) => term("certainty", e.certainty)],
      ["row_sources", null, (e) => (e.sources || []).map((s) => `${term("kind", s.kind)}${s.name ? `: ${s.name}` : ""}`).join("; ") || "—"],
      ["field_fatalities", "fatalities", (e) => e.fatalities?.count ?? e.fatalities?.min ?? "—"],
      ["field_perpetrator", "perpetrator", (e) => actorsOf(e, "actor1") || "—"],
      ["field_target", "target", (e) => actorsOf(e, "actor2") || "—"],
      ["field_date", "date", (e) => dateLabel(e.date) || "—"],
      ["field_location", "location", (e) => placeLabel(e.location) || "—"],
      ["field_type", "type", (e) => term("type", e.type)],
      ["row_evidence", null, (e) => el("q", { dir: "rtl", lang: "ar" }, (quotes[e.id] || []).join(" … "))],
    ];
    const body = el("tbody");
    for (const [label, field, value] of rows) {
      const flagged = field && disputed.has(field);
      const tr = el("tr", { dataset: { row: field || label }, className: flagged ? "disputed" : "" },
                    el("th", {}, t(label), flagged ? el("span", { className: "badge" }, t("disputed")) : null));
      for (const e of events) {
        const v = value(e);
        tr.append(el("td", { dataset: { eventId: e.id } }, v instanceof Node ? v : String(v)));
      }
      body.append(tr);
    }
    table.append(el("thead", {}, head), body);
    return el("section", {}, el("h3", {}, t("reports")), el("div", { className: "reports-scroll" }, table));
  }
}
