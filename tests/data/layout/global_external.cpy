      * SHARED RUN PARAMETERS - GLOBAL AND EXTERNAL RECORDS
       01  SRP-RUN-PARMS IS GLOBAL.
           05  SRP-RUN-ID                  PIC X(8).
           05  SRP-TAX-YEAR                PIC 9(4).
           05  SRP-TEST-MODE               PIC X.
       01  SRP-SHARED-TOTALS EXTERNAL.
           05  SRP-RECORDS-READ            PIC S9(9) COMP.
           05  SRP-AMOUNT-READ             PIC S9(13)V99 COMP-3.
       01  SRP-BOTH GLOBAL EXTERNAL.
           05  SRP-BOTH-FLAG               PIC X(2).
