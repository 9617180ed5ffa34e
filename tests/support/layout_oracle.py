"""GnuCOBOL as a layout oracle: offsets and lengths of every named item of a copybook.

The copybook is included with COPY so that cobc's own COPY/REPLACING handling expands it
(`cobc -E`). The expanded data description entries are read only for their structure
(levels, names, OCCURS, DEPENDING ON); every number comes from running a generated program
that prints, for each named item, ADDRESS OF item minus ADDRESS OF its record and
FUNCTION BYTE-LENGTH(item), with every ODO object set to its maximum first.
Shared by gnucobol_layout_test.py and cobrix_layout_test.py.
"""

import json
import os
import re
import subprocess
import tempfile

# -fodoslide: items after an ODO table follow its current size, as on IBM (without it
# cobc 3.1 misplaces items that follow an ODO table inside a group).
COBC_FLAGS = ["-std=ibm", "-fodoslide"]
WRAPPER = "MFB-WRAP"  # 01 added around copybooks that start below level 01


class Item:
    def __init__(self, level, name, parent):
        self.level = level
        self.name = name          # None for FILLER
        self.parent = parent
        self.children = []
        self.occurs_max = 0
        self.depending_on = None
        self.renames = False

    def named_chain(self):
        """Names from this item up to its record, FILLER left out."""
        out, it = [], self
        while it is not None:
            if it.name:
                out.append(it.name)
            it = it.parent
        return out

    def dimensions(self):
        n, it = 0, self
        while it is not None:
            if it.occurs_max:
                n += 1
            it = it.parent
        return n


def run(cmd, cwd=None, timeout=120):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          errors="replace")


def _program(copy_name, fixed, wrap, procedure_lines):
    """A whole program text; COPY brings in the copybook under test."""
    ind = "       " if fixed else ""
    body = [
        "IDENTIFICATION DIVISION.", "PROGRAM-ID. MFBORACL.", "DATA DIVISION.",
        "WORKING-STORAGE SECTION.",
        "01 MFB-P.", "   05 MFB-PA USAGE POINTER.",
        "   05 MFB-NA REDEFINES MFB-PA PIC S9(18) COMP-5.",
        "01 MFB-Q.", "   05 MFB-PB USAGE POINTER.",
        "   05 MFB-NB REDEFINES MFB-PB PIC S9(18) COMP-5.",
        "01 MFB-OFF PIC 9(9).", "01 MFB-LEN PIC 9(9).",
    ]
    if wrap:
        body.append("01 %s." % WRAPPER)
    body.append('    COPY "%s".' % copy_name)
    body.append("PROCEDURE DIVISION.")
    lines = [ind + b for b in body]
    lines += procedure_lines
    lines.append(ind + "    STOP RUN.")
    return "\n".join(lines) + "\n"


def _tokens(text):
    """Split expanded source into tokens; '.' followed by space ends an entry."""
    toks, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace() or c in ",;" and (i + 1 >= n or text[i + 1].isspace()):
            i += 1
            continue
        if c == "." and (i + 1 >= n or text[i + 1].isspace()):
            toks.append(".")
            i += 1
            continue
        j = i
        while j < n and not text[j].isspace():
            if text[j] in "'\"":
                q = text[j]
                j += 1
                while j < n and text[j] != q:
                    j += 1
            elif text[j] == "." and (j + 1 >= n or text[j + 1].isspace()):
                break
            j += 1
        toks.append(text[i:j])
        i = j
    return toks


