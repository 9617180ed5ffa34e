*> A member in free format, copied into a fixed-format copybook.
05 FREE-A PIC X(2).
   05 FREE-B PIC 9(4) *> trailing comment
      COMP.
