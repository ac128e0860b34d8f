"""BASIC music in JupyterLab: PLAY makes an audio player under the cell that is saved with
the notebook and plays after a reload with no kernel, trusted or not, and in nbconvert's HTML
(issue 13's "Done when")."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from timewarp.sound.synth import wav_seconds

SLOW_MS = 120_000
AUDIO = ".jp-OutputArea audio"
# Plays the first cell's audio from a click (a user's gesture, so the autoplay policy allows
# it); resolves to [duration, currentTime after half a second of playing].
PLAY_IT = """async audio => {
    await audio.play();
    const start = audio.currentTime;
    await new Promise(done => setTimeout(done, 500));
    return [audio.duration, audio.currentTime - start];
}"""


def _run_first_cell(lab) -> None:
    prompt = lab.cell(0).locator(".jp-InputPrompt")
    for _ in range(10):
        lab.run_cell(0)
        for _ in range(40):
            if prompt.inner_text().strip() not in ("", "[ ]:"):
                return
            time.sleep(0.05)
    raise AssertionError("the cell would not start")


def _shut_down_kernels(server) -> None:
    headers = {"Authorization": f"token {server.token}"}
    with urllib.request.urlopen(urllib.request.Request(
            f"{server.url}/api/kernels", headers=headers)) as response:
        kernels = json.load(response)
    for kernel in kernels:
        urllib.request.urlopen(urllib.request.Request(
            f"{server.url}/api/kernels/{kernel['id']}", method="DELETE", headers=headers))


def _saved_wav(path) -> bytes:
    outputs = [o for o in nbformat.read(path, as_version=4).cells[0].outputs
               if o.get("output_type") == "display_data"]
    assert len(outputs) == 1 and set(outputs[0]["data"]) == {"text/html", "text/plain"}
    html = outputs[0]["data"]["text/html"]
    match = re.search(r'src="data:audio/wav;base64,([A-Za-z0-9+/=]+)"', html)
    assert match, html[:200]
    return base64.b64decode(match.group(1))


def _plays(lab) -> None:
    audio = lab.cell(0).locator(AUDIO)
    audio.wait_for(timeout=SLOW_MS)
    audio.click()          # the user's gesture; the controls may start it too
    lab.page.wait_for_function("a => a.readyState >= 1", arg=audio.element_handle())
    duration, advanced = audio.evaluate(PLAY_IT)
    assert duration == pytest.approx(2.0, abs=0.01)
    assert advanced > 0.1


def test_play_is_saved_as_audio_that_plays_after_reload(lab, jupyter_lab, tmp_path):
    path = lab.write_notebook("music.ipynb", "basic", ['PLAY "T120 L8 CDEFGAB > C"'])
    lab.open("music.ipynb")
    _run_first_cell(lab)
    lab.cell(0).locator(AUDIO).wait_for(timeout=SLOW_MS)
    lab.wait_idle()
    lab.save()
    wav = _saved_wav(path)
    assert wav_seconds(wav) == pytest.approx(2.0, abs=0.001)

    # A reload with no kernel: what plays now comes from the file alone.  The notebook saved
    # here is trusted; a copy with its signature broken is not, and goes through the sanitizer.
    _shut_down_kernels(jupyter_lab)
    untrusted = nbformat.read(path, as_version=4)
    untrusted.metadata["copied"] = True
    nbformat.write(untrusted, jupyter_lab.root / "music-copy.ipynb")
    for name in ("music.ipynb", "music-copy.ipynb"):
        lab.open(name)
        _plays(lab)
        lab.screenshot(f"music_reloaded_{name.split('.')[0]}")

    html = tmp_path / "music.html"
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--output", str(html),
                    str(path)], check=True, capture_output=True, timeout=120)
    encoded = base64.b64encode(wav).decode("ascii")
    # nbconvert writes the attribute as controls="".
    shown = f'<audio controls(="")? preload="auto" src="data:audio/wav;base64,{re.escape(encoded)}"'
    assert re.search(shown, html.read_text())
