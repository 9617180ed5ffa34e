"""The data of the people lookup's tests and benchmark (not a test itself): three record
layouts that hold a National Insurance number in fields of different names (TP-NINO,
EMP-NINO, BC-NI-NUMBER inside a group), written as mainframe bytes with Python's cp037
codec and hand-packed decimals, and pseudonymised copies whose NINO field holds a keyed
HMAC-SHA-256 token instead (any text: upper and lower case, digits, '+' and '/').

Each generator returns (file bytes, records), every record a dict of the values the
lookup must answer, so that tests compare with what was written, never with mfbridge."""

import base64
import hashlib
import hmac
from decimal import Decimal

TP_COPYBOOK = """\
       01  TP-REC.
           05  TP-ID          PIC 9(7).
           05  TP-NINO        PIC X(9).
           05  TP-NAME        PIC X(20).
           05  TP-TAX-DUE     PIC S9(7)V99 COMP-3.
"""
TP_LENGTH = 41

EMP_COPYBOOK = """\
       01  EMP-REC.
           05  EMP-EMPLOYER   PIC X(10).
           05  EMP-NO         PIC 9(7).
           05  EMP-NINO       PIC X(9).
           05  EMP-PAY        PIC S9(7)V99 COMP-3.
"""
EMP_LENGTH = 31

BEN_COPYBOOK = """\
       01  BEN-CLAIM.
           05  BC-CLAIM-REF   PIC X(8).
           05  BC-CLAIMANT.
               10  BC-NI-NUMBER  PIC X(9).
               10  BC-SURNAME    PIC X(15).
           05  BC-PAYMENT     PIC 9(5)V99 OCCURS 2 TIMES.
"""
BEN_LENGTH = 46

# Employer names a composite key's URL must escape: ',', '/', '%', a space.
EMPLOYERS = ["ACME LTD", "A/B,C CO", "50% PLC", "ZETA"]
SECRET = b"people-test-secret"


def packed(value, digits, scale):
    """Signed packed decimal of `digits` digits: nibbles by hand, sign C or D."""
    d = Decimal(value)
    text = str(int(abs(d) * (10 ** scale))).rjust(digits, "0")
    assert len(text) == digits
    nibbles = [int(c) for c in text] + [0xD if d < 0 else 0xC]
    if len(nibbles) % 2:
        nibbles = [0] + nibbles
    return bytes(nibbles[i] * 16 + nibbles[i + 1] for i in range(0, len(nibbles), 2))


def nino(i):
    """The i-th NINO: two letters, six digits, a suffix letter."""
    letters = "ABCEGHJKLMNPRSTWXYZ"
    return letters[i % 19] + letters[(i // 19) % 19] + "%06d" % (i * 7919 % 1000000) + "ABCD"[i % 4]


def token(value):
    """A pseudonym of `value`: HMAC-SHA-256 under SECRET, base64, 9 characters."""
    return base64.b64encode(hmac.new(SECRET, value.encode(), hashlib.sha256).digest()).decode()[:9]


def e(text, width):
    return text.ljust(width).encode("cp037")


def taxpayers(count, person, mask=False):
    """`count` TP-REC records; person(i) names the i-th record's NINO."""
    out, recs = bytearray(), []
    for i in range(count):
        n = person(i)
        held = token(n) if mask else n
        tax = Decimal((i * 104729) % 2000000 - 500000) / 100
        data = ("%07d" % (i + 1)).encode("cp037") + e(held, 9) + e("NAME %d" % i, 20) + packed(tax, 9, 2)
        assert len(data) == TP_LENGTH
        out += data
        recs.append({"TP-ID": i + 1, "TP-NINO": held, "person": n, "TP-TAX-DUE": tax})
    return bytes(out), recs


def employments(count, person, mask=False):
    """`count` EMP-REC records keyed by EMP-EMPLOYER and EMP-NO."""
    out, recs = bytearray(), []
    for i in range(count):
        n = person(i)
        held = token(n) if mask else n
        employer = EMPLOYERS[i % len(EMPLOYERS)]
        pay = Decimal((i * 7727) % 9000000) / 100
        data = e(employer, 10) + ("%07d" % i).encode("cp037") + e(held, 9) + packed(pay, 9, 2)
        assert len(data) == EMP_LENGTH
        out += data
        recs.append({"EMP-EMPLOYER": employer, "EMP-NO": i, "EMP-NINO": held, "person": n, "EMP-PAY": pay})
    return bytes(out), recs


def claims(count, person):
    """`count` BEN-CLAIM records (no key: the record number is theirs), with an OCCURS."""
    out, recs = bytearray(), []
    for i in range(count):
        n = person(i)
        pays = [Decimal(i * 1234 % 100000) / 100, Decimal(i * 4321 % 100000) / 100]
        data = (e("CL%06d" % i, 8) + e(n, 9) + e("SURNAME %d" % i, 15) +
                b"".join(("%07d" % int(p * 100)).encode("cp037") for p in pays))
        assert len(data) == BEN_LENGTH
        out += data
        recs.append({"BC-CLAIM-REF": "CL%06d" % i, "BC-NI-NUMBER": n, "person": n, "record_no": i + 1})
    return bytes(out), recs
