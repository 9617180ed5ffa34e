#!/usr/bin/env python3
"""convert over several input files in one run: a folder, a glob, several paths, Cobrix's
`path` / `data_paths`; File_Id, Record_Id, Record_Bytes and the file name column; per-file
framing, rejects and counts; load, inspect and splits refuse a folder or a glob.

The oracle is a Python model of Cobrix's rule (FileUtils.getFiles over Hadoop's globStatus):
each match of the pattern that is a folder is listed one level deep, files only; names
starting with '.' or '_' are hidden; the files, in sorted path order, get File_Id 0, 1, 2...
and Record_Id is the record's 0-based index in its file. Records are built with Python's
cp037 codec, gzip with Python's gzip, Record_Bytes with Python's base64.
Usage: convert_multi_input_test.py BUILD"""
import base64
import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from script_checks import check, finish  # noqa: E402


def expect(cond, what, details):
    """One check line: `what`, and on failure what was seen."""
    check(cond, what if cond else f"{what}: {details}")

COPYBOOK = "       01  REC.\n           05  NUM   PIC 9(4).\n           05  NAME  PIC X(6).\n"
LRECL = 10


def records(tag, n):
    """n records of `tag` (a letter): NUM 1..n, NAME tag*3 + n, as (num, name, bytes)."""
    out = []
    for k in range(1, n + 1):
        name = (tag * 3 + str(k)).ljust(6)[:6]
        out.append((k, name.strip(), f"{k:04d}{name}".encode("cp037")))
    return out


def model_files(pattern):
    """Cobrix's file list for one pattern (Python's glob for the matching: its wildcards never
    cross '/', as Hadoop's; it hides dot names, and the '_' rule is applied here)."""
    hidden = lambda name: name.startswith((".", "_"))
    matches = [m for m in glob.glob(pattern) if not hidden(os.path.basename(m)) or m == pattern]
    files = []
    for m in matches:
        if os.path.isdir(m):
            files += [os.path.join(m, n) for n in os.listdir(m)
                      if not hidden(n) and os.path.isfile(os.path.join(m, n))]
        else:
            files.append(m)
    return sorted(set(files))


def expected_rows(files, content, uri=False):
    """The rows of a run over `files` with every generated column, from the model."""
    rows = []
    for file_id, path in enumerate(files):
        for record_id, (key, name, raw) in enumerate(content[os.path.basename(path)]):
            rows.append({"File_Id": file_id, "Record_Id": record_id, "Record_Byte_Length": LRECL,
                         "Record_Bytes": base64.b64encode(raw).decode(),
                         "F": "file:" + os.path.abspath(path) if uri else path,
                         "NUM": key, "NAME": name})
    return rows


def run(mfb, cwd, *args, summary=None, copybook="rec.cpy"):
    cmd = [str(mfb), "convert", "--no-progress", "--copybook", copybook, *args]
    if summary:
        cmd += ["--summary-json", summary]
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, [json.loads(l) for l in p.stdout.splitlines() if l], p.stderr


def build_tree(tmp):
    """in/a: x.dat (3 records) + hidden .h.dat and _tmp.dat; in/b: y.dat (2) and z.dat.gz (2,
    gzip); in/c: only a subfolder (not entered); in/top.dat (1); in/empty: nothing."""
    content = {"x.dat": records("X", 3), "y.dat": records("Y", 2), "z.dat.gz": records("Z", 2),
               "top.dat": records("T", 1), ".h.dat": records("H", 1), "_tmp.dat": records("U", 1),
               "deep.dat": records("D", 1)}
    blob = lambda name: b"".join(r[2] for r in content[name])
    for folder in ("in/a", "in/b", "in/c/sub", "in/empty"):
        (tmp / folder).mkdir(parents=True)
    for name, folder in (("x.dat", "in/a"), (".h.dat", "in/a"), ("_tmp.dat", "in/a"),
                         ("y.dat", "in/b"), ("top.dat", "in"), ("deep.dat", "in/c/sub")):
        (tmp / folder / name).write_bytes(blob(name))
    (tmp / "in/b/z.dat.gz").write_bytes(gzip.compress(blob("z.dat.gz")))
    (tmp / "rec.cpy").write_text(COPYBOOK)
    return content


