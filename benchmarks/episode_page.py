"""A long episode page in a browser: 3 hours, 2,000 turns, with audio.

    .venv/bin/python benchmarks/episode_page.py --turns 2000 --hours 3 [--whisperx | --words]

Builds a one-episode archive (the audio a silent WAV of the full length), then in headless
Chromium (Debian's, via Playwright) prints: page size, time to DOMContentLoaded and load, the
main thread's script and layout time during load (Chrome's Performance metrics), long tasks
(> 50 ms) during load, time to interactive, the time the keyboard's handlers take (the first key
press, which takes the turns' other controls out of the Tab order, and j from turn to turn
mid-page), what "Cite" costs (cite.js's work at load, run again and timed: a button in each turn),
the first opening of both dialogs, Cite's and the list of keys (?), as the call and until the next
frame, and frame times while scrolling the whole transcript, while the audio jumps to a new turn
every frame, and while it plays at 2x with follow-along on (scrolling to each turn, and not), with
the page's own main-thread work (script, style, layout) a frame.

Time to interactive is Lighthouse's definition, measured on long tasks: the end of the last long
task before the first 5-second window without one (and not before DOMContentLoaded).

The episode is a Markdown transcript, or with ``--whisperx`` the same speech as WhisperX JSON
(segments with speakers), and with ``--words`` that JSON with every word's start and end, so
the page carries word times and loads words.js. ``PYTHONPATH=../../main`` builds it with another
checkout's code (the same file before word times were read).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

from synthetic import MKDOCS_YML, sentences, vocabulary

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from conftest import CHROMIUM, serve  # noqa: E402  (the tests' range-capable server)

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--autoplay-policy=no-user-gesture-required"]
FRAMES = """async (mode) => {
  const times = []; let last = performance.now();
  const audio = document.querySelector('.onr-player audio');
  if (mode === 'play') {
    document.querySelector('.onr-follow input').checked = true; audio.currentTime = 600; await audio.play();
  }
  const end = document.documentElement.scrollHeight;
  for (let i = 0; i < 240; i++) {
    if (mode === 'scroll') window.scrollTo(0, end * i / 240);
    else audio.currentTime = 600 + i * 30;  // jump through the episode: every frame a new turn to highlight
    await new Promise(requestAnimationFrame);
    const now = performance.now(); times.push(now - last); last = now;
  }
  return summary(times);
}"""
# Real playback at 2x with follow-along on, for `seconds` of wall time (the rate a listener in a
# hurry uses: a new turn every 2-3 s on this page, and the scroll that follows it).
FOLLOW = """async ([seconds, from, scroll]) => {
  const audio = document.querySelector('.onr-player audio');
  document.querySelector('.onr-follow input').checked = scroll;
  audio.currentTime = from; audio.playbackRate = 2; await audio.play();
  await new Promise(done => setTimeout(done, 1500));  // the first turn is reached (and scrolled to) before timing
  const times = []; let last = performance.now(); const end = last + seconds * 1000;
  while (last < end) {
    await new Promise(requestAnimationFrame);
    const now = performance.now(); times.push(now - last); last = now;
  }
  audio.pause();
  return {...summary(times), frames: times.length, played: audio.currentTime - from};
}"""
SUMMARY = """window.summary = (times) => {
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * .95)], max: times[times.length - 1],
           over50: times.filter(t => t > 50).length };
};"""

# The keydown handlers' time, synchronous as a dispatched event runs them (no rendering counted).
KEYS = """() => {
  const press = (key) => { const t = performance.now();
    document.body.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
    return performance.now() - t; };
  const first = press('Shift');
  window.scrollTo(0, document.documentElement.scrollHeight / 2);
  const j = []; for (let i = 0; i < 41; i++) j.push(press('j'));
  const onScreen = j[0]; j.sort((a, b) => a - b);
  return { first, onScreen, median: j[20], max: j[40] };
}"""

# Opening a dialog: the time `open()` takes (showModal() does its work there) and the time until the
# next frame is drawn (a popover's style and layout come in that frame); then the dialog is closed.
# Both the <dialog> of before and the popover of now are closed (close() / hidePopover()).
OPENED = """window.opened = async (open, selector) => {
  let t = performance.now();
  open();
  const call = performance.now() - t;
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const frame = performance.now() - t;
  const shown = document.querySelector(selector);
  if (shown.matches(':popover-open')) shown.hidePopover(); else shown.close();
  return { call, frame };
};"""

# cite.js: opening the dialog (built the first time), then its work at load timed by running it again
# (a second button in every turn, removed after), and the style and layout that forces.
CITE = """async () => {
  const buttons = document.querySelectorAll('.onr-turn-head button.onr-cite');
  if (!buttons.length) return null;
  const open = await opened(() => buttons[buttons.length >> 1].click(), '.onr-cite-dialog');
  const source = await (await fetch(document.querySelector('script[src*="cite.js"]').src)).text();
  let t = performance.now();
  new Function(source)();
  const script = performance.now() - t;
  t = performance.now();
  document.body.getBoundingClientRect();
  const layout = performance.now() - t;
  document.querySelectorAll('button.onr-cite + button.onr-cite').forEach((b) => b.remove());
  return { buttons: buttons.length, open, script, layout };
}"""

# The list of keys (episode.js), opened with ? the first time (after the keys above, so the first
# key press's own work is not counted here).
KEYS_LIST = """() => opened(() => document.body.dispatchEvent(
  new KeyboardEvent('keydown', {key: '?', bubbles: true, cancelable: true})), '.onr-keys')"""


def write_episode(root: Path, turns: int, hours: float, whisperx: bool = False, words: bool = False) -> None:
    rng = random.Random(11)
    vocab = vocabulary(rng)
    length = hours * 3600
    people = ["Mara Quinn", "Priya Raghunathan", "Inès Moreau", "Tomasz Wójcik", "Joan Ebert"]
    lines, segments = [], []
    for n in range(turns):
        start = length * n / turns
        h, rest = divmod(int(start), 3600)
        text = sentences(rng, rng.choices(vocab, k=rng.randint(20, 160)))
        who = people[n % 2 if n % 7 else rng.randrange(5)]
        lines.append(f"[{h:02d}:{rest // 60:02d}:{rest % 60:02d}] {who}: {text}\n")
        segments.append({"start": round(start, 3), "end": round(start + length / turns * 0.95, 3), "speaker": who,
                         "text": " " + text, **({"words": timed(text, start, length / turns * 0.95)} if words else {})})
    folder = root / "content" / "shows" / "long"
    folder.mkdir(parents=True)
    (root / "content" / "pages").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("- onrecord", "- onrecord:\n      search: false"), encoding="utf-8")
    front = f"title: A long episode\ndate: 2024-01-01\naudio: long.wav\nduration: {int(length)}\n"
    if whisperx or words:
        (folder / "long.json").write_text(json.dumps({"segments": segments, "language": "en"}), encoding="utf-8")
        (folder / "long.yml").write_text(front, encoding="utf-8")
    else:
        (folder / "long.md").write_text(f"---\n{front}---\n" + "\n".join(lines), encoding="utf-8")
    with wave.open(str(folder / "long.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(3000)
        out.writeframes(b"\x80" * int(length * 3000))


def timed(text: str, start: float, span: float) -> list[dict[str, Any]]:
    """WhisperX's words for a segment: each word's share of ``span`` by its length, as speech goes."""
    tokens = text.split()
    total = sum(len(t) + 2 for t in tokens)
    out, at = [], start
    for token in tokens:
        end = at + span * (len(token) + 2) / total
        out.append({"word": token, "start": round(at, 3), "end": round(end, 3), "score": 0.9})
        at = end
    return out


def measure(url: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script("window.__long = []; new PerformanceObserver(l => window.__long.push("
                             "...l.getEntries().map(e => [e.startTime, e.duration])))"
                             ".observe({type: 'longtask', buffered: true});")
        page.add_init_script(SUMMARY)
        page.add_init_script(OPENED)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(5500)  # time to interactive needs a quiet 5 s after the last long task
        timing = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return "
                               "{dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, size: n.decodedBodySize}; })()")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        long_tasks = page.evaluate("window.__long")
        cite = page.evaluate(CITE)
        keys = page.evaluate(KEYS)
        keys["list"] = page.evaluate(KEYS_LIST)
        scroll = page.evaluate(FRAMES, "scroll")
        before = script_seconds(cdp)
        play = page.evaluate(FRAMES, "play")
        play["script"] = script_seconds(cdp) - before
        follow = {}
        for scrolling in (True, False):
            before = main_thread_seconds(cdp)
            follow[scrolling] = page.evaluate(FOLLOW, [15, 1800, scrolling])
            follow[scrolling]["main"] = main_thread_seconds(cdp) - before
        browser.close()
    return {"timing": timing, "script": metrics["ScriptDuration"], "layout": metrics["LayoutDuration"],
            "long": [duration for _, duration in long_tasks], "tti": interactive(timing["dcl"], long_tasks),
            "keys": keys, "cite": cite, "scroll": scroll, "play": play, "follow": follow}


def opened(times: dict[str, float]) -> str:
    """A dialog's first opening: the call, and until the next frame is drawn."""
    return f"{times['call']:.1f} ms (the call; {times['frame']:.1f} ms to the next frame)"


