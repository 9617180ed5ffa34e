      * HOUSEHOLD MEANS TEST - NESTED OCCURS DEPENDING ON (COMPLEX ODO)
       01  HMT-HOUSEHOLD-REC.
           05  HMT-HOUSEHOLD-ID            PIC X(10).
           05  HMT-MEMBER-COUNT            PIC 9.
           05  HMT-INCOME-COUNT            PIC 9.
           05  HMT-MEMBER OCCURS 1 TO 6 TIMES
                   DEPENDING ON HMT-MEMBER-COUNT.
               10  HMT-MEMBER-NAME         PIC X(20).
               10  HMT-INCOME OCCURS 1 TO 4 TIMES
                       DEPENDING ON HMT-INCOME-COUNT.
                   15  HMT-INCOME-TYPE     PIC XX.
                   15  HMT-INCOME-AMT      PIC S9(5)V99 COMP-3.
               10  HMT-MEMBER-FLAG         PIC X.
           05  HMT-ASSESSED-AMT            PIC S9(7)V99 COMP-3.
