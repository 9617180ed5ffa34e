      * DEBT RECOVERY ACCOUNT - COPY REPLACING WHOLE WORDS
       01  DRA-ACCOUNT-REC.
           05  DRA-DEBT-REF                PIC X(12).
           05  DRA-ORIGINAL.
           COPY MONEYAMT REPLACING AMOUNT-VALUE BY DRA-ORIG-VALUE
                                   AMOUNT-CURRENCY BY DRA-ORIG-CCY
                                   AMOUNT-SCALE BY DRA-ORIG-SCALE.
           05  DRA-OUTSTANDING.
           COPY MONEYAMT REPLACING AMOUNT-VALUE BY DRA-OUT-VALUE
                                   AMOUNT-CURRENCY BY DRA-OUT-CCY
                                   AMOUNT-SCALE BY DRA-OUT-SCALE
                                   ==S9(9)V99== BY ==S9(11)V99==.
           05  DRA-RECOVERY-RATE           PIC 9V99.
