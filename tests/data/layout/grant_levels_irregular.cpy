      * HARDSHIP GRANT APPLICATION - LEVEL NUMBERS AS FOUND IN OLD CODE
       1   GRANT-APPLICATION.
           3   GRANT-APP-NO                PIC 9(8).
           3   GRANT-APPLICANT.
               7   GRANT-NAME              PIC X(35).
               7   GRANT-ADDRESS.
                   15  GRANT-ADDR-LINE     PIC X(30) OCCURS 4.
                   15  GRANT-POSTCODE      PIC X(8).
               07  GRANT-PHONE             PIC X(15).
           3   GRANT-AMOUNT-REQ            PIC 9(5)V99.
           03  GRANT-AMOUNT-AWARDED        PIC 9(5)V99.
           3   GRANT-DECISION.
             49  GRANT-DECISION-CODE       PIC X(2).
             49  GRANT-DECISION-DATE       PIC 9(8).
           3   GRANT-OFFICER               PIC X(8).