def check_expansion(mfb, tmp, content):
    gen = ["--generate-record-id", "--record-bytes", "--file-name-column", "F"]
    for what, inputs in (("a folder", ["in/a"]), ("a glob of folders and files", ["in/*"]),
                         ("a glob of files", ["in/*/*.d*"]), ("braces", ["in/{b,a}/*"])):
        code, rows, err = run(mfb, tmp, "--input", *inputs, *gen)
        files = [f for p in inputs for f in model_files(str(p))] if "{" not in inputs[0] else \
            model_files("in/a/*") + model_files("in/b/*")
        files = sorted(set(files))
        expect(code == 0 and rows == expected_rows(files, content), what,
               f"exit {code} {err} rows {rows[:3]}... files {files}")
    # Several paths: in the order given (each one's files sorted), not merged.
    code, rows, err = run(mfb, tmp, "--input", "in/b", "--input", "in/a/x.dat", *gen)
    files = model_files("in/b") + ["in/a/x.dat"]
    expect(code == 0 and rows == expected_rows(files, content), "several paths, in the order given",
           f"{code} {err} {rows[:2]}")
    # Hidden names are skipped in listings and glob matches; never read.
    check(not any(r["NAME"].startswith(("H", "U", "D")) for r in rows), "no hidden or deep file read")
    # The file name as Hadoop's URI (Cobrix's with_input_file_name_col).
    code, rows, err = run(mfb, tmp, "--input", "in/a", *gen, "--file-name-form", "uri")
    expect(code == 0 and rows == expected_rows(["in/a/x.dat"], content, uri=True),
           "--file-name-form uri", f"{rows[:1]} {err}")


def check_errors(mfb, tmp):
    code, rows, err = run(mfb, tmp, "--input", "in/*.nothing")
    expect(code == 1 and "in/*.nothing: matches no file" in err and not rows, "no match", f"{code} {err}")
    code, rows, err = run(mfb, tmp, "--input", "in/empty")
    expect(code == 1 and "in/empty" in err and "no input file" in err, "empty folder", f"{code} {err}")
    code, _, err = run(mfb, tmp, "--input", "in/a", "--split", "0/2")
    expect(code == 1 and "one input" in err, "--split over several files", f"{code} {err}")
    for command in (["load", "--target", "sqlite:t.db"], ["inspect", "--record-number", "1"],
                    ["splits"]):
        p = subprocess.run([str(mfb), command[0], "--copybook", "rec.cpy", "--input", "in/*",
                            *command[1:]], cwd=tmp, capture_output=True, text=True)
        expect(p.returncode == 1 and "reads one file per run" in p.stderr,
               f"{command[0]} refuses a glob", f"{p.returncode} {p.stderr}")
    check(not (tmp / "t.db").exists(), "load over a glob creates no target")


def check_truncated_first_file(mfb, tmp):
    """A partial last record in file 1 is a reject naming file 1; file 2 is read intact."""
    one, two = records("P", 2), records("Q", 2)
    (tmp / "t1.dat").write_bytes(b"".join(r[2] for r in one) + "123".encode("cp037"))
    (tmp / "t2.dat").write_bytes(b"".join(r[2] for r in two))
    code, rows, err = run(mfb, tmp, "--input", "t1.dat", "t2.dat", "--generate-record-id",
                          "--on-error", "reject", "--reject-file", "rej.bin", summary="s.json")
    want = [{"File_Id": f, "Record_Id": i, "Record_Byte_Length": LRECL, "NUM": k, "NAME": n}
            for f, recs in ((0, one), (1, two)) for i, (k, n, _) in enumerate(recs)]
    expect(code == 0 and rows == want, "truncated first file", f"{code} {err} {rows}")
    log = [json.loads(l) for l in (tmp / "rej.bin.errors.jsonl").read_text().splitlines()]
    expect(len(log) == 1 and log[0]["file"] == "t1.dat" and log[0]["file_offset"] == 2 * LRECL
           and log[0]["record"] == 3, "the reject log names file 1 and the offset", f"{log}")
    s = json.loads((tmp / "s.json").read_text())
    per = {f["file"]: f for f in s["files"]}
    expect(per["t1.dat"]["records_read"] == 3 and per["t1.dat"]["records_rejected"] == 1
           and per["t1.dat"]["records_written"] == 2 and per["t2.dat"]["records_written"] == 2,
           "per-file counts in --summary-json", f"{s['files']}")
    expect(s["records_read"] == s["records_written"] + s["records_rejected"] + s["records_filtered"]
           == sum(f["records_read"] for f in s["files"]) == 5, "the counts add up", f"{s}")
    # Under fail the run stops at file 1's broken end, naming it; file 2 is not read.
    code, rows, err = run(mfb, tmp, "--input", "t1.dat", "t2.dat")
    expect(code == 2 and "t1.dat" in err and [r["NAME"] for r in rows] == ["PPP1", "PPP2"],
           "fail policy stops at file 1", f"{code} {err} {rows}")


