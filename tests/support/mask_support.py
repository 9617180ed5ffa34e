"""Shared by the masking tests (not a test itself): the samples' personal values read from
their bytes with Python's codecs (the oracle, independent of mfbridge), the test policy,
HMAC-SHA-256 tokens computed with Python's hmac, and a scan for original values."""
import hashlib
import hmac
import os

from load_support import unpack  # noqa: F401  (IBM packed decimal, from its definition)

SECRET = "test-secret-Zq8w3!not-in-any-output"
ENV = "MFB_TEST_MASK_SECRET"
PAYE = ["--copybook", "samples/paye/PAYE.cpy", "--codepage", "cp285", "--recfm", "FB", "--lrecl", "80",
        "--select", "PH-RECORD-TYPE=H:PAYE-HEADER-REC", "--select", "PD-RECORD-TYPE=D:PAYE-DETAIL-REC",
        "--select", "PT-RECORD-TYPE=T:PAYE-TRAILER-REC"]
BENEFITS = ["--copybook", "samples/benefits/BENCLAIM.cpy", "--codepage", "cp285"]
BEN_LEN = 120

POLICY = f"""# the test policy: NINOs to plain HMAC tokens (9 hex characters, they fit X(9))
secret:
  env: {ENV}
fields:
  - match: "*-NINO"
    action: pseudonymise
    format: hex
    length: 9
  - match: ["*-EMPLOYEE-NAME", BC-CLAIMANT-NAME]
    action: redact
    fill: "X"
  - match: "*-DATE-OF-BIRTH"
    action: generalise
    to: year
  - match: BC-PAID-TO-DATE
    action: generalise
    to: band
    step: 100
  - match: PD-GROSS-PAY
    action: drop
"""


def token(value, n=9):
    """The plain form: the first n hex characters of HMAC-SHA-256(secret, value)."""
    return hmac.new(SECRET.encode(), value.encode(), hashlib.sha256).hexdigest()[:n]


def env_with_secret():
    env = dict(os.environ)
    env[ENV] = SECRET
    return env


def paye_details(path="samples/paye/PAYE.D20261121"):
    """(NINO, name) of every detail record, read with cp037 (letters and digits are the
    same in CCSID 285)."""
    data = open(path, "rb").read()
    out = []
    for i in range(0, len(data), 80):
        rec = data[i:i + 80]
        if rec[:1].decode("cp037") == "D":
            out.append((rec[1:10].decode("cp037"), rec[10:40].decode("cp037").rstrip()))
    return out


def benefit_claims(path="samples/benefits/BENEFIT.CLAIMS"):
    """Each claim's NINO, name (UTF-16BE), date of birth and paid-to-date, from its bytes."""
    data = open(path, "rb").read()
    out = []
    for i in range(0, len(data), BEN_LEN):
        rec = data[i:i + BEN_LEN]
        out.append({"nino": rec[10:19].decode("cp037"), "name": rec[19:79].decode("utf-16-be").rstrip(),
                    "dob": rec[79:87].decode("cp037"), "paid": unpack(rec[103:108], 2)})
    return out


def with_shared_nino(tmp, nino):
    """A copy of the benefit claims whose first claimant has `nino` (a PAYE employee's)."""
    data = bytearray(open("samples/benefits/BENEFIT.CLAIMS", "rb").read())
    data[10:19] = nino.encode("cp037")
    path = os.path.join(tmp, "BENEFIT.SHARED")
    open(path, "wb").write(bytes(data))
    return path


def originals(tmp_claims):
    """Every original value of a masked field, as text that must appear in no output.
    Dates of birth already on the 1st of January are left out: generalised, they stay."""
    vals = set()
    for nino, name in paye_details():
        vals.update([nino, name])
    for c in benefit_claims(tmp_claims):
        vals.update([c["nino"], c["name"]])
        if not c["dob"].endswith("0101"):
            vals.add(c["dob"])
    return {v for v in vals if v.strip()}


def leaks(text, values):
    """The original values found in `text` (sorted, at most 5)."""
    return sorted(v for v in values if v in text)[:5]
