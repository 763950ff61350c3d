// The dyad view: the monthly chart, the figures and the agreements timeline, from the page's
// JSON twin (the same view as the page).
import { amountsPanels, fetchJSON, monthlyChart, timeline } from "./charts.js";

const figure = document.getElementById("monthly");
try {
  const page = await fetchJSON(figure.dataset.src);
  monthlyChart(figure, page.months);
  amountsPanels(document.getElementById("amounts"), page.amounts);
  timeline(document.getElementById("timeline"), page.agreements);
  document.body.dataset.charts = "ready";
} catch (error) {
  figure.querySelector("figcaption").textContent = `chart unavailable: ${error.message}`;
  document.body.dataset.charts = "failed";
}
