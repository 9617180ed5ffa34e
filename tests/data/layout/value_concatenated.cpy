      * NOTICE TEXT - ALPHANUMERIC LITERALS JOINED WITH &
       01  NTC-NOTICE-REC.
           05  NTC-HEADING                 PIC X(20)
                                           VALUE 'PAYMENT ' & 'NOTICE'.
           05  NTC-FOOTER                  PIC X(60) VALUE
               "PLEASE QUOTE YOUR REFERENCE " &
               'WHEN YOU ' & "CONTACT US".
           05  NTC-CODE                    PIC X(4)  VALUE 'AB' & 'CD'.
           05  NTC-AMOUNT      PIC S9(7)V99 COMP-3 VALUE ZERO.
           05  NTC-STATUS                  PIC X(2)  VALUE 'OK'.
               88  NTC-STATUS-DONE         VALUE 'D' & 'N'.
