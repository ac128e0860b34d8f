"""`timewarp run --wav FILE` writes the program's music, as a real process."""

from __future__ import annotations

import subprocess
import sys
import wave

import pytest


def timewarp(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timewarp", *args], check=False,
                          capture_output=True, text=True, timeout=60, cwd=cwd)


def test_wav_holds_the_programs_music(tmp_path):
    (tmp_path / "tune.bas").write_text('10 PLAY "T120 L8 CDEFGAB > C"\n20 BEEP\n30 PRINT "OK"\n')
    done = timewarp("run", "--wav", "tune.wav", "tune.bas", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "OK\n", "")
    with wave.open(str(tmp_path / "tune.wav")) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 1, 22050)
        assert wav.getnframes() / wav.getframerate() == pytest.approx(2.25, abs=0.001)
        assert max(wav.readframes(wav.getnframes())) > 160     # it sounds: peaks at 128 + 0.35 * 127


def test_music_before_an_error_is_written_and_silence_is_an_empty_wav(tmp_path):
    (tmp_path / "bad.bas").write_text('10 SOUND 440, 9.1\n20 SOUND 10, 1\n')
    done = timewarp("run", "--wav", "bad.wav", "bad.bas", cwd=tmp_path)
    assert done.returncode == 1 and "Illegal function call in 20" in done.stderr
    with wave.open(str(tmp_path / "bad.wav")) as wav:
        assert wav.getnframes() / 22050 == pytest.approx(0.5, abs=0.001)
    (tmp_path / "quiet.bas").write_text('10 PRINT "SH"\n')
    assert timewarp("run", "--wav", "q.wav", "quiet.bas", cwd=tmp_path).returncode == 0
    with wave.open(str(tmp_path / "q.wav")) as wav:
        assert wav.getnframes() == 0


def test_an_unwritable_wav_is_a_usage_error(tmp_path):
    (tmp_path / "t.bas").write_text('10 BEEP\n')
    done = timewarp("run", "--wav", "no/such/dir/t.wav", "t.bas", cwd=tmp_path)
    assert done.returncode == 2 and "cannot write the music" in done.stderr
