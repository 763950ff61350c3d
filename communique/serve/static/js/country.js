// The country view: partners by cooperation and conflict, and the monthly chart.
import { fetchJSON, monthlyChart, partnersChart } from "./charts.js";

const figure = document.getElementById("partners");
try {
  const page = await fetchJSON(figure.dataset.src);
  partnersChart(figure, page.partners);
  monthlyChart(document.getElementById("monthly"), page.months);
  document.body.dataset.charts = "ready";
} catch (error) {
  figure.querySelector("figcaption").textContent = `chart unavailable: ${error.message}`;
  document.body.dataset.charts = "failed";
}
