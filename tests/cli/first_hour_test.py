#!/usr/bin/env python3
"""A new user's first hour, scripted: the README's taxpayer commands as written, then the
mistakes a newcomer makes, each checked for its exit code and the part of the answer that
tells the user what to do. Expected values come from outside mfbridge: record counts from
the file's size and the sample's LRECL, characters a code page lacks from Python's codecs,
line numbers from the copybook text written here, times from os.utime.

Usage: first_hour_test.py BUILD_DIR"""
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
from script_checks import check, finish  # noqa: E402

SAMPLES = os.path.join(ROOT, "samples")
TAX_CPY = os.path.join(SAMPLES, "taxpayer", "TAXPAYER.cpy")
TAX_OLD = os.path.join(SAMPLES, "taxpayer", "TAXPAYER.D20261120")
TAX_NEW = os.path.join(SAMPLES, "taxpayer", "TAXPAYER.D20261121")
TAX_LRECL = 369  # samples/taxpayer/README.md: RECFM=FB, LRECL=369
PAYE_CPY = os.path.join(SAMPLES, "paye", "PAYE.cpy")
PAYE_VB = os.path.join(SAMPLES, "paye", "PAYE.D20261121")
LTT_CPY = os.path.join(SAMPLES, "ltt", "LTTRET.cpy")
LTT_FILE = os.path.join(SAMPLES, "ltt", "LTT.RETURNS")  # samples/ltt/README.md: RECFM VB, CCSID 1146


class session:
    """Runs mfbridge in a scratch folder, as a user at a shell would."""

    def __init__(self, build, cwd):
        self.mfb = os.path.join(build, "mfbridge")
        self.cwd = cwd

    def run(self, *args, stdin=None):
        return subprocess.run([self.mfb, *args], cwd=self.cwd, input=stdin,
                              capture_output=True, text=True, errors="replace", timeout=300)

    def expect(self, what, args, code, *needles, stdin=None):
        """Run; check the exit code and that each needle (text or regex) is in stderr."""
        p = self.run(*args, stdin=stdin)
        check(p.returncode == code, f"{what}: exit {code} (got {p.returncode})")
        for n in needles:
            found = n.search(p.stderr) if isinstance(n, re.Pattern) else n in p.stderr
            check(bool(found), f"{what}: says {getattr(n, 'pattern', n)!r}" +
                  ("" if found else f"\n     stderr: {p.stderr.strip()[:600]}"))
        return p


def readme_commands_work(s):
    """The README's taxpayer commands, as written (sqlite:tax.db for the target)."""
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    check("build/mfbridge load --copybook samples/taxpayer/TAXPAYER.cpy" in readme,
          "README still shows the taxpayer load this session follows")
    s.expect("layout", ["layout", TAX_CPY], 0)
    s.expect("ddl", ["ddl", "--copybook", TAX_CPY, "--codepage", "cp285", "--key", "TP-KEY",
                     "--dialect", "postgresql"], 0)
    s.expect("load", ["load", "--copybook", TAX_CPY, "--codepage", "cp285", "--key", "TP-KEY",
                      "--table", "taxpayer", "--input", TAX_OLD, "--target", "sqlite:tax.db"], 0)
    s.expect("reconcile", ["reconcile", "--target", "sqlite:tax.db", "--dataset", "taxpayer"], 0)
    s.expect("export", ["export", "--target", "sqlite:tax.db", "--dataset", "taxpayer",
                        "--output", "TAXPAYER.NEW"], 0)
    same = open(os.path.join(s.cwd, "TAXPAYER.NEW"), "rb").read() == open(TAX_OLD, "rb").read()
    check(same, "export gives back the loaded file byte for byte")
    s.expect("delta", ["delta", "--copybook", TAX_CPY, "--codepage", "cp285", "--key", "TP-KEY",
                       "--old", TAX_OLD, "--new", TAX_NEW, "--output", "changes.jsonl"], 0)


