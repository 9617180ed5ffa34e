       01  MIXED-REC.
           05  M-NAME         PIC X(10).
           05  M-UNS          PIC 9(5).
           05  M-TRAIL        PIC S9(5).
           05  M-LEAD         PIC S9(3) SIGN LEADING.
           05  M-LSEP         PIC S9(3) SIGN LEADING SEPARATE.
           05  M-TSEP         PIC S9(3)V9 SIGN TRAILING SEPARATE.
           05  M-PACK         PIC S9(7)V99 COMP-3.
           05  M-UPACK        PIC 9(4) COMP-3.
           05  M-BIN          PIC S9(4) COMP.
           05  M-BIN4         PIC S9(7)V99 BINARY.
           05  M-C5           PIC S9(9) COMP-5.
           05  M-TAB OCCURS 3.
               10  M-CODE     PIC X(2).
               10  M-AMT      PIC S9(3) COMP-3.
