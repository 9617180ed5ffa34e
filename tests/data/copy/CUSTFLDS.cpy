      * Customer fields, tagged with :PFX: for COPY REPLACING.
           05  :PFX:-ID          PIC 9(6).
           05  :PFX:-NAME        PIC X(20) VALUE 'PFX-NAME'.
           05  PFX-CODE          PIC X(3).
           05  CODE-PFX          PIC X(3).
           05  :PFX:-AMOUNT      PIC S9(7)V99
                                 COMP-3.
           05  PFX               PIC X.
           05  pfx-low           PIC X.
