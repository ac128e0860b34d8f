"""BEEP, SOUND and PLAY: the tones the music macro language makes, its errors, and the WAV.

Tones are checked against PC-BASIC (its sound engine is asked which tones it would play),
and against lengths worked out by hand from the tempo: at T120 a quarter note is 0.5 s.
"""

from __future__ import annotations

import pytest
from timewarp.basic.errors import BasicError
from timewarp.basic.session import BasicSession
from timewarp.basic.sound import NOTE_FREQUENCIES, TICKS_PER_SECOND
from timewarp.engine import ScriptedConsole
from timewarp.sound.synth import RATE, render_samples, render_wav, sample_count, wav_seconds
from timewarp.sound.tune import Tone


def tones(source: str) -> list[Tone]:
    session = BasicSession(console=ScriptedConsole())
    session.execute(source)
    return session.take_music()


def shape(found: list[Tone]) -> list[tuple[float, float, float]]:
    return [(round(t.frequency, 2), round(t.seconds, 4), round(t.sounding, 4)) for t in found]


def error_of(source: str) -> BasicError:
    with pytest.raises(BasicError) as caught:
        BasicSession(console=ScriptedConsole()).execute(source)
    return caught.value


A440 = 440.0


# Durations, tempo, octaves, dots, articulation

def test_the_issues_scale_is_eight_eighth_notes_of_a_quarter_second():
    found = tones('PLAY "T120 L8 CDEFGAB > C"')
    assert [round(t.seconds, 6) for t in found] == [0.25] * 8
    assert sum(t.seconds for t in found) == pytest.approx(2.0)
    # Normal music sounds for 7/8 of each note.
    assert all(t.sounding == pytest.approx(0.25 * 7 / 8) for t in found)
    # One octave up from the first C to the last.
    assert found[-1].frequency == pytest.approx(2 * found[0].frequency)


def test_default_note_is_a_quarter_at_120_in_octave_4():
    (note,) = tones('PLAY "A"')
    assert note.seconds == pytest.approx(0.5)
    assert note.frequency == pytest.approx(NOTE_FREQUENCIES[4 * 12 + 9])
    (a440,) = tones('PLAY "O2 A"')       # GW-BASIC's table: A of octave 2 is 440 Hz
    assert a440.frequency == pytest.approx(A440)


def test_tempo_length_and_a_length_after_the_note():
    found = tones('PLAY "T60 C L2 D E8 F16"')
    assert [round(t.seconds, 6) for t in found] == [1.0, 2.0, 0.5, 0.25]


def test_dots_multiply_by_one_and_a_half_each():
    found = tones('PLAY "C4. C4.. L2 C. P4. N33."')
    assert [round(t.seconds, 6) for t in found] == [0.75, 1.125, 1.5, 0.75, 1.5]


def test_sharps_flats_and_octave_steps():
    c, c_sharp, d_flat, plus, up, down = tones('PLAY "O3 C C# D- C+ > C << C"')
    semitone = 2 ** (1 / 12)
    assert c_sharp.frequency == pytest.approx(c.frequency * semitone)
    assert d_flat.frequency == c_sharp.frequency == plus.frequency
    assert up.frequency == pytest.approx(2 * c.frequency)
    assert down.frequency == pytest.approx(c.frequency / 2)


def test_octaves_stop_at_0_and_6():
    low, high = tones('PLAY "O0 < C O6 > > B"')
    assert low.frequency == pytest.approx(NOTE_FREQUENCIES[0])
    assert high.frequency == pytest.approx(NOTE_FREQUENCIES[83])


def test_articulation_normal_legato_staccato_and_pauses_are_silent():
    normal, legato, staccato, pause, back = tones('PLAY "C ML C MS C P4 MN C"')
    assert normal.sounding == pytest.approx(0.5 * 7 / 8)
    assert legato.sounding == pytest.approx(0.5)
    assert staccato.sounding == pytest.approx(0.5 * 3 / 4)
    assert pause.rest and pause.seconds == pytest.approx(0.5)
    assert back.sounding == pytest.approx(normal.sounding)


def test_n_plays_note_numbers_and_n0_rests():
    a, rest, top = tones('PLAY "N34 N0 N84"')
    assert a.frequency == pytest.approx(A440)
    assert rest.rest and rest.seconds == pytest.approx(0.5)
    assert top.frequency == pytest.approx(NOTE_FREQUENCIES[83])


