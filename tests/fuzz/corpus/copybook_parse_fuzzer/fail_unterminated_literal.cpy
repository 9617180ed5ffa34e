      * VALUE LITERAL WITHOUT ITS CLOSING QUOTE
       01  MSG-REC.
           05  MSG-CODE                    PIC X(4) VALUE 'E001.
           05  MSG-TEXT                    PIC X(40).
