      *----------------------------------------------------------------*
      * TAXMAST - WRITES ONE GENERATION OF THE TAXPAYER MASTER FILE.   *
      * THE "LEGACY SIDE" OF THE SAMPLE: RECORDS ARE BUILT FROM TABLES *
      * AND FORMULAS IN TAXPAYER ORDER (ASCENDING TP-KEY), DISPLAY     *
      * FIELDS ARE TRANSLATED TO EBCDIC UK (CCSID 285) BEFORE WRITE.   *
      *                                                                *
      * ARGUMENTS: COUNT GEN [BENCH]                                   *
      *   COUNT  BASE TAXPAYERS (DEFAULT 240)                          *
      *   GEN    1 = YESTERDAY'S EXTRACT, 2 = TODAY'S (DEFAULT 1)      *
      *   BENCH  ABOUT 1% CHANGES IN GEN 2 INSTEAD OF ABOUT 12%        *
      * OUTPUT: DD NAME TAXOUT (ENVIRONMENT VARIABLE TAXOUT = PATH).   *
      * GEN 2 VS GEN 1: BASE TAXPAYER I IS DELETED IF MOD(I,DEL-EVERY) *
      * = 7, UPDATED IF MOD(I,UPD-EVERY) = 3, AND A NEW TAXPAYER IS    *
      * INSERTED AFTER IT (KEY + 5) IF MOD(I,INS-EVERY) = 11.          *
      *----------------------------------------------------------------*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TAXMAST.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT TAX-FILE ASSIGN TO TAXOUT
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  TAX-FILE RECORDING MODE IS F.
       COPY TAXPAYER.
       WORKING-STORAGE SECTION.
       COPY EBCDICUK.
       01  WS-ARGS                 PIC X(80).
       01  WS-ARG-COUNT            PIC X(12).
       01  WS-ARG-GEN              PIC X(4).
       01  WS-ARG-MODE             PIC X(8).
       01  WS-COUNT                PIC 9(9) VALUE 240.
       01  WS-GEN                  PIC 9 VALUE 1.
       01  DEL-EVERY               PIC 9(4) COMP VALUE 40.
       01  UPD-EVERY               PIC 9(4) COMP VALUE 15.
       01  INS-EVERY               PIC 9(4) COMP VALUE 30.
       01  WS-I                    PIC 9(9) COMP.
       01  WS-Y                    PIC 9 COMP.
       01  WS-N                    PIC 9(9) COMP.
       01  WS-REF                  PIC 9(10).
       01  WS-HOUSE                PIC Z(3)9.
       01  WS-TAXABLE              PIC S9(11)V99 COMP-3.
       01  WS-WRITTEN              PIC 9(9) VALUE 0.
       01  WS-INSERTS              PIC 9(9) VALUE 0.
       01  WS-UPDATES              PIC 9(9) VALUE 0.
       01  WS-DELETES              PIC 9(9) VALUE 0.
       01  WS-SHOW-AMOUNT          PIC -(11)9.99.
       01  WS-SHOW-REGION          PIC -(4)9.
       01  WS-SHOW-FLAG            PIC X VALUE "N".
           88  WS-SHOW-THIS        VALUE "Y".
       01  SURNAME-TABLE.
           05  FILLER PIC X(12) VALUE "JONES".
           05  FILLER PIC X(12) VALUE "WILLIAMS".
           05  FILLER PIC X(12) VALUE "DAVIES".
           05  FILLER PIC X(12) VALUE "EVANS".
           05  FILLER PIC X(12) VALUE "THOMAS".
           05  FILLER PIC X(12) VALUE "ROBERTS".
           05  FILLER PIC X(12) VALUE "HUGHES".
           05  FILLER PIC X(12) VALUE "LEWIS".
           05  FILLER PIC X(12) VALUE "MORGAN".
           05  FILLER PIC X(12) VALUE "GRIFFITHS".
           05  FILLER PIC X(12) VALUE "SMITH".
           05  FILLER PIC X(12) VALUE "TAYLOR".
           05  FILLER PIC X(12) VALUE "O'BRIEN".
           05  FILLER PIC X(12) VALUE "PATEL".
           05  FILLER PIC X(12) VALUE "KHAN".
           05  FILLER PIC X(12) VALUE "MACDONALD".
       01  FILLER REDEFINES SURNAME-TABLE.
           05  SURNAME-ENTRY       PIC X(12) OCCURS 16 TIMES.
       01  FORENAME-TABLE.
           05  FILLER PIC X(16) VALUE "SARAH JANE".
           05  FILLER PIC X(16) VALUE "DAVID".
           05  FILLER PIC X(16) VALUE "MEGAN".
           05  FILLER PIC X(16) VALUE "RHYS".
           05  FILLER PIC X(16) VALUE "SIOBHAN".
           05  FILLER PIC X(16) VALUE "GARETH OWEN".
           05  FILLER PIC X(16) VALUE "AMIR".
           05  FILLER PIC X(16) VALUE "CATRIN".
       01  FILLER REDEFINES FORENAME-TABLE.
           05  FORENAME-ENTRY      PIC X(16) OCCURS 8 TIMES.
       01  TOWN-TABLE.
           05  FILLER PIC X(44) VALUE
               "HIGH STREET         CARDIFF         CF10 1AA".
           05  FILLER PIC X(44) VALUE
               "HEOL Y FRENHINES    SWANSEA         SA1 3QP ".
           05  FILLER PIC X(44) VALUE
               "STATION ROAD        NEWPORT         NP20 1DW".
           05  FILLER PIC X(44) VALUE
               "CHURCH LANE         WREXHAM         LL11 1AY".
           05  FILLER PIC X(44) VALUE
               "STRYD FAWR          BANGOR          LL57 1NP".
           05  FILLER PIC X(44) VALUE
               "VICTORIA PLACE      NEWCASTLE       NE1 7RU ".
       01  FILLER REDEFINES TOWN-TABLE.
           05  TOWN-ENTRY OCCURS 6 TIMES.
               10  TOWN-STREET     PIC X(20).
               10  TOWN-NAME       PIC X(16).
               10  TOWN-POSTCODE   PIC X(8).
       PROCEDURE DIVISION.
       MAIN.
           ACCEPT WS-ARGS FROM COMMAND-LINE
           UNSTRING WS-ARGS DELIMITED BY ALL SPACE
               INTO WS-ARG-COUNT WS-ARG-GEN WS-ARG-MODE
           IF WS-ARG-COUNT NOT = SPACES
               COMPUTE WS-COUNT = FUNCTION NUMVAL(WS-ARG-COUNT)
           END-IF
           IF WS-ARG-GEN NOT = SPACES
               COMPUTE WS-GEN = FUNCTION NUMVAL(WS-ARG-GEN)
           END-IF
           IF WS-ARG-MODE = "BENCH"
               MOVE 400 TO DEL-EVERY
               MOVE 200 TO UPD-EVERY
               MOVE 400 TO INS-EVERY
           END-IF
           OPEN OUTPUT TAX-FILE
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > WS-COUNT
               IF WS-GEN = 2 AND FUNCTION MOD(WS-I, DEL-EVERY) = 7
                   ADD 1 TO WS-DELETES
               ELSE
                   PERFORM BUILD-BASE
                   IF WS-GEN = 2 AND FUNCTION MOD(WS-I, UPD-EVERY) = 3
                       PERFORM APPLY-UPDATE
                       ADD 1 TO WS-UPDATES
                   END-IF
                   PERFORM SHOW-AND-WRITE
               END-IF
               IF WS-GEN = 2 AND FUNCTION MOD(WS-I, INS-EVERY) = 11
                   PERFORM BUILD-INSERT
                   ADD 1 TO WS-INSERTS
                   PERFORM SHOW-AND-WRITE
               END-IF
           END-PERFORM
           CLOSE TAX-FILE
           DISPLAY "TAXMAST GEN " WS-GEN " WRITTEN " WS-WRITTEN
               " INSERTS " WS-INSERTS " UPDATES " WS-UPDATES
               " DELETES " WS-DELETES
           STOP RUN.

      * BASE TAXPAYER WS-I: EVERY FIELD IS A FUNCTION OF WS-I ONLY, SO
      * BOTH GENERATIONS HOLD IDENTICAL BYTES FOR UNCHANGED TAXPAYERS.
       BUILD-BASE.
           MOVE SPACES TO TAXPAYER-MASTER
           COMPUTE WS-REF = 1000000000 + WS-I * 10
           MOVE WS-REF TO TP-TAX-REF
           COMPUTE TP-CHECK-DIGIT = FUNCTION MOD(WS-REF, 7)
           EVALUATE TRUE
               WHEN FUNCTION MOD(WS-I, 23) = 0 MOVE "D" TO TP-STATUS
               WHEN FUNCTION MOD(WS-I, 17) = 0 MOVE "C" TO TP-STATUS
               WHEN OTHER MOVE "A" TO TP-STATUS
           END-EVALUATE
           COMPUTE WS-N = FUNCTION MOD(WS-I * 7, 16) + 1
           MOVE SURNAME-ENTRY(WS-N) TO TP-SURNAME
           COMPUTE WS-N = FUNCTION MOD(WS-I * 3, 8) + 1
           MOVE FORENAME-ENTRY(WS-N) TO TP-FORENAMES
           COMPUTE TP-DATE-OF-BIRTH =
               (1940 + FUNCTION MOD(WS-I * 13, 60)) * 10000
               + (FUNCTION MOD(WS-I, 12) + 1) * 100
               + FUNCTION MOD(WS-I * 7, 28) + 1
           COMPUTE WS-HOUSE = FUNCTION MOD(WS-I * 37, 250) + 1
           COMPUTE WS-N = FUNCTION MOD(WS-I, 6) + 1
           STRING FUNCTION TRIM(WS-HOUSE) " " TOWN-STREET(WS-N)
               DELIMITED BY SIZE INTO TP-ADDR-LINE(1)
           MOVE TOWN-NAME(WS-N) TO TP-ADDR-LINE(2)
           IF WS-N > 5
               MOVE "TYNE AND WEAR" TO TP-ADDR-LINE(3)
           ELSE
               MOVE "WALES" TO TP-ADDR-LINE(3)
           END-IF
           MOVE TOWN-POSTCODE(WS-N) TO TP-POSTCODE
           IF FUNCTION MOD(WS-I, 31) = 0
      *        -1: LIVES OVERSEAS, NO UK REGION
               MOVE -1 TO TP-REGION-CODE
           ELSE
               COMPUTE TP-REGION-CODE = FUNCTION MOD(WS-I, 12) + 1
           END-IF
      *    NEGATIVE BALANCE = CREDIT OWED TO THE TAXPAYER
           COMPUTE TP-BALANCE =
               (FUNCTION MOD(WS-I * 7919, 200000) - 50000) / 100
           PERFORM VARYING WS-Y FROM 1 BY 1 UNTIL WS-Y > 5
               COMPUTE TP-TAX-YEAR(WS-Y) = 2020 + WS-Y
               COMPUTE TP-INCOME(WS-Y) = 9000
                   + FUNCTION MOD(WS-I * 131 + WS-Y * 977, 90000)
                   + FUNCTION MOD(WS-I * 17 + WS-Y, 100) / 100
               COMPUTE WS-TAXABLE = TP-INCOME(WS-Y) - 12570
               IF WS-TAXABLE < 0
                   MOVE 0 TO WS-TAXABLE
               END-IF
               COMPUTE TP-TAX-DUE(WS-Y) ROUNDED = WS-TAXABLE * 0.20
               IF FUNCTION MOD(WS-I + WS-Y, 9) = 0
      *            UNDERPAID THIS YEAR
                   COMPUTE TP-TAX-PAID(WS-Y) = TP-TAX-DUE(WS-Y) / 2
               ELSE
                   MOVE TP-TAX-DUE(WS-Y) TO TP-TAX-PAID(WS-Y)
               END-IF
           END-PERFORM
           COMPUTE TP-LAST-UPDATED = 20260000
               + (FUNCTION MOD(WS-I, 10) + 1) * 100
               + FUNCTION MOD(WS-I, 28) + 1.

      * TODAY'S CHANGES TO AN EXISTING TAXPAYER: A PAYMENT OF 250.00
      * ON ACCOUNT, AND EVERY OTHER ONE ALSO MOVES HOUSE.
       APPLY-UPDATE.
           IF WS-UPDATES < 2
               MOVE "Y" TO WS-SHOW-FLAG
           END-IF
           SUBTRACT 250.00 FROM TP-BALANCE
           MOVE 20261121 TO TP-LAST-UPDATED
           IF FUNCTION MOD(WS-I, 2) = 0
               MOVE "1 NEW BUILD CLOSE" TO TP-ADDR-LINE(1)
           END-IF.

      * A TAXPAYER REGISTERED TODAY, KEYED BETWEEN TWO EXISTING ONES.
       BUILD-INSERT.
           PERFORM BUILD-BASE
           IF WS-INSERTS = 0
               MOVE "Y" TO WS-SHOW-FLAG
           END-IF
           COMPUTE WS-REF = 1000000000 + WS-I * 10 + 5
           MOVE WS-REF TO TP-TAX-REF
           COMPUTE TP-CHECK-DIGIT = FUNCTION MOD(WS-REF, 7)
           MOVE "A" TO TP-STATUS
           MOVE "NEWCOMER" TO TP-SURNAME
           MOVE 0 TO TP-BALANCE
           MOVE 20261121 TO TP-LAST-UPDATED.

      * DISPLAY LINES ARE THE TEST'S ORACLE FOR A FEW RECORDS.
       SHOW-AND-WRITE.
           ADD 1 TO WS-WRITTEN
           IF WS-WRITTEN < 4 OR WS-I = 31 OR WS-SHOW-THIS
               MOVE TP-BALANCE TO WS-SHOW-AMOUNT
               MOVE TP-REGION-CODE TO WS-SHOW-REGION
               DISPLAY "CHECK " TP-TAX-REF " " TP-STATUS " "
                   FUNCTION TRIM(TP-SURNAME) "|"
                   FUNCTION TRIM(TP-ADDR-LINE(1)) "|"
                   FUNCTION TRIM(WS-SHOW-AMOUNT) " "
                   FUNCTION TRIM(WS-SHOW-REGION) " "
                   TP-LAST-UPDATED
               MOVE TP-INCOME(5) TO WS-SHOW-AMOUNT
               DISPLAY "CHECK-YEAR5 " TP-TAX-REF " " TP-TAX-YEAR(5) " "
                   FUNCTION TRIM(WS-SHOW-AMOUNT)
               MOVE "N" TO WS-SHOW-FLAG
           END-IF
           PERFORM TO-EBCDIC
           WRITE TAXPAYER-MASTER.

      * TRANSLATE EVERY DISPLAY FIELD (NEVER THE PACKED OR BINARY ONES).
      * (1:) MAKES INSPECT SEE RAW BYTES: ON A SIGNED NUMERIC ITEM IT
      * WOULD OTHERWISE TREAT THE OVERPUNCHED SIGN SPECIALLY.
       TO-EBCDIC.
           INSPECT TP-KEY CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT TP-STATUS CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT TP-NAME CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT TP-DATE-OF-BIRTH(1:)
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT TP-ADDRESS CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           PERFORM VARYING WS-Y FROM 1 BY 1 UNTIL WS-Y > 5
               INSPECT TP-TAX-YEAR(WS-Y)(1:)
                   CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           END-PERFORM
           INSPECT TP-LAST-UPDATED(1:)
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
      *    THE TRAILING FILLER (BYTES 360-369)
           INSPECT TAXPAYER-MASTER(360:10)
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE.
