      * STATUS FLAG WITH A CONDITION NAME BUT NO VALUE
       01  STS-REC.
           05  STS-FLAG                    PIC X.
               88  STS-ACTIVE              VALUE 'A'.
               88  STS-CLOSED.
           05  STS-DATE                    PIC 9(8).
