// qadeck preview: search, filters, card flipping and dark mode. Source text is only ever read
// from the page (textContent), never written into it as HTML.
//
// The cards wait in a <template> (parsed, never styled or laid out) and only the first PAGE of
// those that match are in the document at a time, so a deck of 10,000 cards opens and filters
// without a stall.
(() => {
  "use strict";
  const PAGE = 100;
  const byId = (id) => document.getElementById(id);
  const cards = Array.from(byId("deck").content.children);
  const texts = cards.map((card) => card.textContent.toLowerCase());
  const list = byId("cards"), more = byId("more"), count = byId("count");
  const search = byId("search"), topic = byId("topic"), level = byId("difficulty"),
    source = byId("source"), answers = byId("show-answers");
  let matches = cards;
  let limit = PAGE;

  function show() {
    list.replaceChildren(...matches.slice(0, limit));
    const rest = matches.length - limit;
    more.hidden = rest <= 0;
    more.textContent = `Show ${Math.min(rest, PAGE)} more (${rest} not shown)`;
    count.textContent = `${matches.length} of ${cards.length} cards`;
  }

  function apply() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const t = topic.value, d = level.value, s = source.value;
    matches = cards.filter((card, i) => {
      const data = card.dataset;
      return (!t || data.topics.split(" ").includes(t)) &&
        (!d || data.difficulty === d) && (!s || data.source === s) &&
        words.every((w) => texts[i].includes(w));
    });
    limit = PAGE;
    show();
  }

  let timer = 0;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  [topic, level, source].forEach((el) => el.addEventListener("change", apply));
  more.addEventListener("click", () => {
    limit += PAGE;
    show();
  });
  answers.addEventListener("change", () => document.body.classList.toggle("show-answers", answers.checked));

  const flip = (event) => {
    const card = event.target.closest("article.qa");
    if (card && !event.target.closest("a")) card.classList.toggle("flipped");
  };
  list.addEventListener("click", flip);
  list.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      flip(event);
    }
  });

  // Anki's note CSS styles night mode under .nightMode: follow the system's choice.
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const night = () => document.body.classList.toggle("nightMode", dark.matches);
  dark.addEventListener("change", night);
  night();
  show();
})();
