      * ACTUARIAL DEFAULTS - FLOATING-POINT LITERALS IN VALUE CLAUSES
       01  ACT-DEFAULTS-REC.
           05  ACT-DEF-ID                  PIC X(4)  VALUE 'DFLT'.
           05  ACT-DEF-RATE                COMP-1    VALUE 1.0E-2.
           05  ACT-DEF-CAP                 COMP-2    VALUE -1.5E+10.
           05  ACT-DEF-FLOOR               USAGE COMP-2 VALUE +.25E1.
           05  ACT-DEF-SMALL               COMP-1    VALUE 0.54E-78.
           05  ACT-DEF-SCALE               COMP-2    VALUE 7.0E05.
               88  ACT-DEF-SCALE-STD       VALUE 7.0E5.
           05  ACT-DEF-FLAG                PIC X     VALUE 'Y'.
