      * A WORD THAT IS NOT A DATA DESCRIPTION CLAUSE
       01  UNK-REC.
           05  UNK-ID                      PIC X(6) INDEXED.
           05  UNK-NAME                    PIC X(30).
