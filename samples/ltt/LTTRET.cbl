      *----------------------------------------------------------------*
      * LTTRET - WRITES LAND TRANSACTION TAX RETURNS (VARIABLE LENGTH) *
      * TAX IS WORKED OUT BAND BY BAND FROM THE WELSH RATE TABLES      *
      * (RESIDENTIAL MAIN RATES, HIGHER RATES, NON-RESIDENTIAL) AND    *
      * ROUNDED DOWN TO THE POUND. TEXT IS BUILT IN ISO-8859-1 (X'A4'  *
      * STANDS FOR THE EURO) AND TRANSLATED TO CCSID 1146.             *
      * GNUCOBOL WRITES EACH RECORD WITH ITS OWN 4-BYTE PREFIX (LENGTH *
      * WITHOUT THE PREFIX); COMMON/VB_BLOCK.PY TURNS THAT INTO IBM    *
      * RDWS AND BDWS.                                                 *
      * ARGUMENT: COUNT (DEFAULT 300). OUTPUT: DD NAME LTTOUT.         *
      *----------------------------------------------------------------*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. LTTRET.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT LTT-FILE ASSIGN TO LTTOUT
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  LTT-FILE RECORDING MODE IS V
           RECORD VARYING FROM 184 TO 283 DEPENDING ON WS-LENGTH.
       COPY LTTRET.
       WORKING-STORAGE SECTION.
       COPY EBCDICUK.
       01  WS-ARGS                 PIC X(80).
       01  WS-COUNT                PIC 9(9) VALUE 300.
       01  WS-LENGTH               PIC 9(4) COMP.
       01  WS-I                    PIC 9(9) COMP.
       01  WS-B                    PIC 9 COMP.
       01  WS-N                    PIC 9(4) COMP.
       01  WS-T                    PIC 9 COMP.
       01  WS-REF                  PIC 9(9).
       01  WS-HOUSE                PIC Z(3)9.
       01  WS-LOWER                PIC 9(9)V99.
       01  WS-SLICE                PIC S9(11)V99 COMP-3.
       01  WS-TAX                  PIC S9(11)V9(5) COMP-3.
       01  WS-SHOW-AMOUNT          PIC -(11)9.99.
      * RATE TABLES: SIX BANDS OF (UPPER LIMIT IN POUNDS, RATE).
      * 1 RESIDENTIAL MAIN RATES (FROM 10 OCTOBER 2022)
      * 2 HIGHER RATES, ADDITIONAL DWELLINGS (FROM 11 DECEMBER 2024)
      * 3 NON-RESIDENTIAL (FROM 22 DECEMBER 2020)
       01  RATE-TABLES.
           05  FILLER PIC X(12) VALUE "000225000000".
           05  FILLER PIC X(12) VALUE "000400000060".
           05  FILLER PIC X(12) VALUE "000750000075".
           05  FILLER PIC X(12) VALUE "001500000100".
           05  FILLER PIC X(12) VALUE "999999999120".
           05  FILLER PIC X(12) VALUE "999999999120".
           05  FILLER PIC X(12) VALUE "000180000050".
           05  FILLER PIC X(12) VALUE "000250000085".
           05  FILLER PIC X(12) VALUE "000400000100".
           05  FILLER PIC X(12) VALUE "000750000125".
           05  FILLER PIC X(12) VALUE "001500000150".
           05  FILLER PIC X(12) VALUE "999999999170".
           05  FILLER PIC X(12) VALUE "000225000000".
           05  FILLER PIC X(12) VALUE "000250000010".
           05  FILLER PIC X(12) VALUE "001000000050".
           05  FILLER PIC X(12) VALUE "999999999060".
           05  FILLER PIC X(12) VALUE "999999999060".
           05  FILLER PIC X(12) VALUE "999999999060".
       01  FILLER REDEFINES RATE-TABLES.
           05  RATE-TABLE OCCURS 3 TIMES.
               10  RATE-BAND OCCURS 6 TIMES.
                   15  BAND-UPPER  PIC 9(9).
                   15  BAND-RATE   PIC V999.
      * WELSH NAMES OF THE PRINCIPAL AREAS; X'E2' IS A-CIRCUMFLEX,
      * X'F4' O-CIRCUMFLEX (SIR GAR, YNYS MON).
       01  AUTHORITY-TABLE.
           05  FILLER PIC X(24) VALUE "Caerdydd".
           05  FILLER PIC X(24) VALUE "Abertawe".
           05  FILLER PIC X(24) VALUE "Casnewydd".
           05  FILLER PIC X(24) VALUE "Sir G" & X"E2" & "r".
           05  FILLER PIC X(24) VALUE "Ynys M" & X"F4" & "n".
           05  FILLER PIC X(24) VALUE "Gwynedd".
           05  FILLER PIC X(24) VALUE "Bro Morgannwg".
           05  FILLER PIC X(24) VALUE "Wrecsam".
       01  FILLER REDEFINES AUTHORITY-TABLE.
           05  AUTHORITY-ENTRY     PIC X(24) OCCURS 8 TIMES.
      * STREETS: LON GLYD, RHODFA'R MOR, HEOL Y FRAN (O/O/A CIRCUMFLEX)
       01  STREET-TABLE.
           05  FILLER PIC X(24) VALUE "Stryd Fawr".
           05  FILLER PIC X(24) VALUE "L" & X"F4" & "n Glyd".
           05  FILLER PIC X(24) VALUE "Rhodfa'r M" & X"F4" & "r".
           05  FILLER PIC X(24) VALUE "Heol y Fr" & X"E2" & "n".
           05  FILLER PIC X(24) VALUE "Ffordd Pen-y-bryn".
       01  FILLER REDEFINES STREET-TABLE.
           05  STREET-ENTRY        PIC X(24) OCCURS 5 TIMES.
      * NOTES: X'A3' IS THE POUND SIGN, X'A4' THE EURO (CCSID 1146).
       01  NOTE-TABLE.
           05  FILLER PIC X(40) VALUE "Prynwr tro cyntaf".
           05  FILLER PIC X(40) VALUE
               "Blaendal " & X"A4" & "20,000 o gyfrif yn Iwerddon".
           05  FILLER PIC X(40) VALUE
               "Dodrefn gwerth " & X"A3" & "4,500 wedi'u heithrio".
           05  FILLER PIC X(40) VALUE
               "Rhent: " & X"A3" & "950 y mis".
           05  FILLER PIC X(40) VALUE
               "Rhodd: " & X"A3" & "30,000 a " & X"A4" & "5,000".
           05  FILLER PIC X(40) VALUE SPACES.
       01  FILLER REDEFINES NOTE-TABLE.
           05  NOTE-ENTRY          PIC X(40) OCCURS 6 TIMES.
      * BUYERS: SIAN (A-CIRCUMFLEX), SION (O-CIRCUMFLEX), GWENLLIAN
      * (I-DIAERESIS), SEREN MULLER (U-DIAERESIS).
       01  BUYER-TABLE.
           05  FILLER PIC X(30) VALUE "Si" & X"E2" & "n Evans".
           05  FILLER PIC X(30) VALUE "Rhodri ap Si" & X"F4" & "n".
           05  FILLER PIC X(30) VALUE "Gwenll" & X"EF" & "an Roberts".
           05  FILLER PIC X(30) VALUE "Aled Wyn Thomas".
           05  FILLER PIC X(30) VALUE "Seren M" & X"FC" & "ller".
           05  FILLER PIC X(30) VALUE "Cwmni Tai Cymru Cyf".
           05  FILLER PIC X(30) VALUE "Iwan Rhys Jones".
       01  FILLER REDEFINES BUYER-TABLE.
           05  BUYER-ENTRY         PIC X(30) OCCURS 7 TIMES.
       PROCEDURE DIVISION.
       MAIN.
           ACCEPT WS-ARGS FROM COMMAND-LINE
           IF WS-ARGS NOT = SPACES
               COMPUTE WS-COUNT = FUNCTION NUMVAL(WS-ARGS)
           END-IF
           OPEN OUTPUT LTT-FILE
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > WS-COUNT
               PERFORM BUILD-RETURN
               IF WS-I < 4 OR WS-I = 5 OR WS-I = 7
                   PERFORM SHOW-RETURN
               END-IF
               PERFORM TO-EBCDIC
               WRITE LTT-RETURN
           END-PERFORM
           CLOSE LTT-FILE
           DISPLAY "LTTRET WRITTEN " WS-COUNT
           STOP RUN.

       BUILD-RETURN.
           MOVE SPACES TO LTT-RETURN
           COMPUTE WS-REF = 260000000 + WS-I * 17
           STRING "LTT" WS-REF DELIMITED BY SIZE INTO LT-RETURN-REF
           COMPUTE LT-EFFECTIVE-DATE = 20260000
               + (FUNCTION MOD(WS-I, 11) + 1) * 100
               + FUNCTION MOD(WS-I * 7, 28) + 1
           MOVE "N" TO LT-HIGHER-RATES
           IF FUNCTION MOD(WS-I, 6) = 5
               MOVE "N" TO LT-PROPERTY-TYPE
               MOVE 3 TO WS-T
               COMPUTE LT-CONSIDERATION =
                   150000 + FUNCTION MOD(WS-I * 7717, 400) * 5000
           ELSE
               MOVE "R" TO LT-PROPERTY-TYPE
               MOVE 1 TO WS-T
               IF FUNCTION MOD(WS-I, 4) = 1
                   MOVE "Y" TO LT-HIGHER-RATES
                   MOVE 2 TO WS-T
               END-IF
               COMPUTE LT-CONSIDERATION =
                   95000 + FUNCTION MOD(WS-I * 3761, 1500) * 500
           END-IF
           PERFORM WORK-OUT-TAX
           COMPUTE WS-N = FUNCTION MOD(WS-I * 3, 8) + 1
           MOVE AUTHORITY-ENTRY(WS-N) TO LT-AUTHORITY
           COMPUTE WS-HOUSE = FUNCTION MOD(WS-I * 29, 140) + 1
           COMPUTE WS-N = FUNCTION MOD(WS-I, 5) + 1
           STRING FUNCTION TRIM(WS-HOUSE) " "
               FUNCTION TRIM(STREET-ENTRY(WS-N))
               DELIMITED BY SIZE INTO LT-PROPERTY-ADDRESS
           COMPUTE WS-N = FUNCTION MOD(WS-I, 6) + 1
           MOVE NOTE-ENTRY(WS-N) TO LT-NOTE
           COMPUTE LT-BUYER-COUNT = FUNCTION MOD(WS-I * 5, 4) + 1
           PERFORM VARYING WS-B FROM 1 BY 1
                   UNTIL WS-B > LT-BUYER-COUNT
               COMPUTE WS-N = FUNCTION MOD(WS-I + WS-B * 2, 7) + 1
               MOVE BUYER-ENTRY(WS-N) TO LT-BUYER-NAME(WS-B)
      *        EQUAL SHARES; THE FIRST BUYER TAKES THE ODD PENNY
               COMPUTE LT-BUYER-SHARE(WS-B) = 100 / LT-BUYER-COUNT
           END-PERFORM
           COMPUTE LT-BUYER-SHARE(1) = 100
               - LT-BUYER-SHARE(1) * (LT-BUYER-COUNT - 1)
           COMPUTE WS-LENGTH = 151 + 33 * LT-BUYER-COUNT.

      * SUM OVER THE BANDS OF THE SLICE OF CONSIDERATION IN EACH BAND
      * TIMES ITS RATE, THEN ROUND DOWN TO WHOLE POUNDS.
       WORK-OUT-TAX.
           MOVE 0 TO WS-TAX WS-LOWER
           PERFORM VARYING WS-B FROM 1 BY 1 UNTIL WS-B > 6
               IF LT-CONSIDERATION > WS-LOWER
                   IF LT-CONSIDERATION > BAND-UPPER(WS-T, WS-B)
                       COMPUTE WS-SLICE =
                           BAND-UPPER(WS-T, WS-B) - WS-LOWER
                   ELSE
                       COMPUTE WS-SLICE = LT-CONSIDERATION - WS-LOWER
                   END-IF
                   COMPUTE WS-TAX = WS-TAX
                       + WS-SLICE * BAND-RATE(WS-T, WS-B)
               END-IF
               MOVE BAND-UPPER(WS-T, WS-B) TO WS-LOWER
           END-PERFORM
           COMPUTE LT-TAX-DUE = FUNCTION INTEGER-PART(WS-TAX).

      * DISPLAY LINES ARE THE TEST'S ORACLE FOR A FEW RETURNS.
       SHOW-RETURN.
           MOVE LT-CONSIDERATION TO WS-SHOW-AMOUNT
           DISPLAY "RETURN " LT-RETURN-REF " " LT-PROPERTY-TYPE
               LT-HIGHER-RATES " " FUNCTION TRIM(WS-SHOW-AMOUNT) " "
               WITH NO ADVANCING
           MOVE LT-TAX-DUE TO WS-SHOW-AMOUNT
           DISPLAY FUNCTION TRIM(WS-SHOW-AMOUNT) " " LT-BUYER-COUNT
               " " WS-LENGTH.

      * TRANSLATE EVERY DISPLAY FIELD, NEVER THE PACKED ONES.
       TO-EBCDIC.
           INSPECT LT-RETURN-REF CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT LT-EFFECTIVE-DATE(1:)
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT LT-PROPERTY-TYPE
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT LT-HIGHER-RATES
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT LT-AUTHORITY CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT LT-PROPERTY-ADDRESS
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           INSPECT LT-NOTE CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           PERFORM VARYING WS-B FROM 1 BY 1
                   UNTIL WS-B > LT-BUYER-COUNT
               INSPECT LT-BUYER-NAME(WS-B)
                   CONVERTING LATIN1-SIDE TO EBCDIC-SIDE
           END-PERFORM
      *    THE COUNT LAST: THE LOOP ABOVE STILL NEEDS ITS VALUE
           INSPECT LT-BUYER-COUNT(1:)
               CONVERTING LATIN1-SIDE TO EBCDIC-SIDE.
