      * JOBSEEKER ALLOWANCE SIGNING DIARY - SYNC ITEMS INSIDE TABLES
       01  JSA-DIARY-REC.
           05  JSA-CLAIM-ID                PIC X(9).
           05  JSA-SIGNING OCCURS 4 TIMES.
               10  JSA-SIGN-CODE           PIC X.
               10  JSA-SIGN-DAY            PIC S9(4) COMP SYNC.
               10  JSA-SIGN-MINUTES        PIC S9(9) COMP SYNC.
               10  JSA-SIGN-NOTE           PIC X(3).
           05  JSA-TOTAL-SIGNINGS          PIC S9(4) COMP SYNC.
           05  JSA-RATES OCCURS 3.
               10  JSA-RATE-BAND           PIC X.
               10  JSA-RATE                COMP-2 SYNC.
