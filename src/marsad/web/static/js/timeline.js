// Events per day as bars (uPlot); dragging across it sets the date filter.

const DAY = 86400;

function toSeconds(iso) { return Date.parse(`${iso}T00:00:00Z`) / 1000; }
export function toISODate(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); }

export class Timeline {
  constructor(element, onRange) {
    this.element = element;
    this.onRange = onRange;
    this.plot = null;
  }

  data(days) {
    if (!days.length) return [[], []];
    const first = toSeconds(days[0][0]);
    const last = toSeconds(days[days.length - 1][0]);
    const span = (last - first) / DAY;
    if (span > 5000) {  // a very long range: plot the days that have events
      return [days.map((d) => toSeconds(d[0])), days.map((d) => d[1])];
    }
    const counts = new Map(days.map((d) => [toSeconds(d[0]), d[1]]));
    const xs = [], ys = [];
    for (let s = first; s <= last; s += DAY) { xs.push(s); ys.push(counts.get(s) || 0); }
    return [xs, ys];
  }

  show(days) {
    const data = this.data(days);
    this.element.dataset.days = String(days.length);
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    const width = Math.max(this.element.clientWidth, 300);
    this.plot = new uPlot({
      width, height: 140,
      cursor: { drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true } },
      legend: { show: false },
      axes: [{}, { size: 40 }],
      series: [{}, { label: "events", fill: "rgba(31,58,95,0.6)", stroke: "#1f3a5f",
                     paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } }],
      hooks: {
        setSelect: [(u) => {
          if (u.select.width < 2) return;
          const from = u.posToVal(u.select.left, "x");
          const to = u.posToVal(u.select.left + u.select.width, "x");
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
          this.onRange(toISODate(from), toISODate(to));
        }],
      },
    }, data, this.element);
  }

  resize() {
    if (this.plot) this.plot.setSize({ width: Math.max(this.element.clientWidth, 300), height: 140 });
  }
}
