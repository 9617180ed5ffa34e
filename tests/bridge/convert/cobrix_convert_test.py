#!/usr/bin/env python3
"""Every case of the Cobrix peer suite, run with its Cobrix options verbatim.

The peer suite (../shared/peer/cobrix, see its README) holds copybooks, EBCDIC/ASCII data and
the rows Cobrix produced. Each variant below runs `mfbridge convert` with the Cobrix options
the case lists (the copybook and the data path are options too), exactly as a Spark job's
.option(...) list, and compares the output with Cobrix's rows AS THEY ARE: line by line,
as text. Only the Jackson-pretty file of t07 (decimals turned into doubles by its test) and
the rows Spark's na.fill(0) changed (t24, t40) are compared as parsed values (see the README,
"How to compare").

The only variants allowed to differ are in COBRIX_DIFFERENCES, each with the IBM rule that
Cobrix breaks there. The test fails when a variant differs and is not listed, and when a
listed variant no longer differs, so the list always tells the truth.
Usage: cobrix_convert_test.py BUILD
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PEER = ROOT.parent / "shared" / "peer" / "cobrix"
CUSTOM_PAGE = ROOT / "tests" / "data" / "codepages" / "cobrix_custom_test.txt"


def variant(case, copybooks, inputs, options, expected, **how):
    return {"case": case, "copybooks": copybooks, "inputs": inputs, "options": options,
            "expected": expected, **how}


T5 = {"record_format": "V", "generate_record_id": "true", "segment_field": "SEGMENT_ID"}
T5_LE = "data_le_rdw/COMP.DETAILS.SEP30.DATA.dat"
T5_BE = "data_be_rdw/COMP.DETAILS.FEB02.DATA.RDW.BE.dat"
T17 = {"record_format": "V", "segment_field": "SEGMENT_ID",
       **{f"redefine_segment_id_map:{n}": f"{g} => {n}" for n, g in
          [(1, "COMPANY"), (2, "DEPT"), (3, "EMPLOYEE"), (4, "OFFICE"), (5, "CUSTOMER"),
           (6, "CONTACT"), (7, "CONTRACT")]}}
T17_DATA = "data/HIERARCHICAL.DATA.RDW.dat"
T24 = {"floating_point_format": "IEEE754", "strict_sign_overpunching": "true"}
T3 = {"segment_field": "SIGNATURE", "segment_filter": "S9276511"}
T9_DATA = "data/TRAN.APR14.NPT.DATA.dat"
T7_DATA = "data/TEST.FILLERS.DEC07.DATA.dat"

VARIANTS = {
    "test1": variant("t01_fixed_odo", ["test1_copybook.cob"], ["data/example.bin"], {}, "test1.txt"),
    "test1b": variant("t01_fixed_odo", ["test1_copybook.cob"], ["data/example.bin"],
                      {"generate_record_id": "true"}, "test1b.txt"),
    "test1a": variant("t01_fixed_odo", ["test1a_copybook.cob"], ["data/example.bin"],
                      {"record_start_offset": "2", "record_end_offset": "27"}, "test1a.txt"),
    # Cobrix's path is the glob data_glob/*: two folders, each listed one level deep.
    "test15": variant("t01_fixed_odo", ["test1_copybook.cob"], ["data_glob/*"], {}, "test15.txt", sort="ID"),
    "test3": variant("t03_trim_segment_filter", ["test3_copybook.cob"], ["data/TRAN2.AUG31.DATA.dat"],
                     T3, "test3.txt", take=60),
    "test5": variant("t05_vrl_multiseg_ebcdic", ["test5_copybook.cob"], [T5_LE],
                     {**T5, "improved_null_detection": "false", "segment_id_level0": "C",
                      "segment_id_level1": "P", "segment_id_prefix": "A"}, "test5.txt", take=60),
    "test5a": variant("t05_vrl_multiseg_ebcdic", ["test5_copybook.cob"], [T5_LE],
                      {**T5, "improved_null_detection": "false", "segment_id_root": "C",
                       "input_split_records": "100", "segment_id_prefix": "B"}, "test5a.txt", take=60),
    "test5b": variant("t05_vrl_multiseg_ebcdic", ["test5_copybook.cob"], [T5_BE],
                      {**T5, "is_rdw_big_endian": "true", "improved_null_detection": "false",
                       "segment_id_level0": "C", "segment_id_level1": "P", "segment_id_prefix": "A"},
                      "test5b.txt", take=60),
    "test5c": variant("t05_vrl_multiseg_ebcdic", ["test5_copybook.cob"], [T5_LE],
                      {**T5, "segment_id_root": "C", "input_split_records": "100", "segment_id_prefix": "B",
                       "redefine_segment_id_map:0": "STATIC-DETAILS => C,D",
                       "redefine-segment-id-map:1": "CONTACTS => P"}, "test5c.txt", take=60),
    "test5d": variant("t05_vrl_multiseg_ebcdic", ["test5d_copybook.cob"], [T5_BE],
                      {"generate_record_id": "true", "segment_field": "SEGMENT_ID",
                       "record_length_field": "RECORD-LENGTH", "rdw_adjustment": "4",
                       "improved_null_detection": "false", "segment_id_level0": "C",
                       "segment_id_level1": "P", "segment_id_prefix": "A"}, "test5d.txt", take=60),
    "test7": variant("t07_fillers", ["test7_fillers.cob"], [T7_DATA],
                     {"drop_value_fillers": "true", "drop_group_fillers": "true"}, "test7.txt",
                     pretty=True, sort="AMOUNT", take=100),
    "test7a": variant("t07_fillers", ["test7_fillers.cob"], [T7_DATA],
                      {"drop_value_fillers": "true", "drop_group_fillers": "false"}, "test7a.txt",
                      pretty=True, sort="AMOUNT", take=100),
    "test7b": variant("t07_fillers", ["test7_fillers.cob"], [T7_DATA],
                      {"drop_value_fillers": "false", "drop_group_fillers": "true"}, "test7b.txt",
                      pretty=True, sort="AMOUNT", take=100),
    "test7c": variant("t07_fillers", ["test7_fillers.cob"], [T7_DATA],
                      {"drop_value_fillers": "false", "drop_group_fillers": "false",
                       "filler_naming_policy": "sequence_numbers"}, "test7c.txt",
                      pretty=True, sort="AMOUNT", take=100),
    "test7d": variant("t07_fillers", ["test7_fillers.cob"], [T7_DATA],
                      {"drop_value_fillers": "false", "drop_group_fillers": "false",
                       "filler_naming_policy": "previous_field_name"}, "test7d.txt",
                      pretty=True, sort="AMOUNT", take=100),
    "test9_cp037": variant("t09_code_pages", ["test9_copybook.cob"], [T9_DATA],
                           {"ebcdic_code_page": "cp037"}, "test9_cp037.txt", take=60),
    "test9_cp037_ext": variant("t09_code_pages", ["test9_copybook.cob"], [T9_DATA],
                               {"ebcdic_code_page": "cp037_extended", "string_trimming_policy": "none"},
                               "test9_cp037_ext.txt", take=60),
    # ebcdic_code_page_class names a Java class: the same table, given as a 256-entry file.
    "test9_cp_custom": variant("t09_code_pages", ["test9_copybook.cob"], [T9_DATA],
                               {"string_trimming_policy": "none"}, "test9_cp_custom.txt", take=60,
                               flags=["--codepage", str(CUSTOM_PAGE)]),
    "test10": variant("t10_ascii_non_terminals", ["test10_copybook.cob"], ["data/data.dat"],
                      {"encoding": "ascii", "non_terminals": "NAME,ACCOUNT-NO",
                       "schema_retention_policy": "keep_original"}, "test10.txt"),
    "test12": variant("t12_ascii_merge_copybooks", ["test12_copybook.cob"], ["data/data.dat"],
                      {"encoding": "ascii", "schema_retention_policy": "keep_original"}, "test12.txt"),
    "test12_merged": variant("t12_ascii_merge_copybooks", ["test12_copybook_a.cob", "test12_copybook_b.cob"],
                             ["data/data.dat"], {"encoding": "ascii", "schema_retention_policy": "keep_original"},
                             "test12.txt"),
    "test17a": variant("t17_hierarchical_ebcdic", ["test17_hierarchical.cob"], [T17_DATA],
                       {**T17, "generate_record_id": "true"}, "test17a.txt", take=300),
    "test17b": variant("t17_hierarchical_ebcdic", ["test17_hierarchical.cob"], [T17_DATA],
                       {**T17, "generate_record_id": "true", "segment_id_level0": "1",
                        "segment_id_level1": "2,5", "segment_id_level2": "3,4,6,7",
                        "segment_id_prefix": "A"}, "test17b.txt", take=300),
    "test17b_all_others": variant("t17_hierarchical_ebcdic", ["test17_hierarchical.cob"], [T17_DATA],
                                  {**T17, "generate_record_id": "true", "segment_id_level0": "1",
                                   "segment_id_level1": "2,5", "segment_id_level2": "_",
                                   "segment_id_prefix": "A"}, "test17b.txt", take=300),
    "test17c": variant("t17_hierarchical_ebcdic", ["test17_hierarchical.cob"], [T17_DATA],
                       {**T17, "generate_record_id": "true",
                        "segment-children:1": "COMPANY => DEPT,CUSTOMER",
                        "segment-children:2": "DEPT => EMPLOYEE,OFFICE",
                        "segment-children:3": "CUSTOMER => CONTACT,CONTRACT"}, "test17c.txt"),
    "test21": variant("t21_ascii_nested_odo", ["test21_copybook.cob"], ["data/data.dat"],
                      {"record_format": "F", "encoding": "ascii", "variable_size_occurs": "true",
                       "schema_retention_policy": "keep_original"}, "test21.txt"),
    "test24": variant("t24_debug_columns", ["test24_copybook.cob"], ["data/INTEGR.TYPES.NOV28.DATA.dat"],
                      {**T24, "debug": "true"}, "test24.txt", sort="ID", take=20, fill0=True),
    "test24b": variant("t24_debug_columns", ["test24_copybook.cob"], ["data/INTEGR.TYPES.NOV28.DATA.dat"],
                       {**T24, "debug": "raw"}, "test24b.txt", sort="ID", take=20, fill0=True),
}
for _kind in ("none", "left", "right", "both"):
    VARIANTS[f"test3_trim_{_kind}"] = variant(
        "t03_trim_segment_filter", ["test3_copybook.cob"], ["data/TRAN2.AUG31.DATA.dat"],
        {**T3, "string_trimming_policy": _kind}, f"test3_trim_{_kind}.txt", take=60)
for _page in ("cp273", "cp500", "cp1140", "cp1141", "cp1148"):
    VARIANTS[f"test9_{_page}"] = variant("t09_code_pages", ["test9_copybook.cob"], [T9_DATA],
                                         {"ebcdic_code_page": _page, "string_trimming_policy": "none"},
                                         f"test9_{_page}.txt", take=60)
for _name, _data, _extra in (("test40", "data/example.dat", {}),
                             ("test40_gz", "data/example.dat.gz", {}),
                             ("test40_bz2", "data/example.dat.bz2", {}),
                             ("test40_gz_ids", "data/example.dat.gz",
                              {"input_split_records": "1", "enable_index_cache": "false",
                               "generate_record_id": "true"}),
                             ("test40_bz2_ids", "data/example.dat.bz2",
                              {"input_split_records": "1", "enable_index_cache": "false",
                               "generate_record_id": "true"})):
    VARIANTS[_name] = variant("t40_compressed", ["test40_copybook.cob"], [_data], {**T24, **_extra},
                              "test40.txt", sort="ID", take=20, fill0=True,
                              drop=["File_Id", "Record_Id", "Record_Byte_Length"])

# Where Cobrix breaks IBM's rules, mfbridge follows IBM: these variants differ, for this
# reason only. Everything else must match Cobrix's rows exactly.
C1 = set(range(0x80, 0xA0)) - {0x85}  # Cobrix keeps NEL
CONTROLS_RULE = ("IBM's code pages (CDRA: CCSID 37, 273, 500, 1140, 1141, 1148) map each EBCDIC control "
                 "byte to its Unicode control character (U+0000-U+009F), as ICU and Python's codecs do; "
                 "Cobrix's tables write a space for the C1 controls but NEL (and, in its plain cp037, for every C0 "
                 "control but CR and LF, and DEL), "
                 "and swap CR and LF (CDRA: 0x0D is CR, 0x25 is LF)")
CRLF = {"\r": "\n", "\n": "\r"}
SHORT_RULE = ("a field past the end of a variable-length record has no value: IBM defines a record's "
              "contents only up to its length (the RDW), so mfbridge leaves the field out (null); Cobrix "
              "decodes it as an empty string")
ZONED_RULE = ("0x00 is not a zoned decimal digit (IBM: each digit byte is F0-F9, the sign in the last "
              "byte's zone), so OFFICE.FLOOR / ROOM-NUMBER padded with NUL are invalid numbers: null under "
              "the lenient policy, and counted; Cobrix trims the NULs and reads 33")
COBRIX_DIFFERENCES = {
    "test9_cp037": (CONTROLS_RULE, {"controls": C1 | {0x7F} | (set(range(0x20)) - {0x0A, 0x0D}), "swap": CRLF, "java_trim": True}),
    "test9_cp037_ext": (CONTROLS_RULE, {"controls": C1, "swap": CRLF}),
    **{f"test9_{p}": (CONTROLS_RULE, {"controls": C1, "swap": CRLF}) for p in ("cp273", "cp500", "cp1140", "cp1141", "cp1148")},
    **{v: (SHORT_RULE, {"absent": {"TAXPAYER_STR"}}) for v in ("test5", "test5a", "test5b", "test5d")},
    **{v: (ZONED_RULE, {"absent": {"FLOOR", "ROOM_NUMBER"}})
       for v in ("test17a", "test17b", "test17b_all_others", "test17c")},
}

sys.path.insert(0, str(ROOT / "tests" / "support"))
from cobrix_compare import check_generated_ids, compare_allowing, compare_rows, run_counts  # noqa: E402


def convert_lines(mfb, spec, tmp):
    """The rows of one run over every input of the variant (as Cobrix's one read: File_Id
    and Record_Id come from the run itself), or the error."""
    folder = PEER / spec["case"]
    cmd = [str(mfb), "convert", "--no-progress", "--threads", "2"]
    opts = dict(spec["options"])
    opts["copybooks" if len(spec["copybooks"]) > 1 else "copybook"] = ",".join(
        str(folder / c) for c in spec["copybooks"])
    opts["path"] = ",".join(str(folder / data) for data in spec["inputs"])
    options_file = Path(tmp) / "job.options"
    options_file.write_text("".join(f'.option("{k}", "{v}")\n' for k, v in opts.items()))
    cmd += ["--cobrix-options", str(options_file)] + spec.get("flags", [])
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {(proc.stderr.strip().splitlines() or ['(no message)'])[0]}"
    return [l for l in proc.stdout.split("\n") if l], None


def run_variant(mfb, name, spec, tmp):
    folder = PEER / spec["case"]
    lines, why = convert_lines(mfb, spec, tmp)
    if why:
        return why
    if "drop" in spec and spec["options"].get("generate_record_id") == "true":
        # Cobrix's test drops the generated columns before comparing: check them against
        # the model of the rule instead (File_Id per file, Record_Id its index in the file).
        if (why := check_generated_ids(lines, [folder / d for d in spec["inputs"]], 1493)):
            return why
    expected = (folder / "expected" / spec["expected"]).read_text(encoding="utf-8")
    diff = compare_rows(lines, expected, spec)
    listed = COBRIX_DIFFERENCES.get(name)
    if diff is not None and listed is not None:
        # A listed difference must be the only one: with it taken out, the rows match.
        rest = compare_allowing(lines, expected, spec, listed[1])
        if rest is not None:
            return f"{diff}\n        and, beyond the listed difference: {rest}"
    return diff


def as_second_file(row):
    """A row of a file's copy read second in the same run: File_Id 1, and Seg_Id0..n (Cobrix's
    PREFIX_<File_Id>_<root index>...) under file id 1; everything else unchanged."""
    out = dict(row)
    if "File_Id" in out:
        out["File_Id"] = 1
    for k, v in out.items():
        if k.startswith("Seg_Id") and isinstance(v, str):
            prefix, file_id, rest = v.split("_", 2)
            out[k] = f"{prefix}_{int(file_id) + 1}_{rest}"
    return out


def two_copies(mfb, name, tmp):
    """The variant's file read twice in one run (a folder holding two links to it): the first
    copy's rows are the one-file run's, the second's the same rows of File_Id 1 (Record_Id,
    Seg_Id counters and nested groups restart in each file)."""
    spec = VARIANTS[name]
    single, why = convert_lines(mfb, spec, tmp)
    if why:
        return why
    twice = Path(tmp) / f"{name}_twice"
    twice.mkdir()
    for copy in ("a.dat", "b.dat"):
        (twice / copy).symlink_to(PEER / spec["case"] / spec["inputs"][0])
    lines, why = convert_lines(mfb, {**spec, "inputs": [str(twice)]}, tmp)
    if why:
        return why
    first = [json.loads(l) for l in single]
    want = single + [json.dumps(as_second_file(r), separators=(",", ":"), ensure_ascii=False) for r in first]
    if len(lines) != len(want):
        return f"{len(lines)} rows over two copies, expected {len(want)}"
    at = next((i for i, (a, b) in enumerate(zip(lines, want)) if json.loads(a) != json.loads(b)), None)
    return None if at is None else f"row {at + 1} over two copies: {lines[at][:160]}, expected {want[at][:160]}"


def main():
    mfb = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build") / "mfbridge"
    if not PEER.is_dir():
        print(f"skipped: peer suite not found at {PEER}")
        return 0
    failed = matched = differs = 0
    with tempfile.TemporaryDirectory() as tmp:
        results = {name: run_variant(mfb, name, spec, tmp) for name, spec in VARIANTS.items()}
        results.update(run_counts(mfb, PEER / "t40_compressed", tmp))
        for name in ("test5", "test17b", "test17c"):
            results[f"{name}_two_copies"] = two_copies(mfb, name, tmp)
    for name, diff in results.items():
        rule = COBRIX_DIFFERENCES.get(name, (None,))[0]
        if diff is not None and rule is not None and "beyond the listed difference" in diff:
            print(f"FAIL    {name}: {diff}")
            failed += 1
        elif diff is None and rule is None:
            print(f"PASS    {name}")
            matched += 1
        elif diff is not None and rule is not None:
            print(f"DIFFERS {name} (IBM rule: {rule})\n        {diff}")
            differs += 1
        elif diff is None:
            print(f"FAIL    {name}: listed as a Cobrix difference ({rule}) but now matches: update the list")
            failed += 1
        else:
            print(f"FAIL    {name}: {diff}")
            failed += 1
    print(f"{matched} match Cobrix exactly, {differs} differ as listed (IBM rules), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
