           05  FROM-SUBLIB       PIC X(8).
