"""Turning a list of tones into a WAV file, as a PC speaker would play them.

The PC speaker makes square waves; a pure square sounds harsh through modern speakers and
clicks where notes start and stop, so each note is softened a little: a few samples of
fade at both ends and a short moving average over the whole wave.  8-bit mono at
22,050 Hz keeps a notebook small (about 29 KB of base64 a second) and still reaches the
top of PLAY's range (O6 B, 7.9 kHz).  Tones the sample rate cannot carry (above 11 kHz,
such as SOUND 32767, GW-BASIC's inaudible "pause") are silent.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Sequence

import numpy as np

from timewarp.sound.tune import Tone

RATE = 22_050
VOLUME = 0.35          # of full scale: loud enough, never clipping after smoothing
_FADE = 0.0015         # seconds of fade in and out of each note
_SMOOTH = 3            # samples in the moving average that rounds the square's corners


def sample_count(tones: Sequence[Tone], rate: int = RATE) -> int:
    """How many samples the WAV of ``tones`` holds: the tones' total length, rounded once
    (each note's start is rounded, not its length, so long tunes do not drift)."""
    return round(sum(t.seconds for t in tones) * rate)


def render_samples(tones: Sequence[Tone], rate: int = RATE,
                   limit_seconds: float | None = None) -> np.ndarray:
    """The tune as floats in [-1, 1], cut at ``limit_seconds`` if given."""
    total = sample_count(tones, rate)
    if limit_seconds is not None:
        total = min(total, round(limit_seconds * rate))
    out = np.zeros(total, dtype=np.float32)
    start_time = 0.0
    fade = max(1, round(_FADE * rate))
    for tone in tones:
        start = round(start_time * rate)
        start_time += tone.seconds
        if start >= total:
            break
        if tone.rest or tone.frequency >= rate / 2:
            continue
        stop = min(round((start_time - tone.seconds + tone.sounding) * rate), total)
        if stop <= start:
            continue
        n = np.arange(stop - start)
        # Whole cycles from the note's start: every note begins on a rising edge.
        wave_ = np.where((n * (2.0 * tone.frequency / rate)) % 2.0 < 1.0, VOLUME, -VOLUME)
        edge = min(fade, len(n) // 2)
        if edge:
            ramp = np.linspace(0.0, 1.0, edge, endpoint=False)
            wave_[:edge] *= ramp
            wave_[len(n) - edge:] *= ramp[::-1]
        out[start:stop] = wave_
    if _SMOOTH > 1 and total >= _SMOOTH:
        out = np.convolve(out, np.full(_SMOOTH, 1.0 / _SMOOTH, dtype=np.float32), mode="same")
    return out


def render_wav(tones: Sequence[Tone], rate: int = RATE,
               limit_seconds: float | None = None) -> bytes:
    """A complete WAV file (8-bit unsigned mono PCM) of ``tones``."""
    samples = render_samples(tones, rate, limit_seconds)
    pcm = np.clip(np.round(samples * 127.0) + 128.0, 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def wav_seconds(data: bytes) -> float:
    """The length of a WAV file's sound, in seconds (for tests and captions)."""
    with wave.open(io.BytesIO(data), "rb") as wav:
        return wav.getnframes() / wav.getframerate()
