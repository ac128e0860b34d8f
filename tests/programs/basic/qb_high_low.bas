' HIGHER OR LOWER, WRITTEN THE STRUCTURED WAY
CONST SECRET = 37
tries = 0
DO
    INPUT "Guess a number from 1 to 100"; guess
    tries = tries + 1
    SELECT CASE guess
        CASE IS < SECRET
            PRINT "Higher!"
        CASE IS > SECRET
            PRINT "Lower!"
    END SELECT
LOOP UNTIL guess = SECRET
PRINT "Right! You needed"; tries; "tries."