CLAUSE_WORDS = {
    "PIC", "PICTURE", "USAGE", "REDEFINES", "OCCURS", "VALUE", "VALUES", "COMP", "COMP-1",
    "COMP-2", "COMP-3", "COMP-4", "COMP-5", "COMPUTATIONAL", "BINARY", "PACKED-DECIMAL",
    "DISPLAY", "DISPLAY-1", "NATIONAL", "POINTER", "INDEX", "SYNC", "SYNCHRONIZED", "JUST",
    "JUSTIFIED", "BLANK", "SIGN", "LEADING", "TRAILING", "GLOBAL", "EXTERNAL", "IS",
    "COMPUTATIONAL-1", "COMPUTATIONAL-2", "COMPUTATIONAL-3", "COMPUTATIONAL-4",
    "COMPUTATIONAL-5", "PROCEDURE-POINTER", "FUNCTION-POINTER",
}


def parse_entries(expanded):
    """Records (list of root Items) from the expanded data division text."""
    text = "\n".join(l for l in expanded.splitlines() if not l.startswith("#"))
    m = re.search(r"\b01\s+MFB-LEN\b[^.]*\.\s", text)
    start = m.end() if m else 0
    end = re.search(r"\bPROCEDURE\s+DIVISION\b", text[start:], re.I)
    text = text[start:start + end.start()] if end else text[start:]
    entries, cur = [], []
    for t in _tokens(text):
        if t == ".":
            if cur:
                entries.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        entries.append(cur)
    roots, stack = [], []
    for e in entries:
        if not e[0].isdigit():
            continue  # e.g. stray directives
        level = int(e[0])
        up = [w.upper() for w in e]
        name = None
        if len(e) > 1 and up[1] not in CLAUSE_WORDS and up[1] != "FILLER":
            name = up[1]
        if level == 88:
            continue
        if level == 66:
            it = Item(66, name, roots[-1] if roots else None)
            it.renames = True
            if roots:
                roots[-1].children.append(it)
            continue
        if level in (1, 77) or not stack:
            it = Item(level, name, None)
            roots.append(it)
            stack = [it]
        else:
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else roots[-1]
            it = Item(level, name, parent)
            parent.children.append(it)
            stack.append(it)
        if "OCCURS" in up:
            k = up.index("OCCURS")
            nums = [int(w) for w in up[k + 1:k + 4] if w.isdigit()]
            it.occurs_max = nums[-1] if "TO" in up[k + 1:k + 4] else nums[0]
            if "DEPENDING" in up:
                d = up.index("DEPENDING") + 1
                if up[d] == "ON":
                    d += 1
                it.depending_on = up[d]
    return roots


def _walk(it):
    yield it
    for c in it.children:
        yield from _walk(c)


def _reference(it, wrapped):
    chain = it.named_chain()
    if wrapped and chain and chain[-1] == WRAPPER and len(chain) > 1:
        chain = chain[:-1]
    if it.renames:
        chain = [chain[0], chain[-1]] if len(chain) > 1 else chain
    words = [chain[0]]
    for q in chain[1:]:
        words += ["OF", q]
    dims = 0 if it.renames else it.dimensions()
    if dims:
        words.append("(" + ", ".join(["1"] * dims) + ")")
    return words


def _emit(words, fixed, out):
    """Pack words into lines that end before column 73 (fixed) or 255 (free)."""
    start = "           " if fixed else "    "
    limit = 72 if fixed else 250
    line = start
    for w in words:
        if len(line) + len(w) + 1 > limit and line.strip():
            out.append(line.rstrip())
            line = start + "  "
        line += w + " "
    out.append(line.rstrip())


def _path(it, wrapped):
    chain = list(reversed(it.named_chain()))
    if wrapped and chain and chain[0] == WRAPPER:
        chain = chain[1:]
    return ".".join(chain)


