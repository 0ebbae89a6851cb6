// On Record episode page: seek the audio from timestamps, chapters and the who-spoke-when strip,
// highlight the turn being spoken, open at #t=<seconds|hh:mm:ss> or a turn's anchor, and copy a
// turn's link; keys move turn by turn and play (see "Keyboard" below). One delegated click listener,
// one keydown and one timeupdate listener; the list of turns and their start times is read once, the
// first time it is needed, so a 2,000-turn page does no work per turn at load.
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

  // A click that opens the link in a new tab or window (Ctrl, Meta, Shift, a middle button) is the browser's.
  const opensElsewhere = (event) => event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.onr-link");
    if (link) { event.preventDefault(); copy(link.getAttribute("href"), say("copied", "Link to this moment copied")); return; }
    const target = event.target.closest("[data-seek], a.onr-time");
    if (!target) return;
    const time = Number(target.dataset.seek ?? target.closest(".onr-turn")?.dataset.start);
    if (target.matches("a.onr-time") && !opensElsewhere(event)) {
      // The timestamp stays focused (following the link would drop focus to <body>): the URL
      // gets the turn's anchor as a history entry, as the link would have given it, and the turn
      // is on screen already, since its time was just clicked or had focus.
      event.preventDefault();
      history.pushState(null, "", target.getAttribute("href"));
    }
    if (!audio || Number.isNaN(time)) return;
    seek(time, true);
    highlight(turnAt(time), false);
    // a chapter's or a strip segment's own navigation goes on: the URL gets the turn's anchor and the turn comes into view
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

  // Keyboard. A turn is one Tab stop: its time, or its link when it has no time, so Tab goes turn
  // by turn. Its other controls (the speaker's link, the link to copy) leave the Tab order here, from
  // the script: without JavaScript every link stays a Tab stop, as the markup has it. They stay
  // reachable: ←/→ move between the speaker, the time, the link and Cite (a button cite.js adds,
  // out of the Tab order from the start) while one of them has focus.
  // The heading keeps plain links rather than becoming a toolbar (role="toolbar" with a roving
  // tabindex): a screen reader's user reads and follows them in browse mode and in its list of
  // links as any links (tabindex="-1" hides nothing from either), where a toolbar on each of
  // 2,000 headings would be announced on every one and switch the reader to focus mode to use
  // arrows it already has. The arrows are for the sighted keyboard user, who sees the focus ring.
  // j/k (and ↓/↑ on a turn's control) go to the next/previous turn's stop; space plays or pauses;
  // ? lists the keys. None acts with Ctrl, Alt or Meta held, or while typing in a field.
  const transcript = document.querySelector(".onr-transcript");
  let everyTurn = null;  // every turn element, in order, read the first time a key needs it
  const HEAD = ".onr-transcript .onr-turn-head";
  const TYPING = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";
  const OWNS_SPACE = `${TYPING}, button, summary, audio, video, [role=button], [role=checkbox], [role=switch],
    [role=radio], [role=tab], [role=menuitem], [role=option], [role=slider]`;  // what space presses or types in

  // Done at the first key press (before the browser moves focus for it), not at load: a 2,000-turn
  // page still does no work per turn until someone uses the keyboard.
  window.addEventListener("keydown", () => {
    for (const control of document.querySelectorAll(`${HEAD} a.onr-who, .onr-transcript .onr-turn[data-start] > .onr-turn-head a.onr-link`)) {
      control.tabIndex = -1;
    }
  }, { capture: true, once: true });

  const stopOf = (turn) => turn?.querySelector(".onr-turn-head a.onr-time") || turn?.querySelector(".onr-turn-head a.onr-link");

  // A screen reader landing on a turn's stop hears who speaks: the speaker describes the stop (set
  // when it first gets focus, so the page carries no ids for turns nobody visits).
  transcript?.addEventListener("focusin", (event) => {
    const stop = event.target;
    const who = stop.parentElement?.querySelector(".onr-who");
    if (!who || stop.hasAttribute("aria-describedby") || stop !== stopOf(stop.closest(".onr-turn"))) return;
    who.id ||= `${stop.parentElement.id}-who`;
    stop.setAttribute("aria-describedby", who.id);
  });

  // Below the sticky header and player: where a turn counts as on screen.
  function topLine() {
    const bars = [document.querySelector(".md-header"), audio?.closest(".onr-player")];
    return Math.max(0, ...bars.filter(Boolean).map((bar) => bar.getBoundingClientRect().bottom));
  }

  // The first turn that starts on screen (the turns' count if none does), found by halving: the
  // rects of a dozen turns, not of all of them.
  function firstOnScreen() {
    const line = topLine() - 1;
    let lo = 0, hi = everyTurn.length - 1, found = everyTurn.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (everyTurn[mid].getBoundingClientRect().top >= line) { found = mid; hi = mid - 1; } else lo = mid + 1;
    }
    return found;
  }

  // The turn `step` (+1, -1) from the one holding focus; without one, j goes to the first turn that
  // starts on screen and k to the one before it (the start of a long turn being read).
  function turnAfter(element, step) {
    everyTurn ||= Array.from(transcript.querySelectorAll(".onr-turn"));
    const from = element?.closest(".onr-transcript .onr-turn");
    let at = from ? everyTurn.indexOf(from) + step : firstOnScreen() + Math.min(step, 0);
    at = Math.max(0, Math.min(everyTurn.length - 1, at));
    return everyTurn[at];
  }

  function focusTurn(turn) {
    const stop = stopOf(turn);
    if (!stop) return;
    stop.focus({ preventScroll: true });
    const head = stop.closest(".onr-turn-head"), box = head.getBoundingClientRect();
    if (box.top < topLine() || box.bottom > innerHeight) head.scrollIntoView({ block: "start" });  // under the player: scroll-margin-top
  }

  function togglePlay() {
    if (audio.paused) audio.play().catch(() => {}); else audio.pause();
  }

  // Dialogs: the list of keys (below) and Cite (cite.js, through window.onrecordDialog). Each is a
  // popover (popover="auto": the top layer; episode.css draws its shade) with role="dialog", not a
  // <dialog> opened with showModal(): the first showModal() makes the rest of the document inert, a
  // style pass over every element that takes 0.4-0.9 s on a 2,000-turn page; showPopover() takes a
  // few ms (BENCHMARKS.md). The popover closes itself on Escape; a click on the shade closes it here,
  // and the rest of the WAI-ARIA APG's dialog pattern is done here too. Focus moves in on opening and
  // goes back to what had it on closing, unless the reader has put it somewhere else since. Tab and
  // Shift+Tab cycle inside the dialog, as the APG has it for dialogs, modal or not ("like non-modal
  // dialogs, modal dialogs contain their tab sequence"), rather than leaving it open behind the
  // focus (a popover does not close when focus leaves it: Open UI issue 1047) or closing it as focus
  // leaves, which would drop a keyboard user's place on one Tab too many. The shade takes the
  // pointer and the page's keys rest while one is open, so it is modal in use and says so
  // (aria-modal: a screen reader keeps to it, as it did to the <dialog>). A browser without the
  // Popover API (before 2024) gets no dialogs: no list of keys, no Cite buttons.
  const popovers = "popover" in HTMLElement.prototype;
  const openers = new WeakMap();  // a dialog -> the element focus goes back to
  let shown = null;  // the dialog open, if one is

  function makeDialog(className, title) {
    const box = document.createElement("div");
    box.className = className;
    box.popover = "auto";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", title.id);
    box.tabIndex = -1;  // a click on its text puts focus on it, as on a <dialog>, not on the page's <body>
    box.addEventListener("click", (event) => { if (event.target === box) box.hidePopover(); });  // the shade around its box
    box.addEventListener("beforetoggle", (event) => {
      if (event.newState !== "closed") return;
      shown = null;
      const at = document.activeElement, opener = openers.get(box);
      if ((!at || at === document.body || box.contains(at)) && opener?.isConnected) opener.focus();
    });
    document.body.append(box);
    return box;
  }

  function openDialog(box, first, opener = document.activeElement) {
    openers.set(box, opener === document.body ? null : opener);
    box.showPopover();
    shown = box;
    first.focus();
  }

  document.addEventListener("keydown", (event) => {
    if (!shown || event.key !== "Tab" || event.ctrlKey || event.altKey || event.metaKey) return;
    const stops = Array.from(shown.querySelectorAll("button, [href], input, [tabindex]:not([tabindex='-1'])"));
    const at = document.activeElement, first = stops[0], last = stops[stops.length - 1];
    if (at === shown || !shown.contains(at)) (event.shiftKey ? last : first).focus();
    else if (at === (event.shiftKey ? first : last)) (event.shiftKey ? last : first).focus();
    else return;  // the browser's Tab, inside the dialog
    event.preventDefault();
  });
  if (popovers) window.onrecordDialog = { make: makeDialog, open: openDialog };

  let keys = null;  // the dialog listing the keys, made the first time ? is pressed
  function keysDialog() {
    const title = document.createElement("h2");
    title.id = "onr-keys-title";
    title.textContent = say("keys", "Keyboard shortcuts");
    const dialog = makeDialog("onr-keys", title);
    const box = document.createElement("div");
    const rows = [
      [["j"], say("keys_next", "Next turn")],
      [["k"], say("keys_previous", "Previous turn")],
      [["↓", "↑"], say("keys_down_up", "Next or previous turn, from a turn's time or link")],
      [["←", "→"], say("keys_left_right", "Between a turn's speaker, time, link and Cite")],
      ...(audio ? [[[say("key_enter", "Enter")], say("keys_enter", "On a time: play from there")],
                   [[say("key_space", "Space")], say("keys_space", "Play or pause")]] : []),
      [["?"], say("keys_help", "This list of keys")],
      [["Esc"], say("keys_escape", "Close this list")],
    ];
    const list = document.createElement("dl");
    for (const [names, what] of rows) {
      const term = document.createElement("dt");
      for (const name of names) term.append(Object.assign(document.createElement("kbd"), { textContent: name }), " ");
      list.append(term, Object.assign(document.createElement("dd"), { textContent: what }));
    }
    const close = Object.assign(document.createElement("button"), { type: "button", textContent: say("close", "Close") });
    close.addEventListener("click", () => dialog.hidePopover());
    box.append(title, list, close);
    dialog.append(box);
    return dialog;
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const at = event.target instanceof Element ? event.target : null;
    if (shown || at?.closest(`${TYPING}, .md-search`)) return;  // the page's keys rest while a dialog is open
    const control = at?.closest(`${HEAD} :is(a, button)`);
    const step = { j: 1, k: -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    const letter = event.key === "j" || event.key === "k";  // anywhere; the arrows only on a turn's control
    if (step && transcript && (letter || control)) {
      focusTurn(turnAfter(at, step));
    } else if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && control) {
      const controls = Array.from(control.closest(".onr-turn-head").querySelectorAll("a[href], button"));
      controls[controls.indexOf(control) + (event.key === "ArrowLeft" ? -1 : 1)]?.focus();
    } else if (event.key === " " && audio && !event.shiftKey && !at?.closest(OWNS_SPACE)) {
      if (!event.repeat) togglePlay();
    } else if (event.key === "?" && popovers) {
      keys ||= keysDialog();
      openDialog(keys, keys.querySelector("button"));
    } else {
      return;
    }
    event.preventDefault();
  });

  const query = new URLSearchParams(location.search).get("highlight");
  if (query) mark(query);
  window.addEventListener("hashchange", open);
  if (location.hash) open();
})();
