"""Writes resources/sounds/chime.wav, the soft chime at the start and end of a timed hold.

The sound is generated rather than taken from a sound library so that its origin and
licence are plain, and so that it can be changed by editing two numbers. Two bell-like
tones a fourth apart (E5 then A5), each fading away on its own, quiet enough not to
startle: a cue that time has started or ended, never an alarm. The file is 16-bit mono
PCM at 44.1 kHz, which every audio back end of QSoundEffect plays without conversion.

Run from the repository root: `python packaging/make_sounds.py`.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
LENGTH = 0.55  # seconds; short enough never to cover the spoken cue that follows
PEAK = 0.25  # of full scale, for one tone at its loudest: soft
ATTACK = 0.008  # seconds of rise, so the tone starts without a click
TONES = ((659.25, 0.0), (880.0, 0.16))  # (frequency in Hz, start in seconds)
DECAY = 9.0  # how fast each tone fades, per second
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"


def tone(t: float, frequency: float) -> float:
    """A bell-like tone: the fundamental with a faint octave, fading exponentially."""
    if t < 0:
        return 0.0
    rise = min(1.0, t / ATTACK)
    body = math.sin(2 * math.pi * frequency * t) + 0.2 * math.sin(4 * math.pi * frequency * t)
    return rise * math.exp(-DECAY * t) * body / 1.2


def samples() -> list[int]:
    count = int(RATE * LENGTH)
    fade_from = count - int(RATE * 0.05)  # the last 50 ms fall to silence
    values = []
    for index in range(count):
        t = index / RATE
        value = sum(tone(t - start, frequency) for frequency, start in TONES)
        if index >= fade_from:
            value *= (count - index) / (count - fade_from)
        values.append(round(value * PEAK * 32767))
    return values


def main() -> None:
    values = samples()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as chime:
        chime.setnchannels(1)
        chime.setsampwidth(2)
        chime.setframerate(RATE)
        chime.writeframes(struct.pack(f"<{len(values)}h", *values))


if __name__ == "__main__":
    main()
