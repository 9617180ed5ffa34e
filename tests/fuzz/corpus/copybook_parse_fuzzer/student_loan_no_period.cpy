      * STUDENT LOAN REPAYMENT NOTICE - NO PERIOD ON THE LAST ENTRY
       01  SL-REPAY-REC.
           05  SL-BORROWER-REF             PIC X(11).
           05  SL-PLAN-TYPE                PIC 9.
               88  SL-PLAN-1               VALUE 1.
               88  SL-PLAN-2               VALUE 2.
               88  SL-PLAN-4               VALUE 4.
               88  SL-POSTGRAD             VALUE 5.
           05  SL-THRESHOLD                PIC 9(6)V99.
           05  SL-DEDUCTED-YTD             PIC S9(7)V99 COMP-3.
           05  SL-EMPLOYER-PAYE-REF        PIC X(14)
