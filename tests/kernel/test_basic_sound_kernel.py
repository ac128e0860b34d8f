"""The BASIC kernel shows a cell's music as an audio player (a WAV in a data: URI)."""

from __future__ import annotations

import base64
import re

import pytest
from timewarp.sound.synth import wav_seconds


@pytest.fixture
def basic(module_kernel):
    return module_kernel("basic")


def _wavs(run) -> list[bytes]:
    found = []
    for content in run.of_type("display_data"):
        html = content["data"].get("text/html", "")
        match = re.fullmatch(r'<audio controls preload="auto" '
                             r'src="data:audio/wav;base64,([A-Za-z0-9+/=]+)"></audio>', html)
        if match:
            found.append(base64.b64decode(match.group(1)))
    return found


def test_a_cells_music_is_one_audio_output_of_the_right_length(basic, run_cell):
    _, client = basic
    run = run_cell(client, 'PLAY "T120 L8 CDEFGAB > C"\nPRINT "DONE"', timeout=30)
    assert run.reply["status"] == "ok" and run.stdout == "DONE\n"
    (wav,) = _wavs(run)
    assert wav_seconds(wav) == pytest.approx(2.0, abs=0.001)
    (content,) = run.of_type("display_data")
    assert content["data"]["text/plain"] == "<music 2.00 s>"


def test_music_before_an_error_still_plays_and_quiet_cells_show_none(basic, run_cell):
    _, client = basic
    run = run_cell(client, 'SOUND 440, 18.2\nPLAY "T120 L4 C Q"', timeout=30)
    assert run.reply["status"] == "error" and "Illegal function call" in run.reply["evalue"]
    (wav,) = _wavs(run)
    assert wav_seconds(wav) == pytest.approx(18.2 / 18.2065 + 0.5, abs=0.001)
    quiet = run_cell(client, 'PRINT PLAY(0)', timeout=30)
    assert quiet.stdout == " 0 \n" and quiet.of_type("display_data") == []


def test_long_music_is_cut_in_the_notebook_and_says_so():
    from timewarp.kernel.sound_display import MAX_SECONDS, music_bundle
    from timewarp.sound.tune import Tone

    bundle = music_bundle([Tone(440, 50, 50), Tone(0, 50, 0)])
    encoded = re.search(r"base64,([A-Za-z0-9+/=]+)", bundle["text/html"]).group(1)
    assert wav_seconds(base64.b64decode(encoded)) == pytest.approx(MAX_SECONDS)
    assert bundle["text/plain"] == f"<music {MAX_SECONDS:.2f} s (the first 60 s of 100.0 s)>"
    assert "music cut at 60 s of 100.0 s" in bundle["text/html"]
