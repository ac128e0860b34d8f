' ARRAYS PASSED TO SUBS AND FUNCTIONS: THE SUB SORTS THE CALLER'S OWN ARRAY
DIM marks(1 TO 8)
DATA 64, 17, 92, 45, 8, 73, 31, 56
FOR i = LBOUND(marks) TO UBOUND(marks)
    READ marks(i)
NEXT i
PRINT "BEFORE:";
ShowAll marks()
unsorted = 0
CALL CountUnsorted(marks(), unsorted)
PRINT "PAIRS OUT OF ORDER:"; unsorted
CALL BubbleSort(marks())
PRINT "AFTER: ";
ShowAll marks()
PRINT "TOTAL:"; Total(marks()); " BEST:"; marks(UBOUND(marks))
unsorted = 0
CountUnsorted marks(), unsorted
PRINT "PAIRS OUT OF ORDER:"; unsorted
END

SUB BubbleSort (a())
    FOR pass = LBOUND(a) TO UBOUND(a) - 1
        FOR j = LBOUND(a) TO UBOUND(a) - 1
            IF a(j) > a(j + 1) THEN SWAP a(j), a(j + 1)
        NEXT j
    NEXT pass
END SUB

SUB ShowAll (a())
    FOR i = LBOUND(a) TO UBOUND(a)
        PRINT a(i);
    NEXT i
    PRINT
END SUB

FUNCTION Total (a())
    sum = 0
    FOR i = LBOUND(a) TO UBOUND(a)
        sum = sum + a(i)
    NEXT i
    Total = sum
END FUNCTION

SUB CountUnsorted (a(), n)
    FOR j = LBOUND(a) TO UBOUND(a) - 1
        IF a(j) > a(j + 1) THEN n = n + 1
    NEXT j
END SUB
