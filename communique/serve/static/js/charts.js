// Communique's charts, drawn as plain SVG from the page's JSON twin.
//
// Hand-written rather than a charting library: the four charts (stacked monthly bars with a
// line, small multiples of figures, a timeline, diverging partner bars) are a few dozen lines
// each; every mark carries its number in data-* attributes, which the browser test compares with
// the store; and colours come from CSS classes, so nothing needs inline styles, which the
// Content-Security-Policy forbids (several chart libraries set them).

const NS = "http://www.w3.org/2000/svg";
const QUADS = [
  [1, "verbal_coop", "verbal cooperation"],
  [2, "material_coop", "material cooperation"],
  [3, "verbal_conflict", "verbal conflict"],
  [4, "material_conflict", "material conflict"],
];

export function el(tag, attrs, parent, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function titled(node, text) {
  el("title", {}, node, text);
  return node;
}

export async function fetchJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

export function fmt(v) {
  if (v === null || v === undefined) return "–";
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(a >= 1e10 ? 0 : 1)} bn`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)} m`;
  return Number(v).toLocaleString("en");
}

export function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function clear(svg) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
}

function empty(svg, w, h, message) {
  el("text", { x: w / 2, y: h / 2, "text-anchor": "middle", class: "label" }, svg, message);
}

// Events per month stacked by quad class, with the mean Goldstein score as a line.
export function monthlyChart(figure, months) {
  const svg = figure.querySelector("svg");
  const [W, H, L, R, T, B] = [900, 270, 46, 46, 12, 30];
  clear(svg);
  const total = months.reduce((s, m) => s + m.events, 0);
  svg.dataset.total = String(total);
  svg.dataset.months = String(months.length);
  const summary = figure.querySelector("figcaption");
  if (summary) summary.dataset.total = String(total);
  if (!months.length) return empty(svg, W, H, "no dated events");
  const axis = monthsBetween(months[0].month, months[months.length - 1].month);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const max = Math.max(...months.map((m) => m.events));
  const band = (W - L - R) / axis.length;
  const x = (i) => L + i * band;
  const y = (v) => H - B - (v / max) * (H - T - B);
  const yg = (g) => T + ((10 - g) / 20) * (H - T - B);
  const grid = el("g", { class: "axis" }, svg);
  for (const v of [0, Math.round(max / 2), max]) {
    el("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid" }, grid);
    el("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, grid, String(v));
  }
  for (const g of [-10, 0, 10]) {
    el("text", { x: W - R + 6, y: yg(g) + 4 }, grid, g > 0 ? `+${g}` : String(g));
  }
  // Up to two years of months: a label every few months; longer: every January (every few
  // years when there are many).
  const years = Math.ceil(axis.length / 12);
  const yearStep = Math.max(1, Math.ceil(years / 12));
  const monthStep = Math.max(1, Math.ceil(axis.length / 12));
  axis.forEach((month, i) => {
    const long = axis.length > 24;
    const show = long
      ? month.endsWith("-01") && Number(month.slice(0, 4)) % yearStep === 0
      : i % monthStep === 0;
    if (show) {
      el("text", { x: x(i) + (long ? 0 : band / 2), y: H - B + 16, "text-anchor": "middle" }, grid,
         long ? month.slice(0, 4) : month);
    }
  });
  const bars = el("g", { class: "bars" }, svg);
  const width = Math.max(1, band * 0.8);
  axis.forEach((month, i) => {
    const m = byMonth.get(month);
    if (!m) return;
    let base = 0;
    for (const [quad, key, label] of QUADS) {
      const count = m[key] || 0;
      if (!count) continue;
      const rect = el("rect", {
        class: `bar q${quad}`, x: x(i) + (band - width) / 2, width,
        y: y(base + count), height: y(base) - y(base + count),
        "data-month": month, "data-quad": quad, "data-count": count,
      }, bars);
      titled(rect, `${month}: ${count} ${label}`);
      base += count;
    }
  });
  const pts = axis.map((month, i) => [i, byMonth.get(month)])
    .filter(([, m]) => m && m.mean_goldstein !== null && m.mean_goldstein !== undefined);
  if (pts.length > 1) {
    const d = pts.map(([i, m], k) => `${k ? "L" : "M"}${x(i) + band / 2},${yg(m.mean_goldstein)}`);
    el("path", { class: "gold-line", d: d.join("") }, svg);
  }
  for (const [i, m] of pts) {
    titled(el("circle", {
      class: "gold-dot", cx: x(i) + band / 2, cy: yg(m.mean_goldstein), r: 3,
      "data-month": m.month, "data-goldstein": m.mean_goldstein,
    }, svg), `${m.month}: mean Goldstein ${m.mean_goldstein} over ${m.events} events`);
  }
}

const DAY = 86400000;

function when(row, startKey) {
  const v = row[startKey] || row.published;
  return v ? Date.parse(v) : null;
}

