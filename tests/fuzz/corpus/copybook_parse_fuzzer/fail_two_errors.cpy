      * TWO INDEPENDENT MISTAKES: BOTH MUST BE REPORTED
       01  TWO-REC.
           05  TWO-AMOUNT                  PIC S9(5)VV99.
           05  TWO-FLAG                    PIC X.
               88  TWO-YES.
           05  TWO-END                     PIC X.
