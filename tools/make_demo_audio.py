"""Make the demo archive's spoken audio for one episode, and retime its transcript to match.

    .venv/bin/python tools/make_demo_audio.py content/shows/low-tide/2022/how-heat-moves.md

Needs Debian's espeak-ng and opus-tools (``apt-get install espeak-ng opus-tools``). Each speaker
gets a voice of their own; every turn is synthesised, the turns are joined with a short pause,
and each ``[hh:mm:ss]`` stamp in the transcript is rewritten to where its turn really starts, so
the demo's player, highlighting and deep links line up with the speech. Writes ``<stem>.opus``
beside the transcript and sets ``audio:`` in its front matter. Not run by the build.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

VOICES = ["en-gb+f3", "en-us+m3", "en-gb-x-rp+f4", "en-us+m7", "en+f2"]
STAMPED = re.compile(r"^\[\d{2}:\d{2}:\d{2}\] (?P<name>[^:]+): (?P<text>.+)$")
RATE, PAUSE = 22050, 0.6


def speak(text: str, voice: str, out: Path) -> bytes:
    subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(out), text], check=True)
    with wave.open(str(out)) as clip:
        assert clip.getframerate() == RATE and clip.getsampwidth() == 2 and clip.getnchannels() == 1
        return clip.readframes(clip.getnframes())


def main(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    voices: dict[str, str] = {}
    audio = bytearray()
    with tempfile.TemporaryDirectory() as tmp:
        for i, line in enumerate(lines):
            m = STAMPED.match(line)
            if not m:
                continue
            start = len(audio) / 2 / RATE
            h, rest = divmod(int(start), 3600)
            lines[i] = f"[{h:02d}:{rest // 60:02d}:{rest % 60:02d}] {m['name']}: {m['text']}"
            voice = voices.setdefault(m["name"], VOICES[len(voices) % len(VOICES)])
            audio += speak(m["text"], voice, Path(tmp) / "turn.wav")
            audio += b"\0\0" * int(PAUSE * RATE)
        joined = Path(tmp) / "all.wav"
        with wave.open(str(joined), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(bytes(audio))
        target = path.with_suffix(".opus")
        subprocess.run(["opusenc", "--quiet", "--bitrate", "12", "--downmix-mono", str(joined), str(target)], check=True)
    seconds = len(audio) / 2 / RATE
    text = "\n".join(lines) + "\n"
    text = re.sub(r"^(audio|duration): .*\n", "", text, flags=re.M)
    text = text.replace("\n---\n", f"\naudio: {target.name}\nduration: {int(seconds)}\n---\n", 1)
    path.write_text(text, encoding="utf-8")
    print(f"{target}: {seconds:.0f} s, {target.stat().st_size / 1e3:.0f} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
