           05  CYC-A             PIC X.
           COPY cyc_b.
