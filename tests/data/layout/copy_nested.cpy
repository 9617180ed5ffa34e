      * MONTHLY PAYSLIP - NESTED COPY (DEDUCT COPIES DEDITEM)
       01  PSL-PAYSLIP-REC.
           05  PSL-EMPLOYEE-ID             PIC X(8).
           05  PSL-PERIOD                  PIC 9(6).
           05  PSL-GROSS                   PIC S9(7)V99 COMP-3.
           COPY DEDUCT.
           05  PSL-NET                     PIC S9(7)V99 COMP-3.
       01  PSL-HEADER.
           COPY CLMHDR.
           05  PSL-HDR-DATE                PIC 9(8).
