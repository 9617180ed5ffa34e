      * CLAIM RECORD REDEFINING AN ITEM THAT DOES NOT EXIST
       01  CLM-REC.
           05  CLM-ID                      PIC X(10).
           05  CLM-DATE                    PIC 9(8).
           05  CLM-DATE-X REDEFINES CLM-DATES PIC X(8).
