      * CASE MANAGEMENT CONTROL BLOCK - POINTER AND INDEX ITEMS
       01  CMS-CONTROL-BLOCK.
           05  CMS-EYECATCHER              PIC X(8).
           05  CMS-NEXT-BLOCK              USAGE POINTER.
           05  CMS-PREV-BLOCK              POINTER.
           05  CMS-CASE-IX                 USAGE INDEX.
           05  CMS-ENTRY-COUNT             PIC S9(8) COMP.
           05  CMS-WORK-IX                 INDEX.
           05  CMS-STATUS                  PIC X(2).
