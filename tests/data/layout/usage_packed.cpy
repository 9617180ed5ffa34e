      * HOUSING BENEFIT ASSESSMENT - PACKED DECIMAL OF ODD AND EVEN LENGTHS
       01  HBA-ASSESS-REC.
           05  HBA-CLAIM-NO                PIC 9(9)       COMP-3.
           05  HBA-ONE-DIGIT               PIC 9          COMP-3.
           05  HBA-TWO-DIGITS              PIC S99        COMP-3.
           05  HBA-INCOME                  PIC S9(7)V99 PACKED-DECIMAL.
           05  HBA-CAPITAL                 PIC S9(8)V99 COMPUTATIONAL-3.
           05  HBA-TARIFF                  PIC 9(4)V9(4) USAGE COMP-3.
           05  HBA-MAX-PACKED              PIC S9(18)     COMP-3.
           05  HBA-ENTITLEMENT             PIC S9(5)V99
                                           USAGE IS PACKED-DECIMAL.
           05  HBA-THIRTY-ONE              PIC S9(31)     COMP-3.