def test_music_foreground_background_and_semicolons_are_accepted():
    assert len(tones('PLAY "MB C; MF ;D;"')) == 2


def test_play_state_is_kept_from_one_play_to_the_next():
    found = tones('PLAY "T240 O2 L8"\nPLAY "A"')
    assert shape(found) == [(A440, 0.125, round(0.125 * 7 / 8, 4))]


# X and =variable;

def test_x_plays_a_string_variable_by_name_and_by_varptr():
    found = tones('TUNE$ = "CDE"\nPLAY "XTUNE$; X" + VARPTR$(TUNE$) + "F"')
    assert len(found) == 7
    assert shape(found[:3]) == shape(found[3:6])


def test_equals_variable_sets_octave_length_and_tempo():
    found = tones('O = 2: N% = 8: T = 60\nPLAY "O=O; L=N%; T=" + VARPTR$(T) + " A"')
    assert shape(found) == [(A440, 0.5, round(0.5 * 7 / 8, 4))]


def test_variables_inside_a_numbered_program_and_a_sub():
    found = tones('NEW\n10 FOR I = 1 TO 3\n20 PLAY "O=I; C"\n30 NEXT\nRUN')
    assert [round(t.frequency, 2) for t in found] == [
        round(NOTE_FREQUENCIES[12 * i], 2) for i in (1, 2, 3)]


# Errors: Illegal function call (5) naming what is wrong

@pytest.mark.parametrize("music, words", [
    ('"Q"', "'Q' is not a music command"),
    ('"O7"', "O7 is out of range"),
    ('"T20"', "T20 is out of range"),
    ('"L0"', "L0 is out of range"),
    ('"L65"', "L65 is out of range"),
    ('"N85"', "N85 is out of range"),
    ('"C65"', "more than 64"),
    ('"P"', "P needs a length"),
    ('"E#"', "no note E#"),
    ('"MX"', "MX is not a mode"),
    ('"O"', "O needs a number"),
    ('"O=;"', "expected a variable name"),
    ('"O=A"', "a ; must follow the variable A"),
    ('"X"', "X needs a string variable"),
])
def test_bad_music_is_an_illegal_function_call_that_says_why(music, words):
    error = error_of(f"PLAY {music}")
    assert error.code == 5 and error.kind == "Illegal function call"
    assert words in error.message


def test_other_play_errors():
    assert error_of('PLAY ""').code == 22            # Missing operand, as GW-BASIC
    assert error_of("PLAY 5").code == 13             # Type mismatch
    assert error_of('A = 1: PLAY "XA;"').code == 13
    assert error_of('A$ = "XA$;": PLAY "XA$;"').kind == "Out of memory"
    assert error_of("PRINT PLAY(256)").code == 5


def test_music_before_an_error_is_kept():
    session = BasicSession(console=ScriptedConsole())
    with pytest.raises(BasicError):
        session.execute('PLAY "C D Q"')
    assert len(session.take_music()) == 2


def test_play_function_is_zero_because_music_never_waits_in_the_background():
    session = BasicSession(console=ScriptedConsole())
    session.execute('PLAY "MB CDEFGAB": PRINT PLAY(0); PLAY(1)')
    assert session.console.output == " 0  0 \n"


# SOUND and BEEP

def test_sound_duration_is_in_clock_ticks():
    (tone,) = tones("SOUND 440, 18.2")
    assert tone.frequency == A440 and tone.sounding == tone.seconds
    assert tone.seconds == pytest.approx(18.2 / TICKS_PER_SECOND)
    assert tone.seconds == pytest.approx(1.0, abs=0.001)


def test_sound_32767_is_a_silent_pause_and_0_ticks_nothing():
    pause, = tones("SOUND 32767, 9.1: SOUND 440, 0")
    assert pause.seconds == pytest.approx(0.5, abs=0.001)
    assert render_samples([pause]).max() == 0     # above what the WAV can carry: silence


@pytest.mark.parametrize("source, code", [
    ("SOUND 36, 1", 5), ("SOUND 440, 65536", 5), ("SOUND 440, -65536", 5),
    ("SOUND 40000, 1", 6), ('SOUND "A", 1', 13), ("SOUND 440", 2)])
