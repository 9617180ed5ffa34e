      * VAT RETURN (VAT100) BOXES 1-9 - LISTING CONTROL STATEMENTS
       01  VAT-RETURN-REC.
           05  VAT-REG-NO                  PIC 9(9).
           05  VAT-PERIOD-KEY              PIC X(4).
       EJECT
           05  VAT-BOXES.
               10  VAT-BOX1-OUTPUT-VAT     PIC S9(11)V99 COMP-3.
               10  VAT-BOX2-ACQ-VAT        PIC S9(11)V99 COMP-3.
               10  VAT-BOX3-TOTAL-VAT      PIC S9(11)V99 COMP-3.
       SKIP1
               10  VAT-BOX4-RECLAIMED      PIC S9(11)V99 COMP-3.
               10  VAT-BOX5-NET            PIC S9(11)V99 COMP-3.
       SKIP2
               10  VAT-BOX6-SALES          PIC S9(11)    COMP-3.
               10  VAT-BOX7-PURCHASES      PIC S9(11)    COMP-3.
           SKIP3
               10  VAT-BOX8-EC-SUPPLIES    PIC S9(11)    COMP-3.
               10  VAT-BOX9-EC-ACQ         PIC S9(11)    COMP-3.
           EJECT.
           05  VAT-SUBMITTED-TS            PIC X(26).
