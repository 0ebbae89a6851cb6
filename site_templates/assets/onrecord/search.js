// On Record search page: runs the form's query against Pagefind's index and keeps the form's
// state in the URL (?q=…&speaker=…&show=…&year=…&sort=date), so a search can be shared.
// Everything taken from the index is inserted as text; only Pagefind's <mark> is kept.
//
// No silent prefix fallback: Pagefind answers a word no page holds with pages holding its prefix
// ("infaltion" finds "in") or with nothing, and says neither. So each word of the query is also
// looked up whole (Pagefind's exact search: the word or another form of its stem, as the
// language's stemmer has it, accents aside); for a word no page holds, the page says so and offers
// the archive's nearest words (nearest.js, loaded only then) as links that run the corrected
// query. The hits Pagefind found anyway are not listed as if they matched: if the word is the start
// of longer words (still being typed), they are listed under "Words starting with …"; otherwise
// the results are those of the query's other words, under "Results for …", or none.
const form = document.querySelector("form.onr-search");
const status = document.querySelector(".onr-search-status");
const list = document.querySelector("ol.onr-results");
const root = new URL("../../", import.meta.url);
const FIELDS = ["q", "speaker", "show", "year", "sort"];
const PAGE = 5;       // results loaded at a time: each costs a fetch of its page's fragment
const PER_PAGE = 3;   // turns shown under each result

const WORDS = /[\p{L}\p{M}]+/gu;  // a query's words, as generator/vocabulary.py counts them
const { lang, say, sayCount } = window.onrecordStrings;  // strings.js: the page's words, or the English written here

let pagefind;
let fresh = 0;        // indexes published since the page loaded (a preview's index catching up)
let serial = 0;
let current = null;   // the latest search: its results, values, and how many are shown
const more = document.createElement("button");
more.type = "button";
more.className = "onr-more";
more.textContent = say("more", "More results");
more.hidden = true;
list.after(more);
const suggest = element("p", "onr-search-suggest");  // "Did you mean …?"
const heading = element("h2", "onr-results-heading");  // what the results are, when not the query
suggest.hidden = heading.hidden = true;
status.after(suggest);
list.before(heading);

// A big archive's index is in shards (generator/search.py): the first at pagefind/, the others
// listed in its entry file, merged into it here. Each shard's pages carry a filter of its number,
// so that a date sort can ask each shard in turn (see find).
const SHARD = "onrecord_shard";
let shards = 1;
let undated = new Set();

// Load Pagefind as the page opens, so typing only waits for the query itself. Loaded once,
// whoever asks first: a shard merged twice would list its results twice.
let loading;
function load() {
  loading ??= (async () => {
    // A new index is a new module: its URL changes with it (a failed import is not retried).
    const module = await import(new URL(`pagefind/pagefind.js${fresh ? `?${fresh}` : ""}`, root).href);
    await module.options({ baseUrl: root.pathname });
    await module.init();
    await merge(module);
    pagefind = module;
    return module;
  })();
  return loading;
}

async function merge(pagefind) {
  const bundle = new URL("pagefind/", root);
  const entry = await fetch(new URL("pagefind-entry.json", bundle), { cache: "no-cache" }).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  const listed = entry.onrecord_shards;
  shards = (listed?.merge?.length || 0) + 1;
  undated = new Set(listed?.undated || []);
  if (shards === 1) return;
  await pagefind.options({ mergeFilter: { [SHARD]: "0" } });
  await Promise.all(listed.merge.map((folder, i) => pagefind.mergeIndex(new URL(folder, bundle).pathname,
    { baseUrl: root.pathname, mergeFilter: { [SHARD]: String(i + 1) } })));
}

// Pagefind's merged search orders the shards' results by score alone, even when asked to sort
// by date. The shards hold consecutive date ranges, oldest first, so a date sort asks each
// shard with pages that have a date (Pagefind leaves the others out of a sort) and lists their
// results one shard after the other; inside a shard, Pagefind's own order stands.
async function find(term, options) {
  if (!options.sort || shards === 1) return pagefind.search(term, options);
  let order = [...Array(shards).keys()].filter((i) => !undated.has(i));
  if (!order.length) order = [...Array(shards).keys()];
  if (options.sort.date === "desc") order.reverse();
  const found = await Promise.all(order.map((i) => pagefind.search(term, { ...options, filters: { ...options.filters, [SHARD]: String(i) } })));
  if (found.some((one) => !one)) return null;
  return { ...found[0], results: found.flatMap((one) => one.results) };
}

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

