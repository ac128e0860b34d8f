10 REM GW-BASIC takes NOT wherever a value may stand, with NOT's own reach
20 PRINT -NOT 1; 10 ^ NOT 0; 13 * NOT 7; 13 / NOT 7; 13 \ NOT 7
30 PRINT 13 MOD NOT 7; 13 + NOT 7; 13 - NOT 7; 1 = NOT 1; 1 <> NOT 1
40 PRINT 13 * NOT 7 + 1; 2 + NOT 3 AND 5; NOT 3 + 1; 5 - NOT 2 * 3
50 IF 1 AND NOT 0 THEN PRINT "both"
