      * WELFARE RATE TABLE ENTRY - NUMERIC PICTURE SYMBOLS 9 S V P
       01  WRT-RATE-ENTRY.
           05  WRT-RATE-ID                 PIC 9(5).
           05  WRT-SIGNED-WHOLE            PIC S9(7).
           05  WRT-DECIMAL                 PIC 9(3)V9(2).
           05  WRT-SIGNED-DECIMAL          PIC S999V99.
           05  WRT-FRACTION                PIC SV9(5).
           05  WRT-THOUSANDS               PIC 9(3)P(3).
           05  WRT-MILLIONTHS              PIC VPPP999.
           05  WRT-SCALED-LEFT             PIC SPP99.
           05  WRT-SCALED-RIGHT            PIC S99PP.
           05  WRT-LONG-NUMBER             PIC 9(18).
           05  WRT-MAX-DIGITS              PIC S9(31).
           05  WRT-PACKED-SCALED           PIC S9(3)P(2) COMP-3.
           05  WRT-BINARY-FRACTION         PIC SV9(4) COMP.
           05  WRT-SINGLE                  PIC 9.
           05  WRT-SIGNED-SINGLE           PIC S9.
