"""Shift+Tab help: the syntax of every Logo primitive and one example.

One row per primitive: ``name | syntax | example``.  A test checks that every primitive
has a row, so a new primitive cannot arrive without help.
"""

from __future__ import annotations

from timewarp.logo import help_ucblogo

_TABLE = """
# | # | foreach [a b c] [print #]
abs | ABS number | print abs -5
and | AND tf1 tf2   (AND tf1 tf2 tf3 ...) | print and 1 < 2 2 < 3
apply | APPLY template inputlist | print apply "sum [1 2 3]
arc | ARC angle radius | arc 90 50
arctan | ARCTAN x   (ARCTAN x y) | print arctan 1
array | ARRAY size   (ARRAY size origin) | make "a array 5
arrayp | ARRAYP thing  (ARRAY?) | print arrayp {1 2}
arraytolist | ARRAYTOLIST array | show arraytolist {1 2 3}
ascii | ASCII char | print ascii "A
assert | ASSERT conditionlist message  (ASSERT conditionlist) | assert [:x = 4] [x should be 4]
back | BACK distance  (BK) | back 50
background | BACKGROUND  (BG) | print background
beforep | BEFOREP word1 word2  (BEFORE?) | print beforep "apple "banana
butfirst | BUTFIRST thing  (BF) | show butfirst [a b c]
butfirsts | BUTFIRSTS list  (BFS) | show butfirsts [[a b] [c d]]
butlast | BUTLAST thing  (BL) | show butlast [a b c]
bye | BYE | bye
catch | CATCH tag instructionlist | catch "error [print 1 / 0]
char | CHAR number | print char 65
circle | CIRCLE radius | circle 40
clean | CLEAN | clean
clearscreen | CLEARSCREEN  (CS) | cs
closedevice | CLOSEDEVICE   (CLOSEDEVICE name) | closedevice
cos | COS degrees | print cos 60
count | COUNT thing | print count [a b c]
define | DEFINE name text | define "sq [[x] [output :x * :x]]
definedp | DEFINEDP name  (DEFINED?) | print definedp "square
deviceline | DEVICELINE | print deviceline
difference | DIFFERENCE num1 num2 | print difference 10 4
distance | DISTANCE [x y] | print distance [30 40]
do.until | DO.UNTIL instructionlist conditionlist | do.until [make "n :n + 1] [:n > 3]
do.while | DO.WHILE instructionlist conditionlist | do.while [make "n :n - 1] [:n > 0]
dot | DOT   (DOT size) | dot
emptyp | EMPTYP thing  (EMPTY?) | print emptyp []
equalp | EQUALP thing1 thing2  (EQUAL?, =) | print equalp "a "A
erall | ERALL | erall
erase | ERASE name  (ER) | erase "square
ern | ERN name | ern "x
error | ERROR | show error
exp | EXP number | print exp 1
false | FALSE | print false
fence | FENCE | fence
filled | FILLED colour instructionlist | filled "red [repeat 4 [fd 50 rt 90]]
filter | FILTER template data | show filter [? > 2] [1 2 3 4]
find | FIND template data | print find [? > 2] [1 2 3 4]
first | FIRST thing | print first [a b c]
firsts | FIRSTS list | show firsts [[a b] [c d]]
for | FOR [name start end step] instructionlist | for [i 1 5] [print :i]
foreach | FOREACH data template | foreach [a b c] [print ?]
forever | FOREVER instructionlist | forever [fd 1 rt 1]
forward | FORWARD distance  (FD) | forward 100
fput | FPUT thing list | show fput 1 [2 3]
gprop | GPROP plistname propname | print gprop "dog "sound
greaterequalp | GREATEREQUALP num1 num2  (>=) | print 3 >= 2
greaterp | GREATERP num1 num2  (>) | print greaterp 3 2
heading | HEADING | print heading
hideturtle | HIDETURTLE  (HT) | ht
home | HOME | home
if | IF tf instructionlist | if 1 < 2 [print "yes]
ifelse | IFELSE tf list1 list2 | ifelse 1 < 2 [print "yes] [print "no]
iffalse | IFFALSE instructionlist  (IFF) | iffalse [print "no]
iftrue | IFTRUE instructionlist  (IFT) | iftrue [print "yes]
ignore | IGNORE value | ignore 3
int | INT number | print int 3.7
invoke | INVOKE template input   (INVOKE template input1 input2 ...) | print invoke "sum 1
item | ITEM index thing | print item 2 [a b c]
label | LABEL text | label "Hello
last | LAST thing | print last [a b c]
left | LEFT degrees  (LT) | left 90
lessequalp | LESSEQUALP num1 num2  (<=) | print 2 <= 3
lessp | LESSP num1 num2  (<) | print lessp 2 3
list | LIST thing1 thing2   (LIST thing1 thing2 ...) | show list 1 [2 3]
listp | LISTP thing  (LIST?) | print listp [1 2]
listtoarray | LISTTOARRAY list | show listtoarray [a b]
ln | LN number | print ln 10
local | LOCAL name   (LOCAL name1 name2 ...) | local "x
localmake | LOCALMAKE name value | localmake "x 5
log10 | LOG10 number | print log10 1000
lowercase | LOWERCASE word | print lowercase "HELLO
lput | LPUT thing list | show lput 4 [1 2 3]
make | MAKE name value | make "size 100
map | MAP template data | show map [? * 2] [1 2 3]
member | MEMBER thing list | show member "c [a b c d]
memberp | MEMBERP thing list  (MEMBER?) | print memberp 2 [1 2 3]
minus | MINUS number | print minus 5
modulo | MODULO num1 num2 | print modulo -7 2
name | NAME value name | name 5 "x
namep | NAMEP name  (NAME?) | print namep "x
names | NAMES | show names
not | NOT tf | print not "true
notequalp | NOTEQUALP thing1 thing2  (<>) | print 1 <> 2
numberp | NUMBERP thing  (NUMBER?) | print numberp 3
opendevice | OPENDEVICE name  (a port such as "COM1:9600, or "|timewarp-sim://thermometer|) | opendevice "|timewarp-sim://thermometer|
or | OR tf1 tf2   (OR tf1 tf2 tf3 ...) | print or 1 > 2 2 > 1
output | OUTPUT value  (OP) | to double :n output :n * 2 end
pencolor | PENCOLOR  (PC) | print pencolor
pendown | PENDOWN  (PD) | pd
pendownp | PENDOWNP  (PENDOWN?) | print pendownp
pensize | PENSIZE | show pensize
penup | PENUP  (PU) | pu
pick | PICK list | print pick [heads tails]
plist | PLIST name | show plist "dog
pos | POS | show pos
power | POWER base exponent | print power 2 10
pprop | PPROP plistname propname value | pprop "dog "sound "woof
primitivep | PRIMITIVEP name  (PRIMITIVE?) | print primitivep "fd
print | PRINT thing   (PRINT thing1 thing2 ...)  (PR) | print [Hello world]
printout | PRINTOUT name  (PO) | po "square
procedurep | PROCEDUREP name  (PROCEDURE?) | print procedurep "fd
procedures | PROCEDURES | show procedures
product | PRODUCT num1 num2   (PRODUCT num1 num2 ...) | print product 6 7
quotient | QUOTIENT num1 num2 | print quotient 7 2
random | RANDOM number   (RANDOM low high) | print random 10
readchar | READCHAR  (RC) | make "key readchar
readlist | READLIST  (RL) | make "answer readlist
readword | READWORD  (RW) | make "name readword
reduce | REDUCE template data | print reduce "sum [1 2 3 4]
remainder | REMAINDER num1 num2 | print remainder 7 2
remove | REMOVE thing list | show remove "b [a b c]
remprop | REMPROP plistname propname | remprop "dog "sound
repcount | REPCOUNT | repeat 3 [print repcount]
repeat | REPEAT count instructionlist | repeat 4 [fd 100 rt 90]
rerandom | RERANDOM   (RERANDOM seed) | rerandom
reverse | REVERSE thing | show reverse [a b c]
right | RIGHT degrees  (RT) | right 90
round | ROUND number | print round 2.5
run | RUN instructionlist | run [print "hi]
runresult | RUNRESULT instructionlist | show runresult [sum 1 2]
sendline | SENDLINE wordorlist | sendline [LED ON]
sensor | SENSOR name | print sensor "temp
sensors | SENSORS | show sensors
sentence | SENTENCE thing1 thing2   (SENTENCE thing1 thing2 ...)  (SE) | show se "a [b c]
setbackground | SETBACKGROUND colour  (SETBG) | setbg "lightblue
setheading | SETHEADING degrees  (SETH) | seth 45
setitem | SETITEM index array value | setitem 1 :a "x
setpencolor | SETPENCOLOR colour  (SETPC) | setpc "red
setpensize | SETPENSIZE size | setpensize 3
setpos | SETPOS [x y] | setpos [50 50]
setspeed | SETSPEED speed (0 instant .. 10 slow) | setspeed 5
setx | SETX x | setx 100
setxy | SETXY x y | setxy 50 -20
sety | SETY y | sety 100
show | SHOW thing   (SHOW thing1 thing2 ...) | show [a [b c]]
shownp | SHOWNP  (SHOWN?) | print shownp
showturtle | SHOWTURTLE  (ST) | st
sin | SIN degrees | print sin 30
sqrt | SQRT number | print sqrt 16
stop | STOP | if :n < 1 [stop]
sum | SUM num1 num2   (SUM num1 num2 ...) | print (sum 1 2 3)
tan | TAN degrees | print tan 45
test | TEST tf | test 1 < 2
text | TEXT name | show text "square
thing | THING name | print thing "x
throw | THROW tag   (THROW tag value) | catch "done [throw "done]
towards | TOWARDS [x y] | seth towards [100 100]
true | TRUE | print true
type | TYPE thing   (TYPE thing1 thing2 ...) | type "Hello
until | UNTIL conditionlist instructionlist | until [:n > 3] [make "n :n + 1]
uppercase | UPPERCASE word | print uppercase "hello
wait | WAIT sixtieths | wait 60
while | WHILE conditionlist instructionlist | while [:n < 3] [make "n :n + 1]
window | WINDOW | window
word | WORD word1 word2   (WORD word1 word2 ...) | print word "sun "flower
wordp | WORDP thing  (WORD?) | print wordp "a
wrap | WRAP | wrap
xcor | XCOR | print xcor
ycor | YCOR | print ycor
"""

_ROWS = _TABLE.strip().splitlines() + help_ucblogo.TABLE.strip().splitlines()
HELP: dict[str, tuple[str, str]] = {
    name.strip(): (syntax.strip(), example.strip())
    for name, syntax, example in (row.split(" | ", 2) for row in _ROWS)
}


def help_text(name: str) -> str | None:
    """Syntax and an example for the primitive ``name``, or None."""
    found = HELP.get(name)
    if found is None:
        return None
    syntax, example = found
    return f"{syntax}\n\nExample:\n    {example}\n"
