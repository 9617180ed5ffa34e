"""A COBOL program that reads a rehosted data file through its copybook and DISPLAYs every
elementary item of every record, and the check of what it prints against the JSON that
`mfbridge convert` decodes from the EBCDIC original.

The program is the legacy code's stand-in: the copybook is COPYed into an FD unchanged,
compiled with `cobc -std=ibm` and the flags under test; the item list comes from cobc's
own expansion of the copybook (layout_oracle.parse_entries). With -std=ibm, DISPLAY of a
numeric item prints its digits and sign without the decimal point, so numbers are
compared unscaled: the JSON number's text keeps the field's scale ("-10.00").
"""

import itertools
import json
import os
import re
import subprocess

import layout_oracle as lo


def _items(cpy, workdir):
    """Elementary named items of every record: (item, subscripts) with every OCCURS
    element expanded up to its maximum."""
    src = os.path.join(workdir, "mfb_e.cbl")
    with open(src, "w") as f:
        f.write(lo._program(os.path.basename(cpy), True, False, []))
    r = lo.run(["cobc", "-E", "-std=ibm", "-I", os.path.dirname(os.path.abspath(cpy)), src],
               cwd=workdir)
    if r.returncode != 0:
        raise SystemExit("cobc -E failed: " + r.stderr[:400])
    out = []
    for root in lo.parse_entries(r.stdout):
        for it in lo._walk(root):
            if it is root or it.children or not it.name or it.renames:
                continue
            chain, a = [], it
            while a is not None:
                chain.append(a)
                a = a.parent
            sizes = [a.occurs_max for a in reversed(chain) if a.occurs_max]
            for subs in itertools.product(*[range(1, n + 1) for n in sizes]):
                out.append((it, list(subs)))
    return out


