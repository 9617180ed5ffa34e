#!/usr/bin/env python3
"""Compare `mfbridge layout --format json` with Cobrix's own layout tables
(expected/*_layout.txt in ../shared/peer/cobrix/<case>/: 1-based start, end, length), and
with GnuCOBOL (cobc -std=ibm) for every Cobrix copybook that cobc accepts.

Cobrix names have '-' turned into '_'; its `*_debug` fields (added by its debug option)
and FILLERs are skipped, and our FILLER-less paths are compared with Cobrix paths built
the same way. Usage: cobrix_layout_test.py BUILD_DIR
"""

import glob
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import layout_oracle  # noqa: E402
from gnucobol_layout_test import compare  # noqa: E402

PEER = os.path.join("..", "shared", "peer", "cobrix")

# case/copybook -> reason, for gaps known today. A listed case that passes fails the run.
KNOWN_FAILURES = {}

# These cases use what Cobrix accepts and IBM Enterprise COBOL (and cobc) reject: PIC 9(37),
# BINARY of 19+ digits, S in a numeric-edited picture. mfbridge reads them with --cobrix.
COBRIX_DIALECT = {"t24_debug_columns", "t40_compressed"}

# Cobrix copybooks use reserved words as data names (RECORD, CURRENCY, ID), which IBM refuses;
# cobc can un-reserve them. ADDRESS cannot be: the oracle program needs ADDRESS OF.
COBC_FLAGS = ["-fnot-reserved=RECORD,CURRENCY,ID"]

LINE = re.compile(r"^(\s*)(\d+)\s+(\S+)\s+(?:([rRD\[\]]+)\s+)?(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$")


def read_cobrix_layout(path):
    """{path: (offset, length)} from a generateRecordLayoutPositions() table."""
    fields, stack = {}, []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            level, name = int(m.group(2)), m.group(3).upper()
            start, length = int(m.group(6)), int(m.group(8))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, name))
            if name.endswith("_DEBUG") or name.startswith("FILLER"):
                continue
            chain = [n for _, n in stack if not n.startswith("FILLER")]
            fields[".".join(chain)] = (start - 1, length)
    return fields


def copybook_for(case_dir, layout_file):
    cobs = sorted(glob.glob(os.path.join(case_dir, "*.cob")))
    if len(cobs) == 1:
        return cobs[0]
    stem = os.path.basename(layout_file).split("_")[0].rstrip("abcd")
    for c in cobs:
        if os.path.basename(c).startswith(stem + "_"):
            return c
    return None


def compare_cobrix(expected, ours):
    """Mismatches between Cobrix's table and our JSON (names compared with '-' as '_')."""
    got, area = {}, {}
    for rec in ours.get("records", []):
        by_path = {f["path"]: f for f in rec.get("fields", []) if f["path"]}
        for f in rec.get("fields", []):
            if f["path"]:
                got.setdefault(f["path"].upper().replace("-", "_"), f)
            base = f.get("redefines")
            if base in by_path:
                area[base] = max(area.get(base, by_path[base]["length"]), f["length"])
    problems = []
    for path, (off, length) in sorted(expected.items(), key=lambda kv: kv[1]):
        f = got.get(path)
        if f is None:
            problems.append("%s: missing (Cobrix offset %d length %d)" % (path, off, length))
            continue
        ours_len = f.get("length")
        # Cobrix may give an array's whole size; we give one occurrence.
        whole = ours_len * (f.get("occurs") or 1) if isinstance(ours_len, int) else None
        # Cobrix gives every alternative of a REDEFINES the size of the whole area (its
        # largest alternative); we give each item its own size, as IBM does.
        shared = area.get(f.get("redefines") or f.get("path"))
        if f.get("offset") != off or length not in (ours_len, whole, shared):
            problems.append("%s: Cobrix offset %d length %d, got offset %s length %s"
                            % (path, off, length, f.get("offset"), ours_len))
    return problems


def main():
    if not os.path.isdir(PEER):
        print("SKIP: %s is absent (the Cobrix peer cases live beside the repository)" % PEER)
        return 0
    mfbridge = layout_oracle.mfbridge_from_args(sys.argv)
    if mfbridge is None:
        return 1
    results = layout_oracle.tally(KNOWN_FAILURES)
    have_cobc = shutil.which("cobc") is not None
    for case_dir in sorted(d for d in glob.glob(os.path.join(PEER, "*")) if os.path.isdir(d)):
        case = os.path.basename(case_dir)
        for layout in sorted(glob.glob(os.path.join(case_dir, "expected", "*_layout.txt"))):
            cob = copybook_for(case_dir, layout)
            label = "%s/%s" % (case, os.path.basename(layout))
            if cob is None:
                results.report(label, ["no copybook found for this layout"])
                continue
            extra = ["--cobrix"] if case in COBRIX_DIALECT else []
            ours, err = layout_oracle.mfbridge_layout(mfbridge, cob, [], extra)
            results.report(
                label, [err] if err else compare_cobrix(read_cobrix_layout(layout), ours))
        for cob in sorted(glob.glob(os.path.join(case_dir, "*.cob"))):
            label = "%s/%s (cobc)" % (case, os.path.basename(cob))
            if not have_cobc:
                expected, err = None, "cobc (GnuCOBOL) is not installed"
            else:
                with layout_oracle.temp_dir() as work:
                    expected, err = layout_oracle.gnucobol_layout(cob, [], work,
                                                                  flags=COBC_FLAGS)
            extra = ["--cobrix"] if case in COBRIX_DIALECT else []
            ours, our_err = layout_oracle.mfbridge_layout(mfbridge, cob, [], extra)
            if err:
                # Cobrix reads it, so we must at least read it too.
                print("note %s: GnuCOBOL does not accept it: %s" % (label, err.splitlines()[0]))
                results.report("%s/%s (parses)" % (case, os.path.basename(cob)),
                               [our_err] if our_err else [])
                continue
            results.report(label, [our_err] if our_err else compare(expected, ours))
    return results.finish()

if __name__ == "__main__":
    sys.exit(main())
