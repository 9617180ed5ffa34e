      * PENSION CREDIT AWARD - A REDEFINES OF AN ITEM THAT ITSELF REDEFINES
      * (IBM accepts C REDEFINES B, B REDEFINES A: C is laid out at A)
       01  PCA-AWARD-REC.
           05  PCA-AWARD-ID                PIC X(10).
           05  PCA-AWARD-DATA              PIC X(24).
           05  PCA-GUARANTEE-VIEW REDEFINES PCA-AWARD-DATA.
               10  PCA-GC-AMOUNT           PIC S9(7)V99 COMP-3.
               10  PCA-GC-START            PIC 9(8).
           05  PCA-SAVINGS-VIEW REDEFINES PCA-GUARANTEE-VIEW.
               10  PCA-SC-AMOUNT           PIC S9(5)V99 COMP-3.
               10  PCA-SC-WEEKS            PIC 9(3).
               10  PCA-SC-NOTE             PIC X(30).
           05  PCA-TEXT-VIEW REDEFINES PCA-SAVINGS-VIEW PIC X(12).
           05  PCA-AWARD-STATUS            PIC X.
