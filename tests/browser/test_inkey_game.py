"""A student plays a small INKEY$ game in JupyterLab: click the live canvas, press keys.

The program draws a target and the player, then moves the player with the arrow keys (or
W A S D) until it reaches the target.  The keys travel from the canvas over its widget comm
while the cell is still running (kernel.keyboard); the program prints each key it saw.
"""

from __future__ import annotations

import re

GAME = """10 X = 1: Y = 1
20 CIRCLE (80, 60), 8: GOSUB 200
30 K$ = INKEY$: IF K$ = "" THEN 30
40 IF K$ = CHR$(0) + CHR$(77) OR K$ = "d" THEN X = X + 1
50 IF K$ = CHR$(0) + CHR$(75) OR K$ = "a" THEN X = X - 1
60 IF K$ = CHR$(0) + CHR$(80) OR K$ = "s" THEN Y = Y + 1
70 IF K$ = CHR$(0) + CHR$(72) OR K$ = "w" THEN Y = Y - 1
80 PRINT "KEY"; LEN(K$); ASC(RIGHT$(K$, 1)); "AT"; X; Y
90 GOSUB 200
100 IF X <> 4 OR Y <> 3 THEN 30
110 PRINT "REACHED THE TARGET AT"; X; Y
120 END
200 PSET (X * 20, Y * 20): RETURN
RUN"""

# Right, right, d, down, s: from (1, 1) to the target at (4, 3).
PRESSES = ["ArrowRight", "ArrowRight", "d", "ArrowDown", "s"]
SLOW_MS = 120_000


def test_inkey_game_is_played_by_pressing_keys_on_the_live_canvas(lab):
    lab.write_notebook("inkey_game.ipynb", "basic", [GAME])
    lab.open("inkey_game.ipynb")
    lab.run_cell(0)
    canvas = lab.cell(0).locator(".jp-OutputArea canvas").last
    canvas.wait_for(timeout=SLOW_MS)
    cells = lab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell")
    cells_before = cells.count()    # Shift+Enter on the last cell added an empty one
    canvas.click()
    for key in PRESSES:
        lab.page.keyboard.press(key)
    lab.wait_idle(timeout=SLOW_MS)
    output = lab.output_text(0)
    assert "REACHED THE TARGET AT 4  3" in output
    moves = re.findall(r"KEY +(\d) +(\d+) AT +(\d) +(\d)", output)
    assert moves == [("2", "77", "2", "1"), ("2", "77", "3", "1"), ("1", "100", "4", "1"),
                     ("2", "80", "4", "2"), ("1", "115", "4", "3")]
    # The keys went to the game, not to the notebook's shortcuts (no cell added or deleted).
    assert cells.count() == cells_before
    lab.screenshot("inkey_game")


def test_a_program_that_draws_nothing_gets_a_canvas_to_type_into(lab):
    lab.write_notebook("press_a_key.ipynb", "basic", [
        'PRINT "PRESS A KEY"\nDO: K$ = INKEY$: LOOP WHILE K$ = ""\nPRINT "YOU PRESSED "; K$'])
    lab.open("press_a_key.ipynb")
    lab.run_cell(0)
    canvas = lab.cell(0).locator(".jp-OutputArea canvas").last
    canvas.wait_for(timeout=SLOW_MS)
    canvas.click()
    lab.page.keyboard.press("Shift+Q")
    lab.wait_idle(timeout=SLOW_MS)
    assert "YOU PRESSED Q" in lab.output_text(0)
    # The canvas became a picture that stays without a kernel.
    assert lab.cell(0).locator(".jp-OutputArea img").count() == 1
