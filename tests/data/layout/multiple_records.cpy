      * HOUSING BENEFIT EXTRACT - HEADER, DETAIL AND TRAILER RECORDS
       01  HBX-HEADER.
           05  HBX-H-TYPE                  PIC X.
           05  HBX-H-COUNCIL-CODE          PIC X(4).
           05  HBX-H-EXTRACT-DATE          PIC 9(8).
           05  FILLER                      PIC X(87).
       01  HBX-DETAIL.
           05  HBX-D-TYPE                  PIC X.
           05  HBX-D-CLAIM-REF             PIC X(10).
           05  HBX-D-TENANT.
               10  HBX-D-NAME              PIC X(40).
               10  HBX-D-NINO              PIC X(9).
           05  HBX-D-WEEKLY-HB             PIC S9(5)V99 COMP-3.
           05  HBX-D-START                 PIC 9(8).
           05  FILLER                      PIC X(28).
       01  HBX-TRAILER.
           05  HBX-T-TYPE                  PIC X.
           05  HBX-T-COUNT                 PIC 9(9).
           05  HBX-T-TOTAL                 PIC S9(13)V99.
           05  FILLER                      PIC X(75).