// Figures as small multiples, one per measure and unit; targets and forecasts marked.
export function amountsPanels(figure, amounts) {
  const holder = figure.querySelector(".panels");
  holder.replaceChildren();
  const groups = new Map();
  for (const a of amounts) {
    const t = when(a, "period_start");
    if (t === null || a.value === null) continue;
    const key = `${a.measure || "figure"} (${a.unit || "?"})`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ ...a, t });
  }
  figure.dataset.series = String(groups.size);
  if (!groups.size) {
    holder.textContent = "No dated figures with these parties.";
    return;
  }
  const [W, H, L, R, T, B] = [430, 170, 56, 14, 14, 26];
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 6);
  for (const [key, rows] of ordered) {
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "panel", role: "img",
                            "aria-label": key }, holder);
    svg.dataset.series = key;
    el("text", { x: L, y: 11, class: "label" }, svg, key);
    const ts = rows.map((r) => r.t);
    let [t0, t1] = [Math.min(...ts), Math.max(...ts)];
    if (t1 - t0 < 60 * DAY) { t0 -= 180 * DAY; t1 += 180 * DAY; }
    const vmax = Math.max(...rows.map((r) => r.value)) * 1.1 || 1;
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const y = (v) => H - B - (v / vmax) * (H - T - B);
    const g = el("g", { class: "axis" }, svg);
    el("line", { x1: L, x2: W - R, y1: y(0), y2: y(0) }, g);
    el("text", { x: L - 4, y: y(0) + 4, "text-anchor": "end" }, g, "0");
    el("text", { x: L - 4, y: y(vmax / 1.1) + 4, "text-anchor": "end" }, g, fmt(vmax / 1.1));
    el("text", { x: L, y: H - 8 }, g, new Date(t0).toISOString().slice(0, 7));
    el("text", { x: W - R, y: H - 8, "text-anchor": "end" }, g,
       new Date(t1).toISOString().slice(0, 7));
    const actual = rows.filter((r) => r.kind === "actual").sort((a, b) => a.t - b.t);
    if (actual.length > 1) {
      el("path", { class: "series-line",
                   d: actual.map((r, k) => `${k ? "L" : "M"}${x(r.t)},${y(r.value)}`).join("") },
         svg);
    }
    for (const r of rows) {
      const attrs = { "data-value": r.value, "data-kind": r.kind, "data-date": r.period_start || r.published };
      const label = `${r.text}: ${fmt(r.value)} ${r.unit || ""} (${r.kind}, ${attrs["data-date"]})`;
      const link = el("a", { href: r.evidence_url }, svg);
      if (r.kind === "target") {
        const [cx, cy] = [x(r.t), y(r.value)];
        titled(el("path", { class: "pt-target", d: `M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`, ...attrs }, link), label);
        el("text", { x: cx, y: cy - 9, "text-anchor": "middle", class: "target-label" }, link, "target");
      } else {
        titled(el("circle", { class: r.kind === "forecast" ? "pt-forecast" : "pt-actual",
                              cx: x(r.t), cy: y(r.value), r: 4, ...attrs }, link), label);
      }
    }
  }
}

// Agreements on a time axis, labels alternating above and below.
export function timeline(figure, agreements) {
  const svg = figure.querySelector("svg");
  const [W, H, L, R, Y] = [900, 150, 30, 30, 78];
  clear(svg);
  const rows = agreements.map((g) => ({ ...g, t: when(g, "signed_start") }))
    .filter((g) => g.t !== null).sort((a, b) => a.t - b.t);
  svg.dataset.count = String(rows.length);
  if (!rows.length) return empty(svg, W, H, "no dated agreements");
  let [t0, t1] = [rows[0].t, rows[rows.length - 1].t];
  if (t1 - t0 < 60 * DAY) { t0 -= 180 * DAY; t1 += 180 * DAY; }
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  el("line", { class: "tl-axis", x1: L, x2: W - R, y1: Y, y2: Y }, svg);
  const g = el("g", { class: "axis" }, svg);
  el("text", { x: L, y: H - 4 }, g, new Date(t0).toISOString().slice(0, 10));
  el("text", { x: W - R, y: H - 4, "text-anchor": "end" }, g, new Date(t1).toISOString().slice(0, 10));
  rows.forEach((a, i) => {
    const up = i % 2 === 0;
    const ly = up ? Y - 34 - (i % 4 === 0 ? 0 : 14) : Y + 40 + (i % 4 === 1 ? 0 : 14);
    const date = a.signed_start || `${a.published} (article)`;
    const link = el("a", { href: a.evidence_url }, svg);
    el("line", { class: "tl-stem", x1: x(a.t), x2: x(a.t), y1: Y, y2: ly + (up ? 4 : -10) }, link);
    titled(el("circle", { class: "tl-mark", cx: x(a.t), cy: Y, r: 5, "data-date": date,
                          "data-kind": a.kind }, link),
           `${a.kind}${a.name ? `: ${a.name}` : ""}, ${date}, ${a.parties.join("–")}`);
    el("text", { x: x(a.t), y: ly, "text-anchor": "middle", class: "label" }, link,
       `${a.name || a.kind} ${date.slice(0, 7)}`);
  });
}

// A country's top partners: cooperation and conflict events as one bar each.
export function partnersChart(figure, partners) {
  const svg = figure.querySelector("svg");
  const top = partners.slice(0, 15);
  const [W, L, ROW] = [900, 170, 18];
  const H = 20 + top.length * ROW;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  clear(svg);
  if (!top.length) return empty(svg, W, 40, "no partners");
  const max = Math.max(...top.map((p) => p.cooperation + p.conflict)) || 1;
  const scale = (v) => (v / max) * (W - L - 60);
  top.forEach((p, i) => {
    const y = 10 + i * ROW;
    const link = el("a", { href: p.dyad_url }, svg);
    el("text", { x: L - 8, y: y + 12, "text-anchor": "end", class: "label" }, link,
       `${p.country.name || p.country.code}`);
    titled(el("rect", { class: "coop", x: L, y, width: scale(p.cooperation), height: ROW - 4,
                        "data-partner": p.country.code, "data-cooperation": p.cooperation }, link),
           `${p.cooperation} cooperation events`);
    titled(el("rect", { class: "conflict", x: L + scale(p.cooperation), y,
                        width: scale(p.conflict), height: ROW - 4,
                        "data-partner": p.country.code, "data-conflict": p.conflict }, link),
           `${p.conflict} conflict events`);
    el("text", { x: L + scale(p.cooperation + p.conflict) + 6, y: y + 12, class: "label" }, link,
       `${p.cooperation} / ${p.conflict}`);
  });
}
