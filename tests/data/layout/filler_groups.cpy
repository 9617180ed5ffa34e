      * LAND CHARGE SEARCH RESULT - NAMED ITEMS UNDER FILLER GROUPS
       01  LCS-RESULT-REC.
           05  LCS-SEARCH-NO               PIC 9(10).
           05  FILLER.
               10  LCS-PARCEL-ID           PIC X(12).
               10  FILLER                  PIC X(3).
               10  LCS-CHARGE-COUNT        PIC 9(3).
           05  FILLER                      PIC X(5).
           05  LCS-CHARGES.
               10  FILLER OCCURS 5.
                   15  LCS-CHARGE-TYPE     PIC X(2).
                   15  LCS-CHARGE-DATE     PIC 9(8).
           05  LCS-END                     PIC X.
