      * EXIT ROUTINES - POINTER, PROCEDURE-POINTER, FUNCTION-POINTER
       01  EXT-ROUTINE-TABLE.
           05  EXT-TABLE-NAME              PIC X(8).
           05  EXT-ANCHOR                  USAGE POINTER.
           05  EXT-ENTRY OCCURS 3.
               10  EXT-ROUTINE             USAGE PROCEDURE-POINTER.
               10  EXT-FUNCTION            USAGE IS FUNCTION-POINTER.
               10  EXT-FLAGS               PIC X(2).
           05  EXT-DEFAULT                 PROCEDURE-POINTER.
           05  EXT-COUNT                   PIC S9(4) COMP.
