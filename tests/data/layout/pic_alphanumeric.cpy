      * ELECTORAL REGISTER ENTRY - ALPHABETIC AND ALPHANUMERIC PICTURES
       01  ER-ELECTOR-REC.
           05  ER-WARD                     PIC AA.
           05  ER-POLLING-DISTRICT         PIC A(3)9(2).
           05  ER-ELECTOR-NO               PIC X(4)9(4).
           05  ER-SURNAME                  PIC A(30).
           05  ER-FORENAMES                PIC X(40).
           05  ER-FRANCHISE-MARKER         PIC X.
           05  ER-HOUSE                    PICTURE X(10).
           05  ER-STREET                   PICTURE IS X(30).
           05  ER-MIXED                    PIC AX9A.
           05  ER-LONG-TEXT                PIC X(256).
           05  ER-REPEAT-NEST              PIC XX(2)X.
