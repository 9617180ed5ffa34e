      * GROUP ITEM GIVEN A PICTURE BY MISTAKE
       01  ADR-REC.
           05  ADR-LINES                   PIC X(70).
               10  ADR-LINE-1              PIC X(35).
               10  ADR-LINE-2              PIC X(35).
           05  ADR-POSTCODE                PIC X(8).
