// The map of event locations: the world outline (Natural Earth 1:110m from the npm package
// world-atlas, decoded by topojson-client and projected by d3-geo, all three vendored at
// install time by `make vendor`; no tile server, no CDN) and one circle per location.
import { el, fetchJSON } from "./charts.js";

const W = 960;
const H = 480;
const figure = document.getElementById("map");
const svg = figure.querySelector("svg");

async function outline() {
  const url = figure.dataset.outline;
  if (!url || !window.d3 || !window.topojson) return null;
  const topo = await fetchJSON(url);
  const land = window.topojson.feature(topo, topo.objects.countries);
  const projection = window.d3.geoEquirectangular().fitSize([W, H], { type: "Sphere" });
  const path = window.d3.geoPath(projection);
  el("path", { class: "sea", d: path({ type: "Sphere" }) }, svg);
  const g = el("g", { class: "countries" }, svg);
  for (const feature of land.features) {
    el("path", { class: "land", d: path(feature), "data-name": feature.properties.name }, g);
  }
  svg.dataset.outline = String(land.features.length);
  return (lon, lat) => projection([lon, lat]);
}

function plain() {
  // Without the outline: an equirectangular grid every 30 degrees.
  el("rect", { class: "sea", x: 0, y: 0, width: W, height: H }, svg);
  for (let lon = -180; lon <= 180; lon += 30) {
    const x = ((lon + 180) / 360) * W;
    el("line", { class: "grid", x1: x, x2: x, y1: 0, y2: H }, svg);
  }
  for (let lat = -90; lat <= 90; lat += 30) {
    const y = ((90 - lat) / 180) * H;
    el("line", { class: "grid", x1: 0, x2: W, y1: y, y2: y }, svg);
  }
  svg.dataset.outline = "0";
  return (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
}

try {
  const page = await fetchJSON(figure.dataset.src);
  const project = (await outline()) || plain();
  const max = Math.max(1, ...page.points.map((p) => p.events));
  const g = el("g", { class: "points" }, svg);
  for (const p of page.points) {
    const [x, y] = project(p.lon, p.lat);
    const circle = el("circle", {
      class: "pt", cx: x, cy: y, r: 1.5 + 10 * Math.sqrt(p.events / max),
      "data-events": p.events, "data-lat": p.lat, "data-lon": p.lon,
    }, g);
    el("title", {}, circle, `${p.place || "?"} (${p.country || "?"}): ${p.events} event(s)`);
  }
  svg.dataset.points = String(page.points.length);
  document.body.dataset.charts = "ready";
} catch (error) {
  figure.querySelector("figcaption").textContent = `map unavailable: ${error.message}`;
  document.body.dataset.charts = "failed";
}
