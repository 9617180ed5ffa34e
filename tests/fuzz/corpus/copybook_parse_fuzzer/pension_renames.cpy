      * STATE PENSION FORECAST - RENAMES FOR LEGACY REPORT PROGRAMS
       01  SPF-FORECAST-REC.
           05  SPF-NINO                    PIC X(9).
           05  SPF-DOB.
               10  SPF-DOB-CCYY            PIC 9(4).
               10  SPF-DOB-MM              PIC 99.
               10  SPF-DOB-DD              PIC 99.
           05  SPF-QUAL-YEARS              PIC 99.
           05  SPF-WEEKLY-FORECAST         PIC 9(3)V99.
           05  SPF-STATE-PENSION-AGE       PIC 99.
           05  SPF-CONTRACTED-OUT          PIC X.
           05  SPF-GAPS                    PIC 99.
       66  SPF-IDENTITY RENAMES SPF-NINO THRU SPF-DOB.
       66  SPF-BIRTH-YEAR RENAMES SPF-DOB-CCYY.
       66  SPF-PENSION-FACTS RENAMES SPF-QUAL-YEARS
                                THROUGH SPF-CONTRACTED-OUT.
       66  SPF-MONTH-TO-YEARS RENAMES SPF-DOB-MM THRU SPF-QUAL-YEARS.
