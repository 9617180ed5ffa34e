           05  CYC-B             PIC X.
           COPY cyc_a.