// A turn's title as Pagefind took it from the turn's heading: "Mara Quinn 00:35#", the last
// character being the heading's link glyph (generator/pages/markup.py, turns).
function title(sub) {
  return sub.title.replace(/\s*#$/, "");
}

function turns(data, speaker) {
  const subs = (data.sub_results || []).filter((sub) => sub.url.includes("#t") || sub.url.includes("#p"));
  return subs.filter((sub) => !speaker || title(sub).startsWith(speaker)).slice(0, PER_PAGE);
}

// A turn's URL that marks the query's words when it opens (episode.js): page/?highlight=q#t30.
function marked(url, query) {
  const [path, anchor] = url.split("#");
  return `${path}${path.includes("?") ? "&" : "?"}highlight=${encodeURIComponent(query)}${anchor ? `#${anchor}` : ""}`;
}

// "2022-01-20" as the pages write dates in the site's language: "January 20, 2022" in English.
function longDate(iso) {
  const locale = lang || document.documentElement.lang || "en";
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

function result(data, values) {
  const meta = data.meta || {};
  const facts = [meta.show, meta.date && longDate(meta.date)].filter(Boolean).join(" · ");
  const item = element("li", "onr-result",
    element("p", "onr-result-title", link(data.url, meta.title || data.url)),
  );
  if (facts) item.append(element("p", "onr-result-facts", facts));
  const matches = values.q ? turns(data, values.speaker) : [];
  if (matches.length) {
    const sub = element("ol", "onr-result-turns");
    for (const turn of matches) {
      sub.append(element("li", "", link(marked(turn.url, values.q), title(turn)), element("p", "onr-excerpt", excerpt(turn.excerpt || ""))));
    }
    item.append(sub);
  } else if (data.excerpt && values.q) {
    item.append(element("p", "onr-excerpt", excerpt(data.excerpt)));
  }
  return item;
}

// Items as the page's language lists them ("a, b and c"), in parts (for links); `type` "disjunction": "a, b or c".
function listed(items, type = "conjunction") {
  try {
    return new Intl.ListFormat(lang || document.documentElement.lang || "en", { type }).formatToParts(items);
  } catch {
    return items.flatMap((item, i) => [...(i ? [{ type: "literal", value: ", " }] : []), { type: "element", value: item }]);
  }
}

function quoted(words) {
  return listed(words.map((word) => say("quote_word", "“%(word)s”", { word }))).map((part) => part.value).join("");
}

// The query's words that no page holds whole (numbers and one-letter words are not checked).
async function absent(query) {
  const words = [...new Set(query.match(WORDS) || [])].filter((word) => word.length > 1);
  const found = await Promise.all(words.map((word) => pagefind.search(`"${word}"`)));
  return words.filter((word, i) => !found[i]?.results.length);
}

// The query with each absent word replaced by one of its nearest words (dropped if it has none):
// up to three such queries, the first with each word's nearest.
function corrections(query, missing, words, nearest) {
  const options = new Map(missing.map((word) => [nearest.key(word), words.nearest(word)]));
  if (![...options.values()].some((found) => found.length)) return [];
  const fixed = new Set();
  for (let i = 0; i < 3; i++) {
    fixed.add(query.replace(WORDS, (word) => {
      const found = options.get(nearest.key(word));
      return found ? found[Math.min(i, found.length - 1)] || "" : word;
    }).replace(/\s+/g, " ").trim());
  }
  return [...fixed].filter((q) => /\p{L}/u.test(q));
}

// "Did you mean inflation or infection?": each a link to the same search with that query.
function offer(queries) {
  const [before, after = ""] = say("suggest", "Did you mean %(terms)s?").split("%(terms)s");
  const params = new URLSearchParams(location.search);
  const links = listed(queries, "disjunction").map((part) => {
    if (part.type !== "element") return part.value;
    params.set("q", part.value);
    const a = element("a", "", part.value);
    a.href = `?${params}`;
    return a;
  });
  suggest.replaceChildren(before, ...links, after);
  suggest.hidden = false;
}

// For a query with absent words: what to list instead of Pagefind's prefix hits, and what to say.
async function instead(values, search, missing, options) {
  const nearest = await import(new URL("nearest.js", import.meta.url).href);
  const words = await nearest.vocabulary(new URL("pagefind/onrecord-words.txt", root).href);
  const queries = corrections(values.q, missing, words, nearest);
  const notice = sayCount("absent", "No transcript has the word %(words)s.", "No transcript has the words %(words)s.",
    missing.length, { words: quoted(missing) });
  if (missing.every((word) => words.begins(word))) {
    return { results: search.results, notice, queries, title: say("starting", "Words starting with %(words)s", { words: quoted(missing) }) };
  }
  const absentKeys = new Set(missing.map(nearest.key));
  const rest = values.q.match(WORDS)?.filter((word) => !absentKeys.has(nearest.key(word))) || [];
  if (!rest.length) return { results: [], notice, queries };
  const others = await find(rest.join(" "), options);
  return { results: others?.results || [], notice, queries, title: say("results_for", "Results for %(words)s", { words: quoted(rest) }) };
}

async function run() {
  const values = state();
  remember(values);
  const mine = ++serial;
  suggest.hidden = heading.hidden = true;
  if (!values.q && !values.speaker && !values.show && !values.year) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = say("searching", "Searching…");
  await load();
  const filters = {};
  for (const name of ["speaker", "show", "year"]) if (values[name]) filters[name] = values[name];
  const sort = values.sort === "date" ? { date: "desc" } : values.sort === "date-asc" ? { date: "asc" } : undefined;
  if (values.speaker) filters.type = "Episode";  // a person's words are in episodes
  const [search, missing] = await Promise.all([find(values.q || null, { filters, sort }),
    values.q ? absent(values.q) : []]);
  if (mine !== serial || !search) return;
  let found = { results: search.results };
  if (missing.length) found = await instead(values, search, missing, { filters, sort });
  if (mine !== serial) return;  // a newer search has begun: it shows its own
  if (found.queries?.length) offer(found.queries);
  current = { ...found, values, shown: 0 };
  heading.textContent = found.title || "";
  heading.hidden = !found.title || !found.results.length;
  list.replaceChildren();
  await show(mine);
}

async function show(mine) {
  const { results, values } = current;
  const next = results.slice(current.shown, current.shown + PAGE).map((r) => r.data());
  for (const pending of next) {  // fetched together, shown in order as each arrives
    const data = await pending;
    if (mine !== serial) return;
    list.append(result(data, values));
    current.shown += 1;
  }
  const count = results.length;
  const counted = !count ? (current.notice ? "" : say("none", "No results."))
    : count > current.shown
      ? sayCount("showing", "%(num)s result, showing %(shown)s", "%(num)s results, showing %(shown)s", count, { shown: current.shown })
      : sayCount("results", "%(num)s result", "%(num)s results", count);
  status.textContent = [current.notice, counted].filter(Boolean).join(" ");
  more.hidden = current.shown >= count;
  list.dataset.state = "done";
}

more.addEventListener("click", () => { if (current) show(serial); });

// In `mkdocs serve` (its livereload script is on the page), the index follows the pages it has
// just written (generator/preview.py marks it stale meanwhile): say so in one line, and search
// again with the new index once it is there. A published site has no marker, and never asks.
async function catchUp() {
  const marker = new URL("pagefind/onrecord-stale", root);
  const stale = async () => (await fetch(marker, { method: "HEAD", cache: "no-store" }).catch(() => null))?.ok;
  if (!(await stale())) return;
  const notice = element("p", "onr-search-stale");
  notice.setAttribute("role", "status");
  notice.textContent = say("stale", "The search index is catching up with your latest changes: results may be out of date for a moment.");
  form.after(notice);
  while (await stale()) await new Promise((wait) => { setTimeout(wait, 1000); });
  notice.remove();
  await pagefind?.destroy?.();
  pagefind = loading = undefined;
  fresh += 1;
  run();
}

if (typeof window.livereload === "function") catchUp();

restore();
load();
let timer;
form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 80); });
form.addEventListener("change", () => { clearTimeout(timer); run(); });
form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); run(); });
run();
