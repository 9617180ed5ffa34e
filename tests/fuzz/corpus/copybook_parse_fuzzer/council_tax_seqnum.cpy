000100* COUNCIL TAX ACCOUNT - BILLING EXTRACT  (CTAX-BILL)              CTX0419A
000200* CHANGE LOG:  2019-04 ADDED DISCOUNT TABLE   JRH                 JRH 2019
000300 01  CTAX-ACCOUNT-REC.                                            PIC 9(9)
000400     05  CTAX-ACCOUNT-NO             PIC 9(9).                    05 X. 01
000500     05  CTAX-PROPERTY-REF           PIC X(12).                   CHG12345
000600     05  CTAX-BAND                   PIC X.                       CTX0419A
000700         88  CTAX-BAND-VALID         VALUE 'A' THRU 'H'.          JRH 2019
000800     05  CTAX-LIABLE-PARTY.                                       PIC 9(9)
000900         10  CTAX-TITLE              PIC X(4).                    05 X. 01
001000         10  CTAX-SURNAME            PIC X(30).                   CHG12345
001100         10  CTAX-FORENAME           PIC X(20).                   CTX0419A
001200     05  CTAX-ANNUAL-CHARGE          PIC S9(5)V99 COMP-3.         JRH 2019
001300     05  CTAX-DISCOUNTS.                                          PIC 9(9)
001400         10  CTAX-DISCOUNT           OCCURS 4 TIMES.              05 X. 01
001500             15  CTAX-DISC-CODE      PIC XX.                      CHG12345
001600             15  CTAX-DISC-PCT       PIC 9V99.                    CTX0419A
001700     05  CTAX-INSTALMENTS            PIC 99.                      JRH 2019
001800     05  CTAX-BALANCE                PIC S9(5)V99                 PIC 9(9)
001900                                     SIGN TRAILING SEPARATE.      05 X. 01