def _measure_program(roots, wrapped, fixed):
    proc = []
    by_name = {}
    for r in roots:
        for it in _walk(r):
            if it.name:
                by_name.setdefault(it.name, []).append(it)
    for r in roots:
        for it in _walk(r):
            if it.depending_on and it.depending_on in by_name:
                obj = by_name[it.depending_on][0]
                _emit(["MOVE", str(it.occurs_max), "TO"] + _reference(obj, wrapped), fixed, proc)
    items = []
    for r in roots:
        for it in _walk(r):
            if not it.name and it is not r:
                continue
            if it.name == WRAPPER and wrapped:
                path = ""
            else:
                path = _path(it, wrapped)
            ref = _reference(it, wrapped) if it.name else [WRAPPER]
            rref = [r.name] if r.name else [WRAPPER]
            items.append(path)
            _emit(["SET", "MFB-PA", "TO", "ADDRESS", "OF"] + rref, fixed, proc)
            _emit(["SET", "MFB-PB", "TO", "ADDRESS", "OF"] + ref, fixed, proc)
            _emit(["COMPUTE", "MFB-OFF", "=", "MFB-NB", "-", "MFB-NA"], fixed, proc)
            _emit(["MOVE", "FUNCTION", "BYTE-LENGTH", "("] + ref + [")", "TO", "MFB-LEN"],
                  fixed, proc)
            _emit(["DISPLAY", '"%d|"' % (len(items) - 1), "MFB-OFF", '"|"', "MFB-LEN"],
                  fixed, proc)
    return proc, items


def gnucobol_layout(cpy, include_dirs, workdir, fixed=True, append_period=False, flags=()):
    """Run cobc on copybook `cpy`; return (records, error). records: list of
    {"name", "length", "fields": {path: (offset, length)}, "occurs": {path: count or None}}
    (occurs as written in the expanded source: the maximum for ODO). append_period closes a
    copybook whose last entry lacks its period (IBM assumes one, cobc stops)."""
    include_dirs = [os.path.abspath(d) for d in [os.path.dirname(cpy)] + list(include_dirs)]
    if append_period:
        patched = os.path.join(workdir, os.path.basename(cpy))
        with open(cpy) as src, open(patched, "w") as dst:
            dst.write(src.read().rstrip("\n") + "\n           .\n")
        cpy = patched
    name = os.path.splitext(os.path.basename(cpy))[0]
    copy_name = os.path.basename(cpy)
    incs = []
    for d in [os.path.dirname(os.path.abspath(cpy))] + include_dirs:
        incs += ["-I", d]
    fmt = ([] if fixed else ["-free"]) + list(flags)
    src = os.path.join(workdir, name + "_e.cbl")
    # cobc -E searches COPY members with the usual extensions; copy under a plain name.
    with open(src, "w") as f:
        f.write(_program(copy_name, fixed, False, []))
    env_ext = []
    r = run(["cobc", "-E"] + COBC_FLAGS + fmt + env_ext + incs + [src], cwd=workdir)
    if r.returncode != 0:
        return None, "cobc -E failed: " + r.stderr.strip()[:400]
    roots = parse_entries(r.stdout)
    if not roots:
        return None, "no data entries found in expanded source"
    wrapped = roots[0].level not in (1, 77)
    if wrapped:
        with open(src, "w") as f:
            f.write(_program(copy_name, fixed, True, []))
        r = run(["cobc", "-E"] + COBC_FLAGS + fmt + env_ext + incs + [src], cwd=workdir)
        roots = parse_entries(r.stdout)
    proc, paths = _measure_program(roots, wrapped, fixed)
    prog = os.path.join(workdir, name + ".cbl")
    with open(prog, "w") as f:
        f.write(_program(copy_name, fixed, wrapped, proc))
    exe = os.path.join(workdir, name)
    r = run(["cobc", "-x", "-w"] + COBC_FLAGS + fmt + env_ext + incs + ["-o", exe, prog],
            cwd=workdir)
    if r.returncode != 0:
        return None, "cobc failed: " + r.stderr.strip()[:600]
    r = run([exe], cwd=workdir, timeout=30)
    if r.returncode != 0:
        return None, "program failed: " + r.stderr.strip()[:300]
    values = {}
    for line in r.stdout.splitlines():
        parts = line.strip().split("|")
        if len(parts) == 3 and parts[0].isdigit():
            values[int(parts[0])] = (int(parts[1]), int(parts[2]))
    if len(values) != len(paths):
        return None, "program printed %d of %d items" % (len(values), len(paths))
    records, k = [], 0
    for root in roots:
        measured = [it for it in _walk(root) if it.name or it is root]
        by_item = {id(it): values[k + i] for i, it in enumerate(measured)}
        _fix_variable_groups(root, by_item)
        fields, occurs = {}, {}
        for i, it in enumerate(measured):
            if paths[k + i]:
                fields[paths[k + i]] = by_item[id(it)]
                occurs[paths[k + i]] = it.occurs_max or None
        records.append({"name": root.name or "", "length": by_item[id(root)][1],
                        "fields": fields, "occurs": occurs})
        k += len(measured)
    return records, None


