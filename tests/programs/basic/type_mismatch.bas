10 A$ = "7"
20 PRINT "A$ IS "; A$
30 B = A$ + 1
