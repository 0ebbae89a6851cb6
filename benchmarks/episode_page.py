"""A long episode page in a browser: 3 hours, 2,000 turns, with audio.

    .venv/bin/python benchmarks/episode_page.py --turns 2000 --hours 3

Builds a one-episode archive (the audio a silent WAV of the full length), then in headless
Chromium (Debian's, via Playwright) prints: page size, time to DOMContentLoaded and load, the
main thread's script and layout time during load (Chrome's Performance metrics), long tasks
(> 50 ms) during load, the time the keyboard's handlers take (the first key press, which takes the
turns' other controls out of the Tab order, and j from turn to turn mid-page), and frame times
while scrolling the whole transcript and while the audio plays with follow-along on.
"""

from __future__ import annotations

import argparse
import os
import random
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
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * .95)], max: times[times.length - 1],
           over50: times.filter(t => t > 50).length };
}"""

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


def write_episode(root: Path, turns: int, hours: float) -> None:
    rng = random.Random(11)
    words = vocabulary(rng)
    length = hours * 3600
    people = ["Mara Quinn", "Priya Raghunathan", "Inès Moreau", "Tomasz Wójcik", "Joan Ebert"]
    lines = []
    for n in range(turns):
        start = length * n / turns
        h, rest = divmod(int(start), 3600)
        text = sentences(rng, rng.choices(words, k=rng.randint(20, 160)))
        lines.append(f"[{h:02d}:{rest // 60:02d}:{rest % 60:02d}] {people[n % 2 if n % 7 else rng.randrange(5)]}: {text}\n")
    folder = root / "content" / "shows" / "long"
    folder.mkdir(parents=True)
    (root / "content" / "pages").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("- onrecord", "- onrecord:\n      search: false"), encoding="utf-8")
    front = f"---\ntitle: A long episode\ndate: 2024-01-01\naudio: long.wav\nduration: {int(length)}\n---\n"
    (folder / "long.md").write_text(front + "\n".join(lines), encoding="utf-8")
    with wave.open(str(folder / "long.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(3000)
        out.writeframes(b"\x80" * int(length * 3000))


def measure(url: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script("window.__long = []; new PerformanceObserver(l => window.__long.push("
                             "...l.getEntries().map(e => e.duration))).observe({type: 'longtask', buffered: true});")
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(500)
        timing = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return "
                               "{dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, size: n.decodedBodySize}; })()")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        long_tasks = page.evaluate("window.__long")
        keys = page.evaluate(KEYS)
        scroll = page.evaluate(FRAMES, "scroll")
        play = page.evaluate(FRAMES, "play")
        browser.close()
    return {"timing": timing, "script": metrics["ScriptDuration"], "layout": metrics["LayoutDuration"],
            "long": long_tasks, "keys": keys, "scroll": scroll, "play": play}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--hours", type=float, default=3.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_episode(root, args.turns, args.hours)
        began = time.perf_counter()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
        built = time.perf_counter() - began
        server, base = serve(root / "site")
        result = measure(base + "shows/long/long/")
        server.shutdown()
    t, scroll, play = result["timing"], result["scroll"], result["play"]
    print(f"episode: {args.turns} turns over {args.hours:g} h; site built in {built:.1f} s; "
          f"page {t['size'] / 1e6:.2f} MB of HTML")
    print(f"load: DOMContentLoaded {t['dcl']:.0f} ms, load {t['load']:.0f} ms; "
          f"main thread script {result['script'] * 1000:.0f} ms, layout {result['layout'] * 1000:.0f} ms; "
          f"long tasks during load: {len(result['long'])} "
          f"(longest {max(result['long'], default=0):.0f} ms)")
    keys = result["keys"]
    print(f"keys: the first key press {keys['first']:.1f} ms; j mid-page from no focus {keys['onScreen']:.1f} ms, "
          f"then turn to turn median {keys['median']:.1f} ms, max {keys['max']:.1f} ms")
    print(f"scrolling the transcript: frame median {scroll['median']:.1f} ms, p95 {scroll['p95']:.1f} ms, "
          f"max {scroll['max']:.1f} ms, {scroll['over50']} of 240 frames over 50 ms")
    print(f"playing with follow-along, a new turn each frame: frame median {play['median']:.1f} ms, "
          f"p95 {play['p95']:.1f} ms, "
          f"max {play['max']:.1f} ms, {play['over50']} of 240 frames over 50 ms")


if __name__ == "__main__":
    main()
