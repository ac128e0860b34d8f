"""A tune: the tones a program played, in order, each with how long it sounds.

BASIC's PLAY, SOUND and BEEP add tones here instead of driving a speaker; a front end
takes the tones when a cell or program ends and turns them into sound (see :mod:`.synth`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tone:
    """One note or rest.  ``seconds`` is its whole length; the speaker sounds for the
    first ``sounding`` seconds of it and is silent for the rest (PLAY's articulation:
    normal notes sound 7/8 of their length, staccato 3/4, legato all of it)."""

    frequency: float     # Hz; 0 for a rest
    seconds: float
    sounding: float

    @property
    def rest(self) -> bool:
        return self.frequency <= 0 or self.sounding <= 0


class Tune:
    """The tones played so far; ``take`` hands them to a front end and starts afresh."""

    def __init__(self) -> None:
        self.tones: list[Tone] = []

    def add(self, frequency: float, seconds: float, fill: float = 1.0) -> None:
        if seconds > 0:
            self.tones.append(Tone(frequency, seconds, seconds * fill))

    @property
    def seconds(self) -> float:
        return sum(t.seconds for t in self.tones)

    def take(self) -> list[Tone]:
        tones, self.tones = self.tones, []
        return tones