def check_per_file_framing(mfb, tmp):
    """--skip-head and --skip-tail apply to each file: 2 header and 1 trailer bytes in each."""
    one, two = records("R", 2), records("S", 3)
    for name, recs in (("h1.dat", one), ("h2.dat", two)):
        (tmp / name).write_bytes("HH".encode("cp037") + b"".join(r[2] for r in recs) + b"\x00")
    code, rows, err = run(mfb, tmp, "--input", "h*.dat", "--skip-head", "2", "--skip-tail", "1",
                          "--generate-record-id")
    want = [(f, i, n) for f, recs in ((0, one), (1, two)) for i, (_, n, _) in enumerate(recs)]
    got = [(r["File_Id"], r["Record_Id"], r["NAME"]) for r in rows]
    expect(code == 0 and got == want, "per-file skip-head/tail", f"{code} {err} {got}")


def segment_ids_model(file_id, segments):
    """Cobrix's Seg_Id columns (peer README, t05): Seg_Id0 = PREFIX_<File_Id>_<root's record
    index>, Seg_Id1 = <Seg_Id0>_L1_<n-th level-1 record since the root>; none before a root."""
    out, root, n = [], None, 0
    for index, seg in enumerate(segments):
        if seg == "R":
            root, n = f"P_{file_id}_{index}", 0
            out.append({"Seg_Id0": root})
        elif root is None:
            out.append({})
        else:
            n += 1
            out.append({"Seg_Id0": root, "Seg_Id1": f"{root}_L1_{n}"})
    return out


def check_segments_per_file(mfb, tmp):
    """Seg_Id counters restart in each file, under its File_Id; a file that starts with a
    child gives it no ids (the last file's root does not carry over)."""
    (tmp / "seg.cpy").write_text("       01  S.\n           05  SEG  PIC X.\n           05  VAL  PIC X(3).\n")
    files = {"s1.dat": "RCCRC", "s2.dat": "CRC"}
    for name, segs in files.items():
        (tmp / name).write_bytes(b"".join(f"{s}{i:03d}".encode("cp037") for i, s in enumerate(segs)))
    code, rows, err = run(mfb, tmp, "--input", "s*.dat", "--generate-record-id", "--segment-field", "SEG",
                          "--segment-id-level", "0=R", "--segment-id-level", "1=C",
                          "--segment-id-prefix", "P", copybook="seg.cpy")
    want = []
    for file_id, (name, segs) in enumerate(sorted(files.items())):
        for index, ids in enumerate(segment_ids_model(file_id, segs)):
            want.append({"File_Id": file_id, "Record_Id": index, "Record_Byte_Length": 4, **ids,
                         "SEG": segs[index], "VAL": f"{index:03d}"})
    expect(code == 0 and rows == want, "Seg_Id restarts per file", f"{code} {err} {rows} {want}")


def check_cobrix_options(mfb, tmp, content):
    opts = tmp / "job.options"
    opts.write_text('.option("copybook", "rec.cpy")\n.option("path", "in/*")\n'
                    '.option("generate_record_id", "true")\n.option("generate_record_bytes", "true")\n'
                    '.option("with_input_file_name_col", "F")\n')
    p = subprocess.run([str(mfb), "convert", "--no-progress", "--cobrix-options", str(opts)],
                       cwd=tmp, capture_output=True, text=True)
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    expect(p.returncode == 0 and rows == expected_rows(model_files("in/*"), content, uri=True),
           "Cobrix path glob", f"{p.returncode} {p.stderr} {rows[:2]}")
    p = subprocess.run([str(mfb), "convert", "--no-progress", "--cobrix-option", "copybook=rec.cpy",
                        "--cobrix-option", "data_paths=in/b/y.dat,in/a", "--cobrix-option",
                        "generate_record_id=true"], cwd=tmp, capture_output=True, text=True)
    ids = [(json.loads(l)["File_Id"], json.loads(l)["Record_Id"]) for l in p.stdout.splitlines()]
    expect(p.returncode == 0 and ids == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)],
           "Cobrix data_paths", f"{p.returncode} {p.stderr} {ids}")


def main():
    mfb = Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve() / "mfbridge"
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        os.chdir(tmp)  # the model reads the same relative paths as mfbridge
        content = build_tree(tmp)
        check_expansion(mfb, tmp, content)
        check_errors(mfb, tmp)
        check_truncated_first_file(mfb, tmp)
        check_per_file_framing(mfb, tmp)
        check_segments_per_file(mfb, tmp)
        check_cobrix_options(mfb, tmp, content)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
