      * REDEFINES THAT NAME EACH OTHER, OR THEMSELVES
       01  ADR-ADDRESS-REC.
           05  ADR-LINE-1                  PIC X(30).
           05  ADR-UK-VIEW REDEFINES ADR-US-VIEW.
               10  ADR-POSTCODE            PIC X(8).
           05  ADR-US-VIEW REDEFINES ADR-UK-VIEW.
               10  ADR-ZIP                 PIC 9(5).
           05  ADR-SELF REDEFINES ADR-SELF PIC X(4).
