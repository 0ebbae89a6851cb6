// On Record episode page: find in this transcript. Typing (debounced) marks the matches, whatever
// their case and accents ("resume" finds "Résumé"), in the turns' text (.onr-turn-text, never the speakers or times) with <mark class="onr-find">
// and says "3 of 17"; Enter or Next goes to the next match, Shift+Enter or Previous to the one
// before, Escape clears. One TreeWalker pass reads the text nodes, then the writes are done
// together, one fragment per text node; at most LIMIT matches are marked, and the count says so.
(() => {
  const form = document.querySelector("form.onr-find");
  const transcript = document.querySelector(".onr-transcript");
  if (!form || !transcript) return;
  const input = form.querySelector("input");
  const count = form.querySelector(".onr-find-count");
  const LIMIT = 1000;
  const WAIT = 150;   // ms after the last keystroke

  const { say, sayCount } = window.onrecordStrings;  // strings.js: the page's words, or the English written here

  let marks = [];     // the <mark> elements, in document order
  let at = -1;        // the current one
  let capped = false;
  let query = "";
  let timer = 0;

  function clear() {
    const parents = new Set();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      parent.replaceChild(mark.firstChild || document.createTextNode(""), mark);
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();  // the split text nodes become one again
    marks = [];
    at = -1;
    capped = false;
  }

  // A text lower-cased and without accents, and where each of its characters came from in the
  // text (null when that is where it is: ASCII, the usual case, folds in place), so a match in the
  // folded text marks the right characters of the text; a match's end takes in the accents that
  // followed its last letter.
  function fold(value) {
    if (/^[\x00-\x7f]*$/.test(value)) return [value.toLowerCase(), null];
    let folded = "";
    const origin = [];
    let at = 0;
    for (const character of value) {
      const plain = character.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      for (let i = 0; i < plain.length; i++) origin.push(at);
      folded += plain;
      at += character.length;
    }
    origin.push(value.length);
    return [folded, origin];
  }

  function find(text) {
    clear();
    query = text;
    if (!text.trim()) { show(); return; }
    const pattern = new RegExp(fold(text)[0].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), "gu");
    // Reads: every text node inside a turn's text, and where its matches are.
    const walker = document.createTreeWalker(transcript, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(".onr-turn-text") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const found = [];   // [text node, [start, end, start, end...]]
    let total = 0;
    for (let node = walker.nextNode(); node && !capped; node = walker.nextNode()) {
      const [value, origin] = fold(node.nodeValue);
      const spans = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
        if (total === LIMIT) { capped = true; break; }
        const end = m.index + m[0].length;
        spans.push(origin ? origin[m.index] : m.index, origin ? origin[end] : end);
        total += 1;
      }
      if (spans.length) found.push([node, spans]);
    }
    // Writes: each text node replaced by its pieces, all at once.
    for (const [node, spans] of found) {
      const value = node.nodeValue;
      const pieces = document.createDocumentFragment();
      let from = 0;
      for (let i = 0; i < spans.length; i += 2) {
        if (spans[i] > from) pieces.appendChild(document.createTextNode(value.slice(from, spans[i])));
        const mark = document.createElement("mark");
        mark.className = "onr-find";
        mark.textContent = value.slice(spans[i], spans[i + 1]);
        pieces.appendChild(mark);
        marks.push(mark);
        from = spans[i + 1];
      }
      if (from < value.length) pieces.appendChild(document.createTextNode(value.slice(from)));
      node.parentNode.replaceChild(pieces, node);
    }
    go(0);
  }

  function go(index) {
    marks[at]?.classList.remove("onr-find-current");
    at = marks.length ? (index + marks.length) % marks.length : -1;
    if (at >= 0) {
      marks[at].classList.add("onr-find-current");
      marks[at].scrollIntoView({ block: "center" });
    }
    show();
  }

  function show() {
    count.dataset.query = query;  // what the count is for (the tests wait on it)
    if (!query.trim()) count.textContent = "";
    else if (!marks.length) count.textContent = say("find_none", "No matches");
    else if (capped) count.textContent = sayCount("find_capped", "%(current)s of the first %(num)s", "%(current)s of the first %(num)s", marks.length, { current: at + 1 });
    else count.textContent = sayCount("find_count", "%(current)s of %(num)s", "%(current)s of %(num)s", marks.length, { current: at + 1 });
  }

  // Runs a search the input is still waiting for; true when there was one.
  function flush() {
    clearTimeout(timer);
    if (input.value === query) return false;
    find(input.value);
    return true;
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(flush, WAIT);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (!flush()) go(at + (event.shiftKey ? -1 : 1));
    } else if (event.key === "Escape") {
      event.preventDefault();
      clearTimeout(timer);
      input.value = "";
      clear();
      query = "";
      show();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-find]");
    if (!button) return;
    if (!flush()) go(at + (button.dataset.find === "previous" ? -1 : 1));
  });
  form.hidden = false;
})();
