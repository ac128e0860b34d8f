"""Help texts for BASIC keywords: what Shift+Tab shows and what tab completion offers.

Each entry is one line of syntax, a plain sentence a twelve-year-old can follow, and one
example.  Keys are written the way a student types the word (``LEFT$``, ``INKEY$``, ``FN``);
:func:`help_for` forgives case and spacing.  The Pygments lexer and the engine's completion
read their keyword lists from here, so a new keyword needs one entry in one place.
"""

from __future__ import annotations

import textwrap


def _entry(syntax: str, sentence: str, example: str) -> str:
    return f"{syntax}\n\n{sentence}\n\nExample:\n{textwrap.indent(example, '    ')}"


_STATEMENTS = {
    "PRINT": ("PRINT [items] [; or ,]",
              "Shows numbers and words on the screen. A ; keeps the next item right after this one;"
              " a , jumps to the next 14-character column.",
              'PRINT "2 + 2 ="; 2 + 2'),
    "?": ("? [items]", "A short way to write PRINT.", '? "HELLO"'),
    "USING": ('PRINT USING "format"; items',
              "Prints numbers in a fixed shape: # is a digit, . the decimal point, , groups"
              " thousands, $$ puts a dollar sign in front.",
              'PRINT USING "###.##"; 3.14159'),
    "TAB": ("TAB(column)", "Inside PRINT, moves along the line to the given column.",
            'PRINT "NAME"; TAB(20); "SCORE"'),
    "SPC": ("SPC(count)", "Inside PRINT, prints this many spaces.",
            'PRINT "A"; SPC(5); "B"'),
    "INPUT": ('INPUT ["prompt";] variable [, variable ...]',
              "Waits for the user to type values and stores them in variables. If the answer"
              " does not fit, BASIC says ?Redo from start and asks again.",
              'INPUT "HOW OLD ARE YOU"; AGE'),
    "LINE INPUT": ('LINE INPUT ["prompt";] text$',
                   "Reads a whole line, commas and quotes included, into a string variable.",
                   'LINE INPUT "YOUR SENTENCE? "; S$'),
    "LET": ("[LET] variable = expression",
            "Stores a value in a variable. The word LET may be left out.",
            "LET SCORE = SCORE + 10"),
    "IF": ("IF condition THEN statements [ELSE statements]",
           "Does something only when the condition is true. Without a line number after THEN,"
           " a block IF runs until END IF.",
           'IF AGE >= 13 THEN PRINT "TEENAGER" ELSE PRINT "CHILD"'),
    "THEN": ("IF condition THEN line-number or statements",
             "Comes after the condition of an IF: what to do when it is true.",
             "IF X = 0 THEN 100"),
    "ELSE": ("IF condition THEN ... ELSE ...",
             "What to do when the IF's condition is false.",
             'IF N MOD 2 = 0 THEN PRINT "EVEN" ELSE PRINT "ODD"'),
    "ELSEIF": ("ELSEIF condition THEN",
               "In a block IF, another condition to try when the ones before were false.",
               'IF T < 10 THEN\n    PRINT "COLD"\nELSEIF T < 25 THEN\n    PRINT "MILD"\nEND IF'),
    "END IF": ("END IF", "Closes a block IF.",
               'IF X > 0 THEN\n    PRINT "POSITIVE"\nEND IF'),
    "END": ("END", "Stops the program. END IF, END SUB, END FUNCTION and END SELECT close blocks.",
            '100 PRINT "BYE": END'),
    "ASSERT": ('ASSERT condition [, "message"]',
               "A test: if the condition is false, the program stops with an error that shows"
               " the message and the line. Teachers use it in graded notebooks.",
               'ASSERT X = 4, "X should be 4"'),
    "STOP": ("STOP",
             "Stops the program and says on which line it stopped; handy when hunting bugs."
             " At the timewarp basic prompt the program waits: look at its variables"
             " (PRINT X), change them, then CONT goes on.",
             "50 IF X < 0 THEN STOP"),
    "CONT": ("CONT",
             "At the timewarp basic prompt, goes on with a program stopped by STOP (or END)"
             " where it stopped. A new line or RUN in between ends it instead.", "CONT"),
    "GOTO": ("GOTO line-number or label", "Jumps to another line and carries on from there.",
             "90 GOTO 10"),
    "GOSUB": ("GOSUB line-number or label",
              "Jumps to a subroutine; RETURN comes back to the line after the GOSUB.",
              "20 GOSUB 1000"),
    "RETURN": ("RETURN", "Ends a subroutine and goes back to just after the GOSUB that called it.",
               '1000 PRINT "IN THE SUBROUTINE": RETURN'),
    "ON": ("ON number GOTO|GOSUB line, line, ...",
           "Jumps to the first line if the number is 1, the second if it is 2, and so on."
           " ON ERROR GOTO is explained under ERROR.",
           "ON CHOICE GOTO 100, 200, 300"),
    "FOR": ("FOR variable = start TO end [STEP step]",
            "Repeats the lines up to NEXT, counting the variable from start to end.",
            "FOR I = 1 TO 10: PRINT I: NEXT I"),
    "TO": ("FOR variable = start TO end",
           "Gives the last value of a FOR loop; in SELECT CASE, a range like 1 TO 5.",
           "FOR I = 1 TO 3"),
    "STEP": ("FOR variable = start TO end STEP size",
             "How much the FOR variable changes each time round; it may be negative.",
             "FOR I = 10 TO 0 STEP -2: PRINT I: NEXT"),
    "NEXT": ("NEXT [variable [, variable ...]]",
             "Marks the end of a FOR loop: adds the step and goes round again.",
             "FOR I = 1 TO 3: FOR J = 1 TO 3: PRINT I * J: NEXT J, I"),
    "WHILE": ("WHILE condition ... WEND",
              "Repeats the lines up to WEND as long as the condition is true.",
              "WHILE X < 100: X = X * 2: WEND"),
    "WEND": ("WEND", "Marks the end of a WHILE loop.", "WHILE N > 0: N = N - 1: WEND"),
    "DIM": ("DIM name(size [, size ...])",
            "Makes an array: a row (or table) of variables under one name, numbered from 0.",
            "DIM SCORES(10), BOARD(8, 8)"),
    "OPTION BASE": ("OPTION BASE 0 | 1",
                    "Chooses whether arrays start at element 0 or element 1.",
                    "OPTION BASE 1: DIM A(5)"),
    "OPTION": ("OPTION BASE 0 | 1",
               "Chooses whether arrays start at element 0 or element 1.",
               "OPTION BASE 1"),
    "BASE": ("OPTION BASE 0 | 1", "Used in OPTION BASE to set the first array element.",
             "OPTION BASE 1"),
    "DATA": ("DATA value, value, ...",
             "Keeps a list of numbers and words inside the program for READ to pick up.",
             '900 DATA 3, "RED", "GREEN", "BLUE"'),
    "READ": ("READ variable [, variable ...]",
             "Takes the next values from the DATA lines and stores them in variables.",
             "READ N, NAME$"),
    "RESTORE": ("RESTORE [line-number]",
                "Makes READ start again from the first DATA (or from the given line).",
                "RESTORE 900"),
    "DEF": ("DEF FNname(parameters) = expression",
            "Defines your own one-line function, whose name starts with FN.",
            "DEF FNSQUARE(X) = X * X"),
    "FN": ("FNname(arguments)", "Calls a function you made with DEF FN.",
           "PRINT FNSQUARE(7)"),
    "REM": ("REM remark",
            "A note for people reading the program; BASIC ignores the rest of the line.",
            "10 REM THIS PROGRAM GUESSES NUMBERS"),
    "'": ("' remark", "A short way to write REM, and it can go at the end of any line.",
          "PRINT X  ' SHOW THE ANSWER"),
    "DEFINT": ("DEFINT letter[-letter]",
               "Makes variables starting with these letters whole numbers (integers).",
               "DEFINT I-N"),
    "DEFSNG": ("DEFSNG letter[-letter]",
               "Makes variables starting with these letters single-precision numbers.",
               "DEFSNG A-H"),
    "DEFDBL": ("DEFDBL letter[-letter]",
               "Makes variables starting with these letters double-precision numbers,"
               " with about 16 digits.",
               "DEFDBL D"),
    "DEFSTR": ("DEFSTR letter[-letter]",
               "Makes variables starting with these letters hold text, as if they ended in $.",
               'DEFSTR S: S = "HELLO"'),
    "RANDOMIZE": ("RANDOMIZE [seed | TIMER]",
                  "Starts the random numbers of RND from a new place, so each run is different.",
                  "RANDOMIZE TIMER"),
    "SWAP": ("SWAP variable, variable", "Exchanges the values of two variables of the same type.",
             "IF A > B THEN SWAP A, B"),
    "ERASE": ("ERASE array [, array ...]",
              "Throws an array away so it can be made again with DIM.",
              "ERASE SCORES"),
    "ERROR": ("ON ERROR GOTO line  |  ERROR code",
              "ON ERROR GOTO sends the program to your own error handler instead of stopping;"
              " ERROR code makes an error happen on purpose.",
              "10 ON ERROR GOTO 1000"),
    "ON ERROR": ("ON ERROR GOTO line-number",
                 "From now on, an error jumps to your handler at that line instead of stopping"
                 " the program; ERR and ERL tell the handler what went wrong and where.",
                 "10 ON ERROR GOTO 1000"),
    "RESUME": ("RESUME [NEXT | line-number]",
               "Leaves an error handler: RESUME tries the line again, RESUME NEXT goes on"
               " after it.",
               "1000 PRINT \"OOPS\": RESUME NEXT"),
    "MID$": ("MID$(text$, start [, length])  |  MID$(var$, start [, length]) = new$",
             "Gives the part of a string that begins at position start. As a statement it"
             " overwrites characters inside a string variable.",
             'PRINT MID$("COMPUTER", 4, 3)'),
    "GO": ("GO TO line-number  |  GO SUB line-number",
           "Old listings sometimes write GOTO and GOSUB as two words; both ways work.",
           "40 GO TO 10"),
    "LPRINT": ("LPRINT [USING format$;] [items]",
               "Printed on the printer in the old days; no printer is attached here, so it"
               " prints nowhere, but LPOS(0) still tells the print head's column.",
               'LPRINT "REPORT"'),
    "SHARED": ("SHARED variable [, variable ...]",
               "Inside a SUB or FUNCTION: use the main program's variables of these names"
               " instead of new ones of its own.",
               "SUB AddPoint\n    SHARED score\n    score = score + 1\nEND SUB"),
    "STATIC": ("STATIC variable [, variable ...]  |  SUB name [(parameters)] STATIC",
               "Inside a SUB or FUNCTION: keep these variables' values from one call to the"
               " next; they are not the main program's variables of the same names. After"
               " SUB name (...), STATIC keeps all of its variables.",
               "SUB Counter\n    STATIC calls\n    calls = calls + 1\n    PRINT calls\nEND SUB"),
    "DECLARE": ("DECLARE SUB name (parameters)  |  DECLARE FUNCTION name (parameters)",
                "QBasic wrote these lines by itself at the top of a program; Time Warp does not"
                " need them, but checks them against the SUB or FUNCTION (how many"
                " parameters, and of which types).",
                "DECLARE SUB Greet (who$)"),
    "TYPE": ("TYPE name ... field AS type ... END TYPE",
             "Makes a record type: fields of INTEGER, LONG, SINGLE, DOUBLE, STRING * length"
             " or another TYPE. DIM p AS name makes a record, and p.field is one of its fields.",
             "TYPE Point\n    x AS INTEGER\n    y AS INTEGER\nEND TYPE\n"
             "DIM p AS Point: p.x = 3"),
    "END TYPE": ("END TYPE", "Closes a TYPE.", "END TYPE"),
    "REDIM": ("REDIM [PRESERVE] array(bounds) [AS type]",
              "Gives an array a new size. Its elements start again from 0 (or empty strings);"
              " with PRESERVE the elements both sizes have keep their values.",
              "REDIM PRESERVE SCORES(2 * UBOUND(SCORES))"),
    "PRESERVE": ("REDIM PRESERVE array(bounds)",
                 "After REDIM: keep the array's elements that still fit.",
                 "REDIM PRESERVE A(20)"),
    "DEFLNG": ("DEFLNG letter[-letter]",
               "Makes variables whose names start with these letters whole numbers (kept as"
               " INTEGER here, from -32768 to 32767).",
               "DEFLNG L-N"),
    "TRON": ("TRON", "Switched on tracing of line numbers; accepted here and does nothing.",
             "TRON"),
    "TROFF": ("TROFF", "Switched tracing off again; accepted here and does nothing.", "TROFF"),
}

