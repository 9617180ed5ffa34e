       IDENTIFICATION DIVISION.
       PROGRAM-ID. MIXEDW.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "mixed.dat"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       COPY "mixed.cpy".
       PROCEDURE DIVISION.
           OPEN OUTPUT OUT-FILE.
           MOVE "ALPHA" TO M-NAME.
           MOVE 12345 TO M-UNS.
           MOVE -1234 TO M-TRAIL.
           MOVE -12 TO M-LEAD.
           MOVE 7 TO M-LSEP.
           MOVE -45.6 TO M-TSEP.
           MOVE -1234567.89 TO M-PACK.
           MOVE 42 TO M-UPACK.
           MOVE -300 TO M-BIN.
           MOVE 12345.67 TO M-BIN4.
           MOVE -123456789 TO M-C5.
           MOVE "AA" TO M-CODE(1). MOVE 1 TO M-AMT(1).
           MOVE "BB" TO M-CODE(2). MOVE -22 TO M-AMT(2).
           MOVE "CC" TO M-CODE(3). MOVE 333 TO M-AMT(3).
           WRITE MIXED-REC.
           MOVE "Z Y" TO M-NAME.
           MOVE 0 TO M-UNS.
           MOVE 99999 TO M-TRAIL.
           MOVE 5 TO M-LEAD.
           MOVE -999 TO M-LSEP.
           MOVE 0.1 TO M-TSEP.
           MOVE 0 TO M-PACK.
           MOVE 9999 TO M-UPACK.
           MOVE 9999 TO M-BIN.
           MOVE -0.01 TO M-BIN4.
           MOVE 1 TO M-C5.
           MOVE "X" TO M-CODE(1). MOVE -999 TO M-AMT(1).
           MOVE SPACES TO M-CODE(2). MOVE 0 TO M-AMT(2).
           MOVE "QQ" TO M-CODE(3). MOVE 999 TO M-AMT(3).
           WRITE MIXED-REC.
           CLOSE OUT-FILE.
           STOP RUN.
