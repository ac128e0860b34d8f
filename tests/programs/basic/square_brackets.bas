10 REM GW-BASIC writes an array's subscripts in ( ) or [ ], even mixed
20 DIM A[3], B%(2, 2]
30 A[2] = 5: B%[1, 2) = 7
40 PRINT A(2); A[2]; B%(1, 2); B%[1, 2]
50 FOR I = 0 TO 3: A[I] = I * I: NEXT
60 PRINT A[3] + A(1); "[not a subscript]"
