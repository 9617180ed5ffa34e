      * TAX CREDIT PAYMENT ELEMENT - SEVERAL VIEWS OF THE SAME BYTES
       01  TCP-ELEMENT-REC.
           05  TCP-ELEMENT-TYPE            PIC X.
               88  TCP-CHILD-ELEMENT       VALUE 'C'.
               88  TCP-WORKING-ELEMENT     VALUE 'W'.
               88  TCP-DISABILITY-ELEMENT  VALUE 'D'.
           05  TCP-ELEMENT-DATA            PIC X(30).
           05  TCP-CHILD-VIEW REDEFINES TCP-ELEMENT-DATA.
               10  TCP-CHILD-DOB           PIC 9(8).
               10  TCP-CHILD-RATE          PIC S9(5)V99 COMP-3.
               10  TCP-CHILD-DISABLED      PIC X.
           05  TCP-WORKING-VIEW REDEFINES TCP-ELEMENT-DATA.
               10  TCP-HOURS               PIC 99V9.
               10  TCP-CHILDCARE-COSTS     PIC S9(5)V99 COMP-3
                                           OCCURS 4.
           05  TCP-DISABILITY-VIEW REDEFINES TCP-ELEMENT-DATA.
               10  TCP-DIS-CODE            PIC X(4).
               10  FILLER                  PIC X(4).
               10  TCP-DIS-SEVERE          PIC X.
           05  TCP-AMOUNT                  PIC S9(7)V99 COMP-3.
           05  TCP-AMOUNT-PENCE REDEFINES TCP-AMOUNT
                                           PIC S9(9) COMP-3.
