       01  COND-REC.
           05  C-CODE         PIC X.
               88  C-OK       VALUE 'A' 'B'.
               88  C-BLANK    VALUE SPACE.
           05  C-NUM          PIC 9(3).
               88  C-LOW      VALUE 0 THRU 99.
