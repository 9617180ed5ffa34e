      *================================================================*
      * PAYROLL MASTER RECORD - MONTHLY PAY RUN                        *
      *================================================================*
       01  PAY-MASTER-REC.
           05  PAY-EMPLOYEE-ID             PIC X(8).
           05  PAY-NAME.
               10  PAY-SURNAME             PIC X(20).
               10  PAY-FORENAMES           PIC X(20).
               10  PAY-INITIAL             PIC X.
           05  PAY-GRADE                   PIC 99.
           05  PAY-ANNUAL-SALARY           PIC S9(7)V99 COMP-3.
           05  PAY-HOURS-WORKED            PIC S9(3)V9 COMP-3.
           05  PAY-TAX-CODE                PIC X(6).
           05  PAY-NI-NUMBER               PIC X(9).
           05  PAY-YTD-GROSS               PIC S9(9)V99 COMP-3.
           05  PAY-YTD-TAX                 PIC S9(9)V99 COMP-3.
           05  PAY-PENSION-PCT             PIC V999.
           05  PAY-STATUS                  PIC X.
               88  PAY-ACTIVE              VALUE 'A'.
               88  PAY-LEAVER              VALUE 'L'.
           05  PAY-BANK-SORT-CODE          PIC 9(6).
           05  PAY-BANK-ACCOUNT            PIC 9(8).
           05  FILLER                      PIC X(10).
