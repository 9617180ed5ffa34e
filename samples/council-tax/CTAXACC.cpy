      *----------------------------------------------------------------*
      * COUNCIL TAX ACCOUNT - ONE PER LIABLE PROPERTY ACCOUNT          *
      * BINARY (COMP, BIG-ENDIAN) COUNTS AND AMOUNTS IN PENCE;         *
      * PAYMENT DETAILS REDEFINED BY PAYMENT METHOD; LIABILITY DATE    *
      * REDEFINED AS ITS PARTS.                                        *
      *----------------------------------------------------------------*
       01  CTAX-ACCOUNT.
           05  CT-ACCOUNT-NO           PIC 9(9) COMP.
           05  CT-PROPERTY-REF         PIC X(12).
           05  CT-BAND                 PIC X.
           05  CT-LIABLE-NAME          PIC X(40).
           05  CT-ADDRESS              PIC X(60).
           05  CT-LIABLE-FROM          PIC 9(8).
           05  CT-LIABLE-FROM-PARTS REDEFINES CT-LIABLE-FROM.
               10  CT-LIABLE-FROM-YYYY PIC 9(4).
               10  CT-LIABLE-FROM-MM   PIC 99.
               10  CT-LIABLE-FROM-DD   PIC 99.
           05  CT-OCCUPANTS            PIC S9(4) COMP.
           05  CT-DISCOUNT-PCT         PIC S9(3) COMP.
           05  CT-ANNUAL-CHARGE        PIC S9(7)V99 COMP.
           05  CT-BALANCE              PIC S9(9)V99 COMP.
           05  CT-INSTALMENTS          PIC 9(2) COMP.
           05  CT-PAYMENT-METHOD       PIC X.
               88  CT-PAYS-BY-DD       VALUE 'D'.
               88  CT-PAYS-BY-CARD     VALUE 'C'.
               88  CT-PAYS-AT-COUNTER  VALUE 'S'.
           05  CT-PAYMENT-DETAILS      PIC X(20).
           05  CT-DIRECT-DEBIT REDEFINES CT-PAYMENT-DETAILS.
               10  CT-DD-SORT-CODE     PIC 9(6).
               10  CT-DD-ACCOUNT       PIC 9(8).
               10  CT-DD-DAY           PIC 9(4) COMP.
               10  CT-DD-MANDATE-NO    PIC 9(9) COMP.
           05  CT-CARD REDEFINES CT-PAYMENT-DETAILS.
               10  CT-CARD-TOKEN       PIC X(16).
               10  CT-CARD-EXPIRY      PIC 9(4).
           05  CT-COUNTER REDEFINES CT-PAYMENT-DETAILS.
               10  CT-PAYPOINT-BARCODE PIC X(19).
               10  FILLER              PIC X.
           05  FILLER                  PIC X(10).
