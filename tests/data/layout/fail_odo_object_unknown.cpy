      * TABLE WHOSE DEPENDING ON OBJECT IS NOT DEFINED
       01  ODO-REC.
           05  ODO-COUNT                   PIC 99.
           05  ODO-ITEM OCCURS 1 TO 10 TIMES
                   DEPENDING ON ODO-CNT.
               10  ODO-VALUE               PIC X(5).
