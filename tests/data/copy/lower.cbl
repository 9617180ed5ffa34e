           05  LOWER-NAME-FILE   PIC X.
