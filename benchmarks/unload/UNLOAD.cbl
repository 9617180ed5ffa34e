       IDENTIFICATION DIVISION.
       PROGRAM-ID. UNLOAD.
      * Unload a fixed-block EBCDIC file of BENCH-REC records to CSV,
      * written the way a site would with GnuCOBOL: the record is read
      * through the same copybook, its character areas (text and zoned
      * fields) are translated EBCDIC -> ASCII with INSPECT CONVERTING
      * and a 256-byte table (cp037), packed and binary fields are read
      * natively (cobc -std=ibm: big-endian binary), and each record is
      * moved into numeric-edited fields separated by commas.
      * Compile: cobc -std=ibm -fsign=EBCDIC -x -O2 -I <copybook dir>
      * Run:     INFILE=in.dat OUTFILE=out.csv ./UNLOAD
      * -fsign=EBCDIC makes the translated overpunch signs ({ A-I } J-R)
      * read as signs of the zoned fields RATE and LAST-AMOUNT.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT IN-FILE ASSIGN TO INFILE
               ORGANIZATION IS SEQUENTIAL
               FILE STATUS IS IN-STATUS.
           SELECT OUT-FILE ASSIGN TO OUTFILE
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS OUT-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD  IN-FILE
           RECORD CONTAINS 299 CHARACTERS.
       COPY BENCH.
      * The same bytes seen as the areas that hold characters.
       01  BENCH-AREAS.
           05  CHAR-AREA-1          PIC X(116).
           05  FILLER               PIC X(17).
           05  CHAR-AREA-2          PIC X(16).
           05  FILLER               PIC X(60).
           05  CHAR-AREA-3          PIC X(90).
       FD  OUT-FILE.
       01  OUT-LINE                 PIC X(450).
       WORKING-STORAGE SECTION.
       01  IN-STATUS                PIC XX.
           88  IN-OK                VALUE "00".
           88  IN-END               VALUE "10".
       01  OUT-STATUS               PIC XX.
       01  RECORD-COUNT             PIC 9(12) COMP VALUE 0.
      * Every byte value 00-FF, and what each one is in cp037.
       01  EBCDIC-BYTES.
           05  FILLER PIC X(8) VALUE X"0001020304050607".
           05  FILLER PIC X(8) VALUE X"08090A0B0C0D0E0F".
           05  FILLER PIC X(8) VALUE X"1011121314151617".
           05  FILLER PIC X(8) VALUE X"18191A1B1C1D1E1F".
           05  FILLER PIC X(8) VALUE X"2021222324252627".
           05  FILLER PIC X(8) VALUE X"28292A2B2C2D2E2F".
           05  FILLER PIC X(8) VALUE X"3031323334353637".
           05  FILLER PIC X(8) VALUE X"38393A3B3C3D3E3F".
           05  FILLER PIC X(8) VALUE X"4041424344454647".
           05  FILLER PIC X(8) VALUE X"48494A4B4C4D4E4F".
           05  FILLER PIC X(8) VALUE X"5051525354555657".
           05  FILLER PIC X(8) VALUE X"58595A5B5C5D5E5F".
           05  FILLER PIC X(8) VALUE X"6061626364656667".
           05  FILLER PIC X(8) VALUE X"68696A6B6C6D6E6F".
           05  FILLER PIC X(8) VALUE X"7071727374757677".
           05  FILLER PIC X(8) VALUE X"78797A7B7C7D7E7F".
           05  FILLER PIC X(8) VALUE X"8081828384858687".
           05  FILLER PIC X(8) VALUE X"88898A8B8C8D8E8F".
           05  FILLER PIC X(8) VALUE X"9091929394959697".
           05  FILLER PIC X(8) VALUE X"98999A9B9C9D9E9F".
           05  FILLER PIC X(8) VALUE X"A0A1A2A3A4A5A6A7".
           05  FILLER PIC X(8) VALUE X"A8A9AAABACADAEAF".
           05  FILLER PIC X(8) VALUE X"B0B1B2B3B4B5B6B7".
           05  FILLER PIC X(8) VALUE X"B8B9BABBBCBDBEBF".
           05  FILLER PIC X(8) VALUE X"C0C1C2C3C4C5C6C7".
           05  FILLER PIC X(8) VALUE X"C8C9CACBCCCDCECF".
           05  FILLER PIC X(8) VALUE X"D0D1D2D3D4D5D6D7".
           05  FILLER PIC X(8) VALUE X"D8D9DADBDCDDDEDF".
           05  FILLER PIC X(8) VALUE X"E0E1E2E3E4E5E6E7".
           05  FILLER PIC X(8) VALUE X"E8E9EAEBECEDEEEF".
           05  FILLER PIC X(8) VALUE X"F0F1F2F3F4F5F6F7".
           05  FILLER PIC X(8) VALUE X"F8F9FAFBFCFDFEFF".
       01  ASCII-BYTES.
           05  FILLER PIC X(8) VALUE X"000102039C09867F".
           05  FILLER PIC X(8) VALUE X"978D8E0B0C0D0E0F".
           05  FILLER PIC X(8) VALUE X"101112139D850887".
           05  FILLER PIC X(8) VALUE X"1819928F1C1D1E1F".
           05  FILLER PIC X(8) VALUE X"80818283840A171B".
           05  FILLER PIC X(8) VALUE X"88898A8B8C050607".
           05  FILLER PIC X(8) VALUE X"9091169394959604".
           05  FILLER PIC X(8) VALUE X"98999A9B14159E1A".
           05  FILLER PIC X(8) VALUE X"20A0E2E4E0E1E3E5".
           05  FILLER PIC X(8) VALUE X"E7F1A22E3C282B7C".
           05  FILLER PIC X(8) VALUE X"26E9EAEBE8EDEEEF".
           05  FILLER PIC X(8) VALUE X"ECDF21242A293BAC".
           05  FILLER PIC X(8) VALUE X"2D2FC2C4C0C1C3C5".
           05  FILLER PIC X(8) VALUE X"C7D1A62C255F3E3F".
           05  FILLER PIC X(8) VALUE X"F8C9CACBC8CDCECF".
           05  FILLER PIC X(8) VALUE X"CC603A2340273D22".
           05  FILLER PIC X(8) VALUE X"D861626364656667".
           05  FILLER PIC X(8) VALUE X"6869ABBBF0FDFEB1".
           05  FILLER PIC X(8) VALUE X"B06A6B6C6D6E6F70".
           05  FILLER PIC X(8) VALUE X"7172AABAE6B8C6A4".
           05  FILLER PIC X(8) VALUE X"B57E737475767778".
           05  FILLER PIC X(8) VALUE X"797AA1BFD0DDDEAE".
           05  FILLER PIC X(8) VALUE X"5EA3A5B7A9A7B6BC".
           05  FILLER PIC X(8) VALUE X"BDBE5B5DAFA8B4D7".
           05  FILLER PIC X(8) VALUE X"7B41424344454647".
           05  FILLER PIC X(8) VALUE X"4849ADF4F6F2F3F5".
           05  FILLER PIC X(8) VALUE X"7D4A4B4C4D4E4F50".
           05  FILLER PIC X(8) VALUE X"5152B9FBFCF9FAFF".
           05  FILLER PIC X(8) VALUE X"5CF7535455565758".
           05  FILLER PIC X(8) VALUE X"595AB2D4D6D2D3D5".
           05  FILLER PIC X(8) VALUE X"3031323334353637".
           05  FILLER PIC X(8) VALUE X"3839B3DBDCD9DA9F".
       01  CSV-LINE.
           05  C-ACCT-ID            PIC Z(9)9.
           05  FILLER               PIC X VALUE ",".
           05  C-CUST-NAME          PIC X(30).
           05  FILLER               PIC X VALUE ",".
           05  C-ADDR-LINE          PIC X(40).
           05  FILLER               PIC X VALUE ",".
           05  C-CITY               PIC X(20).
           05  FILLER               PIC X VALUE ",".
           05  C-STATE              PIC XX.
           05  FILLER               PIC X VALUE ",".
           05  C-ZIP                PIC 9(5).
           05  FILLER               PIC X VALUE ",".
           05  C-OPEN-DATE          PIC 9(8).
           05  FILLER               PIC X VALUE ",".
           05  C-STATUS-CODE        PIC X.
           05  FILLER               PIC X VALUE ",".
           05  C-BALANCE            PIC -(9)9.99.
           05  FILLER               PIC X VALUE ",".
           05  C-CREDIT-LIMIT       PIC -(7)9.99.
           05  FILLER               PIC X VALUE ",".
           05  C-TXN-COUNT          PIC -(9)9.
           05  FILLER               PIC X VALUE ",".
           05  C-BRANCH             PIC -(4)9.
           05  FILLER               PIC X VALUE ",".
           05  C-RATE               PIC -(3)9.9(4).
           05  FILLER               PIC X VALUE ",".
           05  C-LAST-AMOUNT        PIC -(7)9.99.
           05  C-MONTH-CELL         OCCURS 12.
               10  FILLER           PIC X VALUE ",".
               10  C-MONTHLY        PIC -(7)9.99.
           05  FILLER               PIC X VALUE ",".
           05  C-NOTES              PIC X(50).
           05  FILLER               PIC X VALUE ",".
           05  C-EMAIL              PIC X(40).
       01  M                        PIC 99 COMP.
       PROCEDURE DIVISION.
       MAIN-LINE.
           OPEN INPUT IN-FILE
           IF NOT IN-OK
               DISPLAY "UNLOAD: cannot open INFILE, status " IN-STATUS
                   UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           OPEN OUTPUT OUT-FILE
           IF OUT-STATUS NOT = "00"
               DISPLAY "UNLOAD: cannot open OUTFILE, status "
                   OUT-STATUS UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           PERFORM UNTIL NOT IN-OK
               READ IN-FILE
               IF IN-OK
                   PERFORM UNLOAD-ONE
               END-IF
           END-PERFORM
           IF NOT IN-END
      *        A short last record or a read error: say so, fail.
               DISPLAY "UNLOAD: read status " IN-STATUS " after "
                   RECORD-COUNT " records" UPON SYSERR
               MOVE 1 TO RETURN-CODE
           END-IF
           CLOSE IN-FILE OUT-FILE
           STOP RUN.
       UNLOAD-ONE.
      * cobc -D NO-TRANSLATE leaves the bytes as they are: the text and
      * zoned signs come out wrong, but it times the rest of the unload
      * (GnuCOBOL 3.1 INSPECT CONVERTING scans the 256-byte table for
      * every call, and is most of this program's time).
       >>IF NO-TRANSLATE IS NOT DEFINED
           INSPECT CHAR-AREA-1 CONVERTING EBCDIC-BYTES TO ASCII-BYTES
           INSPECT CHAR-AREA-2 CONVERTING EBCDIC-BYTES TO ASCII-BYTES
           INSPECT CHAR-AREA-3 CONVERTING EBCDIC-BYTES TO ASCII-BYTES
       >>END-IF
           MOVE ACCT-ID      TO C-ACCT-ID
           MOVE CUST-NAME    TO C-CUST-NAME
           MOVE ADDR-LINE    TO C-ADDR-LINE
           MOVE CITY         TO C-CITY
           MOVE STATE        TO C-STATE
           MOVE ZIP          TO C-ZIP
           MOVE OPEN-DATE    TO C-OPEN-DATE
           MOVE STATUS-CODE  TO C-STATUS-CODE
           MOVE BALANCE      TO C-BALANCE
           MOVE CREDIT-LIMIT TO C-CREDIT-LIMIT
           MOVE TXN-COUNT    TO C-TXN-COUNT
           MOVE BRANCH       TO C-BRANCH
           MOVE RATE         TO C-RATE
           MOVE LAST-AMOUNT  TO C-LAST-AMOUNT
           PERFORM VARYING M FROM 1 BY 1 UNTIL M > 12
               MOVE MONTHLY (M) TO C-MONTHLY (M)
           END-PERFORM
           MOVE NOTES        TO C-NOTES
           MOVE EMAIL        TO C-EMAIL
           WRITE OUT-LINE FROM CSV-LINE
           IF OUT-STATUS NOT = "00"
               DISPLAY "UNLOAD: write status " OUT-STATUS UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           ADD 1 TO RECORD-COUNT.
