// The article view: the event named in the URL fragment (#ev-E3), which the dashboard's
// "evidence" links point to, is highlighted in every piece of its sentence and scrolled to.
function markEvent() {
  for (const node of document.querySelectorAll(".hl-event.current")) {
    node.classList.remove("current");
  }
  const match = /^#ev-(.+)$/.exec(window.location.hash);
  if (!match) return;
  const id = decodeURIComponent(match[1]);
  const pieces = [...document.querySelectorAll(".hl-event")].filter((n) => n.dataset.event === id);
  for (const node of pieces) node.classList.add("current");
  if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
  document.body.dataset.current = id;
}

window.addEventListener("hashchange", markEvent);
markEvent();
