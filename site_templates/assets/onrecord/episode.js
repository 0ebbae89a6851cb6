// On Record episode page: seek the audio from timestamps, chapters and the who-spoke-when strip,
// highlight the turn being spoken, open at #t=<seconds|hh:mm:ss> or a turn's anchor, and copy a
// turn's link. One delegated click listener and one timeupdate listener; the list of turn start
// times is read once, the first time it is needed, so a 2,000-turn page does no work per turn at load.
// Selecting words in a turn offers "Link to this quote": the turn's anchor with a text fragment
// (#t83:~:text=start,end), which browsers that know text fragments scroll to and highlight.
(() => {
  const audio = document.querySelector(".onr-player audio");
  const follow = document.querySelector(".onr-follow input");
  let turns = null;   // the timed turn elements, in order
  let starts = null;  // their start times
  let current = null;
  const { say } = window.onrecordStrings;  // strings.js: the page's words, or the English written here

  function index() {
    if (!turns) {
      turns = Array.from(document.querySelectorAll(".onr-turn[data-start]"));
      starts = Float64Array.from(turns, (t) => Number(t.dataset.start));
    }
  }

  // The last turn that starts at or before `time` (binary search).
  function turnAt(time) {
    index();
    let lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= time + 0.05) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found < 0 ? null : turns[found];
  }

  function highlight(turn, scroll) {
    if (turn === current) return;
    current?.classList.remove("onr-current");
    current = turn;
    document.dispatchEvent(new CustomEvent("onr:turn", { detail: { turn } }));  // player.js says who speaks
    if (!turn) return;
    turn.classList.add("onr-current");
    if (scroll) turn.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function seek(time, play) {
    if (!audio || Number.isNaN(time)) return;
    const go = () => {
      audio.currentTime = time;
      if (play) audio.play().catch(() => {});
    };
    if (audio.readyState >= 1) go(); else audio.addEventListener("loadedmetadata", go, { once: true });
    if (audio.readyState < 1 && audio.preload === "none") audio.load();
  }

  // "#t=83", "#t=1:23", "#t=01:01:23.5" -> seconds; anything else -> NaN
  function parseTime(text) {
    if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(text)) return NaN;
    return text.split(":").reduce((total, part) => total * 60 + Number(part), 0);
  }

  function open() {
    // a text fragment (:~:text=...) is the browser's; browsers that know it hide it from location.hash
    const hash = decodeURIComponent(location.hash.slice(1).split(":~:")[0]);
    if (hash.startsWith("t=")) {
      const time = parseTime(hash.slice(2));
      const turn = turnAt(time);
      if (turn) { highlight(turn, false); turn.scrollIntoView({ block: "start" }); }
      seek(time, false);
    } else if (hash) {
      const turn = document.getElementById(hash)?.closest(".onr-turn[data-start]");
      if (turn) { highlight(turn, false); seek(Number(turn.dataset.start), false); }
    }
  }

  const status = document.createElement("p");
  status.className = "onr-toast";
  status.setAttribute("role", "status");
  document.body.append(status);

  // Copy the page's address with `fragment` ("#t12", "#t12:~:text=...") and put it in the address bar.
  async function copy(fragment, copied) {
    const address = new URL(location.href);
    address.searchParams.delete("highlight");  // a shared link is the turn's, not a search's
    address.hash = "";
    const url = address.href + fragment;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = copied;
    } catch {
      status.textContent = url;  // no clipboard (insecure context): show it to copy by hand
    }
    history.replaceState(null, "", fragment);
    setTimeout(() => { status.textContent = ""; }, 2500);
  }

  // Text fragments (https://wicg.github.io/scroll-to-text-fragment/): a selection of up to eight
  // words in one paragraph is quoted whole; a longer one, or one across paragraphs (a match cannot
  // run over a block's edge), by its first and last four words (text=start,end). The characters
  // the syntax uses (, - &) are percent-encoded along with the rest.
  const encode = (text) => encodeURIComponent(text).replace(/-/g, "%2D");
  function textFragment(text) {
    const blocks = text.split(/\n+/).map((block) => block.trim().split(/\s+/).filter(Boolean)).filter((words) => words.length);
    if (!blocks.length) return "";
    const first = blocks[0], last = blocks[blocks.length - 1];
    if (blocks.length === 1 && first.length <= 8) return `:~:text=${encode(first.join(" "))}`;
    return `:~:text=${encode(first.slice(0, 4).join(" "))},${encode(last.slice(-4).join(" "))}`;
  }

  const quote = document.createElement("button");
  quote.type = "button";
  quote.className = "onr-quote-link";
  quote.hidden = true;
  quote.textContent = say("quote", "Link to this quote");
  document.body.append(quote);
  let quoted = "";  // the fragment the button copies, worked out when it is shown

  // The turn a selection lies in (both ends in the same turn's text), or null.
  function selectedTurn(selection) {
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const element = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const text = element(range.startContainer)?.closest(".onr-turn-text");
    if (!text || text !== element(range.endContainer)?.closest(".onr-turn-text")) return null;
    return text.closest(".onr-turn");
  }

  function offerQuote() {
    const selection = document.getSelection();
    const turn = selectedTurn(selection);
    const anchor = turn?.querySelector(".onr-turn-head")?.id;
    const words = anchor ? textFragment(selection.toString()) : "";
    if (!words) { quote.hidden = true; quoted = ""; return; }
    quoted = `#${anchor}${words}`;
    const range = selection.getRangeAt(0);
    const rects = range.getClientRects();
    const last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    quote.hidden = false;
    const left = Math.min(last.right + scrollX + 4, scrollX + document.documentElement.clientWidth - quote.offsetWidth - 4);
    quote.style.left = `${Math.max(scrollX + 4, left)}px`;
    quote.style.top = `${last.bottom + scrollY + 4}px`;
  }

  let pending = 0;
  document.addEventListener("selectionchange", () => { clearTimeout(pending); pending = setTimeout(offerQuote, 150); });
  document.addEventListener("mouseup", (event) => {
    if (event.target === quote) return;  // the button's own click hides it
    clearTimeout(pending);
    setTimeout(offerQuote, 0);
  });
  quote.addEventListener("mousedown", (event) => event.preventDefault());  // keep the selection
  quote.addEventListener("click", () => {
    clearTimeout(pending);  // a selectionchange still waiting would show it again
    if (!quoted) return;
    copy(quoted, say("quoted", "Link to this quote copied"));
    quote.hidden = true;
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.onr-link");
    if (link) { event.preventDefault(); copy(link.getAttribute("href"), say("copied", "Link to this moment copied")); return; }
    const target = event.target.closest("[data-seek], a.onr-time");
    if (!target || !audio) return;
    const time = Number(target.dataset.seek ?? target.closest(".onr-turn")?.dataset.start);
    if (Number.isNaN(time)) return;
    seek(time, true);
    highlight(turnAt(time), false);
    // the link's own navigation goes on: the URL gets the turn's anchor and the turn comes into view
  });

  if (audio) {
    audio.addEventListener("timeupdate", () => highlight(turnAt(audio.currentTime), follow?.checked && !audio.paused));
  }
  // Arriving from a search result (search/?q=... links to the turn with ?highlight=<the query>):
  // the query's words are marked in the transcript, so the eye finds them in the turn. Whole words
  // and their endings ("ferry" marks "ferry", "ferry's", "ferries" not), without case; one pass
  // over the transcript's text nodes.
  function mark(query) {
    const words = (query.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const body = document.querySelector(".onr-transcript");
    if (!words.length || !body) return;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?:['’]s)?(?![\\p{L}\\p{N}])`, "giu");
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement.closest(".onr-turn-text") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (pattern.test(node.data)) found.push(node);
      pattern.lastIndex = 0;
    }
    for (const node of found) {
      const parts = document.createDocumentFragment();
      let at = 0;
      for (const match of node.data.matchAll(pattern)) {
        parts.append(node.data.slice(at, match.index));
        const hit = document.createElement("mark");
        hit.className = "onr-hit";
        hit.textContent = match[0];
        parts.append(hit);
        at = match.index + match[0].length;
      }
      parts.append(node.data.slice(at));
      node.replaceWith(parts);
    }
  }

  const query = new URLSearchParams(location.search).get("highlight");
  if (query) mark(query);
  window.addEventListener("hashchange", open);
  if (location.hash) open();
})();
