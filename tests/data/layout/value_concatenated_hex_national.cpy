      * LETTER CONTROL - HEX AND NATIONAL LITERALS JOINED WITH &
       01  LCT-LETTER-REC.
           05  LCT-MARKER                  PIC X(4)
                                           VALUE X'C1C2' & X'C3C4'.
           05  LCT-PREFIX                  PIC X(6) VALUE 'REF' & X'4B'.
           05  LCT-SUFFIX                  PIC X(6) VALUE X'F0' & 'END'.
           05  LCT-WELSH-NAME              PIC N(8)
                                           VALUE N'CYM' & N'RU'.
           05  LCT-NATIONAL-CODE           PIC N(4)
                                           VALUE NX'00410042' & N'C'.
           05  LCT-FLAG                    PIC X(2)  VALUE 'OK'.
               88  LCT-FLAG-SET            VALUE X'C1' & X'C2'.
