      * THE MISTAKE IS INSIDE THE COPIED MEMBER, NOT HERE
       01  BAD-REC.
           05  BAD-ID                      PIC X(6).
           COPY BADMEMB.
