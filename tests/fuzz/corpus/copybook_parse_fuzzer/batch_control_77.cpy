      * BATCH CONTROL TOTALS FOR THE NIGHTLY BENEFIT PAYMENT RUN
       77  BCT-RUN-DATE                    PIC 9(8).
       77  BCT-RECORD-COUNT                PIC S9(9) COMP.
       77  BCT-HASH-TOTAL                  PIC S9(13)V99 COMP-3.
       01  BCT-TRAILER.
           05  BCT-TRAILER-ID              PIC X(3) VALUE 'TRL'.
           05  BCT-TRAILER-COUNT           PIC 9(9).
           05  BCT-TRAILER-AMOUNT          PIC S9(13)V99.
       77  BCT-ABEND-CODE                  PIC X(4) VALUE SPACES.
