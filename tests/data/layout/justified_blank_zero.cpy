      * REFUND CHEQUE PRINT RECORD - JUSTIFIED AND BLANK WHEN ZERO
       01  RCP-CHEQUE-REC.
           05  RCP-PAYEE                   PIC X(30) JUSTIFIED RIGHT.
           05  RCP-PAYEE-SHORT             PIC X(10) JUST.
           05  RCP-AMOUNT-WORDS            PIC X(60) JUST RIGHT.
           05  RCP-AMOUNT              PIC ZZ,ZZ9.99 BLANK WHEN ZERO.
           05  RCP-COUNT                   PIC 9(4) BLANK ZERO.
           05  RCP-REF                     PIC A(8) JUSTIFIED.