def test_sound_errors_are_gw_basics(source, code):
    assert error_of(source).code == code


def test_beep_is_800_hz_for_a_quarter_second():
    assert shape(tones("BEEP")) == [(800, 0.25, 0.25)]


# The WAV

def test_wav_length_is_the_sum_of_the_note_lengths():
    found = tones('PLAY "T150 L16 C D. E8 P8 N40 ML G2": SOUND 300, 5: BEEP')
    total = sum(t.seconds for t in found)
    wav = render_wav(found)
    assert wav_seconds(wav) == pytest.approx(total, abs=1 / RATE)
    assert len(wav) == 44 + sample_count(found)       # 8-bit mono: one byte a sample


def test_wav_sounds_where_notes_sound_and_is_silent_in_gaps():
    found = tones('PLAY "T120 L4 O2 MS A P4 A"')
    samples = render_samples(found)
    quarter = RATE // 2
    sounding = samples[:int(quarter * 0.7)]
    assert abs(sounding).max() > 0.2
    assert abs(samples[int(quarter * 0.8):quarter]).max() < 0.01     # staccato's gap
    assert abs(samples[quarter + 10:2 * quarter - 10]).max() == 0     # the pause
    # 440 Hz: about 220 cycles in half a second, each with one rise through zero.
    rises = ((sounding[:-1] < 0) & (sounding[1:] >= 0)).sum()
    assert rises == pytest.approx(440 * 0.35, abs=3)


def test_long_music_can_be_cut():
    found = tones("SOUND 440, 182")
    assert wav_seconds(render_wav(found, limit_seconds=2)) == pytest.approx(2.0)


# The same tones as PC-BASIC

ORACLE_MUSIC = [
    '"T120 L8 CDEFGAB > C"', '"O2 A4. B-8 ML C#16 MS N40 P2 N0 T200 D2.."',
    '"L3 O5 E F G < < A MN B"', '"T32 C64 P64. O0 C O6 B"',
]


def pcbasic_tones(music: str) -> list[tuple[float, float, float]]:
    """The tones PC-BASIC's sound engine emits for ``PLAY music``, without playing them."""
    import pcbasic
    from pcbasic.basic import sound

    played = []

    def emit_tone(self, frequency, duration, fill, loop, voice, volume):
        played.append((round(frequency, 2), round(duration, 4), round(fill * duration, 4)))

    original = sound.Sound.emit_tone, sound.Sound._wait
    sound.Sound.emit_tone, sound.Sound._wait = emit_tone, lambda self, length: None
    try:
        with pcbasic.Session(input_streams=None) as session:
            session.execute(f"PLAY {music}")
    finally:
        sound.Sound.emit_tone, sound.Sound._wait = original
    return played


@pytest.mark.parametrize("music", ORACLE_MUSIC)
def test_tones_match_pcbasic(music):
    assert shape(tones(f"PLAY {music}")) == pcbasic_tones(music)


def test_array_elements_by_name_and_by_varptr():
    found = tones('DIM B(3), T$(2): B(2) = 3: I = 2: T$(1) = "CD"\n'
                  'PLAY "O=B(2); C O=B(I); C X" + VARPTR$(T$(1)) + "XT$(1);"')
    assert [round(t.frequency) for t in found] == [523, 523, 523, 587, 523, 587]
    assert error_of('DIM B(3)\nPLAY "O=B(9);"').kind == "Subscript out of range"
    assert "PLAY: B(9)" in error_of('DIM B(3)\nPLAY "O=B(9);"').message


def test_variables_of_a_sub_and_of_a_gosub():
    found = tones('SUB Tune (n)\n  PLAY "O=n; C"\nEND SUB\nCALL Tune(3)\nTune 1')
    assert [round(t.frequency, 2) for t in found] == [
        round(NOTE_FREQUENCIES[36], 2), round(NOTE_FREQUENCIES[12], 2)]
    found = tones('NEW\n10 A$ = "CD"\n20 GOSUB 100\n30 END\n'
                  '100 PLAY "O2 X" + VARPTR$(A$) + "XA$;"\n110 RETURN\nRUN')
    assert len(found) == 4 and shape(found[:2]) == shape(found[2:])
