      * PAYMENT LINE WITH A MISTYPED PICTURE
       01  PAY-LINE.
           05  PAY-REF                     PIC X(8).
           05  PAY-AMOUNT                  PIC 9(5)Q99.
           05  PAY-DATE                    PIC 9(8).
