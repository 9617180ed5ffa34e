      * CHILD MAINTENANCE CASE - ODO INSIDE A GROUP, ITEMS AFTER THE TABLE
       01  CMC-CASE-REC.
           05  CMC-CASE-NO                 PIC 9(10).
           05  CMC-CHILD-COUNT             PIC 99.
           05  CMC-ARREARS-COUNT           PIC 9(3) COMP-3.
           05  CMC-CHILDREN.
               10  CMC-CHILD OCCURS 0 TO 10 TIMES
                       DEPENDING ON CMC-CHILD-COUNT.
                   15  CMC-CHILD-NAME      PIC X(30).
                   15  CMC-CHILD-DOB       PIC 9(8).
               10  CMC-CHILDREN-END        PIC X(2).
           05  CMC-LIABILITY               PIC S9(5)V99 COMP-3.
           05  CMC-ARREARS OCCURS 1 TO 24
                   DEPENDING ON CMC-ARREARS-COUNT.
               10  CMC-ARR-PERIOD          PIC 9(6).
               10  CMC-ARR-AMOUNT          PIC S9(5)V99 COMP-3.
