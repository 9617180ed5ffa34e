      * OVERSEAS PENSIONER ADDRESS - PIC N WITHOUT A USAGE CLAUSE
       01  OPA-ADDRESS-REC.
           05  OPA-PENSIONER-REF           PIC X(9).
           05  OPA-COUNTRY-CODE            PIC XX.
           05  OPA-ADDRESS-LINE            PIC N(30) OCCURS 5.
           05  OPA-POSTAL-CODE             PIC N(10).
           05  OPA-VERIFIED                PIC X.
