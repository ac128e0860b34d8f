"""Shows a cell's music: an audio player under the cell, saved with the notebook.

The kernel wraps each cell in ``with SoundDisplay(session): session.execute(code)``.  When
the cell ends, however it ends, the tones it played become one WAV, sent as an HTML
``<audio controls>`` element whose source is a ``data:`` URI.  JupyterLab has no renderer
for ``audio/wav`` outputs, and its sanitizer keeps ``<audio src="data:...">`` in untrusted
notebooks, so this one representation plays live, after reload and in exported HTML.  The
HTML is ours alone (base64 text and numbers): no text from the program goes into it.
"""

from __future__ import annotations

import base64
from typing import Self

from IPython.display import display

from timewarp.engine import Session
from timewarp.sound.synth import render_wav, wav_seconds

#: Longer music is cut here in the notebook: 29 KB of base64 a second, 1.8 MB at most.
MAX_SECONDS = 60.0


class SoundDisplay:
    """Context manager around one cell's execution (see the module docstring)."""

    def __init__(self, session: Session, show: bool = True) -> None:
        self.session = session
        self.show = show

    def __enter__(self) -> Self:
        self.session.take_music()       # nothing left over from a cell that showed none
        return self

    def __exit__(self, *exc_info: object) -> None:
        tones = self.session.take_music()
        if tones and self.show:
            display(music_bundle(tones), raw=True)


def music_bundle(tones: list) -> dict[str, str]:
    """The display data of the music ``tones`` make."""
    total = sum(t.seconds for t in tones)
    wav = render_wav(tones, limit_seconds=MAX_SECONDS)
    seconds = wav_seconds(wav)
    cut = f" (the first {seconds:.0f} s of {total:.1f} s)" if seconds < total - 0.001 else ""
    data = base64.b64encode(wav).decode("ascii")
    html = (f'<audio controls preload="auto" src="data:audio/wav;base64,{data}"></audio>'
            + (f"<div>music cut at {seconds:.0f} s of {total:.1f} s</div>" if cut else ""))
    return {"text/html": html, "text/plain": f"<music {seconds:.2f} s{cut}>"}
