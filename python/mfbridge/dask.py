"""mfbridge on Dask: one task per split of each file, the C++ core doing the work.

    import mfbridge.dask as mdd
    df = mdd.read_cobol("/data/TAXPAYER.*", copybook="TAXPAYER.cpy", codepage="cp285")
    mdd.convert("/data/TAXPAYER.D20261121", copybook=..., output_dir="out/")
    mdd.load("/data/TAXPAYER.D20261121", copybook=..., target="postgresql://...")

Files are cut with mfbridge.splits() (the `mfbridge splits` contract: byte ranges of
whole records, with global record numbers) on the caller's machine; each task reads,
converts or loads one range. The tasks run on whatever Dask scheduler is current (a
distributed.Client, or Dask's default threads). A task that dies with its worker is run
again by Dask: a part is written as NAME.partial and renamed when complete, and a split's
load resumes from its own checkpoint, so a re-run never duplicates anything. The other
options are read()'s and the CLI's (recfm, lrecl, record, select, codepage, ...).
"""

import glob
import os
import uuid

import dask
import dask.dataframe as dd

import mfbridge

# Options that describe the file (passed to splits() as well as to each task).
_LAYOUT = ("include", "codepage", "cobrix", "recfm", "lrecl", "rdw_little_endian",
           "rdw_excludes_header", "record", "select", "float_format", "zoned", "trunc",
           "length_field", "length_adjust", "skip_head", "skip_tail", "record_start_offset",
           "record_end_offset", "parent", "key")


def _files(paths):
    """A path, a glob, or a list of either -> the files, each glob sorted by name."""
    out = []
    for p in [paths] if isinstance(paths, (str, os.PathLike)) else list(paths):
        p = os.fspath(p)
        found = sorted(glob.glob(p)) if glob.has_magic(p) else [p]
        if not found:
            raise mfbridge.UsageError(f"{p}: no file matches")
        out += found
    return out


def plan(paths, copybook, target_size="256M", split_index=None, **options):
    """[(file, range dict), ...] in file order: every split of every file."""
    layout = {k: v for k, v in options.items() if k in _LAYOUT}
    if "parent" not in layout:
        layout.pop("key", None)  # without parents, key= names a load's table keys
    parts = []
    for path in _files(paths):
        extra = {"index": split_index} if split_index else {}
        got = mfbridge.splits(path, copybook=copybook, target_size=target_size, **layout, **extra)
        parts += [(path, r) for r in got["ranges"]]
    return parts


def read_cobol(paths, copybook, target_size="64M", **options):
    """A dask DataFrame of the files, one partition per split, indexed by record number
    within its file (known divisions for a single file). One record type only (record=
    or a select= with one target): the partitions must share their columns."""
    schema = mfbridge.schema(copybook, **options)
    if len(schema) != 1:
        raise mfbridge.UsageError("read_cobol reads one record type; give record= or read "
                                  "each type with its own select=")
    import pandas as pd
    meta = mfbridge.empty_frame(pd, schema[0]["columns"])
    parts = plan(paths, copybook, target_size, **options)
    return dd.from_map(_read_part, parts, meta=meta, divisions=_divisions(parts),
                       label="read-cobol", enforce_metadata=False,
                       args=(copybook, options))


def _read_part(part, copybook, options):
    path, rng = part
    import pandas as pd
    frame = mfbridge.read(path, copybook=copybook, range=rng, **options)
    return frame if len(frame) else mfbridge.empty_frame(pd, mfbridge.schema(copybook, **options)[0]["columns"])


def _divisions(parts):
    """Record-number divisions for one file whose splits all hold records, else None."""
    if len({p for p, _ in parts}) != 1 or any(r["records"] == 0 for _, r in parts):
        return None
    firsts = [r["first_record"] for _, r in parts]
    last = parts[-1][1]
    return tuple(firsts) + (last["first_record"] + last["records"] - 1,)


def convert(paths, copybook, output_dir, format="jsonl", target_size="256M", **options):
    """Convert every split into output_dir/NAME.part-FFF-SSSSS.jsonl (or .csv): in name
    order, a file's parts concatenate to the bytes of a one-process `mfbridge convert` of
    it. Returns the parts' summaries (with "part": the path), in that order."""
    os.makedirs(output_dir, exist_ok=True)
    tasks = []
    for f, (path, rng) in _numbered(plan(paths, copybook, target_size, **options)):
        name = f"{os.path.basename(path)}.part-{f:03d}-{rng['index']:05d}.{format}"
        out = os.path.join(output_dir, name)
        key = _key("convert", f, rng["index"])
        tasks.append(dask.delayed(_convert_part, pure=False)(path, rng, out, copybook, format,
                                                             options, dask_key_name=key))
    return list(dask.compute(*tasks))


def _key(what, file_no, split):
    """A task key that names the split (mfbridge-load-000-00007-<unique>), so the dashboard,
    logs and Client.processing() say which split a worker is on."""
    return f"mfbridge-{what}-{file_no:03d}-{split:05d}-{uuid.uuid4().hex}"


def _numbered(parts):
    """(file number, part) pairs: files numbered from 0 in the order given."""
    files = []
    for path, rng in parts:
        if path not in files:
            files.append(path)
        yield files.index(path), (path, rng)


def _convert_part(path, rng, out, copybook, format, options):
    summary = mfbridge.convert_range(path, output=out, range=rng, copybook=copybook,
                                     format=format, **options)
    summary["part"] = out
    return summary


def load(path, copybook, target, target_size="256M", **options):
    """Load one file's splits in parallel into the same tables (each split in its own
    transactions and checkpoint), then merge the control totals and reconcile once.
    Returns the final summary; a mismatch raises MismatchError. Options: the CLI's load
    options (table, key, index, flatten_occurs, chunk_records, job, on_error, ...)."""
    parts = plan(path, copybook, target_size, **options)
    count = len(parts)
    tasks = [dask.delayed(_load_part, pure=False)(p, rng, count, copybook, target, options,
                                                  dask_key_name=_key("load", 0, rng["index"]))
             for p, rng in parts]
    splits = list(dask.compute(*tasks))
    final = mfbridge.load_finish(path, copybook=copybook, target=target, count=count, **options)
    final["splits"] = splits
    return final


def _load_part(path, rng, count, copybook, target, options):
    return mfbridge.load_split(path, copybook=copybook, target=target, range=rng,
                               count=count, **options)
