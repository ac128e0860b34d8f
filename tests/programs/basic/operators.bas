10 REM OPERATORS AND THEIR ORDER
20 PRINT 2 + 3 * 4; (2 + 3) * 4; 2 ^ 3 ^ 2; -2 ^ 2; 2 * -3
30 PRINT 17 \ 5; 17 MOD 5; 17 / 5; 10 - 2 - 3; 64 / 4 / 2
40 PRINT 7 + 10 \ 3; 10 \ 3 MOD 2; 2 * 5 MOD 3; 1 + 2 ^ 2 * 3
50 PRINT 3 = 3; 3 <> 3; 2 < 3; 2 > 3; 3 <= 3; 4 >= 5
60 PRINT NOT 0; NOT -1; NOT 5; 12 AND 10; 12 OR 10; 12 XOR 10
70 PRINT -1 EQV 0; 0 EQV 0; -1 IMP 0; 0 IMP 5; 5 EQV 3
80 PRINT 1 + 2 = 3 AND 2 < 3; NOT 1 = 2; 1 OR 2 AND 0
90 PRINT "A" + "B" = "AB"; "ZEBRA" > "APPLE"; "" < "A"
100 PRINT 5.7 \ 2; -5.5 MOD 2; 7.5 MOD 2
110 LET A = 3: LET B = 4: PRINT A * A + B * B = 25