def _has_odo_below(it):
    return any(c.depending_on or _has_odo_below(c) for c in it.children if not c.renames)


def _fix_variable_groups(root, by_item):
    """Measure groups that contain an ODO table from their items instead.

    cobc 3.1 sizes such a group wrongly when the record also has a REDEFINES (it adds the
    redefining items' bytes: 80 x 30 instead of 80 x 27 for Cobrix's test1). Offsets and
    the length of one table entry are right, so the group ends where its last-ending
    item ends: max(offset + length x occurrences) over its items, with REDEFINES areas
    as long as their largest alternative.
    """
    def end(it):
        if id(it) not in by_item:  # FILLER: measure through its children
            ends = [end(c) for c in it.children if not c.renames]
            return max(ends) if ends else 0
        off, length = by_item[id(it)]
        if _has_odo_below(it):
            ends = [end(c) for c in it.children if not c.renames]
            length = max(ends) - off if ends else length
            by_item[id(it)] = (off, length)
        return off + length * (it.occurs_max or 1)

    end(root)


def mfbridge_from_args(argv):
    """The mfbridge binary in the build folder named by argv[1] ('build' by default), or
    None (after saying so) when it is not built."""
    path = os.path.join(argv[1] if len(argv) > 1 else "build", "mfbridge")
    if not os.path.exists(path):
        print("FAIL: %s not built" % path)
        return None
    return path


def mfbridge_layout(mfbridge, cpy, include_dirs, extra=()):
    """Our layout as parsed JSON, or (None, stderr)."""
    cmd = [mfbridge, "layout", cpy]
    for d in include_dirs:
        cmd += ["-I", d]
    cmd += ["--format", "json"] + list(extra)
    r = run(cmd)
    if r.returncode != 0:
        return None, "mfbridge exit %d: %s" % (r.returncode, r.stderr.strip()[:600])
    try:
        return json.loads(r.stdout), None
    except ValueError as e:
        return None, "bad JSON from mfbridge: %s" % e


class tally:
    """Print one line per case and count the outcomes. Cases in `known` (case -> reason)
    count apart; a known failure that passes fails the run, so the list stays true."""

    def __init__(self, known):
        self.known = known
        self.passed = self.failed = self.known_failed = self.stale = 0

    def report(self, label, problems, shown=12):
        if not problems:
            self.passed += 1
            if label in self.known:
                self.stale += 1
                print("PASS %s (listed as a known failure: remove it from the list)" % label)
            else:
                print("ok   %s" % label)
            return
        if label in self.known:
            self.known_failed += 1
            print("KNOWN %s: %s" % (label, self.known[label]))
        else:
            self.failed += 1
            print("FAIL %s" % label)
        for p in problems[:shown]:
            print("       " + p)
        if len(problems) > shown:
            print("       ... %d more" % (len(problems) - shown))

    def finish(self):
        """Print the summary line; return the exit code."""
        print("%d passed, %d failed (%d known failures)"
              % (self.passed, self.failed, self.known_failed))
        return 1 if self.failed or self.stale else 0


def temp_dir():
    return tempfile.TemporaryDirectory(prefix="mfb-oracle-")
