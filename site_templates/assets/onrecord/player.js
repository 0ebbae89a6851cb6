// On Record episode page: a player that stays. The page's <audio controls> sits at the top of the
// episode and scrolls away; once the reader has started the audio (played it, or moved it to a
// moment: a timestamp, a chapter, a #t= link), a compact bar fixed to the bottom of the window
// takes over whenever that player is out of view, paused or not, so the audio can always be
// stopped or resumed from where the reader is. It has play/pause, who is speaking and the clock
// (elapsed / total), back and forward 15 s, the speed (kept in step with the audio's own
// playbackRate, which the native player's menu also changes) and "Back to the current turn",
// which brings the turn being spoken into view and moves focus to its timestamp.
//
// Decisions: a page that has not been listened to gets no bar (reading is not interrupted by a
// player nobody asked for); the bar hides when the top player comes back into view, but not while
// keyboard focus is in it (a focused control never vanishes); while it shows, the page is padded
// at the bottom by its height and scrolls keep clear of it (scroll-padding), so it covers neither
// the last lines nor a found match or focused link. The bar is made here, so without JavaScript
// there is none and the native player is the page's player. Who is speaking comes from episode.js,
// which says so with an `onr:turn` event on document (detail.turn: the turn element, or null).
(() => {
  const audio = document.querySelector(".onr-player audio");
  const main = document.querySelector(".onr-player");
  if (!audio || !main || !("IntersectionObserver" in window)) return;
  const { say, lang } = window.onrecordStrings;  // strings.js: the page's words, or the English written here
  const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  const SKIP = 15;
  const root = document.documentElement;
  const reduced = matchMedia("(prefers-reduced-motion: reduce)");

  const SVG = "http://www.w3.org/2000/svg";
  function icon(path) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const shape = document.createElementNS(SVG, "path");
    shape.setAttribute("d", path);
    svg.append(shape);
    return svg;
  }
  const PLAY = "M8 5v14l11-7z", PAUSE = "M6 5h4v14H6zm8 0h4v14h-4z";
  const TURN = "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm8.94 3A9 9 0 0 0 13 3.06V1h-2v2.06A9 9 0 0 0 3.06 11H1v2h2.06A9 9 0 0 0 11 20.94V23h2v-2.06A9 9 0 0 0 20.94 13H23v-2zM12 19a7 7 0 1 1 0-14 7 7 0 0 1 0 14z";

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }
  function button(className, label, content) {
    const made = element("button", className);
    made.type = "button";
    if (label) made.setAttribute("aria-label", label);
    made.append(...content);
    return made;
  }

  const number = (x) => (lang ? x.toLocaleString(lang) : String(x));
  const bar = element("section", "onr-bar");
  bar.setAttribute("aria-label", say("player", "Audio player"));
  bar.hidden = true;
  const inner = element("div", "onr-bar-inner");
  const play = button("onr-bar-play", say("play", "Play"), [icon(PLAY)]);
  const back = button("onr-bar-skip", say("back15", "Back 15 seconds"), [`\u2212${SKIP}`]);
  const forward = button("onr-bar-skip", say("forward15", "Forward 15 seconds"), [`+${SKIP}`]);
  const now = element("p", "onr-bar-now");
  const key = element("span", "onr-key");
  key.setAttribute("aria-hidden", "true");
  const who = element("span", "onr-bar-who");
  const clock = element("span", "onr-bar-clock");
  now.append(key, who, clock);
  const speed = element("label", "onr-bar-speed");
  const rates = element("select");
  for (const rate of SPEEDS) rates.append(new Option(`${number(rate)}\u00d7`, String(rate)));
  speed.append(element("span", "onr-bar-label", say("speed", "Playback speed")), rates);
  const turnLabel = element("span", "onr-bar-label", say("current_turn", "Back to the current turn"));
  const toTurn = button("onr-bar-turn", "", [icon(TURN), turnLabel]);
  inner.append(play, back, forward, now, speed, toTurn);
  bar.append(inner);
  const timed = document.querySelector(".onr-turn[data-start]") !== null;
  if (!timed) { key.hidden = true; who.hidden = true; toTurn.hidden = true; }  // audio, but no times to follow
  document.body.append(bar);

  // 02:03, or 1:02:03 from an hour (or throughout an episode that long): as the turns' timestamps
  // are written (generator/timecodes.py, clock).
  function format(seconds, long) {
    const s = Math.max(0, Math.floor(seconds || 0));
    const mm = String(Math.floor(s / 60) % 60).padStart(2, "0"), ss = String(s % 60).padStart(2, "0");
    return long || s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
  }
  function tick() {
    if (bar.hidden) return;
    const total = audio.duration;
    const known = Number.isFinite(total) && total > 0;
    const text = format(audio.currentTime, known && total >= 3600);
    clock.textContent = known ? `${text} / ${format(total, total >= 3600)}` : text;
  }

  let current = document.querySelector(".onr-turn.onr-current");
  function speaker() {
    const name = current?.querySelector(".onr-who")?.textContent.trim() || "";
    who.textContent = name;
    key.className = `onr-key ${Array.from(current?.classList || []).find((c) => /^onr-s[0-9x]$/.test(c)) || ""}`.trim();
    key.hidden = !timed || !current;
    toTurn.disabled = !current;
  }

  function rate() {
    const value = String(audio.playbackRate);
    if (!Array.from(rates.options).some((option) => option.value === value)) {
      // a speed set elsewhere (the native player's menu): shown as it is
      rates.append(new Option(`${number(audio.playbackRate)}\u00d7`, value));
    }
    rates.value = value;
  }

  function playing() {
    const paused = audio.paused;
    play.setAttribute("aria-label", paused ? say("play", "Play") : say("pause", "Pause"));
    play.firstChild.firstChild.setAttribute("d", paused ? PLAY : PAUSE);
  }

  // Shown when the audio has been started, the top player is out of view (or keyboard focus is in
  // the bar), and the audio has not failed.
  let engaged = !audio.paused || audio.currentTime > 0;
  let away = false;
  function update() {
    const show = engaged && !audio.error && (away || bar.querySelector(":focus-visible") !== null);
    if (show === !bar.hidden) return;
    bar.hidden = !show;
    root.classList.toggle("onr-bar-open", show);
    if (show) { space(); tick(); }
  }
  function space() {
    root.style.setProperty("--onr-bar-space", `${bar.offsetHeight}px`);
  }

  const header = document.querySelector(".md-header");
  const observer = new IntersectionObserver(([entry]) => {
    away = entry.intersectionRatio < 0.5;
    update();
  }, { threshold: [0, 0.5, 1], rootMargin: `-${header ? header.offsetHeight : 0}px 0px 0px 0px` });
  observer.observe(audio);
  new ResizeObserver(() => { if (!bar.hidden) space(); }).observe(bar);

  const start = () => { if (!engaged) { engaged = true; update(); } };
  audio.addEventListener("play", start);
  audio.addEventListener("seeking", start);
  audio.addEventListener("play", playing);
  audio.addEventListener("pause", playing);
  audio.addEventListener("timeupdate", tick);
  audio.addEventListener("durationchange", tick);
  audio.addEventListener("ratechange", rate);
  audio.addEventListener("error", update);
  bar.addEventListener("focusout", () => setTimeout(update));
  document.addEventListener("onr:turn", (event) => { current = event.detail?.turn || null; speaker(); });

  play.addEventListener("click", () => {
    if (audio.paused) audio.play().catch(() => {}); else audio.pause();
  });
  function skip(by) {
    const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + by));
    tick();
  }
  back.addEventListener("click", () => skip(-SKIP));
  forward.addEventListener("click", () => skip(SKIP));
  rates.addEventListener("change", () => { audio.playbackRate = Number(rates.value); });
  toTurn.addEventListener("click", () => {
    if (!current) return;
    current.scrollIntoView({ block: "center", behavior: reduced.matches ? "auto" : "smooth" });
    const target = current.querySelector("a.onr-time") || current.querySelector(".onr-turn-head");
    if (!target) return;
    if (!target.matches("a[href], button")) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  });

  speaker();
  rate();
  playing();
})();
