      * NATIONAL INSURANCE CONTRIBUTION SUMMARY - GROUP LEVEL USAGE
       01  NIC-SUMMARY-REC.
           05  NIC-NINO                    PIC X(9).
           05  NIC-CLASS1-TOTALS           USAGE COMP-3.
               10  NIC-EE-PRIMARY          PIC S9(7)V99.
               10  NIC-ER-SECONDARY        PIC S9(7)V99.
               10  NIC-WEEKS               PIC S9(3).
           05  NIC-COUNTERS                COMP.
               10  NIC-PERIODS             PIC S9(4).
               10  NIC-EMPLOYMENTS         PIC S9(9).
               10  NIC-LATE-PERIODS        PIC S9(4) OCCURS 3.
           05  NIC-CLASS4 USAGE IS PACKED-DECIMAL.
               10  NIC-PROFITS             PIC S9(9)V99.
               10  NIC-CLASS4-SUB.
                   15  NIC-MAIN-RATE-AMT   PIC S9(7)V99.
                   15  NIC-ADD-RATE-AMT    PIC S9(7)V99.
           05  NIC-TRAILER                 PIC X(4).
