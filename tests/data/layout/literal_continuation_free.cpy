*> Appeal letter texts - free format, literals continued across lines
01 APL-LETTER-REC.
   05 APL-LETTER-ID        PIC X(8) VALUE "APL00001".
   05 APL-OPENING          PIC X(70) VALUE "WE HAVE RECEIVED YOUR APPEAL AND "-
      "WILL WRITE TO YOU AGAIN".
   05 APL-CLOSING          PIC X(40) VALUE 'YOURS '-

      'SINCERELY'.
   05 APL-DEADLINE         PIC 9(8).
