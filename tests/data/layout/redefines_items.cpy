      * DISABILITY ASSESSMENT OUTCOME - REDEFINES OF ELEMENTARY ITEMS
       01  DAO-OUTCOME-REC.
           05  DAO-ASSESSMENT-ID           PIC X(10).
           05  DAO-SCORE                   PIC 9(3).
           05  DAO-SCORE-X REDEFINES DAO-SCORE
                                           PIC X(3).
           05  DAO-DECISION-DATE           PIC 9(8).
           05  DAO-DECISION-PARTS REDEFINES DAO-DECISION-DATE.
               10  DAO-DEC-CCYY            PIC 9(4).
               10  DAO-DEC-MM              PIC 99.
               10  DAO-DEC-DD              PIC 99.
           05  DAO-AWARD-AMT               PIC S9(5)V99 COMP-3.
           05  DAO-AWARD-SHORT REDEFINES DAO-AWARD-AMT
                                           PIC X(2).
           05  DAO-AWARD-LONG REDEFINES DAO-AWARD-AMT
                                           PIC X(7).
           05  DAO-ASSESSOR                PIC X(6).