_COMMANDS = {
    "LIST": ('LIST [from][-to] [, "file"]', "Shows the program in memory, in line-number"
             " order, or writes it into a file of the notebook's folder.",
             'LIST 10-50, "PART.TXT"'),
    "RUN": ("RUN [line-number]",
            "Runs the program in memory from the start (or from the given line);"
            " variables start fresh.",
            "RUN"),
    "NEW": ("NEW", "Wipes the program and all variables, ready for a new program.", "NEW"),
    "DELETE": ("DELETE from[-to]", "Removes program lines.", "DELETE 100-150"),
    "CLEAR": ("CLEAR", "Forgets all variables and arrays but keeps the program.", "CLEAR"),
    "SYSTEM": ("SYSTEM", "Ends the program, like END; at the timewarp basic prompt, leaves.",
               "SYSTEM"),
    "AUTO": ("AUTO [start | .] [, step]",
             "At the timewarp basic prompt, puts up the next line number for each line you"
             " type (10, 20, 30...; a * when that line exists); Ctrl-C stops it. In a"
             " notebook, type the numbers yourself.", "AUTO 100, 5"),
    "RENUM": ("RENUM [new-start [, old-start [, step]]]",
              "Gives the program's lines new, evenly spaced numbers, and fixes every GOTO,"
              " GOSUB and other line number to match.",
              "RENUM 100, , 10"),
    "SAVE": ('SAVE "file" [, A | , P]',
             "Writes the program in memory to a file in the notebook's folder (.BAS is added"
             " when the name has no dot): text in a notebook and with , A; GW-BASIC's binary"
             " form at the timewarp basic prompt; with , P protected (it runs but is never"
             " listed again).", 'SAVE "GAME"'),
    "LOAD": ('LOAD "file" [, R]',
             "Reads a program from a file in place of the one in memory (as text, or"
             " in GW-BASIC's own binary form); with , R it runs it at once.",
             'LOAD "GAME", R'),
    "MERGE": ('MERGE "file"',
              "Adds the lines of a program file (saved as text) to the program in memory;"
              " a line with the same number replaces the old one.", 'MERGE "SUBS"'),
    "CHAIN": ('CHAIN [MERGE] "file" [, line] [, ALL] [, DELETE from-to]',
              "Runs another program file, keeping the variables named in COMMON (or all"
              " of them with ALL); CHAIN MERGE adds its lines to this program.",
              'CHAIN "PART2", 100, ALL'),
    "COMMON": ("COMMON variable [, variable ...]",
               "Names the variables that CHAIN passes to the next program.",
               "COMMON SCORE, NAME$, BOARD()"),
}

