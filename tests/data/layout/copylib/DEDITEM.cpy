      * ONE DEDUCTION LINE (COPIED BY DEDUCT)
               10  DED-ITEM OCCURS 8 TIMES.
                   15  DED-CODE            PIC X(4).
                   15  DED-AMOUNT          PIC S9(7)V99 COMP-3.
                   15  DED-PRE-TAX         PIC X.
