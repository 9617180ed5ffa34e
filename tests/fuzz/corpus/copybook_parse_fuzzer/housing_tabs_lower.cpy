      * housing benefit rent record: tabs and lower case
       01  hb-rent-rec.
           05	hb-claim-ref	pic x(10).
           05  hb-landlord.
	       10  hb-ll-name	pic x(30).
	       10  hb-ll-id	pic 9(7) comp.
           05  hb-weekly-rent	pic s9(4)v99 comp-3.
           05  Hb-Service-Chg	Pic S9(3)V99 Comp-3.
           05  hb-rent-freq	pic x.
               88  hb-weekly	value "W".
               88  hb-monthly	value "M".
           05  hb-eligible	pic s9(4)v99 usage packed-decimal.
