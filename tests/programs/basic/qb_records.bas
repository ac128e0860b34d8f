' Records, dynamic arrays and declarations: a small class register (QBasic style)
' $DYNAMIC
DECLARE SUB AddPupil (who$, age%)
DEFINT A-Z

TYPE Birthday
    day AS INTEGER
    month AS INTEGER
END TYPE
TYPE Pupil
    name AS STRING * 8
    age AS INTEGER
    born AS Birthday
    mark AS SINGLE
END TYPE

DECLARE FUNCTION Oldest$ (class() AS Pupil)
DIM SHARED register(1 TO 2) AS Pupil
DIM SHARED count

AddPupil "Ada", 11
AddPupil "Grace", 12
AddPupil "Alan", 10
AddPupil "Katherine Johnson", 13
PRINT "Pupils:"; count; " places:"; UBOUND(register); " bytes each:"; LEN(register(1))
FOR i = 1 TO count
    PRINT "["; register(i).name; "]"; register(i).age; register(i).born.month
NEXT
PRINT "Oldest: "; Oldest$(register())

DIM best AS Pupil
best = register(2)
best.mark = 9.5
PRINT RTRIM$(best.name); best.mark; register(2).mark

SUB AddPupil (who$, age%)
    STATIC added
    added = added + 1
    count = count + 1
    IF count > UBOUND(register) THEN REDIM PRESERVE register(1 TO UBOUND(register) * 2) AS Pupil
    register(count).name = who$
    register(count).age = age%
    register(count).born.month = added
END SUB

FUNCTION Oldest$ (class() AS Pupil)
    top = LBOUND(class)
    FOR i = LBOUND(class) + 1 TO count
        IF class(i).age > class(top).age THEN top = i
    NEXT
    Oldest$ = RTRIM$(class(top).name)
END FUNCTION
