*> Vehicle excise duty licence record - free format, lower case, *> comments
01 ved-licence-rec.
   05 ved-registration   pic x(8).
   05 ved-keeper.
      10 ved-keeper-name pic x(40).
      10 ved-keeper-addr pic x(35) occurs 3.      *> three lines
      10 ved-keeper-pc   pic x(8).
   05 ved-tax-class      pic x(2).
      88 ved-petrol-car  value '48'.
      88 ved-electric    value '61'.
   05 ved-co2-gkm        pic 9(3) comp.
   05 ved-duty-paid      pic s9(5)v99 comp-3.
   05 ved-valid-from     pic 9(8).
   05 ved-valid-to       pic 9(8).
   05 ved-payment-method pic x.  *> D=direct debit
   05 ved-dd-instalments pic s9(5)v99 packed-decimal occurs 12.
