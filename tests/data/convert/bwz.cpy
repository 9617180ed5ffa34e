      * PAYSLIP PRINT LINE - BLANK WHEN ZERO ON NUMERIC AND EDITED ITEMS
      * (NO V WITH IT: COBC 3.1 GIVES V A BYTE THERE, IBM DOES NOT)
       01  BWZ-REC.
           05  BWZ-ID                      PIC X(2).
           05  BWZ-COUNT                   PIC 9(4) BLANK WHEN ZERO.
           05  BWZ-AMOUNT                  PIC 9(7) BLANK ZERO.
           05  BWZ-EDITED                  PIC ZZ9.99 BLANK WHEN ZEROS.