_FUNCTIONS = {
    "ABS": ("ABS(x)", "The number without its minus sign.", "PRINT ABS(-7)"),
    "ASC": ("ASC(text$)", "The character code of the first letter of a string.",
            'PRINT ASC("A")'),
    "ATN": ("ATN(x)", "The arctangent of x, in radians.", "PI = 4 * ATN(1)"),
    "CHR$": ("CHR$(code)", "The character with this code.", "PRINT CHR$(65)"),
    "COS": ("COS(angle)", "The cosine of an angle in radians.", "PRINT COS(0)"),
    "EXP": ("EXP(x)", "e (about 2.718) to the power x.", "PRINT EXP(1)"),
    "FIX": ("FIX(x)", "Cuts off the part after the decimal point, towards zero.",
            "PRINT FIX(-3.7)"),
    "HEX$": ("HEX$(n)", "The number written in hexadecimal (base 16), as a string.",
             "PRINT HEX$(255)"),
    "INSTR": ("INSTR([start,] text$, find$)",
              "Where find$ first appears inside text$, or 0 when it does not.",
              'PRINT INSTR("BANANA", "NA")'),
    "INT": ("INT(x)", "The largest whole number not bigger than x (rounds down).",
            "PRINT INT(3.7), INT(-3.7)"),
    "LEFT$": ("LEFT$(text$, n)", "The first n characters of a string.",
              'PRINT LEFT$("HELLO", 2)'),
    "LEN": ("LEN(text$)", "How many characters a string has.", 'PRINT LEN("HELLO")'),
    "LOG": ("LOG(x)", "The natural logarithm of x (x must be above 0).", "PRINT LOG(10)"),
    "OCT$": ("OCT$(n)", "The number written in octal (base 8), as a string.", "PRINT OCT$(8)"),
    "RIGHT$": ("RIGHT$(text$, n)", "The last n characters of a string.",
               'PRINT RIGHT$("HELLO", 3)'),
    "RND": ("RND[(x)]", "A random number from 0 up to (not including) 1.",
            "DICE = INT(RND * 6) + 1"),
    "SGN": ("SGN(x)", "-1 if x is negative, 0 if it is zero, 1 if it is positive.",
            "PRINT SGN(-5)"),
    "SIN": ("SIN(angle)", "The sine of an angle in radians.", "PRINT SIN(3.14159 / 2)"),
    "SPACE$": ("SPACE$(n)", "A string of n spaces.", 'PRINT "A" + SPACE$(3) + "B"'),
    "SQR": ("SQR(x)", "The square root of x.", "PRINT SQR(16)"),
    "STR$": ("STR$(x)", "The number as a string, with a space in front if it is not negative.",
             "S$ = STR$(42)"),
    "STRING$": ("STRING$(n, char$ | code)", "A string of n copies of the same character.",
                'PRINT STRING$(10, "*")'),
    "TAN": ("TAN(angle)", "The tangent of an angle in radians.", "PRINT TAN(0.5)"),
    "VAL": ("VAL(text$)", "The number written in a string (0 if it does not start with one).",
            'PRINT VAL("12.5") * 2'),
    "UCASE$": ("UCASE$(text$)", "The string in capital letters.", 'PRINT UCASE$("hello")'),
    "LCASE$": ("LCASE$(text$)", "The string in small letters.", 'PRINT LCASE$("HELLO")'),
    "LTRIM$": ("LTRIM$(text$)", "The string without the spaces at its start.",
               'PRINT LTRIM$("   HI")'),
    "RTRIM$": ("RTRIM$(text$)", "The string without the spaces at its end.",
               'PRINT RTRIM$("HI   "); "!"'),
    "CINT": ("CINT(x)", "x rounded to the nearest whole number (from -32768 to 32767).",
             "PRINT CINT(2.7)"),
    "CSNG": ("CSNG(x)", "x as a single-precision number, with about 7 digits.",
             "PRINT CSNG(1 / 3#)"),
    "CDBL": ("CDBL(x)", "x as a double-precision number, with about 16 digits.",
             "PRINT CDBL(1) / 3"),
    "POS": ("POS(0)", "The column the next PRINT will write in, counting from 1.",
            'PRINT "ABC";: PRINT POS(0)'),
    "FRE": ("FRE(0)  |  FRE(\"\")", "How many bytes are free between the program's arrays and its"
            " strings, as GW-BASIC counted them; FRE(\"\") first packs the strings still in use"
            " (garbage collection).", "PRINT FRE(0)"),
    "ERR": ("ERR", "In an error handler: the number of the error that happened.",
            "1000 PRINT \"ERROR NUMBER\"; ERR"),
    "ERL": ("ERL", "In an error handler: the line number where the error happened.",
            "1000 PRINT \"ERROR IN LINE\"; ERL"),
    "UBOUND": ("UBOUND(array [, dimension])",
               "The highest subscript an array allows, in its first dimension or the one you"
               " name; it also works on an array passed to a SUB or FUNCTION.",
               "DIM scores(1 TO 10)\nFOR i = LBOUND(scores) TO UBOUND(scores): PRINT scores(i): NEXT"),
    "LBOUND": ("LBOUND(array [, dimension])",
               "The lowest subscript an array allows: 0, 1 under OPTION BASE 1, or the lo of"
               " DIM a(lo TO hi).",
               "DIM grid(1 TO 3, -2 TO 2)\nPRINT LBOUND(grid, 2)"),
}

