      * 100 * 9999999 BYTES FIT IN IBM'S 999,999,999-BYTE LIMIT; THE 101 AFTER DO NOT
       01  LONG-REC.
           05  LONG-T OCCURS 100 TIMES.
               10  LONG-AREA           PIC X(9999999).
           05  LONG-MORE               PIC X(101).
