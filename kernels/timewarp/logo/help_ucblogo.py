"""Shift+Tab help for the primitives of UCBLogo 6.2 added beyond the first set (library,
contents lists, macros, streams): rows ``name | syntax | example``, joined to :mod:`help`.
"""

from __future__ import annotations

TABLE = """
.defmacro | .DEFMACRO name text | .defmacro "twice [[x] [output (list "run :x "run :x)]]
.eq | .EQ thing1 thing2 | print .eq "a "a
.setbf | .SETBF list value | make "l [1 2 3] .setbf :l [9] show :l
.setfirst | .SETFIRST list value | make "l [1 2 3] .setfirst :l "x show :l
.setitem | .SETITEM index array value | make "a {1 2} .setitem 1 :a 5 show :a
arity | ARITY procedurename | show arity "print
ashift | ASHIFT num1 num2 | print ashift 1 4
backslashedp | BACKSLASHEDP char  (BACKSLASHED?) | print backslashedp "a
bitand | BITAND num1 num2   (BITAND num1 num2 ...) | print bitand 12 10
bitnot | BITNOT num | print bitnot 5
bitor | BITOR num1 num2   (BITOR num1 num2 ...) | print bitor 12 3
bitxor | BITXOR num1 num2   (BITXOR num1 num2 ...) | print bitxor 12 10
buried | BURIED | show buried
buriedp | BURIEDP contentslist  (BURIED?) | print buriedp "square
bury | BURY contentslist | bury "square
buryall | BURYALL | buryall
buryname | BURYNAME varname | buryname "x
cascade | CASCADE endtest template startvalue | show cascade 5 [lput # ?] []
case | CASE value clauses | print case 5 [[[1 2 3] "small] [[4 5 6] "medium] [else "large]]
combine | COMBINE thing1 thing2 | show combine "a [b c]
cond | COND clauses | print cond [[[1 = 2] "one] [else "other]]
contents | CONTENTS | show contents
copydef | COPYDEF newname oldname | copydef "box "square
crossmap | CROSSMAP template listlist | show crossmap [word ?1 ?2] [[a b] [1 2]]
dequeue | DEQUEUE queuename | make "q [1 2] print dequeue "q
erns | ERNS | erns
erpl | ERPL plistname | erpl "dog
erpls | ERPLS | erpls
erps | ERPS | erps
form | FORM num width precision | print form 3.14159 8 2
gensym | GENSYM | print gensym
global | GLOBAL varname | global "score
help | HELP name   (HELP) | help "forward
iseq | ISEQ from to | show iseq 1 5
lshift | LSHIFT num1 num2 | print lshift 1 4
macroexpand | MACROEXPAND expr | .defmacro "two [[x] [output list "run :x]] show macroexpand [two [print 1]]
macrop | MACROP name  (MACRO?) | print macrop "print
mdarray | MDARRAY sizelist   (MDARRAY sizelist origin) | show mdarray [2 3]
mditem | MDITEM indexlist array | print mditem [1 2] mdarray [2 3]
mdsetitem | MDSETITEM indexlist array value | make "m mdarray [2 2] mdsetitem [1 2] :m "x show :m
namelist | NAMELIST varname(s) | show namelist [x y]
parse | PARSE word | show parse "abc
plistp | PLISTP name  (PLIST?) | print plistp "dog
plists | PLISTS | show plists
pllist | PLLIST plname(s) | show pllist "dog
poall | POALL | poall
pon | PON varname(s) | make "x 3 pon "x
pons | PONS | pons
pop | POP stackname | make "s [1 2] print pop "s
popl | POPL plname(s) | popl "dog
popls | POPLS | popls
pops | POPS | pops
pot | POT procname(s) | pot "square
pots | POTS | pots
primitives | PRIMITIVES | print count primitives
push | PUSH stackname thing | make "s [] push "s 1 show :s
queue | QUEUE queuename thing | make "q [] queue "q 1 show :q
quoted | QUOTED thing | print quoted "abc
radarctan | RADARCTAN num   (RADARCTAN x y) | print radarctan 1
radcos | RADCOS radians | print radcos 0
radsin | RADSIN radians | print radsin 1
rawascii | RAWASCII char | print rawascii "A
remdup | REMDUP list | show remdup [a b a c]
rseq | RSEQ from to count | show rseq 0 1 5
scrunch | SCRUNCH | show scrunch
setscrunch | SETSCRUNCH xscale yscale | setscrunch 1 1
standout | STANDOUT thing | print standout "Hello
substringp | SUBSTRINGP thing1 thing2  (SUBSTRING?) | print substringp "ell "hello
turtlemode | TURTLEMODE | print turtlemode
unbury | UNBURY contentslist | unbury "square
unburyall | UNBURYALL | unburyall
unburyname | UNBURYNAME varname | unburyname "x
allopen | ALLOPEN | show allopen
close | CLOSE filename | openwrite "notes.txt close "notes.txt
closeall | CLOSEALL | closeall
dribble | DRIBBLE filename | dribble "session.txt print "copied nodribble
eofp | EOFP  (EOF?) | print eofp
erasefile | ERASEFILE filename  (ERF) | openwrite "old.txt close "old.txt erasefile "old.txt
filep | FILEP filename  (FILE?) | print filep "notes.txt
load | LOAD filename | save "mywork.lg load "mywork.lg
nodribble | NODRIBBLE | nodribble
openappend | OPENAPPEND filename | openappend "notes.txt close "notes.txt
openread | OPENREAD filename | openwrite "in.txt close "in.txt openread "in.txt close "in.txt
openupdate | OPENUPDATE filename | openupdate "notes.txt close "notes.txt
openwrite | OPENWRITE filename | openwrite "notes.txt close "notes.txt
reader | READER | show reader
readchars | READCHARS num  (RCS) | print readchars 3
readrawline | READRAWLINE | print readrawline
save | SAVE filename   (SAVE) | save "mywork.lg
setread | SETREAD filename | setread []
setwrite | SETWRITE filename | setwrite []
writer | WRITER | show writer
readpos | READPOS | print readpos
setreadpos | SETREADPOS charpos | setreadpos 0
writepos | WRITEPOS | print writepos
setwritepos | SETWRITEPOS charpos | setwritepos 0
keyp | KEYP  (KEY?) | print keyp
savel | SAVEL contentslist filename | make "x 1 savel [[] [x]] "x.lg
trace | TRACE procname(s) | trace "square square untrace "square
traced | TRACED | show traced
tracedp | TRACEDP procname  (TRACED?) | print tracedp "square
untrace | UNTRACE procname(s) | untrace "square
.setsegmentsize | .SETSEGMENTSIZE num  (does nothing here) | .setsegmentsize 10000
?in | ?IN  (in a TRANSFER template) | show transfer [] [lput ?in ?out] [a b c]
?out | ?OUT  (in a TRANSFER template) | show transfer [] [fput ?in ?out] [a b c]
cascade.2 | CASCADE.2 endtest template1 start1 template2 start2 | show cascade.2 5 [?1 + ?2] 0 [?2 + 1] 1
cleartext | CLEARTEXT  (CT) | cleartext
continue | CONTINUE value  (CO) - ends a PAUSE; PAUSE outputs the value | continue
fill | FILL - floods the shape around the turtle with the pen colour | repeat 4 [fd 50 rt 90] pu setxy 20 20 fill
fullscreen | FULLSCREEN  (FS) | fullscreen
gc | GC | gc
goto | GOTO tag - jumps to TAG tag in the same procedure | define "countdown [[n] [tag "top] [print :n] [make "n :n - 1] [if :n > 0 [goto "top]]] run [countdown 3]
labelsize | LABELSIZE | show labelsize
linep | LINEP  (LINE?) | print linep
map.se | MAP.SE template list | show map.se [list ? ?] [1 2]
norefresh | NOREFRESH | norefresh
palette | PALETTE colournumber | show palette 4
pause | PAUSE - type instructions in the procedure's scope until CONTINUE | define "check [[x] [pause] [print :x]] run [check 5]
pen | PEN | show pen
penerase | PENERASE  (PE) - draw in the background colour | penerase fd 50 penpaint
penmode | PENMODE | print penmode
penpaint | PENPAINT  (PPT) | penpaint
penpattern | PENPATTERN | show penpattern
penreverse | PENREVERSE  (PX) - draw in the background's opposite colour | penreverse fd 50 penpaint
refresh | REFRESH | refresh
button | BUTTON - 0: a cell's picture takes no clicks | print button
buttonp | BUTTONP  (BUTTON?) - false: no mouse button is down | print buttonp
mousepos | MOUSEPOS - [0 0]: the mouse stays at home | show mousepos
clickpos | CLICKPOS - [0 0]: where the last click was | show clickpos
runparse | RUNPARSE wordorlist | show runparse "3+4
screenmode | SCREENMODE | print screenmode
setlabelheight | SETLABELHEIGHT height | setlabelheight 20 label "big
setpalette | SETPALETTE colournumber [r g b]  (8 and above) | setpalette 8 [50 25 0] setpc 8
setpen | SETPEN list  (as PEN outputs) | setpen [pendown paint [2 2] 4 [-1]]
setpenpattern | SETPENPATTERN pattern  (kept, not drawn) | setpenpattern [1 1]
splitscreen | SPLITSCREEN  (SS) | splitscreen
step | STEP procname(s) - show each line and wait for Enter | step "square
stepped | STEPPED | show stepped
steppedp | STEPPEDP procname  (STEPPED?) | print steppedp "square
tag | TAG name - a place GOTO can jump to | define "twice [[] [make "n 0] [tag "again] [make "n :n + 1] [if :n < 2 [goto "again]]] run [twice]
textscreen | TEXTSCREEN  (TS) | textscreen
transfer | TRANSFER endtest template inbasket | show transfer [] [lput ?in ?out] [a b c]
unstep | UNSTEP procname(s) | unstep "square
vbarredp | VBARREDP char  (VBARRED?) | print vbarredp "a
` | ` list - fills in ,[...] and ,@[...] | show `[a ,[sum 1 2] ,@[list 4 5]]
fulltext | FULLTEXT procname | show fulltext "square
prefix | PREFIX | show prefix
setprefix | SETPREFIX folder  (SETPREFIX [] for none) - put before the names of files opened | setprefix [] show prefix
.maybeoutput | .MAYBEOUTPUT value - OUTPUT if the input gives a value, else STOP | define "pass [[x] [.maybeoutput run :x]] show run [pass [3 + 4]]
savepict | SAVEPICT filename - the picture (lines, fills, labels, palette) to a file | repeat 4 [fd 40 rt 90] savepict "square.pict
loadpict | LOADPICT filename - a picture SAVEPICT saved, in place of this one | savepict "pic.json loadpict "pic.json
epspict | EPSPICT filename - the picture as Encapsulated PostScript | epspict "picture.eps
font | FONT  (kept, not used: the notebook has one font) | print font
setfont | SETFONT fontname  (kept, not used) | setfont "Helvetica
textsize | TEXTSIZE | print textsize
settextsize | SETTEXTSIZE height  (kept, not used) | settextsize 14
increasefont | INCREASEFONT | increasefont
decreasefont | DECREASEFONT | decreasefont
settextcolor | SETTEXTCOLOR foreground background  (SETTC) - colours the text after it | settextcolor 4 7 print "red settc 0 7
nodes | NODES  (Python's objects in use, and the most since the last NODES) | show nodes
"""