_OPERATORS = {
    "AND": ("a AND b", "True only when both sides are true (on numbers: bit by bit).",
            "IF AGE > 12 AND AGE < 20 THEN PRINT \"TEEN\""),
    "OR": ("a OR b", "True when at least one side is true.",
           'IF A$ = "Y" OR A$ = "y" THEN 100'),
    "NOT": ("NOT a", "Turns true into false and false into true.",
            "IF NOT FOUND THEN PRINT \"MISSING\""),
    "XOR": ("a XOR b", "True when exactly one side is true.", "PRINT 5 XOR 3"),
    "EQV": ("a EQV b", "True when both sides are the same (both true or both false).",
            "PRINT -1 EQV 0"),
    "IMP": ("a IMP b", "False only when the left side is true and the right side is false.",
            "PRINT 0 IMP -1"),
    "MOD": ("a MOD b", "The remainder after dividing whole numbers.", "PRINT 17 MOD 5"),
}

_STRUCTURED = {
    "SUB": ("SUB name [(parameters)] ... END SUB",
            "Makes a named piece of program that you can run with CALL or just by its name.",
            'SUB GREET (N$)\n    PRINT "HELLO, "; N$\nEND SUB'),
    "END SUB": ("END SUB", "Closes a SUB.", "END SUB"),
    "FUNCTION": ("FUNCTION name [(parameters)] ... END FUNCTION",
                 "Makes a named piece of program that works out a value; set the value by"
                 " assigning to the function's name. It may call itself.",
                 "FUNCTION FACT (N)\n    IF N <= 1 THEN FACT = 1 ELSE FACT = N * FACT(N - 1)"
                 "\nEND FUNCTION"),
    "END FUNCTION": ("END FUNCTION", "Closes a FUNCTION.", "END FUNCTION"),
    "CALL": ("CALL name [(arguments)]", "Runs a SUB.", 'CALL GREET("ADA")'),
    "SELECT": ("SELECT CASE expression ... END SELECT",
               "Picks one group of lines by comparing a value with each CASE in turn.",
               'SELECT CASE N\n    CASE 1: PRINT "ONE"\n    CASE ELSE: PRINT "MANY"'
               "\nEND SELECT"),
    "SELECT CASE": ("SELECT CASE expression ... END SELECT",
                    "Picks one group of lines by comparing a value with each CASE in turn.",
                    'SELECT CASE GRADE\n    CASE 90 TO 100: PRINT "A"\nEND SELECT'),
    "CASE": ("CASE value[, value] | CASE low TO high | CASE IS > value | CASE ELSE",
             "Inside SELECT CASE: the lines after it run when the value matches.",
             'CASE 1, 3, 5: PRINT "ODD"'),
    "CASE ELSE": ("CASE ELSE", "Inside SELECT CASE: runs when no other CASE matched.",
                  'CASE ELSE: PRINT "SOMETHING ELSE"'),
    "IS": ("CASE IS comparison value", "Inside CASE: compares with <, >, = and the like.",
           'CASE IS >= 18: PRINT "ADULT"'),
    "END SELECT": ("END SELECT", "Closes a SELECT CASE.", "END SELECT"),
    "DO": ("DO [WHILE | UNTIL condition] ... LOOP [WHILE | UNTIL condition]",
           "Repeats the lines up to LOOP. WHILE keeps going while a condition is true,"
           " UNTIL keeps going until it becomes true.",
           "DO WHILE N < 100\n    N = N * 2\nLOOP"),
    "LOOP": ("LOOP [WHILE | UNTIL condition]",
             "Marks the end of a DO loop; a condition here is checked after each time round.",
             "DO: N = N + 1: LOOP UNTIL N = 10"),
    "UNTIL": ("DO UNTIL condition  |  LOOP UNTIL condition",
              "Keeps a DO loop going until the condition becomes true.",
              'DO: INPUT A$: LOOP UNTIL A$ = "QUIT"'),
    "EXIT": ("EXIT FOR | EXIT DO | EXIT SUB | EXIT FUNCTION",
             "Leaves the loop, SUB or FUNCTION straight away.",
             "FOR I = 1 TO 100\n    IF I * I > 50 THEN EXIT FOR\nNEXT"),
    "CONST": ("CONST name = value", "Gives a fixed value a name that cannot change.",
              "CONST PI = 3.14159"),
}

