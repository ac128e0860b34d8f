' STATIC KEEPS A VALUE BETWEEN CALLS; DIM SHARED LETS EVERY SUB SEE A VARIABLE
DIM SHARED total
AddUp 5
AddUp 7
PRINT "TOTAL:"; total
PRINT NextTicket; NextTicket; NextTicket
x = 3
CALL Bump((x))
PRINT "BRACKETS MAKE A COPY, SO X IS STILL"; x
CALL Bump(x)
PRINT "WITHOUT THEM X BECOMES"; x
END

SUB AddUp (n)
    total = total + n
END SUB

FUNCTION NextTicket
    STATIC ticket
    ticket = ticket + 1
    NextTicket = ticket
END FUNCTION

SUB Bump (v)
    v = v + 1
END SUB
