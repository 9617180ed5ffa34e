      * TAX BAND LOOKUP TABLE - ASCENDING KEY AND INDEXED BY
       01  TBL-TAX-BANDS.
           05  TBL-BAND-COUNT              PIC S9(4) COMP.
           05  TBL-BAND OCCURS 1 TO 10 TIMES
                   DEPENDING ON TBL-BAND-COUNT
                   ASCENDING KEY IS TBL-LOWER-LIMIT
                   INDEXED BY TBL-IX TBL-IX2.
               10  TBL-LOWER-LIMIT         PIC 9(7)V99.
               10  TBL-RATE                PIC 9V9(4).
               10  TBL-BAND-NAME           PIC X(12).
       01  TBL-REGION-TABLE.
           05  TBL-REGION OCCURS 4
                   DESCENDING KEY TBL-REGION-CODE
                   ASCENDING TBL-REGION-NAME
                   INDEXED TBL-RX.
               10  TBL-REGION-CODE         PIC XX.
               10  TBL-REGION-NAME         PIC X(20).