_GRAPHICS = {
    "FORWARD": ("FORWARD distance", "Moves the turtle forward, drawing a line if the pen is down.",
                "FORWARD 100"),
    "BACK": ("BACK distance", "Moves the turtle backwards without turning it.", "BACK 50"),
    "LEFT": ("LEFT angle", "Turns the turtle to its left by this many degrees.", "LEFT 90"),
    "RIGHT": ("RIGHT angle", "Turns the turtle to its right by this many degrees.", "RIGHT 90"),
    "PENUP": ("PENUP", "Lifts the pen: the turtle moves without drawing.", "PENUP: FORWARD 20"),
    "PENDOWN": ("PENDOWN", "Puts the pen down again so the turtle draws.", "PENDOWN"),
    "SETXY": ("SETXY x, y",
              "Moves the turtle straight to a point; (0, 0) is the middle and y grows upwards.",
              "SETXY 100, -50"),
    "HOME": ("HOME", "Sends the turtle back to the middle, facing up.", "HOME"),
    "PENCOLOR": ("PENCOLOR colour",
                 'Changes the pen colour: a name like "RED", a number 0-15, or red, green, blue.',
                 'PENCOLOR "BLUE"'),
    "PENWIDTH": ("PENWIDTH width", "Makes the pen's line thicker or thinner.", "PENWIDTH 3"),
    "SETHEADING": ("SETHEADING angle",
                   "Points the turtle in a direction: 0 is up, 90 is right, 180 down, 270 left.",
                   "SETHEADING 90"),
    "HIDETURTLE": ("HIDETURTLE", "Hides the turtle so only the drawing shows.", "HIDETURTLE"),
    "SHOWTURTLE": ("SHOWTURTLE", "Shows the turtle again.", "SHOWTURTLE"),
    "TCIRCLE": ("TCIRCLE radius",
                "The turtle drives round a circle of this radius, turning left as it goes,"
                " and ends where it started.",
                "TCIRCLE 50"),
    "ARC": ("ARC angle, radius",
            "Draws part of a circle around the turtle, starting straight ahead of it and"
            " going clockwise; the turtle itself does not move.",
            "ARC 90, 100"),
    "SAVEPICTURE": ('SAVEPICTURE "file.png" | "file.svg"',
                    "Saves the drawing to a picture file.", 'SAVEPICTURE "star.png"'),
    "SCREEN": ("SCREEN mode",
               "Chooses a graphics screen for PSET, LINE, CIRCLE and friends.", "SCREEN 1"),
    "COLOR": ("COLOR foreground [, background]",
              "Sets the colour (0-15) that the drawing statements use.", "COLOR 4"),
    "PSET": ("PSET (x, y) [, colour]", "Colours one point.", "PSET (160, 100), 2"),
    "PRESET": ("PRESET (x, y) [, colour]",
               "Like PSET, but with no colour it paints the point in the background colour.",
               "PRESET (160, 100)"),
    "LINE": ("LINE (x1, y1)-(x2, y2) [, colour [, B | BF]]",
             "Draws a line between two points; B draws a box, BF a filled box."
             " LINE INPUT (see its own help) reads a whole line of text.",
             "LINE (10, 10)-(100, 60), 4, B"),
    "CIRCLE": ("CIRCLE (x, y), radius [, colour [, start, end [, aspect]]]",
               "Draws a circle, or part of one (an arc) between two angles in radians.",
               "CIRCLE (160, 100), 50, 2"),
    "PAINT": ("PAINT (x, y) [, colour | tile$ [, border]]",
              "Fills the area around the point with colour, up to its border; a tile string"
              " fills it with a pattern (one byte a row and plane).",
              "PAINT (160, 100), 4, 2"),
    "DRAW": ('DRAW "commands"',
             "Draws with a little language: U D L R move up, down, left, right;"
             " E F G H go diagonally; B moves without drawing; C sets the colour;"
             " XA$; runs the commands in A$ and U=N; takes a number from N.",
             'DRAW "C4 U20 R20 D20 L20"'),
    "POINT": ("POINT(x, y)  |  POINT(n)",
              "The colour number of one point of the drawing; POINT(0) and POINT(1) are the"
              " last point's screen x and y, POINT(2) and POINT(3) its WINDOW x and y.",
              "C = POINT(10, 10)"),
    "VIEW": ("VIEW [SCREEN] [(x1, y1)-(x2, y2) [, fill [, border]]]",
             "Draws only inside a part of the screen (the viewport), whose corner becomes"
             " (0, 0) unless SCREEN is given. VIEW alone: the whole screen again.",
             "VIEW (10, 10)-(150, 90), 1, 3"),
    "WINDOW": ("WINDOW [SCREEN] [(x1, y1)-(x2, y2)]",
               "Your own coordinates for the viewport: x from x1 to x2 and y from y1 (bottom)"
               " to y2 (top); with SCREEN, y grows downwards.",
               "WINDOW (-1, -1)-(1, 1)"),
    "PMAP": ("PMAP(value, function)",
             "Converts between WINDOW and screen coordinates: 0 and 1 give the screen x and"
             " y of a WINDOW x and y, 2 and 3 the other way round.",
             "PRINT PMAP(0.5, 0)"),
    "PALETTE": ("PALETTE [attribute, colour]  |  PALETTE USING array(start)",
                "Changes the colour a colour number shows, everywhere on the screen at once;"
                " PALETTE alone brings back the usual colours.",
                "PALETTE 1, 4"),
}

