// On Record search page: runs the form's query against Pagefind's index and keeps the form's
// state in the URL (?q=…&speaker=…&show=…&year=…&sort=date), so a search can be shared.
// Everything taken from the index is inserted as text; only Pagefind's <mark> is kept.
const form = document.querySelector("form.onr-search");
const status = document.querySelector(".onr-search-status");
const list = document.querySelector("ol.onr-results");
const root = new URL("../../", import.meta.url);
const FIELDS = ["q", "speaker", "show", "year", "sort"];
const PAGE = 20;      // results rendered per query
const PER_PAGE = 3;   // turns shown under each result

let pagefind;
let serial = 0;
let shown = PAGE;

function state() {
  const values = {};
  for (const name of FIELDS) values[name] = form.elements[name].value.trim();
  return values;
}

function restore() {
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) {
    const field = form.elements[name];
    const value = params.get(name);
    if (value === null) continue;
    if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
      field.append(new Option(value, value));  // a shared URL may name a value this build lacks
    }
    field.value = value;
  }
}

function remember(values) {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (values[name]) params.set(name, values[name]);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// Pagefind excerpts are text with <mark> around matches: keep the marks, decode the rest as text.
function excerpt(html) {
  const out = document.createDocumentFragment();
  const decoder = document.createElement("textarea");
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") { marked = part === "<mark>"; continue; }
    decoder.innerHTML = part;
    const text = document.createTextNode(decoder.value);
    if (marked) { const mark = document.createElement("mark"); mark.append(text); out.append(mark); }
    else out.append(text);
  }
  return out;
}

function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function link(url, ...children) {
  const a = element("a", "", ...children);
  a.href = new URL(url.replace(/^\//, ""), root).href;
  return a;
}

function turns(data, speaker) {
  const subs = (data.sub_results || []).filter((sub) => sub.url.includes("#t") || sub.url.includes("#p"));
  return subs.filter((sub) => !speaker || sub.title.startsWith(speaker)).slice(0, PER_PAGE);
}

function result(data, values) {
  const meta = data.meta || {};
  const facts = [meta.show, meta.date].filter(Boolean).join(" · ");
  const item = element("li", "onr-result",
    element("p", "onr-result-title", link(data.url, meta.title || data.url)),
  );
  if (facts) item.append(element("p", "onr-result-facts", facts));
  const matches = values.q ? turns(data, values.speaker) : [];
  if (matches.length) {
    const sub = element("ol", "onr-result-turns");
    for (const turn of matches) {
      sub.append(element("li", "", link(turn.url, turn.title), element("p", "onr-excerpt", excerpt(turn.excerpt || ""))));
    }
    item.append(sub);
  } else if (data.excerpt && values.q) {
    item.append(element("p", "onr-excerpt", excerpt(data.excerpt)));
  }
  return item;
}

async function run() {
  const values = state();
  remember(values);
  const mine = ++serial;
  if (!values.q && !values.speaker && !values.show && !values.year) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  pagefind ??= await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname });
  const filters = {};
  for (const name of ["speaker", "show", "year"]) if (values[name]) filters[name] = values[name];
  const sort = values.sort === "date" ? { date: "desc" } : values.sort === "date-asc" ? { date: "asc" } : undefined;
  if (values.speaker) filters.type = "Episode";  // a person's words are in episodes
  const search = await pagefind.search(values.q || null, { filters, sort });
  if (mine !== serial || !search) return;
  const found = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
  if (mine !== serial) return;
  list.replaceChildren(...found.map((data) => result(data, values)));
  const count = search.results.length;
  status.textContent = count ? `${count} ${count === 1 ? "result" : "results"}` +
    (count > found.length ? `, showing the first ${found.length}` : "") : "No results.";
  list.dataset.state = "done";
}

restore();
let timer;
form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
form.addEventListener("change", () => { clearTimeout(timer); run(); });
form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); run(); });
run();
