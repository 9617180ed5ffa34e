      *----------------------------------------------------------------*
      * TAXPAYER MASTER RECORD - ONE PER REGISTERED TAXPAYER           *
      * FIXED LENGTH, PACKED AMOUNTS, FIVE YEARS OF ASSESSED FIGURES   *
      *----------------------------------------------------------------*
       01  TAXPAYER-MASTER.
           05  TP-KEY.
               10  TP-TAX-REF          PIC X(10).
               10  TP-CHECK-DIGIT      PIC 9.
           05  TP-STATUS               PIC X.
               88  TP-ACTIVE           VALUE 'A'.
               88  TP-CEASED           VALUE 'C'.
               88  TP-DECEASED         VALUE 'D'.
           05  TP-NAME.
               10  TP-SURNAME          PIC X(30).
               10  TP-FORENAMES        PIC X(30).
           05  TP-DATE-OF-BIRTH        PIC 9(8).
           05  TP-ADDRESS.
               10  TP-ADDR-LINE        PIC X(35) OCCURS 4 TIMES.
               10  TP-POSTCODE         PIC X(8).
           05  TP-REGION-CODE          PIC S9(4) COMP.
           05  TP-BALANCE              PIC S9(9)V99 COMP-3.
           05  TP-YEARLY-FIGURES       OCCURS 5 TIMES.
               10  TP-TAX-YEAR         PIC 9(4).
               10  TP-INCOME           PIC S9(11)V99 COMP-3.
               10  TP-TAX-DUE          PIC S9(9)V99  COMP-3.
               10  TP-TAX-PAID         PIC S9(9)V99  COMP-3.
           05  TP-LAST-UPDATED         PIC 9(8).
           05  FILLER                  PIC X(10).
