"""Find in this transcript on a long episode page: 2,000 turns, in a browser.

    cd benchmarks && ../.venv/bin/python find_page.py --turns 2000 --hours 3

Builds episode_page.py's one-episode archive, then in headless Chromium (Debian's, via Playwright)
times, for a common word (more matches than find.js marks), a typical word and a rare one: the
search itself (Enter runs it at once), stepping to the next match, and Escape clearing the marks,
each as script time (the key's handler) and to the second frame after it; and counts long tasks
(> 50 ms) meanwhile. Best of three each.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from episode_page import FLAGS, write_episode
from synthetic import vocabulary

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from conftest import CHROMIUM, serve  # noqa: E402  (the tests' range-capable server)

TIME = """async ([word, key, shift]) => {
  const input = document.querySelector('#onr-find-input');
  const frame = () => new Promise(requestAnimationFrame);
  await frame();
  const began = performance.now();
  if (key === 'Enter' && word !== null) input.value = word;
  input.dispatchEvent(new KeyboardEvent('keydown', {key, shiftKey: shift, bubbles: true}));
  const sync = performance.now() - began;
  await frame(); await frame();
  return {ms: performance.now() - began, sync, count: document.querySelector('.onr-find-count').textContent,
          marks: document.querySelectorAll('mark.onr-find').length};
}"""


def measure(url: str, words: list[str]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script("window.__long = []; new PerformanceObserver(l => window.__long.push("
                             "...l.getEntries().map(e => e.duration))).observe({type: 'longtask', buffered: true});")
        page.goto(url, wait_until="load")
        page.wait_for_selector("form.onr-find", state="visible")
        page.wait_for_timeout(500)
        for word in words:
            best: dict[str, Any] = {}
            page.evaluate("window.__long = []")
            for _ in range(3):
                found = page.evaluate(TIME, [word, "Enter", False])
                step = page.evaluate(TIME, [None, "Enter", False])
                clear = page.evaluate(TIME, [None, "Escape", False])
                for name, value in (("find", found), ("next", step), ("clear", clear)):
                    if name not in best or value["ms"] < best[name]["ms"]:
                        best[name] = value
            rows.append({"word": word, **best, "long": page.evaluate("window.__long")})
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--hours", type=float, default=3.0)
    args = parser.parse_args()
    words = vocabulary(random.Random(11))  # episode_page.py's vocabulary, commonest first
    chosen = [words[0], words[300], words[3000]]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_episode(root, args.turns, args.hours)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
        server, base = serve(root / "site")
        rows = measure(base + "shows/long/long/", chosen)
        server.shutdown()
    print(f"episode: {args.turns} turns over {args.hours:g} h")
    for row in rows:
        ms = {name: f"{row[name]['sync']:.0f} ms script, {row[name]['ms']:.0f} ms to the 2nd frame"
              for name in ("find", "next", "clear")}
        print(f"{row['word']!r} ({row['find']['count']}, {row['find']['marks']} marks): find {ms['find']}; "
              f"next {ms['next']}; clear {ms['clear']}; "
              f"long tasks {len(row['long'])} (longest {max(row['long'], default=0):.0f} ms)")


if __name__ == "__main__":
    main()
