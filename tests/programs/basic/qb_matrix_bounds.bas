' A MATRIX WITH 1 TO N BOUNDS, A TABLE FROM -2 TO 2, AND A STATIC COUNTER
CONST n = 3
DIM m(1 TO n, 1 TO n) AS INTEGER
DIM t(1 TO n, 1 TO n) AS INTEGER
FOR r = 1 TO n
    FOR c = 1 TO n
        m(r, c) = (r - 1) * n + c
    NEXT c
NEXT r
Transpose m(), t()
PrintMatrix t()
PRINT "ROWS"; LBOUND(t, 1); "TO"; UBOUND(t, 1); " COLUMNS"; LBOUND(t, 2); "TO"; UBOUND(t, 2)
DIM squares(-2 TO 2)
FOR x = -2 TO 2
    squares(x) = x * x
NEXT x
FOR x = LBOUND(squares) TO UBOUND(squares)
    PRINT x; "SQUARED IS"; squares(x)
NEXT x
Tick: Tick: Tick
PRINT "MAIN PROGRAM'S COUNT IS STILL"; count
PRINT squares(3)

SUB Transpose (src() AS INTEGER, dst() AS INTEGER)
    FOR r = LBOUND(src, 1) TO UBOUND(src, 1)
        FOR c = LBOUND(src, 2) TO UBOUND(src, 2)
            dst(c, r) = src(r, c)
        NEXT c
    NEXT r
END SUB

SUB PrintMatrix (a() AS INTEGER)
    FOR r = LBOUND(a, 1) TO UBOUND(a, 1)
        FOR c = LBOUND(a, 2) TO UBOUND(a, 2)
            PRINT a(r, c);
        NEXT c
        PRINT
    NEXT r
END SUB

SUB Tick
    STATIC count
    count = count + 1
    PRINT "TICK"; count
END SUB
