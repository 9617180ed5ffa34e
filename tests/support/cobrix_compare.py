"""How mfbridge's rows are compared with Cobrix's expected files (the peer suite's README,
"How to compare"), and the t40 row counts that have no expected file.

Rows are compared as text, line by line, except where the peer's own test changed the rows
after Spark wrote them: the Jackson-pretty file of t07 (decimals became doubles) and Spark's
na.fill(0) (a null numeric column became 0) in t24 and t40. Those are compared as parsed
values, in the same key order."""
import bz2
import gzip
import json
import os
import subprocess
from decimal import Decimal
from pathlib import Path


def _sort_key(spec):
    key = spec.get("sort")
    return (lambda row: Decimal(str(row.get(key, 0)))) if key else None


def _parsed(lines):
    return [json.loads(l, parse_float=Decimal) for l in lines]


def _first_difference(ours, theirs, path=""):
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if list(ours) != list(theirs):
            missing = [k for k in theirs if k not in ours]
            extra = [k for k in ours if k not in theirs]
            if missing or extra:
                return f"{path}: keys missing {missing[:5]}, extra {extra[:5]}"
            return f"{path}: key order {list(ours)[:8]}..., theirs {list(theirs)[:8]}..."
        for k in theirs:
            d = _first_difference(ours[k], theirs[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            return f"{path}: {len(ours)} elements, theirs {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            d = _first_difference(a, b, f"{path}[{i}]")
            if d:
                return d
        return None
    if isinstance(ours, (int, Decimal)) and isinstance(theirs, (int, Decimal)) and \
            not isinstance(ours, bool) and not isinstance(theirs, bool):
        return None if Decimal(ours) == Decimal(theirs) else f"{path}: ours {ours}, theirs {theirs}"
    return None if ours == theirs else f"{path}: ours {ours!r}, theirs {theirs!r}"


def _fill_zero(row, like):
    """Spark's na.fill(0): numeric columns our row leaves out (nulls) are 0 in theirs; put
    them back, in their place, only where theirs holds a number."""
    out = {}
    for k, v in like.items():
        if k in row:
            out[k] = row[k]
        elif isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v == 0:
            out[k] = 0
    for k, v in row.items():
        out.setdefault(k, v)
    return out


def _compare_texts(ours, theirs):
    if len(ours) != len(theirs):
        return f"{len(ours)} rows, expected {len(theirs)}"
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            at = next((j for j, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            return f"row {i + 1} differs at character {at}: ours ...{a[max(0, at - 60):at + 60]!r}, " \
                   f"theirs ...{b[max(0, at - 60):at + 60]!r}"
    return None


def _compare_values(ours, theirs, spec):
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if spec.get("fill0"):
            a = _fill_zero(a, b)
        d = _first_difference(a, b, "")
        if d:
            return f"row {i + 1}{d}"
    return None if len(ours) == len(theirs) else f"{len(ours)} rows, expected {len(theirs)}"


def _take_sorted(rows, spec):
    key = _sort_key(spec)
    if key:
        rows = sorted(rows, key=key)  # stable: file order within one key, as Spark's sort here
    return rows[:spec["take"]] if "take" in spec else rows


def _map_strings(value, f):
    if isinstance(value, dict):
        return {k: _map_strings(v, f) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, f) for v in value]
    return f(value) if isinstance(value, str) else value


def _drop_absent(ours, theirs, keys):
    """Leave out of Cobrix's row the members named in `keys` that our row does not have."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return {k: _drop_absent(ours.get(k), v, keys) for k, v in theirs.items()
                if k in ours or k not in keys}
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        return [_drop_absent(a, b, keys) for a, b in zip(ours, theirs)]
    return theirs


def compare_allowing(lines, expected_text, spec, allowed):
    """Compare as values once the listed difference is taken out: `controls` (a set of code
    points our rows hold where Cobrix's tables put a space) and `absent` (members Cobrix
    writes and we leave out). None when only that difference remains."""
    ours = _take_sorted(_parsed(lines), spec)
    theirs = _parsed([l for l in expected_text.split("\n") if l.strip()])
    controls, swap = allowed.get("controls", set()), allowed.get("swap", {})

    def as_cobrix(text):
        text = "".join(" " if ord(c) in controls else swap.get(c, c) for c in text)
        return text.strip("".join(map(chr, range(0x21)))) if allowed.get("java_trim") else text
    if controls or swap:
        ours = [_map_strings(r, as_cobrix) for r in ours]
    if allowed.get("absent"):
        theirs = [_drop_absent(a, b, allowed["absent"]) for a, b in zip(ours, theirs)]
    return _compare_values(ours, theirs, spec)


def compare_rows(lines, expected_text, spec):
    """The first difference between our JSONL lines and Cobrix's expected file, or None."""
    if spec.get("pretty"):
        theirs = json.loads(expected_text, parse_float=Decimal)
        ours = _take_sorted(_parsed(lines), spec)
        key = _sort_key(spec)
        # Rows with the same sort key may come in any order: compare them as sets.
        canon = lambda r: (key(r), json.dumps(r, sort_keys=True, default=float))
        return _compare_values(sorted(ours, key=canon), sorted(theirs, key=canon), spec)
    expected = [l for l in expected_text.split("\n") if l.strip()]
    if spec.get("fill0") or spec.get("drop"):
        ours = [{k: v for k, v in row.items() if k not in spec.get("drop", [])} for row in _parsed(lines)]
        return _compare_values(_take_sorted(ours, spec), _parsed(expected), spec)
    if spec.get("sort"):
        pairs = sorted(zip(_parsed(lines), lines), key=lambda p: _sort_key(spec)(p[0]))
        ours = [text for _, text in pairs]
        return _compare_texts(ours[:spec.get("take", len(ours))], expected)
    return _compare_texts(lines[:spec.get("take", len(lines))], expected)


def cobrix_files(path):
    """Cobrix's file list for a path (FileUtils.getFiles): a folder's files one level deep,
    hidden names (. and _) skipped, in sorted path order; a file is itself."""
    path = str(path)
    if not os.path.isdir(path):
        return [path]
    return sorted(os.path.join(path, n) for n in os.listdir(path)
                  if not n.startswith((".", "_")) and os.path.isfile(os.path.join(path, n)))


def _records_in(path, lrecl):
    raw = Path(path).read_bytes()
    raw = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else bz2.decompress(raw) if raw[:3] == b"BZh" else raw
    return len(raw) // lrecl


def check_generated_ids(lines, paths, lrecl):
    """File_Id and Record_Id of rows in file order against the model: the files of `paths`
    numbered 0, 1, ... and each record's 0-based index in its (decompressed) file. None when
    they agree, else the first difference."""
    files = [f for p in paths for f in cobrix_files(p)]
    want = [(f, r) for f, path in enumerate(files) for r in range(_records_in(path, lrecl))]
    got = [(row.get("File_Id"), row.get("Record_Id")) for row in map(json.loads, lines)]
    if got == want:
        return None
    at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    return f"(File_Id, Record_Id) of row {at + 1}: {got[at:at + 1]}, the rule gives {want[at:at + 1]} " \
           f"({len(got)} rows, {len(want)} records)"


def _count(mfb, options, tmp):
    opts = Path(tmp) / "count.options"
    opts.write_text("".join(f'.option("{k}", "{v}")\n' for k, v in options.items()))
    p = subprocess.run([str(mfb), "convert", "--no-progress", "--cobrix-options", str(opts)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {(p.stderr.strip().splitlines() or [''])[0]}"
    return [l for l in p.stdout.split("\n") if l], None


def run_counts(mfb, folder, tmp):
    """t40's checks with no expected file: rows per compressed file and for the whole folder,
    with and without file_end_offset, File_Id/Record_Id over the folder, and the ASCII text
    files (record_format D and D2, ISO-8859-1), one by one and as a folder."""
    results = {}
    base = {"copybook": str(folder / "test40_copybook.cob"), "floating_point_format": "IEEE754"}
    # Cobrix reads the whole data/ folder (plain, gzip, bzip2) in one run: 300 rows, and 297
    # with file_end_offset (the offset applies to each file on its own).
    for name, end, want in (("test40_count", None, 100), ("test40_count_end_offset", "1493", 99)):
        problems = []
        for data in ("example.dat", "example.dat.gz", "example.dat.bz2", ""):
            opts = {**base, "path": str(folder / "data" / data)}
            if end:
                opts["file_end_offset"] = end
            rows, why = _count(mfb, opts, tmp)
            expect = want * (3 if data == "" else 1)
            if why or len(rows) != expect:
                problems.append(f"{data or 'data/'}: {why or len(rows)} rows, expected {expect}")
        results[name] = "; ".join(problems) or None
    rows, why = _count(mfb, {**base, "path": str(folder / "data"), "generate_record_id": "true"}, tmp)
    results["test40_folder_ids"] = why or check_generated_ids(rows, [folder / "data"], 1493)
    cpy = Path(tmp) / "ascii.cob"
    cpy.write_text("       01 RECORD.\n          05 DATA PIC X(5).\n")
    for name, extra in (("test40_ascii_d", {"record_format": "D"}), ("test40_ascii_d2", {"record_format": "D2"}),
                        ("test40_ascii_latin1", {"record_format": "D", "ascii_charset": "ISO-8859-1"})):
        problems = []
        for data in ("ascii.txt", "ascii.txt.gz", ""):  # "": the folder, both files in one run
            rows, why = _count(mfb, {"copybook": str(cpy), "encoding": "ascii", **extra,
                                     "path": str(folder / "data_ascii" / data)}, tmp)
            got = sorted(json.loads(r).get("DATA") for r in rows) if rows is not None else None
            if why or got != sorted(["12345", "67890", "A1234"] * (2 if data == "" else 1)):
                problems.append(f"{data or 'data_ascii/'}: {why or got}")
        results[name] = "; ".join(problems) or None
    return results
