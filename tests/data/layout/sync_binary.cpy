      * DWP PAYMENT INSTRUCTION - SYNCHRONIZED BINARY AND FLOATING ITEMS
       01  DPI-INSTRUCTION-REC.
           05  DPI-TYPE                    PIC X.
           05  DPI-HALFWORD                PIC S9(4)  COMP SYNC.
           05  DPI-FLAG-1                  PIC X.
           05  DPI-FULLWORD                PIC S9(9)  COMP SYNC.
           05  DPI-FLAG-2                  PIC X.
           05  DPI-FULLWORD-5          PIC 9(5) BINARY SYNCHRONIZED.
           05  DPI-FLAG-3                  PIC XXX.
           05  DPI-FLOAT-SHORT             COMP-1 SYNC.
           05  DPI-FLAG-4                  PIC X.
           05  DPI-FLOAT-LONG              COMP-2 SYNC.
           05  DPI-FLAG-5                  PIC X.
           05  DPI-NATIVE                  PIC S9(4)  COMP-5 SYNC LEFT.
           05  DPI-PACKED-SYNC             PIC S9(5)  COMP-3 SYNC.
           05  DPI-DISPLAY-SYNC            PIC X(3)   SYNC RIGHT.
           05  DPI-LAST                    PIC S9(9)  COMP SYNC.
