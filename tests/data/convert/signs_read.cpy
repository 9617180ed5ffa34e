      * SIGNED PRINT FIELDS; SGN-OVERPUNCH IS COBRIX'S EXPLICIT-POINT S9(3).99
      * (NOT IBM: READ WITH --cobrix)
       01  SGN-REC.
           05  SGN-ID                      PIC X(2).
           05  SGN-LEAD-PLUS               PIC +9(8).
           05  SGN-TRAIL-PLUS              PIC 9(8)+.
           05  SGN-LEAD-MINUS              PIC -9(8).
           05  SGN-TRAIL-MINUS             PIC Z(8)-.
           05  SGN-DEC-MINUS               PIC Z(6)VZZ-.
           05  SGN-POINT-MINUS             PIC 9(6).99-.
           05  SGN-CREDIT                  PIC ZZ,ZZ9.99CR.
           05  SGN-DEBIT                   PIC ZZ,ZZ9.99DB.
           05  SGN-FLOAT-MINUS             PIC ----9.99.
           05  SGN-OVERPUNCH               PIC S9(3).99.
