      * TAX-FREE CHILDCARE ACCOUNT ENTRY - COPIED UNDER A CALLER'S 01
           05  TFC-ACCOUNT-ID              PIC X(11).
           05  TFC-CHILD.
               10  TFC-CHILD-NAME          PIC X(30).
               10  TFC-CHILD-DOB           PIC 9(8).
           05  TFC-BALANCE                 PIC S9(5)V99 COMP-3.
           05  TFC-TOPUP-TOTAL             PIC S9(5)V99 COMP-3.
           05  TFC-GOVT-TOPUP              PIC S9(5)V99 COMP-3.
           05  TFC-PROVIDERS               OCCURS 3.
               10  TFC-PROVIDER-URN        PIC X(8).
               10  TFC-PROVIDER-PAID       PIC S9(5)V99 COMP-3.
