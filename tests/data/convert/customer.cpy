      * Every USAGE the converter decodes, written by GnuCOBOL in
      * tests/bridge/gnucobol_convert_test.py.
       01  CUSTOMER-REC.
           05  CUST-ID          PIC 9(6).
           05  CUST-NAME        PIC X(20).
           05  CUST-ADDR.
               10  CITY         PIC X(12).
               10  ZIP          PIC 9(5).
           05  BALANCE          PIC S9(7)V99 COMP-3.
           05  CREDIT-LIMIT     PIC S9(5)V99.
           05  UNSIGNED-PACKED  PIC 9(4) COMP-3.
           05  VISITS           PIC S9(4) COMP.
           05  BIG-BIN          PIC S9(12) BINARY.
           05  SCORE            PIC S9(8) COMP-5.
           05  RATE             PIC SV9(4) COMP-3.
           05  LEAD-SIGN        PIC S9(3) SIGN LEADING SEPARATE.
           05  FILLER           PIC X(3).
           05  MONTHLY          PIC S9(5)V99 COMP-3 OCCURS 4.
           05  ORDER-LINES      OCCURS 2.
               10  SKU          PIC X(4).
               10  QTY          PIC S9(3) COMP-3.
