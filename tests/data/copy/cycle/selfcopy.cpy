           05  SELF              PIC X.
           COPY selfcopy.
