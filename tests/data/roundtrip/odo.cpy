       01  ORDER-REC.
           05  ORD-ID         PIC 9(4).
           05  ORD-CUST       PIC X(8).
           05  FILLER         PIC X(2).
           05  ORD-KIND       PIC X.
           05  ORD-QTY-X REDEFINES ORD-KIND PIC X.
           05  ORD-N          PIC 9(2).
           05  ORD-LINE OCCURS 1 TO 5 DEPENDING ON ORD-N.
               10  LN-ITEM    PIC X(4).
               10  LN-PRICE   PIC S9(5)V99 COMP-3.
               10  LN-QTY     PIC 9(3).
