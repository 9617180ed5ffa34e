      * PENSION FUND UNIT HOLDING - 8-BYTE BINARY WITH SYNC
       01  PFU-HOLDING-REC.
           05  PFU-FUND-CODE               PIC X(5).
           05  PFU-UNITS-HELD              PIC S9(15) COMP SYNC.
           05  PFU-FLAG                    PIC X.
           05  PFU-UNIT-PRICE              PIC S9(11)V9(6) COMP SYNC.
           05  PFU-COUNT                   PIC S9(4) COMP SYNC.
