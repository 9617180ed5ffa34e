      * LEVEL NUMBER OUTSIDE 01-49, 66, 77, 88
       01  LVL-REC.
           05  LVL-A                       PIC X(2).
           50  LVL-B                       PIC X(2).
