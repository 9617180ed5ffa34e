      * A LITERAL JOINED WITH & TO NOTHING
       01  LTR-TEXT-REC.
           05  LTR-GREETING                PIC X(20) VALUE 'DEAR ' &.
           05  LTR-SIGN-OFF                PIC X(20) VALUE 'REGARDS'.
