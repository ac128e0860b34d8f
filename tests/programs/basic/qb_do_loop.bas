' DO LOOPS WITH THE TEST AT THE TOP OR THE BOTTOM, AND EXIT
n = 1
DO WHILE n < 50
    n = n * 2
LOOP
PRINT "DO WHILE:"; n
n = 1
DO UNTIL n >= 50
    n = n * 3
LOOP
PRINT "DO UNTIL:"; n
count = 0
DO
    count = count + 1
LOOP WHILE count < 5
PRINT "LOOP WHILE:"; count
count = 10
DO
    count = count + 1
LOOP UNTIL count > 3
PRINT "LOOP UNTIL RUNS AT LEAST ONCE:"; count
total = 0
DO
    total = total + 7
    IF total > 30 THEN EXIT DO
LOOP
PRINT "EXIT DO AT"; total
FOR i = 1 TO 100
    IF i * i > 50 THEN EXIT FOR
NEXT i
PRINT "FIRST SQUARE ABOVE 50:"; i; "SQUARED"
i = 0
DO WHILE i < 3
    j = 0
    DO
        j = j + 1
        IF j = 2 THEN EXIT DO
    LOOP
    PRINT i; j;
    i = i + 1
LOOP
PRINT
