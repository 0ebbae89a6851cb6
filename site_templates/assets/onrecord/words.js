// On Record episode page, for transcripts that time their words (WhisperX, AWS Transcribe,
// AssemblyAI, Podcasting 2.0 word segments): the word being spoken is marked, and a click on a
// word plays from it. Loaded only by pages that have such turns; each carries `data-words`
// (generator/pages/wordtimes.py): centiseconds, each from the one before, the first from its
// data-start. Turns without it are followed per turn, by episode.js, as on any page.
//
// Nothing is wrapped in elements: the word is marked with the CSS Custom Highlight API (a range
// over the page's own text, styled by ::highlight(onr-word-now) in episode.css), so selecting
// text, find-in-transcript's <mark>s and a search's marks work as on any page. A turn's words are
// found only when it is played or clicked (its text cut at whitespace, paragraphs and notes, as
// wordtimes.py cuts it; a turn whose count differs from its times is left unmarked), and found
// again after anything changes the transcript. While the audio plays the mark follows
// requestAnimationFrame (timeupdate comes only about four times a second). A click that ends a
// selection, or that holds a modifier key, does not seek.
(() => {
  const audio = document.querySelector(".onr-player audio");
  const transcript = document.querySelector(".onr-transcript");
  if (!audio || !transcript) return;
  const marks = window.CSS?.highlights && window.Highlight ? new Highlight() : null;  // none: clicks still play
  if (marks) CSS.highlights.set("onr-word-now", marks);

  let turns = null;   // the timed turn elements, in order, and their start times: read on first use
  let starts = null;
  let found = new WeakMap();  // turn -> { times, spans } (spans: start node, offset, end node, offset per word), or null
  let markedTurn = null;
  let markedWord = -1;

  // The last index of ascending `values` at or before `time` (50 ms early, as episode.js marks turns), or -1.
  function lastAtOrBefore(values, time) {
    let lo = 0, hi = values.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid] <= time + 0.05) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at;
  }

  function turnAt(time) {
    if (!turns) {
      turns = Array.from(transcript.querySelectorAll(".onr-turn[data-start]"));
      starts = Float64Array.from(turns, (turn) => Number(turn.dataset.start));
    }
    const at = lastAtOrBefore(starts, time);
    return at < 0 ? null : turns[at];
  }

  // Where `offset` of a run's joined text lies: [text node, offset in it]. An end lies in the node
  // holding the word's last letter.
  function locate(run, offset, end) {
    let i = run.length - 1;
    while (i > 0 && (end ? run[i][1] >= offset : run[i][1] > offset)) i--;
    return [run[i][0], offset - run[i][1]];
  }

  // The words of a turn's text as the page shows it: a paragraph or a note ends a run of text
  // (marks inside a word do not), and each run is cut at whitespace.
  function cut(text) {
    const spans = [];
    let run = [];     // [text node, where it starts in value]
    let value = "";
    const close = () => {
      for (const word of value.matchAll(/\S+/g)) {
        spans.push(...locate(run, word.index, false), ...locate(run, word.index + word[0].length, true));
      }
      run = [];
      value = "";
    };
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.parentElement.closest(".onr-note")) continue;  // a note is nobody's words
        run.push([node, value.length]);
        value += node.data;
      } else if (node.localName !== "mark") {
        close();
      }
    }
    close();
    return spans;
  }

  function words(turn) {
    if (found.has(turn)) return found.get(turn);
    let result = null;
    const text = turn.querySelector(".onr-turn-text");
    const steps = (turn.dataset.words || "").split(" ");
    if (text && steps[0] !== "") {
      let at = Math.round(Number(turn.dataset.start) * 100);
      const times = Float64Array.from(steps, (step) => (at += Number(step)) / 100);
      const spans = cut(text);
      if (spans.length === times.length * 4 && !times.some(Number.isNaN)) result = { times, spans };
    }
    found.set(turn, result);
    return result;
  }

  function mark(turn, index) {
    if (turn === markedTurn && index === markedWord) return;
    markedTurn = turn;
    markedWord = index;
    if (!marks) return;
    marks.clear();
    const spans = turn && index >= 0 ? words(turn)?.spans : null;
    if (!spans) return;
    const i = index * 4;
    marks.add(new StaticRange({ startContainer: spans[i], startOffset: spans[i + 1], endContainer: spans[i + 2], endOffset: spans[i + 3] }));
  }

  function follow() {
    const time = audio.currentTime;
    const turn = turnAt(time);
    const said = turn && words(turn);
    mark(turn, said ? lastAtOrBefore(said.times, time) : -1);
  }

  let frame = 0;
  function tick() {
    follow();
    frame = audio.paused || audio.ended ? 0 : requestAnimationFrame(tick);
  }
  audio.addEventListener("play", () => { if (!frame) frame = requestAnimationFrame(tick); });
  // A seek or a pause is followed at once, even with a frame still due (just paused, it would see
  // the new time only if it ran after the seek); timeupdate only when no frame is following.
  for (const type of ["seeked", "pause"]) audio.addEventListener(type, follow);
  audio.addEventListener("timeupdate", () => { if (!frame) follow(); });

  // The find box and a search's marks split the text: its words are found again, and the mark redrawn.
  new MutationObserver(() => {
    found = new WeakMap();
    const turn = markedTurn, index = markedWord;
    markedTurn = null;
    if (turn) mark(turn, index);
  }).observe(transcript, { childList: true, subtree: true, characterData: true });

  // The word under a click: the first that ends at or after the caret's place there.
  const probe = document.createRange();
  function wordAt(spans, x, y) {
    const caret = document.caretPositionFromPoint?.(x, y);
    const place = caret ? [caret.offsetNode, caret.offset] : (() => {
      const range = document.caretRangeFromPoint?.(x, y);
      return range ? [range.startContainer, range.startOffset] : null;
    })();
    if (!place) return -1;
    for (let i = 0; i < spans.length; i += 4) {
      probe.setStart(spans[i], spans[i + 1]);
      probe.setEnd(spans[i + 2], spans[i + 3]);
      try {
        if (probe.comparePoint(place[0], place[1]) <= 0) return i / 4;
      } catch {
        return -1;  // a place outside the document's tree
      }
    }
    return -1;
  }

  transcript.addEventListener("click", (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (!document.getSelection()?.isCollapsed) return;  // a drag that selected words, kept for "Link to this quote"
    const turn = event.target.closest(".onr-turn[data-words]");
    if (!turn || !event.target.closest(".onr-turn-text") || event.target.closest("a, button")) return;
    const said = words(turn);
    const index = said ? wordAt(said.spans, event.clientX, event.clientY) : -1;
    if (index < 0) return;
    audio.currentTime = said.times[index];  // before the audio's metadata, where playing will start
    audio.play().catch(() => {});
    mark(turn, index);
  });
})();
