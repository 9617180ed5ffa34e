      ******************************************************************
      * SELF ASSESSMENT TAX RETURN - HEADER SEGMENT (SA100)            *
      * MAINTAINED BY REVENUE SYSTEMS BATCH TEAM                       *
      ******************************************************************
       01  SA-RETURN-HEADER.
           05  SA-UTR                      PIC X(10).
           05  SA-TAX-YEAR.
               10  SA-TAX-YEAR-START       PIC 9(4).
               10  SA-TAX-YEAR-END         PIC 9(2).
           05  SA-RECEIVED-DATE.
               10  SA-RECV-CCYY            PIC 9(4).
               10  SA-RECV-MM              PIC 9(2).
               10  SA-RECV-DD              PIC 9(2).
           05  SA-CHANNEL                  PIC X.
               88  SA-ONLINE               VALUE 'O'.
               88  SA-PAPER                VALUE 'P'.
               88  SA-AGENT                VALUE 'A'.
           05  SA-TOTAL-INCOME             PIC S9(11)V99 COMP-3.
           05  SA-TOTAL-ALLOWANCES         PIC S9(9)V99  COMP-3.
           05  SA-TAX-DUE                  PIC S9(9)V99  COMP-3.
           05  SA-PAYMENTS-ON-ACCOUNT      PIC S9(9)V99  COMP-3
                                           OCCURS 2 TIMES.
           05  SA-AMENDMENT-COUNT          PIC S9(4) COMP.
           05  SA-AGENT-REF                PIC X(12).
           05  FILLER                      PIC X(20).
