      * CLAIM HEADER MEMBER FOR THE COPY-REPLACING CASES
           05  CLM-HDR.
               10  CLM-REF                 PIC X(12).
               10  CLM-TYPE                PIC XX.
