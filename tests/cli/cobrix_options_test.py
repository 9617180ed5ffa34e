#!/usr/bin/env python3
"""Cobrix reader options, verbatim: `mfbridge cobrix-options` and `convert --cobrix-option`.

The expected flags are written here from Cobrix's README (what each option means) and
mfbridge's own flag definitions; the test also checks that no option is ignored: an unknown
or unsupported one is an error naming it, with where it came from (argument, FILE:LINE), and
that docs/cobrix.md lists every option of `--list` with the same status.
Usage: cobrix_options_test.py BUILD"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FAILURES = []
PROFILE = ["--cobrix", "--naming", "spark", "--trim", "both", "--trim-rule", "java", "--value-fillers", "drop",
           "--group-fillers", "keep", "--filler-naming", "sequence", "--numeric-policy", "lenient",
           "--trunc", "bin"]


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def run(mfb, *args):
    return subprocess.run([str(mfb), *args], capture_output=True, text=True)


def flags_of(mfb, *options):
    p = run(mfb, "cobrix-options", *options)
    check(p.returncode == 0, f"{options}: exit {p.returncode}: {p.stderr}")
    words = p.stdout.split()
    return words[2:] if words[:2] == ["mfbridge", "convert"] else words


def pairs(words):
    """The flags as (flag, value-or-None), in order: compared as a set of flags."""
    out, i = [], 0
    while i < len(words):
        value = words[i + 1] if i + 1 < len(words) and not words[i + 1].startswith("--") else None
        out.append((words[i], value))
        i += 2 if value is not None else 1
    return out


def expect(mfb, options, wanted, absent=()):
    got = pairs(flags_of(mfb, *options))
    for flag in pairs(wanted):
        check(flag in got, f"{options}: {flag} missing from {got}")
    for flag in absent:
        check(all(f != flag for f, _ in got), f"{options}: {flag} should not be there: {got}")


def test_mappings(mfb):
    # Several paths, the file name column (Hadoop's file: URI) and the record's bytes.
    expect(mfb, ["paths=a.dat,b.dat", "with_input_file_name_col=F", "generate_record_bytes=true"],
           ["--input", "a.dat", "--input", "b.dat", "--file-name-column", "F", "--file-name-form",
            "uri", "--record-bytes"])
    expect(mfb, ["data_paths=x.dat,y.dat"], ["--input", "x.dat", "--input", "y.dat"])
    # The Cobrix defaults: code page common, trimming both, improved null detection, Spark
    # naming, value fillers dropped and group fillers kept (README "Summary of all options").
    expect(mfb, [], PROFILE + ["--codepage", "common", "--improved-null-detection"])
    # t05: V with little-endian RDWs that count only the payload (Cobrix's defaults).
    expect(mfb, ["record_format=V", "generate_record_id=true", "segment_field=SEGMENT-ID",
                 "segment_id_level0=C", "segment_id_level1=P", "segment_id_prefix=A",
                 "improved_null_detection=false"],
           ["--recfm", "V", "--rdw-little-endian", "--rdw-excludes-header", "--generate-record-id",
            "--segment-field", "SEGMENT-ID", "--segment-id-level", "0=C", "--segment-id-level", "1=P",
            "--segment-id-prefix", "A"], absent=["--improved-null-detection"])
    expect(mfb, ["record_format=V", "is_rdw_big_endian=true", "is_rdw_part_of_record_length=true"],
           ["--recfm", "V"], absent=["--rdw-little-endian", "--rdw-excludes-header"])
    # t05d: the length field of the copybook, adjusted.
    expect(mfb, ["record_length_field=RECORD-LENGTH", "rdw_adjustment=4"],
           ["--recfm", "LENGTH-FIELD", "--length-field", "RECORD-LENGTH", "--length-adjust", "4"])
    expect(mfb, ["record_format=VB", "rdw_adjustment=-4"], ["--recfm", "VB", "--rdw-adjust", "-4"])
    # BDWs: little-endian unless is_bdw_big_endian=true (Cobrix's default), bdw_adjustment.
    expect(mfb, ["record_format=VB", "is_rdw_big_endian=true"], ["--recfm", "VB", "--bdw-order", "le"])
    expect(mfb, ["record_format=VB", "is_bdw_big_endian=true", "bdw_adjustment=-4"],
           ["--bdw-order", "be", "--bdw-adjust", "-4"])
    expect(mfb, ["record_length_field=T", 'record_length_map={"A": 100, "B":"50"}'],
           ["--recfm", "LENGTH-FIELD", "--length-field", "T", "--length-map", "A=100,B=50"])
    expect(mfb, ["record_length_field=REC-LEN + 4", "rdw_adjustment=2"],
           ["--length-field", "REC-LEN", "--length-adjust", "6"])
    expect(mfb, ["record_length_field=REC-LEN - 4"], ["--length-field", "REC-LEN", "--length-adjust", "-4"])
    expect(mfb, ["record_length_field=REC-LEN-4"], ["--length-field", "REC-LEN-4"])
    refused(mfb, ["cobrix-options", "record_length_field=REC-LEN * 2"], "record_length_field", "not supported")
    # is_xcom is Cobrix's older name for record_format V (its RDW reader reads the headers).
    expect(mfb, ["is_xcom=true"], ["--recfm", "V", "--rdw-little-endian", "--rdw-excludes-header"],
           absent=["--record-header"])
    refused(mfb, ["cobrix-options", "is_xcom=true", "record_format=V"], "is_xcom", "record_format")
    expect(mfb, ["debug_ignore_file_size=true"], ["--keep-partial-last-record"])
    # only fixed-length records have a size to check: elsewhere the option changes nothing
    expect(mfb, ["debug_ignore_file_size=true", "record_format=V"], ["--recfm", "V"],
           absent=["--keep-partial-last-record"])
    # t05c / t17c: segments.
    expect(mfb, ["segment_field=SEGMENT_ID", "redefine-segment-id-map:0=STATIC-DETAILS => C,D",
                 "redefine_segment_id_map:1=CONTACTS => P", "segment-children:1=STATIC-DETAILS => CONTACTS"],
           ["--select", "SEGMENT_ID=C,D:STATIC-DETAILS", "--select", "SEGMENT_ID=P:CONTACTS",
            "--parent", "CONTACTS=STATIC-DETAILS", "--nest-children"])
    expect(mfb, ["segment_field=SIGNATURE", "segment_filter=S9276511"],
           ["--segment-filter", "SIGNATURE=S9276511"])
    # Values and output.
    expect(mfb, ["ebcdic_code_page=cp037_extended", "string_trimming_policy=none"],
           ["--codepage", "cp037", "--trim", "none"])
    expect(mfb, ["ebcdic_code_page=common_extended"], ["--codepage", "common-extended"])
    expect(mfb, ["encoding=ascii", "ascii_charset=ISO-8859-1"], ["--ascii", "--ascii-charset", "ISO-8859-1"],
           absent=["--codepage"])
    expect(mfb, ["floating_point_format=IEEE754", "debug=true"], ["--float-format", "ieee", "--debug-columns", "hex"])
    expect(mfb, ["debug=binary", "schema_retention_policy=keep_original", "non_terminals=NAME, ACCOUNT-NO"],
           ["--debug-columns", "raw", "--schema-retention", "keep-original", "--non-terminal", "NAME,ACCOUNT-NO"])
    expect(mfb, ["drop_group_fillers=true", "drop_value_fillers=false", "filler_naming_policy=previous_field_name"],
           ["--group-fillers", "drop", "--value-fillers", "keep", "--filler-naming", "previous-field"])
    expect(mfb, ["record_format=F", "variable_size_occurs=true"], ["--recfm", "ODO"])
    expect(mfb, ["file_start_offset=10", "file_end_offset=20", "record_start_offset=2",
                 "record_end_offset=3", "minimum_record_length=5", "maximum_record_length=900"],
           ["--skip-head", "10", "--skip-tail", "20", "--record-start-offset", "2",
            "--record-end-offset", "3", "--min-record-length", "5", "--max-record-length", "900"])
    # Spark's option names are case-insensitive; '-' and '_' are the same in Cobrix's names.
    expect(mfb, ["Record_Format=VB", "GENERATE-RECORD-ID=TRUE"], ["--recfm", "VB", "--generate-record-id"])
    # Options that change nothing in the rows are accepted, not turned into flags.
    expect(mfb, ["input_split_records=100", "enable_indexes=false", "pedantic=true"], PROFILE)


def refused(mfb, args, *words):
    p = run(mfb, *args)
    check(p.returncode == 1, f"{args}: exit {p.returncode}, expected 1 (usage)")
    for w in words:
        check(w in p.stderr, f"{args}: {w!r} not in {p.stderr!r}")


def test_refusals(mfb, tmp):
    refused(mfb, ["cobrix-options", "no_such_option=1"], "unknown Cobrix option no_such_option")
    refused(mfb, ["cobrix-options", "record_header_parser=com.example.Parser"],
            "record_header_parser", "not supported", "--record-header")
    refused(mfb, ["cobrix-options", "generate_record_id=yes"], "generate_record_id", "true or false", "'yes'")
    refused(mfb, ["cobrix-options", "record_format=Q"], "record_format", "'Q'")
    refused(mfb, ["cobrix-options", "segment_filter=A"], "segment_field")
    refused(mfb, ["cobrix-options", "string_trimming_policy=keep_all"], "keep_all")
    refused(mfb, ["cobrix-options", "occurs_mappings=CNT=A:1"], "occurs_mappings", "JSON object")
    refused(mfb, ["cobrix-options", "file_start_offset=-1"], "file_start_offset", "'-1'")
    refused(mfb, ["cobrix-options", "justtext"], "NAME=VALUE")
    opts = Path(tmp) / "job.options"
    opts.write_text('# from the Spark job\n.option("record_format", "V")\n'
                    '.option("generate_record_id", true)\n\nsegment_field = SEG\n'
                    '// a comment\n.option("record_extractor", "com.example.Extractor")\n')
    refused(mfb, ["cobrix-options", "--file", str(opts)], f"{opts}:7", "record_extractor", "not supported")
    opts.write_text('.option("record_format", "V")\n.option("generate_record_id", true)\n'
                    'segment_field = SEG\nsegment_id_level0=R\n')
    expect(mfb, ["--file", str(opts)], ["--recfm", "V", "--generate-record-id", "--segment-field", "SEG",
                                        "--segment-id-level", "0=R"])
    # On convert: a flag the user gives and an option also gives is a conflict, not a guess.
    cpy = Path(tmp) / "r.cpy"
    cpy.write_text("       01 R.\n          05 A PIC X(4).\n")
    refused(mfb, ["convert", str(cpy), "--codepage", "cp500", "--cobrix-option", "ebcdic_code_page=cp037"],
            "--codepage", "keep one")
    refused(mfb, ["convert", str(cpy), "--cobrix-options", str(Path(tmp) / "missing")], "missing")
    refused(mfb, ["layout", str(cpy), "--cobrix-option", "record_format=V"], "options of convert")
    refused(mfb, ["convert", str(cpy), "--profile", "spark"], "--profile", "'spark'")


def test_docs(mfb):
    listed = run(mfb, "cobrix-options", "--list")
    check(listed.returncode == 0, "--list failed")
    doc = (ROOT / "docs" / "cobrix.md").read_text()
    for line in listed.stdout.splitlines():
        m = re.match(r"(\S+)\s+(mapped|no effect|not supported)\s", line)
        check(m is not None, f"--list line {line!r}")
        if not m:
            continue
        name, status = m.groups()
        row = re.search(r"^\|\s*`" + re.escape(name) + r"`\s*\|(.*)$", doc, re.M)
        check(row is not None, f"docs/cobrix.md has no row for {name}")
        if row:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.group(1))]
            check(len(cells) >= 2 and cells[1] == status,
                  f"docs/cobrix.md: {name} is '{status}' in --list, {cells[1:2]} in the table")


def main():
    mfb = Path(sys.argv[1] if len(sys.argv) > 1 else "build") / "mfbridge"
    with tempfile.TemporaryDirectory() as tmp:
        test_mappings(mfb)
        test_refusals(mfb, tmp)
        test_docs(mfb)
    print(f"{len(FAILURES)} failures" if FAILURES else "ok")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
