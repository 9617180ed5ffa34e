      * INCOME TAX CODE RECORD - CONDITION NAMES OF EVERY KIND
       01  ITC-TAX-CODE-REC.
           05  ITC-PREFIX                  PIC X.
               88  ITC-SCOTTISH            VALUE 'S'.
               88  ITC-WELSH               VALUE 'C'.
               88  ITC-RUK                 VALUE SPACE.
           05  ITC-NUMBER                  PIC 9(4).
               88  ITC-PERSONAL-ALLOWANCE  VALUE 1257.
               88  ITC-LOW-CODES           VALUES ARE 0 THRU 99
                                                      500 THROUGH 599.
               88  ITC-NO-ALLOWANCE        VALUE ZERO.
           05  ITC-SUFFIX                  PIC X.
               88  ITC-SUFFIX-VALID        VALUES 'L' 'M' 'N' 'T'
                                                  'K', 'X'.
           05  ITC-BASIS                   PIC X.
               88  ITC-CUMULATIVE          VALUE X'C3'.
               88  ITC-WEEK1-MONTH1        VALUE X'E6' X'D4'.
               88  ITC-BASIS-UNSET         VALUE LOW-VALUES HIGH-VALUES.
           05  ITC-DESCRIPTION             PIC X(60).
               88  ITC-STANDARD-TEXT
                VALUE 'STANDARD PERSONAL ALLOWANCE FOR THE CURRENT TAX Y
      -    'EAR'.
               88  ITC-BLANK-TEXT          VALUE SPACES.
           05  ITC-RATE                    PIC S9V9(4) COMP-3.
               88  ITC-BASIC-RATE          VALUE .2000.
               88  ITC-HIGHER-RATES        VALUE +.4000 THRU +.4500.
               88  ITC-NEGATIVE            VALUE -9.9999 THRU -0.0001.
           05  ITC-QUOTED                  PIC X(6).
               88  ITC-QUOTE-MARK          VALUE 'IT''S'.
               88  ITC-DBL-QUOTE           VALUE "SAY ""HI""".
               88  ITC-ALL-STARS           VALUE ALL '*'.
