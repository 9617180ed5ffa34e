      *----------------------------------------------------------------*
      * LAND TRANSACTION TAX RETURN (WALES) - VARIABLE LENGTH (VB)     *
      * ONE RETURN PER LAND TRANSACTION; 1 TO 4 BUYERS, COUNTED BY     *
      * LT-BUYER-COUNT. TEXT IS WELSH, CCSID 1146 (UK EBCDIC WITH      *
      * THE EURO), SO NOTES CAN HOLD POUND AND EURO AMOUNTS.           *
      *----------------------------------------------------------------*
       01  LTT-RETURN.
           05  LT-RETURN-REF           PIC X(12).
           05  LT-EFFECTIVE-DATE       PIC 9(8).
           05  LT-PROPERTY-TYPE        PIC X.
               88  LT-RESIDENTIAL      VALUE 'R'.
               88  LT-NON-RESIDENTIAL  VALUE 'N'.
           05  LT-HIGHER-RATES         PIC X.
           05  LT-CONSIDERATION        PIC S9(11)V99 COMP-3.
           05  LT-TAX-DUE              PIC S9(9)V99 COMP-3.
           05  LT-AUTHORITY            PIC X(24).
           05  LT-PROPERTY-ADDRESS     PIC X(50).
           05  LT-NOTE                 PIC X(40).
           05  LT-BUYER-COUNT          PIC 9(2).
           05  LT-BUYER                OCCURS 1 TO 4 TIMES
                                       DEPENDING ON LT-BUYER-COUNT.
               10  LT-BUYER-NAME       PIC X(30).
               10  LT-BUYER-SHARE      PIC S9(3)V99 COMP-3.
