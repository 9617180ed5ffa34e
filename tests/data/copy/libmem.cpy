           05  FROM-TOP-FOLDER   PIC X(8).
