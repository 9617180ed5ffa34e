*> Reminder text - free format, the last line asks for a continuation
01 RMD-TEXT-REC.
   05 RMD-CODE PIC X(4) VALUE "R001".
   05 RMD-TEXT PIC X(30) VALUE "PLEASE REPLY"-
