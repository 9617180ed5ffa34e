      * PAYROLL DEDUCTIONS BLOCK - COPIES THE DEDUCTION ITEM MEMBER
           05  DED-COUNT                   PIC 99.
           05  DED-ITEMS.
               COPY DEDITEM.
           05  DED-TOTAL                   PIC S9(7)V99 COMP-3.
