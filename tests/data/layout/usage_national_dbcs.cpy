      * MULTILINGUAL CORRESPONDENCE RECORD - NATIONAL AND DBCS TEXT
       01  MLC-LETTER-REC.
           05  MLC-LETTER-ID               PIC X(10).
           05  MLC-LANG                    PIC XX.
           05  MLC-NAME-NATIONAL           PIC N(20) USAGE NATIONAL.
           05  MLC-ADDR-NATIONAL           PIC N(35) NATIONAL.
           05  MLC-NAME-DBCS               PIC G(20) USAGE DISPLAY-1.
           05  MLC-NOTE-DBCS               PIC G(10) DISPLAY-1.
           05  MLC-N-AS-DBCS               PIC N(5)  USAGE DISPLAY-1.
           05  MLC-REF                     PIC X(8).
