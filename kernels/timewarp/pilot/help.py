"""Help for every PILOT statement and turtle command: what Shift+Tab shows in the notebook."""

from __future__ import annotations

from timewarp.pilot import graphics

#: Statement name -> (syntax, what it does, one example).
STATEMENTS: dict[str, tuple[str, str, str]] = {
    "T": ("T:text", "TYPE: shows the text. $NAME and #NUMBER are replaced by their values.",
          "T:Hello, $NAME! You scored #SCORE."),
    "TH": ("TH:text", "TYPEHANG: shows the text and stays on the same line; an A: straight "
           "after shows it as the question beside the answer box.", "TH:Your name? "),
    "A": ("A:  or  A:$NAME  or  A:#NUMBER", "ACCEPT: waits for the student's answer. It is "
          "kept for M:, and also in $NAME, or as a number in #NUMBER.", "A:$NAME"),
    "M": ("M:word,word,...", "MATCH: looks for any of the words in the last answer, ignoring "
          "case. * stands for any letters, ? for one. Sets Y/N and $LEFT, $MATCH, $RIGHT.",
          "M:PARIS,PAREE"),
    "Y": ("Y:text", "YES: shows the text if the last M: found a match (the same as TY:).",
          "Y:Well done!"),
    "N": ("N:text", "NO: shows the text if the last M: found no match (the same as TN:).",
          "N:Not quite, try again."),
    "J": ("J:*LABEL  or  J:@A", "JUMP: goes on from the line with that label. J:@A goes back "
          "to the last A: to ask again; J:@M to the next M:; J:@P to the last PR:.",
          "JN:@A"),
    "JM": ("JM:*L1,*L2,...", "JUMPMATCH: jumps to the label in the place of the word that "
           "the last M: matched (the first label for the first word ...).",
           "JM:*RED,*GREEN,*BLUE"),
    "U": ("U:*LABEL", "USE: runs the subroutine at that label; its E: comes back here.",
          "UY:*PRAISE"),
    "E": ("E:  or  E:status", "END: ends a subroutine (going back after its U:), or ends the "
          "lesson. A number after the colon is kept in %STATUS.", "E:"),
    "C": ("C:#N = expression  or  C:$S = text", "COMPUTE: works out a number (+ - * / % and "
          "brackets; RND(N), LEN($S), INT(X), ABS(X)) or sets words, with $ and # variables "
          "in them.", "C:#SCORE = #SCORE + 1"),
    "R": ("R:remark", "REMARK: a note for whoever reads the lesson; it does nothing.",
          "R:Lesson 3, fractions"),
    "PR": ("PR:", "PROBLEM: marks the start of a problem; J:@P comes back to it.",
           "PR:Question 2"),
    "L": ("L:file", "LINK: runs another lesson file (.pil or .pilot), then carries on here. "
          "Variables are shared.", "L:fractions.pil"),
    "CK": ("CK:condition, message", "CHECK: a teacher's test; if the condition is false the "
           "lesson stops with an error that shows the message and the line.",
           "CK:#SCORE = 3, the score should be 3"),
    "W": ("W:seconds", "WAIT: pauses for a number of seconds (also PA:).", "W:2"),
    "G": ("G:command arguments ...", "GRAPHICS: drives the turtle: FORWARD, BACK, LEFT, RIGHT, "
          "PENUP, PENDOWN, PENCOLOR, SETXY, HOME, CLEARSCREEN, CIRCLE, ARC, DOT, LABEL ...",
          "G:PENCOLOR BLUE FORWARD 50 RIGHT 90"),
    "CH": ("CH:", "CLEARHOME: clears the screen (the cell's output) and starts again at the "
           "top.", "CH:"),
    "CA": ("CA:row,column", "CURSADDR: moves the cursor of a terminal to a row and column "
           "(counted from 1).", "CA:5,10"),
    "CL": ("CL:", "CLEARLINE: clears the rest of the line on a terminal.", "CL:"),
    "CE": ("CE:", "CLEAREND: clears the rest of the screen on a terminal.", "CE:"),
    "F": ("F:text", "FILE: named by the standard without a meaning; as in the reference "
          "interpreter it only makes its text (%text holds it).", "F:scores.txt"),
    "XS": ("XS:command", "SYSTEM: in the reference interpreter, runs a command on the "
           "computer; Time Warp's lessons may not, and stop with an error.", "XS:ls"),
}

CONDITIONS = ("Any statement can carry a condition before its colon: Y (the last M: matched), "
              "N (it did not), or a test in brackets: TY:Right!  JN:*AGAIN  T(#SCORE > 5):Great!")


def statement_help(name: str, long_name: str) -> str:
    syntax, meaning, example = STATEMENTS[name]
    return (f"{name}: ({long_name})\n\n{syntax}\n\n{meaning}\n\n{CONDITIONS}\n\n"
            f"Example:\n    {example}")


def turtle_help(name: str) -> str:
    spec = graphics.COMMANDS[name]
    aliases = sorted(a for a, target in graphics.ALIASES.items() if target == name)
    also = f"\n(also {', '.join(aliases)})" if aliases else ""
    return f"G:{spec.help}{also}\n\nExample:\n    G:{_turtle_example(spec)}"


def _turtle_example(spec: graphics.CommandSpec) -> str:
    samples = {"n": "50", "c": "RED", "t": "Hello", "o": "10"}
    if spec.example:
        return spec.example
    return " ".join([spec.name, *(samples[kind] for kind in spec.args)])
