      * PROPERTY VALUATION NOTICE - REDEFINES OF GROUPS, SMALLER AND LARGER
       01  PVN-NOTICE-REC.
           05  PVN-NOTICE-TYPE             PIC X.
           05  PVN-DOMESTIC.
               10  PVN-UPRN                PIC 9(12).
               10  PVN-BAND                PIC X.
               10  PVN-VALUE-1991          PIC 9(7).
           05  PVN-NON-DOMESTIC REDEFINES PVN-DOMESTIC.
               10  PVN-BA-REF              PIC X(10).
               10  PVN-RATEABLE-VALUE      PIC S9(9) COMP-3.
               10  PVN-SCAT-CODE           PIC X(4).
               10  PVN-EFFECTIVE-DATE      PIC 9(8).
           05  PVN-SHORT-VIEW REDEFINES PVN-DOMESTIC.
               10  PVN-SHORT-KEY           PIC X(5).
           05  PVN-APPEAL-STATUS           PIC X(2).
           05  PVN-TAIL.
               10  PVN-TAIL-A              PIC X(3).
               10  PVN-TAIL-B              PIC X(3).
           05  PVN-TAIL-AS-ONE REDEFINES PVN-TAIL PIC X(6).
       01  PVN-RAW-NOTICE REDEFINES PVN-NOTICE-REC PIC X(40).
