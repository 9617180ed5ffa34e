*> Universal benefit claim - free format copybook (GnuCOBOL / Enterprise COBOL 6 style)
01 BEN-CLAIM-REC.
   05 BEN-CLAIM-ID          PIC X(12).             *> claim reference
   05 BEN-CLAIMANT.
      10 BEN-NINO           PIC X(9).
      10 BEN-DOB            PIC 9(8).
      10 BEN-POSTCODE       PIC X(8).
   05 BEN-CLAIM-TYPE        PIC XX.
      88 BEN-HOUSING        VALUE 'HB'.
      88 BEN-CHILD          VALUE 'CB'.
      88 BEN-DISABILITY     VALUES 'PI' 'DL' 'AA'.
   05 BEN-WEEKLY-AMOUNT     PIC S9(5)V99 COMP-3.
   05 BEN-START-DATE        PIC 9(8).
   05 BEN-END-DATE          PIC 9(8).
   *> dependants are always sent, unused entries are spaces
   05 BEN-DEPENDANT OCCURS 6 TIMES.
      10 BEN-DEP-NAME       PIC X(25).
      10 BEN-DEP-DOB        PIC 9(8).
      10 BEN-DEP-RELATION   PIC X.
   05 BEN-LAST-PAID         PIC S9(7)V99 COMP-3.
