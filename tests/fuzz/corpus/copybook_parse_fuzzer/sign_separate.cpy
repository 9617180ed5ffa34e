      * TAX CREDIT ADJUSTMENT FILE - SIGN CLAUSES
       01  TCA-ADJUST-REC.
           05  TCA-AWARD-REF               PIC X(10).
           05  TCA-OVERPUNCH-TRAILING      PIC S9(5)V99.
           05  TCA-LEADING-SEP             PIC S9(5)V99
                                           SIGN LEADING SEPARATE.
           05  TCA-TRAILING-SEP            PIC S9(5)V99
                                           SIGN IS TRAILING SEPARATE
                                           CHARACTER.
           05  TCA-LEADING-EMBEDDED        PIC S9(5)V99 SIGN LEADING.
           05  TCA-TRAILING-EMBEDDED       PIC S9(5)V99 SIGN TRAILING.
           05  TCA-LEAD-SEP-CHAR           PIC S9(3)
                                    SIGN IS LEADING SEPARATE CHARACTER.
           05  TCA-GROUP-SIGN              SIGN LEADING SEPARATE.
               10  TCA-GS-ONE              PIC S9(3).
               10  TCA-GS-TWO              PIC S9(3)V9.
           05  TCA-REASON                  PIC X(3).
