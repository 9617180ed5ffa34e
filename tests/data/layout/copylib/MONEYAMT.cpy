      * MONEY AMOUNT WITH CURRENCY - WORD REPLACING TARGETS
           10  AMOUNT-VALUE                PIC S9(9)V99 COMP-3.
           10  AMOUNT-CURRENCY             PIC X(3).
           10  AMOUNT-SCALE                PIC 9.
