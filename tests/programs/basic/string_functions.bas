10 REM THE STRING FUNCTIONS
20 W$ = "TIME WARP"
30 PRINT LEFT$(W$, 4); "|"; RIGHT$(W$, 4); "|"; MID$(W$, 6); "|"; MID$(W$, 3, 4)
40 PRINT LEN(W$); LEN(""); INSTR(W$, "WARP"); INSTR(W$, "X"); INSTR(6, W$, "R")
50 PRINT ASC("A"); ASC(W$); CHR$(72); CHR$(73)
60 PRINT STR$(3.5); "|"; VAL("-12"); "|"; STRING$(5, "*"); STRING$(3, 65)
70 PRINT "["; SPACE$(4); "]"; HEX$(255); " "; HEX$(-1); " "; OCT$(64)
80 A$ = "HELLO": MID$(A$, 2, 3) = "IPP": PRINT A$
90 B$ = "ABCDEF": MID$(B$, 5) = "XYZ": PRINT B$
100 PRINT "ABC" + "DEF"; " "; "ABC" < "ABD"; "B" > "ABC"; "ABC" = "ABC"; "A" < "a"
110 S$ = "": FOR I = 1 TO 5: S$ = S$ + CHR$(64 + I): NEXT: PRINT S$
120 FOR I = LEN(S$) TO 1 STEP -1: PRINT MID$(S$, I, 1);: NEXT: PRINT
130 PRINT LEFT$(W$, 0); "|"; LEFT$(W$, 20); "|"; MID$(W$, 20); "|"
140 PRINT INSTR("AAA", ""); INSTR("", "A")
