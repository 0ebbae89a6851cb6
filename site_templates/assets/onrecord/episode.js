// On Record episode page: seek the audio from timestamps, chapters and the who-spoke-when strip,
// highlight the turn being spoken, open at #t=<seconds|hh:mm:ss> or a turn's anchor, and copy a
// turn's link. One delegated click listener and one timeupdate listener; the list of turn start
// times is read once, the first time it is needed, so a 2,000-turn page does no work per turn at load.
(() => {
  const audio = document.querySelector(".onr-player audio");
  const follow = document.querySelector(".onr-follow input");
  let turns = null;   // the timed turn elements, in order
  let starts = null;  // their start times
  let current = null;
  // The page's strings in its language, if it carries them (generator/i18n.py, Messages.script_strings);
  // otherwise the English written here.
  let strings = {};
  try { strings = JSON.parse(document.getElementById("onr-strings")?.textContent || "{}"); } catch { /* English */ }
  const say = (key, english) => strings[key] || english;

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
    const hash = decodeURIComponent(location.hash.slice(1));
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

  async function copy(link) {
    const address = new URL(link.getAttribute("href"), location.href);
    address.searchParams.delete("highlight");  // a shared link is the turn's, not a search's
    const url = address.href;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = say("copied", "Link to this moment copied");
    } catch {
      status.textContent = url;  // no clipboard (insecure context): show it to copy by hand
    }
    history.replaceState(null, "", link.getAttribute("href"));
    setTimeout(() => { status.textContent = ""; }, 2500);
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.onr-link");
    if (link) { event.preventDefault(); copy(link); return; }
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
