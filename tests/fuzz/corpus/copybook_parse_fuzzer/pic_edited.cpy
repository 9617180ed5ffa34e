      * BENEFIT STATEMENT PRINT LINE - EDITED PICTURES
       01  BSP-PRINT-LINE.
           05  BSP-CC                      PIC X.
           05  BSP-AMOUNT-Z                PIC ZZ,ZZ9.99.
           05  BSP-AMOUNT-STAR             PIC **,**9.99.
           05  BSP-AMOUNT-CR               PIC Z,ZZ9.99CR.
           05  BSP-AMOUNT-DB               PIC Z,ZZ9.99DB.
           05  BSP-AMOUNT-PLUS             PIC +ZZZ9.99.
           05  BSP-AMOUNT-MINUS            PIC ZZZ9.99-.
           05  BSP-FLOAT-PLUS              PIC ++++9.
           05  BSP-FLOAT-MINUS             PIC ----9.99.
           05  BSP-CURRENCY                PIC $$,$$$,$$9.99.
           05  BSP-FIXED-CURRENCY          PIC $ZZZ,ZZ9.
           05  BSP-DATE-SLASH              PIC 99/99/9999.
           05  BSP-BLANK-INSERT            PIC 999B999B999.
           05  BSP-ZERO-INSERT             PIC 9(3)000.
           05  BSP-ALL-ZERO-SUPP           PIC ZZZZZ.
           05  BSP-ALPHA-EDIT              PIC XXBXXBXX.
           05  BSP-ALPHA-SLASH             PIC X(2)/X(2)/X(4).
           05  BSP-ALPHA-ZERO              PIC X(3)0X(3).
           05  BSP-NUM-EDIT-P              PIC ZZ9PP.
           05  BSP-NEG-PAREN-LIKE          PIC -(6)9.
           05  BSP-STAR-ONLY               PIC *(8).
           05  BSP-EXT-FLOAT               PIC +9.9(8)E+99.