# Files and devices (timewarp.basic.files): a device is a file the program opens.
_FILES = {
    "OPEN": ('OPEN name$ FOR INPUT|OUTPUT|APPEND AS #n   or   OPEN "I"|"O"|"A", #n, name$',
             "Opens a file in your folder (names without case, as on DOS), or a device"
             " such as SCRN:, KYBD:, LPT1: (prints nowhere), COM1:9600 or"
             " timewarp-sim://thermometer, as file number n.",
             'OPEN "SCORES.TXT" FOR OUTPUT AS #1'),
    "CLOSE": ("CLOSE [#n [, #m ...]]", "Closes the files given, or every open file.",
              "CLOSE #1"),
    "WRITE": ("WRITE [#n,] items",
              "Writes values separated by commas, with strings in quotes, so INPUT # reads"
              " them back exactly.",
              'WRITE #1, NAME$, SCORE'),
    "OUTPUT": ("OPEN name$ FOR OUTPUT AS #n", "Opens a file to write it from the start.",
               'OPEN "OUT.TXT" FOR OUTPUT AS #1'),
    "APPEND": ("OPEN name$ FOR APPEND AS #n", "Opens a file to add lines at its end.",
               'OPEN "LOG.TXT" FOR APPEND AS #1'),
    "FIELD": ("FIELD #n, width AS var$ [, width AS var$ ...]",
              "Cuts the record of random file n into string variables.",
              'FIELD #1, 20 AS NAME$, 2 AS AGE$'),
    "LSET": ("LSET var$ = text$", "Puts text at the left of a FIELD variable, padded with"
             " spaces.", 'LSET NAME$ = "ADA"'),
    "RSET": ("RSET var$ = text$", "Puts text at the right of a FIELD variable.",
             'RSET AGE$ = MKI$(36)'),
    "GET": ("GET #n [, record]", "Reads a record of random file n into its FIELD variables.",
            "GET #1, 3"),
    "PUT": ("PUT #n [, record]", "Writes the FIELD variables of random file n as a record.",
            "PUT #1, 3"),
    "KILL": ("KILL name$", "Deletes a file from your folder.", 'KILL "OLD.TXT"'),
    "NAME": ("NAME old$ AS new$", "Renames a file.", 'NAME "A.TXT" AS "B.TXT"'),
    "FILES": ("FILES [pattern$]", "Lists the files in the folder.", 'FILES "*.TXT"'),
    "MKDIR": ("MKDIR name$", "Makes a folder.", 'MKDIR "SCORES"'),
    "CHDIR": ("CHDIR name$", "Goes into a folder for the files opened after it.",
              'CHDIR "SCORES"'),
    "RMDIR": ("RMDIR name$", "Removes an empty folder.", 'RMDIR "SCORES"'),
    "RESET": ("RESET", "Closes every open file, as CLOSE with no numbers does.", "RESET"),
    "LOCK": ("LOCK #n [, [first] [TO last]]", "Locked a file or its records against other"
             " users of a network; one user holds each file here, so it only checks file n.",
             "LOCK #1, 5"),
    "UNLOCK": ("UNLOCK #n [, [first] [TO last]]", "Undoes LOCK; it only checks file n here.",
               "UNLOCK #1, 5"),
    "IOCTL": ("IOCTL #n, control$", "Sent a control string to a device driver; no device here"
              " takes one, so it is an Illegal function call once file n is open.",
              'IOCTL #1, "PL66"'),
    "IOCTL$": ("IOCTL$(n)", "Read a device driver's control string; refused as IOCTL is.",
               "PRINT IOCTL$(1)"),
    "ENVIRON": ('ENVIRON "NAME=value"', "Sets a setting of the program's environment (a table"
                " of its own here: the hub's environment is never read or changed); an empty"
                " value removes it.", 'ENVIRON "PLAYER=ADA"'),
    "ENVIRON$": ('ENVIRON$("NAME")  |  ENVIRON$(n)', "A setting made with ENVIRON, or the n-th"
                 ' as "NAME=value"; empty when there is none.', 'PRINT ENVIRON$("PLAYER")'),
    "SHELL": ('SHELL [command$]', "Ran a DOS command; a program in a notebook runs no commands"
              " on the machine, so it is an Illegal function call.", 'SHELL "DIR"'),
    "MOTOR": ("MOTOR [n]", "Switched the cassette recorder's motor; accepted, does nothing.",
              "MOTOR 1"),
    "LCOPY": ("LCOPY [n]", "Copied the screen to the printer; accepted, does nothing.",
              "LCOPY"),
}
_FILE_FUNCTIONS = {
    "EOF": ("EOF(n)", "True (-1) when file n has nothing more to read; for a device, when no"
            " line is waiting.", "WHILE NOT EOF(1): LINE INPUT #1, L$: PRINT L$: WEND"),
    "FREEFILE": ("FREEFILE", "The lowest file number not in use.", "F = FREEFILE"),
    "SENSOR": ('SENSOR(name$)', "The newest reading called name$ from an open device,"
               " such as a thermometer's temp.",
               'OPEN "timewarp-sim://thermometer" AS #1: PRINT SENSOR("temp")'),
    "INPUT$": ("INPUT$(count [, #n])", "Reads that many characters from file n, or from the"
               " keyboard.", "A$ = INPUT$(5, #1)"),
    "LOC": ("LOC(n)", "Where file n is: the last record of a random file, characters waiting"
            " on a device.", "PRINT LOC(1)"),
    "LOF": ("LOF(n)", "The length of file n in bytes.", "PRINT LOF(1)"),
    "LPOS": ("LPOS(n)", "The column of the printer's print head (printer 0 to 3), from 1.",
             "IF LPOS(0) > 60 THEN LPRINT"),
    "STICK": ("STICK(n)", "A joystick's position (n from 0 to 3); no joystick here, so 0.",
              "X = STICK(0)"),
    "EXTERR": ("EXTERR(n)", "DOS's extended error information (n from 0 to 3); 0 here.",
               "PRINT EXTERR(0)"),
    "ERDEV": ("ERDEV", "The error code of the device that failed last (a printer or disk in"
              " DOS); 0 here.", "PRINT ERDEV"),
    "ERDEV$": ("ERDEV$", "The name of the device that failed last; empty here.",
               "PRINT ERDEV$"),
    "MKI$": ("MKI$(number)", "A whole number as the 2 bytes a random file stores.",
             "LSET A$ = MKI$(36)"),
    "MKS$": ("MKS$(number)", "A number as the 4 bytes a random file stores.",
             "LSET P$ = MKS$(3.5)"),
    "MKD$": ("MKD$(number)", "A double-precision number as 8 bytes.", "LSET D$ = MKD$(1 / 3)"),
    "CVI": ("CVI(bytes$)", "The whole number MKI$ stored.", "PRINT CVI(A$)"),
    "CVS": ("CVS(bytes$)", "The number MKS$ stored.", "PRINT CVS(P$)"),
    "CVD": ("CVD(bytes$)", "The number MKD$ stored.", "PRINT CVD(D$)"),
}

