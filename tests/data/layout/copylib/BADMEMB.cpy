      * MEMBER WITH AN UNBALANCED PARENTHESIS IN A PICTURE
           05  BAD-CODE                    PIC X(4.
           05  BAD-NAME                    PIC X(20).
