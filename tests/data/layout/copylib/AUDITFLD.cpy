      * AUDIT FIELDS - LEADING AND TRAILING REPLACING TARGETS
           05  WS-CREATED-BY-USER          PIC X(8).
           05  WS-CREATED-TS               PIC X(26).
           05  WS-UPDATED-BY-USER          PIC X(8).
           05  WS-UPDATED-TS               PIC X(26).
           05  AUDIT-VERSION-WS            PIC S9(4) COMP.
