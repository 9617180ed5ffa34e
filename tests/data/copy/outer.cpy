       01  :PFX:-OUTER.
           05  :PFX:-KIND        PIC X.
           COPY CUSTFLDS.
           05  :PFX:-END         PIC X.
