      * CARER ALLOWANCE CLAIM - COPY WITH PSEUDO-TEXT REPLACING
       01  CAR-CLAIM-REC.
           05  CAR-CLAIM-ID                PIC X(10).
           05  CAR-CARER.
               COPY ADDRBLK REPLACING ==:PFX:== BY ==CARER==.
           05  CAR-CARED-FOR.
               COPY ADDRBLK REPLACING ==:PFX:== BY ==CARED==.
           05  CAR-HOURS-PER-WEEK          PIC 99.
