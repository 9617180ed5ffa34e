      * FLOATING-POINT LITERALS IBM REFUSES
       01  RSK-FACTOR-REC.
           05  RSK-NO-EXPONENT             COMP-1 VALUE 1.5E.
           05  RSK-NO-POINT                COMP-2 VALUE 15E-1.
           05  RSK-BIG-EXPONENT            COMP-2 VALUE -1.5E+100.
           05  RSK-TOO-LARGE               COMP-2 VALUE 0.9E76.
           05  RSK-ON-TEXT                 PIC X(8) VALUE 2.5E3.
