      * STANDARD POSTAL ADDRESS BLOCK - :PFX: IS REPLACED BY THE CALLER
           10  :PFX:-ADDRESS.
               15  :PFX:-ADDR-LINE         PIC X(35) OCCURS 4.
               15  :PFX:-POSTCODE          PIC X(8).
               15  :PFX:-UPRN              PIC 9(12).
