      * PAYMENT FILE HEADER - VALUE CLAUSES OF EVERY KIND
       01  PFH-HEADER-REC.
           05  PFH-REC-TYPE                PIC X(3)    VALUE 'HDR'.
           05  PFH-VERSION                 PIC 9(2)    VALUE 07.
           05  PFH-RECORD-COUNT            PIC S9(9) COMP VALUE ZERO.
           05  PFH-TOTAL                   PIC S9(11)V99 COMP-3
                                           VALUE +0.
           05  PFH-SPACES                  PIC X(5)    VALUE SPACES.
           05  PFH-LOW                     PIC X(2)    VALUE LOW-VALUE.
           05  PFH-HIGH              PIC X(2) VALUE HIGH-VALUES.
           05  PFH-HEX               PIC X(4) VALUE X'C1C2C3C4'.
           05  PFH-QUOTE                   PIC X       VALUE QUOTE.
           05  PFH-ZEROS                   PIC 9(6)    VALUE ZEROES.
           05  PFH-NEG-RATE                PIC S9V999  VALUE -1.125.
           05  PFH-ALL-DASH                PIC X(10)   VALUE ALL '-'.
           05  PFH-SYSTEM-NAME             PIC X(40)   VALUE
               'DEPARTMENT FOR WORK AND PENSIONS BATCH'.
           05  PFH-LONG-TEXT PIC X(80) VALUE 'THIS HEADER LITERAL IS CON
      -        'TINUED ACROSS TWO SOURCE LINES'.
           05  PFH-PERIOD-IN-LIT           PIC X(8)    VALUE 'V1.2. X'.

