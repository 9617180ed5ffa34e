      * RENAMES OF AN ITEM THAT IS NOT IN THE RECORD
       01  REN-REC.
           05  REN-A                       PIC X(4).
           05  REN-B                       PIC X(4).
       66  REN-AB RENAMES REN-A THRU REN-C.
