' SUBS AND FUNCTIONS, SOME OF THEM RECURSIVE
CALL Greet("ADA")
Greet "GRACE"
FOR i = 0 TO 6
    PRINT Factorial(i);
NEXT i
PRINT
FOR i = 0 TO 10: PRINT Fib(i);: NEXT: PRINT
Hanoi 3, "A", "C", "B"
PRINT Reverse$("STRESSED")
END

SUB Greet (who$)
    PRINT "HELLO, "; who$; "!"
END SUB

FUNCTION Factorial (n)
    IF n <= 1 THEN
        Factorial = 1
    ELSE
        Factorial = n * Factorial(n - 1)
    END IF
END FUNCTION

FUNCTION Fib (n)
    IF n < 2 THEN Fib = n ELSE Fib = Fib(n - 1) + Fib(n - 2)
END FUNCTION

SUB Hanoi (n, source$, target$, spare$)
    IF n = 0 THEN EXIT SUB
    Hanoi n - 1, source$, spare$, target$
    PRINT "MOVE DISC"; n; "FROM "; source$; " TO "; target$
    Hanoi n - 1, spare$, target$, source$
END SUB

FUNCTION Reverse$ (s$)
    IF LEN(s$) <= 1 THEN Reverse$ = s$: EXIT FUNCTION
    Reverse$ = Reverse$(MID$(s$, 2)) + LEFT$(s$, 1)
END FUNCTION