# Sound (timewarp.basic.sound): the cell's music plays in an audio player under the cell.
_SOUND = {
    "BEEP": ("BEEP", "Beeps: 800 vibrations a second for a quarter of a second.", "BEEP"),
    "SOUND": ("SOUND frequency, duration",
              "Plays one tone: frequency from 37 to 32767 vibrations a second, duration in"
              " clock ticks (18.2 make a second). SOUND 32767 is silent, a pause.",
              "SOUND 440, 18"),
    "PLAY": ('PLAY "music"  |  PLAY(n)',
             "Plays music written as letters: notes A to G (# or + sharp, - flat, a length such"
             " as C8, dots), O octave 0-6, < and > one octave down or up, L length, T tempo,"
             " P pause, N note 0-84, MS ML MN short, smooth or normal notes, X A$; plays a"
             " string variable. PLAY(n) is the number of notes waiting: always 0 here.",
             'PLAY "T120 L8 CDEFGAB > C"'),
    "VARPTR$": ("VARPTR$(variable)",
                "A short code that stands for a variable, so PLAY can use it: X plays a"
                " string that way, = takes a number.",
                'PLAY "X" + VARPTR$(TUNE$)'),
}

# Keys, events and time (timewarp.basic.events).
_EVENTS = {
    "KEY": ('KEY(n) ON | OFF | STOP  |  KEY n, "text"  |  KEY ON | OFF | LIST',
            "KEY(n) ON lets ON KEY(n) catch key n (1-10 F1-F10, 11 up, 12 left, 13 right,"
            " 14 down, 15-20 your own); OFF stops it, STOP keeps presses for later."
            ' KEY n, "text" makes F-key n type the text; KEY 15, CHR$(0) + CHR$(16) makes key'
            " 15 the Q key. KEY ON and KEY OFF showed the F-key line: nothing here.",
            "KEY(11) ON"),
    "ON KEY": ("ON KEY(n) GOSUB line",
               "When key n is pressed (after KEY(n) ON), the program runs the subroutine at"
               " that line, then goes on where it was. GOSUB 0 stops catching the key.",
               "ON KEY(11) GOSUB 500: KEY(11) ON"),
    "ON TIMER": ("ON TIMER(seconds) GOSUB line",
                 "After TIMER ON, the subroutine at that line runs every so many seconds.",
                 "ON TIMER(1) GOSUB 900: TIMER ON"),
    "OFF": ("KEY(n) OFF  |  TIMER OFF", "Stops catching a key or the timer.", "TIMER OFF"),
    "ON PLAY": ("ON PLAY(notes) GOSUB line",
                "Ran a subroutine when background music ran short of notes. Accepted here, but"
                " music is never in the background, so it never runs.",
                "ON PLAY(4) GOSUB 800: PLAY ON"),
    "ON STRIG": ("ON STRIG(n) GOSUB line  |  STRIG(n) ON | OFF | STOP",
                 "Ran a subroutine when a joystick button was pressed. Accepted here; there is"
                 " no joystick, so it never runs.",
                 "ON STRIG(0) GOSUB 700: STRIG(0) ON"),
    "ON PEN": ("ON PEN GOSUB line  |  PEN ON | OFF | STOP",
               "Ran a subroutine when a light pen touched the screen. Accepted here; it never"
               " runs.",
               "ON PEN GOSUB 600: PEN ON"),
    "ON COM": ("ON COM(n) GOSUB line  |  COM(n) ON | OFF | STOP",
               "Ran a subroutine when bytes arrived at serial port n. Accepted here; it never"
               " runs (read a device with OPEN instead).",
               "ON COM(1) GOSUB 400: COM(1) ON"),
    "SLEEP": ("SLEEP [seconds]",
              "Waits that many seconds, or until a key is pressed or a caught event happens."
              " SLEEP on its own waits for a key.",
              "SLEEP 2"),
}
_EVENT_FUNCTIONS = {
    "TIMER": ("TIMER  |  TIMER ON | OFF | STOP",
              "The number of seconds since midnight (in twentieths of a second). TIMER ON lets"
              " ON TIMER run its subroutine; OFF stops it, STOP keeps the ticks for later.",
              "RANDOMIZE TIMER"),
    "INKEY$": ("INKEY$",
               "The key the user has pressed, or an empty string if none; it does not wait."
               " Arrows and F-keys give two characters: CHR$(0) and a code (72 up, 80 down,"
               " 75 left, 77 right, 59 F1). In a notebook, click the drawing first.",
               'K$ = INKEY$: IF K$ = CHR$(0) + CHR$(72) THEN PRINT "UP"'),
    "TIME$": ('TIME$  |  TIME$ = "hh:mm:ss"', "The time as hh:mm:ss. Setting it moves this"
              " program's clock only, never the computer's.", "PRINT TIME$"),
    "DATE$": ('DATE$  |  DATE$ = "mm-dd-yyyy"', "The date as mm-dd-yyyy. Setting it changes"
              " the date this program sees, never the computer's.", "PRINT DATE$"),
}

