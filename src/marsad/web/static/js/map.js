// The map: country outlines (vendored Natural Earth TopoJSON, no tiles) and event points.

import { colourOf } from "./colours.js";
import { t, term } from "./i18n.js";

const SVG_LIMIT = 3000; // above this many points, draw on a canvas (faster, not in the DOM)

export class EventMap {
  constructor(element, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(element, { zoomControl: true, worldCopyJump: true, minZoom: 2 })
      .setView([34.8, 38.5], 6);
    this.layer = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.legend = L.control({ position: "bottomright" });
    this.legend.onAdd = () => L.DomUtil.create("div", "legend");
    this.legend.addTo(this.map);
    this.fitted = false;
    this.selected = null;
  }

  async loadOutlines(url) {
    const topo = await fetch(url).then((r) => r.json());
    const countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#7d8c9c", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
  }

  show(collection) {
    this.layer.clearLayers();
    this.markers.clear();
    const features = collection.features;
    const renderer = features.length > SVG_LIMIT ? L.canvas({ padding: 0.2 }) : L.svg();
    const byPlace = new Map();
    for (const f of features) {
      const key = f.geometry.coordinates.join(",");
      if (!byPlace.has(key)) byPlace.set(key, []);
      byPlace.get(key).push(f);
    }
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lon], {
        renderer, radius: 7, weight: 1, color: "#222", fillColor: colourOf(p.type),
        fillOpacity: p.historical ? 0.35 : 0.85, className: "event-marker",
      });
      marker.bindTooltip(`${term("type", p.type)} · ${p.date ?? "?"} · ${p.location ?? ""}`,
                         { direction: "top" });
      marker.on("click", () => {
        const here = byPlace.get(f.geometry.coordinates.join(","));
        if (here.length > 1) this.listPlace(marker, here);
        this.onSelect(p.id, p.article_id);
      });
      marker.addTo(this.layer);
      const el = marker.getElement && marker.getElement();
      if (el) el.setAttribute("data-event-id", p.id);
      this.markers.set(p.id, marker);
    }
    this.drawLegend(features);
    if (!this.fitted && features.length) {
      const bounds = L.latLngBounds(features.map((f) => [f.geometry.coordinates[1],
                                                         f.geometry.coordinates[0]]));
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 });
      this.fitted = true;
    }
    if (this.selected) this.highlight(this.selected);
  }

  listPlace(marker, features) {
    const box = document.createElement("div");
    box.className = "place-list";
    box.append(document.createTextNode(t("here_too")));
    const list = document.createElement("ul");
    for (const f of features) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${f.properties.date ?? "?"} · ${term("type", f.properties.type)}`;
      button.addEventListener("click", () => this.onSelect(f.properties.id, f.properties.article_id));
      item.append(button);
      list.append(item);
    }
    box.append(list);
    marker.bindPopup(box).openPopup();
  }

  drawLegend(features) {
    const counts = new Map();
    for (const f of features) counts.set(f.properties.type, (counts.get(f.properties.type) || 0) + 1);
    const box = this.legend.getContainer();
    box.replaceChildren();
    for (const [type, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      const row = document.createElement("div");
      const swatch = document.createElement("i");
      swatch.style.background = colourOf(type);
      row.append(swatch, document.createTextNode(`${term("type", type)} (${n})`));
      box.append(row);
    }
  }

  highlight(eventId) {
    if (this.selected && this.markers.has(this.selected)) {
      this.markers.get(this.selected).setStyle({ weight: 1, color: "#222", radius: 7 });
    }
    this.selected = eventId;
    const marker = this.markers.get(eventId);
    if (marker) {
      marker.setStyle({ weight: 3, color: "#000", radius: 10 });
      marker.bringToFront();
    }
  }

  refreshLabels(collection) {
    if (collection) this.drawLegend(collection.features);
  }
}
