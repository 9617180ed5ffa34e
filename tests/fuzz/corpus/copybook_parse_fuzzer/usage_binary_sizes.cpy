      * PAYE REAL TIME INFORMATION SUBMISSION - BINARY FIELDS OF EACH SIZE
       01  RTI-FPS-REC.
           05  RTI-EMPLOYER-ID             PIC 9(9)      COMP.
           05  RTI-SMALL-COUNT             PIC S9(4)     COMP.
           05  RTI-ONE-DIGIT               PIC 9         BINARY.
           05  RTI-FOUR-DIGIT              PIC 9(4)      COMP-4.
           05  RTI-FIVE-DIGIT              PIC S9(5)     BINARY.
           05  RTI-NINE-DIGIT              PIC S9(9)     COMPUTATIONAL.
           05  RTI-TEN-DIGIT               PIC S9(10)    COMP.
           05  RTI-EIGHTEEN-DIGIT          PIC S9(18)    COMP.
           05  RTI-NATIVE-HALF             PIC S9(4)     COMP-5.
           05  RTI-NATIVE-FULL             PIC 9(9)      COMP-5.
           05  RTI-NATIVE-DOUBLE           PIC S9(18) COMPUTATIONAL-5.
           05  RTI-PAY-IN-PENCE            PIC S9(7)V99  COMP.
           05  RTI-COMP4-LONG              PIC 9(12) COMPUTATIONAL-4.
