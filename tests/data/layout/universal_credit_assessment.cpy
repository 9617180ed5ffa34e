      ******************************************************************
      * UNIVERSAL CREDIT MONTHLY ASSESSMENT PERIOD RECORD    UCAP0001  *
      * RECORD LENGTH VARIES WITH THE NUMBER OF EARNINGS LINES         *
      ******************************************************************
       01  UCA-ASSESSMENT-REC.
           05  UCA-KEY.
               10  UCA-CLAIM-NO            PIC 9(10).
               10  UCA-AP-START            PIC 9(8).
               10  UCA-AP-END              PIC 9(8).
           05  UCA-HOUSEHOLD-TYPE          PIC X.
               88  UCA-SINGLE              VALUE 'S'.
               88  UCA-COUPLE              VALUE 'C'.
           05  UCA-ELEMENTS.
               10  UCA-STANDARD-ALLOW      PIC S9(5)V99 COMP-3.
               10  UCA-CHILD-ELEMENT       PIC S9(5)V99 COMP-3
                                           OCCURS 6.
               10  UCA-LCWRA-ELEMENT       PIC S9(5)V99 COMP-3.
               10  UCA-CARER-ELEMENT       PIC S9(5)V99 COMP-3.
               10  UCA-HOUSING-ELEMENT     PIC S9(5)V99 COMP-3.
               10  UCA-CHILDCARE-ELEMENT   PIC S9(5)V99 COMP-3.
           05  UCA-MAX-AWARD               PIC S9(5)V99 COMP-3.
           05  UCA-WORK-ALLOWANCE          PIC S9(5)V99 COMP-3.
           05  UCA-TAPER-RATE              PIC V99 VALUE .55.
           05  UCA-DEDUCTIONS.
               10  UCA-ADVANCE-RECOVERY    PIC S9(5)V99 COMP-3.
               10  UCA-THIRD-PARTY         OCCURS 3.
                   15  UCA-TPD-CODE        PIC X(3).
                   15  UCA-TPD-AMOUNT      PIC S9(5)V99 COMP-3.
               10  UCA-SANCTION-AMT        PIC S9(5)V99 COMP-3.
           05  UCA-AWARD-AMOUNT            PIC S9(5)V99 COMP-3.
           05  UCA-AWARD-DISPLAY REDEFINES UCA-AWARD-AMOUNT
                                           PIC X(4).
           05  UCA-PAYMENT-DATE            PIC 9(8).
           05  UCA-EARNINGS-COUNT          PIC S9(4) COMP.
           05  UCA-EARNINGS OCCURS 0 TO 20 TIMES
                   DEPENDING ON UCA-EARNINGS-COUNT
                   INDEXED BY UCA-EX.
               10  UCA-PAYE-REF            PIC X(14).
               10  UCA-GROSS-PAY           PIC S9(7)V99 COMP-3.
               10  UCA-TAX-PAID            PIC S9(7)V99 COMP-3.
               10  UCA-NI-PAID             PIC S9(7)V99 COMP-3.
               10  UCA-PAY-FREQ            PIC X.
                   88  UCA-MONTHLY         VALUE 'M'.
                   88  UCA-FOUR-WEEKLY     VALUE '4'.
                   88  UCA-WEEKLY          VALUE 'W'.
