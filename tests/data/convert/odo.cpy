      * OCCURS DEPENDING ON at the end of a variable-length record.
       01  ORDER-REC.
           05  ORDER-NO         PIC 9(5).
           05  ITEM-COUNT       PIC S9(3) COMP-3.
           05  ITEMS OCCURS 0 TO 5 TIMES DEPENDING ON ITEM-COUNT.
               10  ITEM-CODE    PIC X(3).
               10  ITEM-PRICE   PIC S9(5)V99 COMP-3.
