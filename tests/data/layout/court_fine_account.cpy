      * MAGISTRATES COURT FINE ACCOUNT - IMPOSITIONS AND PAYMENT PLAN
       01  CFA-ACCOUNT-REC.
           05  CFA-ACCOUNT-NO              PIC X(12).
           05  CFA-COURT-CODE              PIC X(4).
           05  CFA-DEFENDANT.
               10  CFA-DEF-NAME            PIC X(40).
               10  CFA-DEF-DOB             PIC 9(8).
               10  CFA-DEF-DOB-R REDEFINES CFA-DEF-DOB.
                   15  CFA-DOB-CCYY        PIC 9(4).
                   15  CFA-DOB-MMDD        PIC 9(4).
           05  CFA-IMPOSITION-COUNT        PIC 9(2).
           05  CFA-PLAN-TYPE               PIC X.
               88  CFA-LUMP-SUM            VALUE 'L'.
               88  CFA-INSTALMENTS         VALUE 'I'.
               88  CFA-ATTACHMENT          VALUES 'A' 'B'.
           05  CFA-PLAN-DETAIL.
               10  CFA-INSTALMENT-AMT      PIC S9(5)V99 COMP-3.
               10  CFA-FREQUENCY           PIC X.
           05  CFA-AEO-DETAIL REDEFINES CFA-PLAN-DETAIL.
               10  CFA-EMPLOYER-REF        PIC X(5).
           05  CFA-BALANCE                 PIC S9(7)V99 COMP-3.
           05  CFA-IMPOSITION OCCURS 1 TO 30 TIMES
                   DEPENDING ON CFA-IMPOSITION-COUNT.
               10  CFA-IMP-TYPE            PIC X(3).
                   88  CFA-FINE            VALUE 'FIN'.
                   88  CFA-COSTS           VALUE 'FCO'.
                   88  CFA-COMPENSATION    VALUE 'FCM'.
               10  CFA-IMP-AMOUNT          PIC S9(7)V99 COMP-3.
               10  CFA-IMP-PAID            PIC S9(7)V99 COMP-3.
               10  CFA-IMP-DATE            PIC 9(8).
