      * BENEFIT PAYMENT SCHEDULE - VARIABLE NUMBER OF PAYMENTS AT THE END
       01  BPS-SCHEDULE-REC.
           05  BPS-CLAIM-REF               PIC X(12).
           05  BPS-PAYMENT-COUNT           PIC S9(4) COMP.
           05  BPS-SCHEDULE-DATE           PIC 9(8).
           05  BPS-PAYMENT OCCURS 1 TO 52 TIMES
                   DEPENDING ON BPS-PAYMENT-COUNT.
               10  BPS-PAY-DATE            PIC 9(8).
               10  BPS-PAY-AMOUNT          PIC S9(5)V99 COMP-3.
               10  BPS-PAY-METHOD          PIC X.