def command_line_mistakes(s):
    s.expect("misspelled subcommand", ["convrt", "--copybook", TAX_CPY], 1,
             "unknown command 'convrt'", "did you mean convert?")
    s.expect("an empty command word", [""], 1, "unknown command ''")
    s.expect("misspelled flag", ["convert", "--copybook", TAX_CPY, "--code-page", "cp285",
                                 "--input", TAX_OLD], 1,
             "unknown option --code-page", "did you mean --codepage?", "convert --help")
    s.expect("misspelled flag with =VALUE", ["load", "--copybook", TAX_CPY,
                                             "--skiphead=10", "--input", TAX_OLD,
                                             "--target", "sqlite:x.db"], 1,
             "did you mean --skip-head?")
    s.expect("no copybook", ["convert", "--input", TAX_OLD], 1,
             "a copybook is required", "--copybook")
    # The copybook given first or as --copybook: the same help line, the same answer.
    a = s.run("convert", "NOSUCH.cpy", "--input", TAX_OLD)
    b = s.run("convert", "--copybook", "NOSUCH.cpy", "--input", TAX_OLD)
    check(a.returncode == b.returncode == 1 and a.stderr == b.stderr and "NOSUCH.cpy" in a.stderr,
          "a missing copybook: one answer whether given first or as --copybook\n     " +
          a.stderr.strip()[:200] + " | " + b.stderr.strip()[:200])
    first = s.run("convert", TAX_CPY, "--codepage", "cp285", "--input", TAX_OLD, "-o", "a.jsonl")
    flag = s.run("convert", "--copybook", TAX_CPY, "--codepage", "cp285", "--input", TAX_OLD,
                 "-o", "b.jsonl")
    check(first.returncode == flag.returncode == 0 and
          open(os.path.join(s.cwd, "a.jsonl")).read() == open(os.path.join(s.cwd, "b.jsonl")).read(),
          "convert takes the copybook first or as --copybook alike")
    for cmd in ["layout", "convert", "encode", "inspect", "ddl", "load", "delta"]:
        helps = s.run(cmd, "--help").stdout
        lines = [l.strip() for l in helps.splitlines()]
        texts = [lines[i + 1] for i, l in enumerate(lines[:-1])
                 if re.match(r"(copybook|--copybook)\s", l)]
        check(len(texts) == 2 and texts[0] == texts[1] and "--copybook" in texts[0],
              f"{cmd} --help: the copybook, given first or as --copybook, described alike")
    s.expect("wrong code page name", ["convert", "--copybook", TAX_CPY, "--codepage", "cp9999",
                                      "--input", TAX_OLD], 1,
             'unknown code page "cp9999"', "mfbridge codepages")
    s.expect("upsert without --key", ["load", "--copybook", TAX_CPY, "--codepage", "cp285",
                                      "--table", "taxpayer", "--input", TAX_NEW,
                                      "--target", "sqlite:tax.db", "--mode", "upsert"], 1,
             "--mode upsert needs --key")


def copybook_errors_in_line_order(s):
    text = ("       01 REC.\n"
            "          05 A PIC X(3.\n"
            "          05 C PIC ZZZ9V99-- USAGE COMP.\n"
            "          05 D PIC X(2) OCCURS 0 TIMES.\n"
            "          05 E.\n"
            "          05 F PIC S9(40).\n")
    open(os.path.join(s.cwd, "BAD.cpy"), "w").write(text)
    p = s.run("layout", "BAD.cpy")
    lines = [int(m.group(1)) for m in re.finditer(r"^BAD\.cpy:(\d+):\d+: error", p.stderr, re.M)]
    check(p.returncode == 1 and lines == [2, 3, 4, 5, 6],
          f"copybook errors come in line order (lines {lines})")


