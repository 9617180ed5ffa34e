      * PENSION CONTRIBUTION RECORD WITH FLOATING COMMENTS
       01  PEN-CONTRIB-REC.                            *> layout v3
           05  PEN-SCHEME-ID      PIC X(6).            *> scheme
           05  PEN-MEMBER-NO      PIC 9(10).  *> member
      *    05  PEN-OLD-FIELD      PIC X(99).
           05  PEN-PERIOD         PIC 9(6).   *> CCYYMM
           05  PEN-EE-CONTRIB     PIC S9(7)V99 COMP-3. *> employee
           05  PEN-ER-CONTRIB     PIC S9(7)V99 COMP-3. *> employer
      /    NEW PAGE IN THE LISTING
           05  PEN-AVC            PIC S9(5)V99 COMP-3.
           05  PEN-FLAGS          PIC X(4). *> . not a period end
