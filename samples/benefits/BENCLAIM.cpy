      *----------------------------------------------------------------*
      * BENEFIT CLAIM - ONE PER CLAIM, FIXED LENGTH                    *
      * THE CLAIMANT'S NAME IS NATIONAL (PIC N, UTF-16 BIG-ENDIAN) SO  *
      * IT HOLDS ANY NAME AS WRITTEN; THE REST IS EBCDIC UK (285).     *
      *----------------------------------------------------------------*
       01  BENEFIT-CLAIM.
           05  BC-CLAIM-ID             PIC X(10).
           05  BC-NINO                 PIC X(9).
           05  BC-CLAIMANT-NAME        PIC N(30).
           05  BC-DATE-OF-BIRTH        PIC 9(8).
           05  BC-BENEFIT-TYPE         PIC X(3).
               88  BC-UNIVERSAL-CREDIT VALUE 'UC '.
               88  BC-PIP              VALUE 'PIP'.
               88  BC-CARERS           VALUE 'CA '.
               88  BC-PENSION-CREDIT   VALUE 'PC '.
           05  BC-CLAIM-DATE           PIC 9(8).
           05  BC-STATUS               PIC X.
               88  BC-IN-PAYMENT       VALUE 'P'.
               88  BC-SUSPENDED        VALUE 'S'.
               88  BC-CLOSED           VALUE 'C'.
           05  BC-WEEKLY-AMOUNT        PIC S9(5)V99 COMP-3.
           05  BC-PAID-TO-DATE         PIC S9(7)V99 COMP-3.
           05  BC-OVERPAYMENT          PIC S9(5)V99 COMP-3.
      *    ZONED, SIGN OVERPUNCHED IN THE LAST BYTE: A NEGATIVE VALUE
      *    IS TAKEN OFF EACH PAYMENT TO RECOVER AN OVERPAYMENT
           05  BC-WEEKLY-ADJUSTMENT    PIC S9(5)V99.
           05  FILLER                  PIC X.