# The text screen (timewarp.basic.text_screen) and the old machine (timewarp.basic.machine)
_TEXT_SCREEN = {
    "CLS": ("CLS [0 | 1 | 2]",
            "Clears the screen and puts the cursor at the top: CLS 0 all of it, CLS 1 the"
            " drawing only, CLS 2 the text rows of VIEW PRINT. Clearing text printed in the"
            " same cell makes the cell show the screen.", "CLS"),
    "LOCATE": ("LOCATE [row] [, column [, cursor [, start, stop]]]",
               "Moves the cursor to a row (1-25) and column (1-80) of the text screen; the"
               " next PRINT writes there. A program that uses LOCATE shows its screen in the"
               " cell as text.", 'LOCATE 10, 20: PRINT "HERE"'),
    "WIDTH": ('WIDTH 40 | 80  |  WIDTH "SCRN:", n  |  WIDTH #file, n  |  WIDTH LPRINT n',
              "Sets how many columns the text screen has (40 or 80). For a file or the"
              " printer it is accepted and changes nothing.", "WIDTH 40"),
    "VIEW PRINT": ("VIEW PRINT [top TO bottom]",
             "Keeps PRINT and scrolling inside rows top to bottom of the text screen.",
             "VIEW PRINT 5 TO 20"),
    "PCOPY": ("PCOPY from, to", "Copies a text screen page (0-7); page 0 is the one shown.",
              "PCOPY 0, 1"),
    "POKE": ("POKE address, byte",
             "Writes a byte into memory at DEF SEG's segment. Into &HB800 (the text screen:"
             " character, colour, character...) it changes the screen; in SCREEN 1 and 2"
             " &HB800 holds the pixels (even rows, then odd rows from &H2000), in SCREEN 7 to"
             " 13 &HA000 does; elsewhere it is kept and PEEK reads it back.",
             "DEF SEG = &HB800: POKE 0, 65"),
    "OUT": ("OUT port, byte", "Sends a byte to a port of the old PC; nothing outside is"
            " touched, INP reads it back. The speaker (&H61, with the pitch set through &H43"
            " and &H42) plays in the cell's music.", "OUT &H61, 3"),
    "WAIT": ("WAIT port, and-mask [, xor-mask]",
             "Waited until a port showed some bits; WAIT &H3DA, 8 (the screen's retrace)"
             " returns at once, as do ports that nothing changes.", "WAIT &H3DA, 8"),
    "BSAVE": ('BSAVE "file", offset, length',
              "Saves bytes of memory (at DEF SEG's segment) to a file: the screen, with"
              " DEF SEG = &HB800 (a SCREEN 1 picture is 16384 bytes).",
              'DEF SEG = &HB800: BSAVE "SCREEN.BIN", 0, 4000'),
    "BLOAD": ('BLOAD "file" [, offset]', "Loads a file saved by BSAVE back into memory.",
              'DEF SEG = &HB800: BLOAD "SCREEN.BIN", 0'),
    "DEF SEG": ("DEF SEG [= segment]",
            "Chooses the memory segment PEEK, POKE, BSAVE and BLOAD use; DEF SEG alone goes"
            " back to BASIC's own.", "DEF SEG = 0: PRINT PEEK(&H417)"),
}
_TEXT_FUNCTIONS = {
    "CSRLIN": ("CSRLIN", "The row the cursor is on (1-25).", "R = CSRLIN"),
    # The statement is the graphics side's; the function is added to its entry.
    "SCREEN": (_GRAPHICS["SCREEN"][0] + "  |  SCREEN(row, column [, 1])",
               _GRAPHICS["SCREEN"][1] + " As a function: the character code at a place of the"
               " text screen, or with 1 its colour (foreground + 16 * background).",
               "PRINT CHR$(SCREEN(1, 1))"),
    "PEEK": ("PEEK(address)", "The byte at an address of DEF SEG's segment: 0:&H417 the"
             " keyboard flags, 0:&H46C the timer ticks, &HB800 the text screen.",
             "DEF SEG = 0: PRINT PEEK(&H46C)"),
    "INP": ("INP(port)", "The byte at a port of the old PC (the last OUT to it).",
            "PRINT INP(&H61)"),
    "USR": ("USR[n](value)", "Called machine code; here no machine code runs and it gives"
            " back its value.", "X = USR(5)"),
    "VARPTR": ("VARPTR(variable)  |  VARPTR(#file)",
               "Where a variable lives in memory; PEEK there reads its bytes as GW-BASIC"
               " stores them (for a string: length, then the address of its characters).",
               "P = VARPTR(A%): PRINT PEEK(P)"),
}

KEYWORD_HELP: dict[str, str] = {
    word: _entry(*parts)
    for table in (_STATEMENTS, _COMMANDS, _FUNCTIONS, _OPERATORS, _STRUCTURED, _GRAPHICS,
                  _FILES, _FILE_FUNCTIONS, _SOUND, _EVENTS, _EVENT_FUNCTIONS,
                  _TEXT_SCREEN, _TEXT_FUNCTIONS)
    for word, parts in table.items()
}

#: Words that name a value (functions and read-only variables), for highlighting.
FUNCTION_WORDS: frozenset[str] = (frozenset(_FUNCTIONS) | frozenset(_FILE_FUNCTIONS)
                                  | frozenset(_EVENT_FUNCTIONS)
                                  | frozenset(_TEXT_FUNCTIONS) - {"SCREEN"}
                                  | {"FN", "POINT", "VARPTR$"})

#: Words that act as operators between values.
OPERATOR_WORDS: frozenset[str] = frozenset(_OPERATORS)


def help_for(word: str) -> str | None:
    """The help text for ``word`` in any case and spacing ("mid$", "line  input"), or None."""
    key = " ".join(word.split()).upper()
    return KEYWORD_HELP.get(key)
