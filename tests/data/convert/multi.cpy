      * Header, detail (two REDEFINES alternatives) and trailer records
      * sharing one file; the first byte tells the record type.
       01  HDR-REC.
           05  HDR-TYPE         PIC X.
           05  HDR-DATE         PIC 9(8).
           05  HDR-NAME         PIC X(11).
       01  DTL-REC.
           05  DTL-TYPE         PIC X.
           05  DTL-KIND         PIC X.
           05  DTL-BODY.
               10  DTL-AMOUNT   PIC S9(7)V99 COMP-3.
               10  DTL-TEXT     PIC X(13).
           05  DTL-ALT REDEFINES DTL-BODY.
               10  DTL-COUNT    PIC S9(9) COMP.
               10  DTL-CODE     PIC X(14).
       01  TRL-REC.
           05  TRL-TYPE         PIC X.
           05  TRL-COUNT        PIC 9(7).
           05  TRL-TOTAL        PIC S9(9)V99 COMP-3.
           05  FILLER           PIC X(6).