def data_mistakes(s):
    records = os.path.getsize(TAX_OLD) // TAX_LRECL
    s.expect("inspect past the end", ["inspect", "--copybook", TAX_CPY, "--codepage", "cp285",
                                       "--input", TAX_OLD, "--record-number", "100000"], 1,
             f"the input has {records} records")
    s.expect("reconcile of an unknown dataset", ["reconcile", "--target", "sqlite:tax.db",
                                                 "--dataset", "nosuch"], 1,
             "no dataset named nosuch", "taxpayer")
    # A VB file read as FB: the blank packed fields of misframed bytes are named for what
    # they are (the suggestion of the right framing is `detect`'s).
    s.expect("VB file read as FB", ["convert", "--copybook", PAYE_CPY, "--input", PAYE_VB,
                                    "--record", "PAYE-DETAIL-REC", "-o", "paye.jsonl"], 2,
             "record 1")

    cpy = os.path.join(s.cwd, "NUM.cpy")
    open(cpy, "w").write("       01 NUM-REC.\n          05 N-NAME PIC X(10).\n"
                         "          05 N-COUNT PIC 9(4).\n")
    good = "SMITH".ljust(10).encode("cp037") + "0042".encode("cp037")
    blank = "JONES".ljust(10).encode("cp037") + b"\x40" * 4  # never initialised: spaces
    open(os.path.join(s.cwd, "NUM.dat"), "wb").write(good + blank)
    s.expect("spaces in an unsigned zoned field", ["convert", "--copybook", cpy, "--input", "NUM.dat",
                                                   "-o", "num.jsonl"], 2,
             "N-COUNT", "not numeric (spaces)")
    p = s.expect("--on-error reject", ["convert", "--copybook", cpy, "--input", "NUM.dat",
                                       "-o", "num.jsonl", "--on-error", "reject",
                                       "--reject-file", "num.rej"], 0,
                 re.compile(r"warning: 1 record rejected \(--on-error reject\), in num\.rej"))
    check(open(os.path.join(s.cwd, "num.rej"), "rb").read() == blank,
          "the rejected record's bytes are in the reject file")
    p = s.expect("--on-error skip", ["convert", "--copybook", cpy, "--input", "NUM.dat",
                                     "-o", "num.jsonl", "--on-error", "skip"], 0,
                 "warning: 1 record skipped (--on-error skip)")
    p = s.expect("a clean run", ["convert", "--copybook", cpy, "--input", "NUM.dat", "--on-error",
                                 "reject", "--reject-file", "none.rej", "--skip-tail", "14",
                                 "-o", "num.jsonl"], 0)
    check("warning" not in p.stderr, "a run that rejects nothing prints no warning")

    value = "CAF\u00c9 \u20ac5"
    lacking = [i for i, ch in enumerate(value) if not can_encode(ch, "cp037")]
    check(lacking == [5], "Python's cp037 lacks only the euro sign of the value")
    s.expect("encode a character the code page lacks",
             ["encode", "--copybook", cpy, "--output", "out.dat"], 2,
             f'N-NAME: "{value[lacking[0]]}" (U+{ord(value[lacking[0]]):04X}, character '
             f"{lacking[0] + 1} of the value) is not in code page cp037",
             stdin=json.dumps({"N-NAME": value, "N-COUNT": 1}) + "\n")


