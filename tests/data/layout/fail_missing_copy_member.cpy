      * COPY OF A MEMBER THAT IS NOT IN ANY COPY LIBRARY
       01  EMP-REC.
           05  EMP-ID                      PIC X(8).
           COPY EMPNOSUCH.
           05  EMP-NAME                    PIC X(30).
