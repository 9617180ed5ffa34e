      * ENTRY NOT CLOSED BY A PERIOD BEFORE THE NEXT LEVEL NUMBER
       01  PER-REC.
           05  PER-ID                      PIC X(6)
           05  PER-NAME                    PIC X(30).