def can_encode(ch, codec):
    try:
        ch.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def no_epoch_times(s):
    """Times are ISO 8601 where a user sees them: the catalog and a changed input's message."""
    db = sqlite3.connect(os.path.join(s.cwd, "tax.db"))
    (updated,) = db.execute("SELECT updated_at FROM mfbridge_datasets WHERE name = 'taxpayer'").fetchone()
    check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", updated) is not None,
          f"catalog updated_at is ISO 8601 ({updated})")
    rows = db.execute("SELECT fingerprint, updated_at FROM mfbridge_checkpoints").fetchall()
    db.close()
    check(rows and all(not re.search(r"\b1\d{9}\b", " ".join(r)) for r in rows),
          f"checkpoints hold no epoch seconds ({rows[:1]})")
    # The input's fingerprint (shown when a changed input is refused) names its time too.
    copy = os.path.join(s.cwd, "TAX.DAT")
    open(copy, "wb").write(open(TAX_OLD, "rb").read())
    secs, nanos = 1_790_000_000, 500_000_000
    os.utime(copy, ns=(secs * 10**9 + nanos,) * 2)
    s.expect("load a copy", ["load", "--copybook", TAX_CPY, "--codepage", "cp285", "--key",
                             "TP-KEY", "--table", "tax2", "--input", copy,
                             "--target", "sqlite:tax.db"], 0)
    db = sqlite3.connect(os.path.join(s.cwd, "tax.db"))
    (fingerprint,) = db.execute("SELECT fingerprint FROM mfbridge_checkpoints "
                                "WHERE dataset = 'tax2'").fetchone()
    db.close()
    when = datetime.datetime.fromtimestamp(secs, tz=datetime.timezone.utc)
    iso = when.strftime("%Y-%m-%dT%H:%M:%S") + f".{nanos:09d}Z"
    check(f"mtime={iso}" in fingerprint, f"the input's time in ISO 8601 ({fingerprint})")


def record_format_mistakes(s):
    """The user does not know the record format: the failed run and detect both name the
    one the sample's README gives (VB, CCSID 1146), and the command detect prints works."""
    s.expect("VB file read with the default FB", ["convert", "--copybook", LTT_CPY, "--codepage", "cp1146",
                                                  "--input", LTT_FILE, "-o", "ltt.jsonl"], 2,
             "this looks like RECFM=VB", "try --recfm VB")
    s.expect("VB file loaded with the default FB", ["load", "--copybook", LTT_CPY, "--codepage", "cp1146",
                                                   "--input", LTT_FILE, "--target", "sqlite:ltt.db",
                                                   "--no-progress"], 2,
             "this looks like RECFM=VB", "try --recfm VB")
    s.expect("VB file compared with the default FB", ["delta", "--copybook", LTT_CPY, "--codepage", "cp1146",
                                                     "--key", "LT-RETURN-REF", "--old", LTT_FILE, "--new",
                                                     LTT_FILE, "--output", "ltt.delta.jsonl"], 2,
             "this looks like RECFM=VB", "try --recfm VB")
    p = s.run("detect", "--copybook", LTT_CPY, "--input", LTT_FILE, "--format", "json")
    check(p.returncode == 0, f"detect answers (exit {p.returncode}: {p.stderr.strip()[:300]})")
    command = json.loads(p.stdout).get("command", "") if p.returncode == 0 else ""
    check("--recfm VB" in command and "cp1146" in command, f"detect's command names VB and cp1146: {command}")
    words = command.split()
    if words and words[0] == "mfbridge":
        run = s.run(*words[1:], "-o", "detected.jsonl")
        lines = open(os.path.join(s.cwd, "detected.jsonl")).read().splitlines() if run.returncode == 0 else []
        # The README's own command, with the framing it documents, is the oracle.
        want = s.run("convert", "--copybook", LTT_CPY, "--codepage", "cp1146", "--recfm", "VB",
                     "--input", LTT_FILE, "-o", "readme.jsonl")
        check(run.returncode == 0 and want.returncode == 0 and
              lines == open(os.path.join(s.cwd, "readme.jsonl")).read().splitlines() and len(lines) > 0,
              "detect's command converts the file as the README's command does")
    s.expect("--recfm auto says what it chose", ["convert", "--copybook", LTT_CPY, "--codepage", "cp1146",
                                                 "--recfm", "auto", "--input", LTT_FILE, "-o", "auto.jsonl"], 0,
             "--recfm auto chose --recfm VB")


def main():
    build = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="mfb-first-hour-") as tmp:
        s = session(build, tmp)
        readme_commands_work(s)
        command_line_mistakes(s)
        copybook_errors_in_line_order(s)
        data_mistakes(s)
        record_format_mistakes(s)
        no_epoch_times(s)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