def reader_program(cpy, workdir, data_name, line_sequential=False, variable=None):
    """Write MFBREAD.cbl; `variable` = (min, max) record lengths for RECORD VARYING."""
    items = _items(cpy, workdir)
    org = "LINE SEQUENTIAL" if line_sequential else "SEQUENTIAL"
    lines = [
        "       IDENTIFICATION DIVISION.", "       PROGRAM-ID. MFBREAD.",
        "       ENVIRONMENT DIVISION.", "       INPUT-OUTPUT SECTION.", "       FILE-CONTROL.",
        '           SELECT IN-FILE ASSIGN TO "%s"' % data_name,
        "               ORGANIZATION IS %s." % org,
        "       DATA DIVISION.", "       FILE SECTION.", "       FD  IN-FILE",
    ]
    if variable:
        lines.append("           RECORD VARYING IN SIZE FROM %d TO %d CHARACTERS" % variable)
        lines.append("           DEPENDING ON MFB-LEN")
    lines[-1] += "."
    lines += ['       COPY "%s".' % os.path.basename(cpy),
              "       WORKING-STORAGE SECTION.",
              '       01 MFB-EOF PIC X VALUE "N".', "       01 MFB-N PIC 9(9) VALUE 0.",
              "       01 MFB-LEN PIC 9(9) VALUE 0.",
              "       PROCEDURE DIVISION.", "           OPEN INPUT IN-FILE.",
              '           PERFORM UNTIL MFB-EOF = "Y"', "             READ IN-FILE",
              '               AT END MOVE "Y" TO MFB-EOF',
              "               NOT AT END ADD 1 TO MFB-N PERFORM MFB-SHOW",
              "             END-READ", "           END-PERFORM.", "           CLOSE IN-FILE.",
              "           STOP RUN.", "       MFB-SHOW.", '           DISPLAY "R|" MFB-N.']
    for k, (it, subs) in enumerate(items):
        chain = it.named_chain()
        words = [chain[0]]
        for q in chain[1:]:
            words += ["OF", q]
        if subs:
            words.append("(" + ", ".join(map(str, subs)) + ")")
        lo._emit(['DISPLAY', '"F|%d|"' % k] + words + ['"|"'], True, lines)
    lines[-1] += "."
    with open(os.path.join(workdir, "MFBREAD.cbl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return items


def build_reader(cpy, workdir, flags):
    exe = os.path.join(workdir, "mfbread")
    r = subprocess.run(["cobc", "-x", "-std=ibm"] + list(flags) +
                       ["-I", os.path.dirname(os.path.abspath(cpy)), "-o", exe, "MFBREAD.cbl"],
                       cwd=workdir, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("cobc failed: " + r.stderr[:800])
    return exe


def run_reader(exe, workdir):
    """Records as {item index: displayed bytes}."""
    r = subprocess.run([exe], cwd=workdir, capture_output=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit("reader failed: %r" % r.stderr[:400])
    records = []
    for line in r.stdout.split(b"\n"):
        if line.startswith(b"R|"):
            records.append({})
        elif line.startswith(b"F|") and records:
            _, k, rest = line.split(b"|", 2)
            records[-1][int(k)] = rest[:-1]
    return records


def _json_value(rec, it, subs):
    """The JSON leaf for `it` at `subs`, or KeyError when the record does not hold it."""
    chain, a = [], it
    while a is not None and a.parent is not None:
        chain.append(a)
        a = a.parent
    obj, k = rec, 0
    for a in reversed(chain):
        if a.name:
            obj = obj[a.name]
        if a.occurs_max:
            i = subs[k]
            k += 1
            if a.name:
                if i > len(obj):
                    raise KeyError(a.name)
                obj = obj[i - 1]
    return obj


def _number_matches(shown, text):
    """Displayed number against the JSON number's text."""
    s = shown.strip()
    if re.fullmatch(r"[+-]?\d+[+-]?", s):  # digits and sign, scale implied
        n = int(re.sub(r"\D", "", s)) * (-1 if "-" in s else 1)
        return n == int(text.replace(".", ""))
    try:  # COMP-1/COMP-2 and edited items print a point
        a = float(s.replace(",", "").replace(" ", "").rstrip("-")) * (-1 if s.endswith("-") else 1)
    except ValueError:
        return False
    b = float(text)
    return abs(a - b) <= 1e-6 * max(abs(b), 1e-30)


def leaves(obj):
    if isinstance(obj, dict):
        return sum(leaves(v) for v in obj.values())
    if isinstance(obj, list):
        return sum(leaves(v) for v in obj)
    return 0 if obj is None else 1


def _text(shown, encoding):
    """Displayed text bytes as a string. A PIC N item holds UTF-16BE, as on the mainframe
    (rehost-file keeps its bytes), and DISPLAY prints those bytes: NULs give it away."""
    if b"\x00" in shown and len(shown) % 2 == 0:
        try:
            return shown.decode("utf-16-be")
        except UnicodeDecodeError:
            pass
    return shown.decode(encoding, errors="replace")


def compare(items, shown, json_lines, where, encoding):
    """Mismatch messages: every non-null JSON leaf must be matched by a displayed item."""
    bad = []
    if len(shown) != len(json_lines):
        return ["%s: the program read %d records, convert decoded %d"
                % (where, len(shown), len(json_lines))]
    for n, (got, line) in enumerate(zip(shown, json_lines), 1):
        rec = json.loads(line, parse_float=lambda t: ("num", t), parse_int=lambda t: ("num", t))
        rec.pop("_record", None)
        matched = 0
        for k, (it, subs) in enumerate(items):
            try:
                want = _json_value(rec, it, subs)
            except (KeyError, TypeError, IndexError):
                continue
            if want is None:
                continue
            text = _text(got.get(k, b""), encoding)
            ok = (_number_matches(text, want[1]) if isinstance(want, tuple)
                  else text.rstrip(" ") == want)
            matched += 1
            if not ok:
                bad.append("%s record %d %s%s: program shows %r, convert %r"
                           % (where, n, it.name, subs or "", text, want))
        if matched != leaves(rec):
            bad.append("%s record %d: %d of %d values compared" % (where, n, matched, leaves(rec)))
    return bad
