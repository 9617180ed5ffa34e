      * ACTUARIAL VALUATION FACTORS - HEXADECIMAL FLOATING POINT
       01  ACT-FACTOR-REC.
           05  ACT-TABLE-ID                PIC X(4).
           05  ACT-MORTALITY-RATE          COMP-1.
           05  ACT-DISCOUNT-RATE           USAGE COMP-2.
           05  ACT-FACTORS                 COMPUTATIONAL-1 OCCURS 5.
           05  ACT-CUMULATIVE              USAGE IS COMPUTATIONAL-2.
           05  ACT-FLAG                    PIC X.
           05  ACT-LIFE-EXPECTANCY         COMP-2.
