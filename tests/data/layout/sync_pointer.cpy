      * CASE WORK QUEUE ANCHOR - SYNCHRONIZED POINTER AND INDEX ITEMS
       01  CWQ-ANCHOR.
           05  CWQ-QUEUE-NAME              PIC X(7).
           05  CWQ-FIRST-ITEM              USAGE POINTER SYNC.
           05  CWQ-PRIORITY                PIC X.
           05  CWQ-LAST-ITEM               POINTER SYNCHRONIZED.
           05  CWQ-DEPTH                   PIC S9(4) COMP SYNC.
           05  CWQ-CURSOR                  USAGE INDEX SYNC.
