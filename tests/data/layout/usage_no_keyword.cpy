      * LOCAL AUTHORITY GRANT LEDGER - USAGE WORDS WITHOUT THE KEYWORD
       01  LAG-LEDGER-REC.
           05  LAG-LEDGER-KEY              PIC X(12).
           05  LAG-AMOUNT                  PIC S9(9)V99 COMP-3.
           05  LAG-AMOUNT-2                PIC S9(9)V99 USAGE COMP-3.
           05  LAG-AMOUNT-3                PIC S9(9)V99 USAGE IS COMP-3.
           05  LAG-COUNT                   PIC 9(4) BINARY.
           05  LAG-COUNT-2                 PIC 9(4) USAGE BINARY.
           05  LAG-COUNT-3                 BINARY PIC 9(4).
           05  LAG-TEXT                    PIC X(5) DISPLAY.
           05  LAG-TEXT-2                  PIC X(5) USAGE DISPLAY.
           05  LAG-RATE                    COMP-1.
           05  LAG-ZONED                   PIC S9(5) USAGE IS DISPLAY.