def interactive(dcl: float, long_tasks: list[list[float]], quiet: float = 5000) -> float:
    """Lighthouse's time to interactive from long tasks: the end of the last long task before the
    first ``quiet`` ms without one, and not before DOMContentLoaded."""
    ready = dcl
    for start, duration in sorted(long_tasks):
        if start - ready >= quiet:
            break
        ready = max(ready, start + duration)
    return ready


def main_thread_seconds(cdp: Any) -> float:
    """The main thread's script, style and layout time so far: the page's own work (painting and
    rasterising, software in headless Chromium, come on top)."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return float(metrics["ScriptDuration"] + metrics["RecalcStyleDuration"] + metrics["LayoutDuration"])


def script_seconds(cdp: Any) -> float:
    """The main thread's script time so far (Chrome's Performance metrics)."""
    return float(next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "ScriptDuration"))


def python_seconds(root: Path) -> float:
    """Reading the archive and rendering its pages as values, best of three (steadier than a
    whole ``mkdocs build`` on a busy machine)."""
    from generator.archive import build
    from generator.pages import render

    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        list(render(build(root / "content", root=root)))
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    # The site is built in a temporary folder: a relative PYTHONPATH ("../../main") would name
    # nothing there, and the build would quietly use the installed code.
    if os.environ.get("PYTHONPATH"):
        paths = os.environ["PYTHONPATH"].split(os.pathsep)
        os.environ["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in paths)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--hours", type=float, default=3.0)
    parser.add_argument("--whisperx", action="store_true", help="the speech as WhisperX JSON, without word times")
    parser.add_argument("--words", action="store_true", help="the speech as WhisperX JSON with word times")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_episode(root, args.turns, args.hours, args.whisperx, args.words)
        began = time.perf_counter()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
        built = time.perf_counter() - began
        python = python_seconds(root)
        html = (root / "site/shows/long/long/index.html").read_bytes()
        server, base = serve(root / "site")
        result = measure(base + "shows/long/long/")
        server.shutdown()
    t, scroll, play = result["timing"], result["scroll"], result["play"]
    timed_words = re.findall(rb' data-words="[^"]*"', html)
    print(f"episode: {args.turns} turns over {args.hours:g} h; site built in {built:.1f} s "
          f"(read and render in Python: {python:.2f} s, best of 3); "
          f"page {t['size'] / 1e6:.2f} MB of HTML ({len(gzip.compress(html)) / 1e6:.2f} MB gzipped)")
    print(f"word times: data-words on {len(timed_words)} turns, {sum(map(len, timed_words)) / 1e3:.0f} KB; "
          f"words.js loaded: {b'words.js' in html}")
    print(f"load: DOMContentLoaded {t['dcl']:.0f} ms, load {t['load']:.0f} ms; "
          f"main thread script {result['script'] * 1000:.0f} ms, layout {result['layout'] * 1000:.0f} ms; "
          f"long tasks during load: {len(result['long'])} "
          f"(longest {max(result['long'], default=0):.0f} ms); time to interactive {result['tti']:.0f} ms")
    keys = result["keys"]
    print(f"keys: the first key press {keys['first']:.1f} ms; j mid-page from no focus {keys['onScreen']:.1f} ms, "
          f"then turn to turn median {keys['median']:.1f} ms, max {keys['max']:.1f} ms; "
          f"opening the list of keys (?) the first time {opened(keys['list'])}")
    cite = result["cite"]
    print("cite: no Cite buttons (cite.js not loaded)" if cite is None else
          f"cite: cite.js's work at load (a button in each of {cite['buttons']} turns) {cite['script']:.1f} ms, "
          f"then style and layout {cite['layout']:.1f} ms; opening the dialog the first time {opened(cite['open'])}")
    print(f"scrolling the transcript: frame median {scroll['median']:.1f} ms, p95 {scroll['p95']:.1f} ms, "
          f"max {scroll['max']:.1f} ms, {scroll['over50']} of 240 frames over 50 ms")
    print(f"playing with follow-along, a new turn each frame: frame median {play['median']:.1f} ms, "
          f"p95 {play['p95']:.1f} ms, "
          f"max {play['max']:.1f} ms, {play['over50']} of 240 frames over 50 ms; script {play['script'] * 1000:.0f} ms")
    for scrolling, follow in result["follow"].items():
        print(f"following along at 2x for 15 s, {'scrolling to each turn' if scrolling else 'highlight only'} "
              f"({follow['played']:.0f} s of audio, {follow['frames']} frames): "
              f"frame median {follow['median']:.1f} ms, p95 {follow['p95']:.1f} ms, max {follow['max']:.1f} ms, "
              f"{follow['over50']} over 50 ms; "
              f"script, style and layout {follow['main'] * 1000 / follow['frames']:.2f} ms a frame")


if __name__ == "__main__":
    main()
