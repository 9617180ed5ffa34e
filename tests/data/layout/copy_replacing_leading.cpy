      * GRANT PAYMENT AUDIT TRAIL - COPY REPLACING LEADING AND TRAILING
       01  GPA-AUDIT-REC.
           05  GPA-PAYMENT-ID              PIC X(16).
           COPY AUDITFLD REPLACING LEADING ==WS-== BY ==GPA-==
                                   TRAILING ==-WS== BY ==-GPA==.
           05  GPA-CHECKSUM                PIC X(8).
