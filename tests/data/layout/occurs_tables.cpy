      * ANNUAL PAYROLL SUMMARY - FIXED TABLES, TWO DIMENSIONS
       01  APS-SUMMARY-REC.
           05  APS-EMPLOYER-REF            PIC X(10).
           05  APS-MONTH OCCURS 12 TIMES.
               10  APS-MONTH-GROSS         PIC S9(9)V99 COMP-3.
               10  APS-MONTH-TAX           PIC S9(9)V99 COMP-3.
               10  APS-MONTH-NIC           OCCURS 3.
                   15  APS-NIC-CATEGORY    PIC X.
                   15  APS-NIC-AMOUNT      PIC S9(7)V99 COMP-3.
           05  APS-QUARTER-TOTAL           PIC S9(11)V99 COMP-3
                                           OCCURS 4.
           05  APS-DEPT-CODES              PIC X(4) OCCURS 20.
           05  APS-FLAGS                   OCCURS 8 PIC X.
           05  APS-END                     PIC X(2).
