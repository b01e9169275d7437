// The archive's search page, on Pagefind's JavaScript API. A query downloads
// only the pieces of the index it needs; a filter's data is downloaded only
// when the filter is used (Pagefind's own UI downloads every filter up front,
// which grows with the archive). Text from articles is shown as text.
(() => {
  const GROUPS = ["person", "country", "language", "source", "year"];
  const LABELS = {person: "Person", country: "Country", language: "Language", source: "Source", year: "Year"};
  const PAGE = 10;

  const root = document.getElementById("archive-search");
  const site = new URL("..", document.baseURI);
  const input = root.querySelector("input[type=search]");
  const active = root.querySelector(".archive-search__active");
  const facets = root.querySelector(".archive-search__facets");
  const status = root.querySelector(".archive-search__status");
  const list = root.querySelector(".archive-search__results");
  const more = root.querySelector(".archive-search__more");
  const chosen = new Map();            // "key\u0000value" -> [key, value]
  let pagefind, loading, results = [], shown = 0, run = 0;

  const group = (key) => key.split("-")[0];
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // Pagefind's excerpt is escaped text with <mark> around the words found:
  // keep exactly that, through an inert document, and nothing else.
  const excerpt = (html) => {
    const out = el("p", "archive-search__excerpt");
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    for (const node of doc.body.childNodes) {
      out.append(node.nodeName === "MARK" ? el("mark", "", node.textContent) : document.createTextNode(node.textContent));
    }
    return out;
  };

  const filters = () => {
    const wanted = {};
    for (const [key, value] of chosen.values()) (wanted[key] = wanted[key] || []).push(value);
    return wanted;
  };

  const chip = (key, value, on) => {
    const button = el("button", "md-button archive-search__chip", on ? `${value} ✕` : value);
    button.type = "button";
    button.title = on ? "Remove this filter" : `Only articles with ${LABELS[group(key)].toLowerCase()} ${value}`;
    button.addEventListener("click", () => {
      const id = `${key}\u0000${value}`;
      if (chosen.has(id)) chosen.delete(id); else chosen.set(id, [key, value]);
      search();
    });
    return button;
  };

  const showActive = () => {
    active.replaceChildren(...[...chosen.values()].map(([key, value]) => chip(key, value, true)));
  };

  const showFacets = (datas) => {
    const seen = new Map();
    for (const data of datas) {
      for (const [key, values] of Object.entries(data.filters || {})) {
        for (const value of values) {
          const id = `${key}\u0000${value}`;
          if (!chosen.has(id)) seen.set(id, [key, value, (seen.get(id)?.[2] || 0) + 1]);
        }
      }
    }
    const rows = GROUPS.map((name) => {
      const values = [...seen.values()].filter(([key]) => group(key) === name)
        .sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1])).slice(0, 12);
      if (!values.length) return null;
      const row = el("div", "archive-search__facet");
      row.append(el("span", "archive-search__facet-name", `${LABELS[name]}:`), ...values.map(([k, v]) => chip(k, v, false)));
      return row;
    }).filter(Boolean);
    facets.replaceChildren(...(rows.length ? [el("p", "", "Narrow the results:"), ...rows] : []));
  };

  const showMore = async (mine) => {
    const datas = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    if (mine !== run) return [];
    for (const data of datas) {
      const item = el("li", "archive-search__result");
      const link = el("a", "", data.meta.title || data.url);
      link.href = data.url;
      item.append(link, excerpt(data.excerpt));
      list.append(item);
    }
    shown += datas.length;
    more.hidden = shown >= results.length;
    return datas;
  };

  // A large archive's index comes in parts (pagefind/parts.json lists those
  // after the first): each part is merged in, and a query downloads from
  // each only the pieces it needs.
  async function load() {
    const found = await import(new URL("pagefind/pagefind.js", site).href);
    await found.options({baseUrl: site.pathname});
    const parts = await fetch(new URL("pagefind/parts.json", site)).then((r) => (r.ok ? r.json() : []), () => []);
    for (const part of parts) await found.mergeIndex(new URL(`pagefind/${part}/`, site).href, {baseUrl: site.pathname});
    return found;
  }

  async function search() {
    const mine = ++run;
    const term = input.value.trim();
    showActive();
    if (!term && !chosen.size) {
      results = []; list.replaceChildren(); facets.replaceChildren(); status.textContent = ""; more.hidden = true;
      return;
    }
    status.textContent = "Searching…";
    loading = loading || load();        // once, however many searches start meanwhile
    pagefind = await loading;
    const found = await pagefind.search(term || null, {filters: filters()});
    if (mine !== run || !found) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    status.textContent = `${results.length} article${results.length === 1 ? "" : "s"}`;
    showFacets(await showMore(mine));
  }

  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  root.querySelector("form").addEventListener("submit", (event) => { event.preventDefault(); search(); });
  more.addEventListener("click", () => showMore(run));
  const query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; search(); }
})();
