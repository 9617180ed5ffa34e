      *----------------------------------------------------------------*
      * PAYE EMPLOYER RETURN - HEADER, DETAIL AND TRAILER RECORDS      *
      * RECORD TYPE IN BYTE 1: H, D OR T                               *
      *----------------------------------------------------------------*
       01  PAYE-HEADER-REC.
           05  PH-RECORD-TYPE          PIC X.
               88  PH-IS-HEADER        VALUE 'H'.
           05  PH-EMPLOYER-REF         PIC X(10).
           05  PH-EMPLOYER-NAME        PIC X(40).
           05  PH-TAX-YEAR             PIC 9(4).
           05  PH-PERIOD               PIC 99.
           05  FILLER                  PIC X(23).
       01  PAYE-DETAIL-REC.
           05  PD-RECORD-TYPE          PIC X.
           05  PD-NINO                 PIC X(9).
           05  PD-EMPLOYEE-NAME        PIC X(30).
           05  PD-GROSS-PAY            PIC S9(7)V99 COMP-3.
           05  PD-TAX-DEDUCTED         PIC S9(7)V99 COMP-3.
           05  PD-NI-CONTRIB           PIC S9(5)V99 COMP-3.
           05  PD-TAX-CODE             PIC X(6).
           05  PD-HOURS                PIC S9(3)V9 COMP.
           05  FILLER                  PIC X(18).
       01  PAYE-TRAILER-REC.
           05  PT-RECORD-TYPE          PIC X.
           05  PT-DETAIL-COUNT         PIC 9(7).
           05  PT-TOTAL-PAY            PIC S9(11)V99 COMP-3.
           05  PT-TOTAL-TAX            PIC S9(11)V99 COMP-3.
           05  FILLER                  PIC X(58).
