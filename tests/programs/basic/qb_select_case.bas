' SELECT CASE WITH VALUES, RANGES, IS AND LISTS
FOR score = 35 TO 100 STEP 13
    SELECT CASE score
        CASE IS >= 90
            grade$ = "A"
        CASE 75 TO 89
            grade$ = "B"
        CASE 60 TO 74
            grade$ = "C"
        CASE ELSE
            grade$ = "F"
    END SELECT
    PRINT score; grade$
NEXT score

FOR i = 1 TO 5
    READ animal$
    SELECT CASE UCASE$(animal$)
        CASE "CAT", "DOG"
            PRINT animal$; " IS A PET"
        CASE "A" TO "M"
            PRINT animal$; " IS IN THE FIRST HALF OF THE ALPHABET"
        CASE ELSE
            PRINT animal$; " IS SOMETHING ELSE"
    END SELECT
NEXT
DATA cat, Horse, zebra, DOG, ant

FOR n = 0 TO 12 STEP 3
    SELECT CASE n
        CASE 0, 4 TO 6, IS > 10: PRINT n; "YES"
        CASE ELSE: PRINT n; "NO"
    END SELECT
NEXT

SELECT CASE 7
    CASE 1, 2, 3
        PRINT "SMALL"
END SELECT
PRINT "NO CASE MATCHED, AND THAT IS FINE"
