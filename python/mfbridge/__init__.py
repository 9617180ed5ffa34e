"""mfbridge for Python: mainframe record files read through COBOL copybooks into pandas.

The C++ core (mfbridge._core) frames and decodes; this module builds the DataFrames.
Options are the CLI's long options with '-' spelled '_' (copybook, include, codepage,
recfm, lrecl, record, select, rdw_little_endian, float_format, raw, ...). Failures raise
the CLI's errors as exceptions: UsageError, DataError, MismatchError and TargetError, all
subclasses of mfbridge.Error, with `kind`, `file`, `record`, `offset`, `field`,
`field_offset`, `hex` and `reason` attributes (None where they do not apply).

Exact decimals: a number with a scale, or with more than 18 digits, is a decimal.Decimal
made from the decoder's exact text (PIC S9(5)V99 -1234.5 is Decimal('-1234.50')); a number
with scale 0 and at most 18 digits is int64 (pandas' nullable "Int64"); COMP-1/COMP-2 are
float64. Column metadata (kind, digits, scale, field path) is in df.attrs["mfbridge"].
"""

import functools
import json
import re
from decimal import Decimal

from ._core import DataError, Error, MismatchError, TargetError, UsageError  # noqa: F401
from . import _core

__all__ = ["read", "layout", "schema", "splits", "convert_range", "load_split", "load_finish",
           "Error", "UsageError", "DataError",
           "MismatchError", "TargetError"]

_ALL = 1 << 62  # "every record" for one call of the reader


def layout(copybook, format="json", **options):
    """The copybook's record layout: a dict (the CLI's `layout --format json`) or, with
    format="text", the compiler-style listing. Options: include, record, cobrix."""
    text = _core.layout_text(dict(options, copybook=copybook, format=format))
    return json.loads(text) if format == "json" else text


def _one_file(path, call):
    """Every call here reads one file: a folder or a glob (which names several) is refused
    rather than read partly. `mfbridge convert` reads several files in one run."""
    text = str(path)
    if _core._names_several_files(text):
        raise UsageError(f"{text}: mfbridge.{call}() reads one file; a folder or a glob names "
                         "several (call it once per file, or run `mfbridge convert`, which "
                         "reads them all in one run)")
    return text


def read(path, copybook, batch_size=None, nested=False, on_error="fail", **options):
    """Read a record file into a pandas DataFrame indexed by record number (1-based, as
    in the CLI's messages). With several record types (select=...), a dict of DataFrames
    keyed by type. With batch_size=N, an iterator of such results of at most N records.

    Groups and OCCURS are flattened into the CSV columns (GROUP_FIELD, TABLE_1_FIELD);
    nested=True keeps each top-level item as an object instead (dicts and lists, numbers
    as int or Decimal). on_error="skip" leaves bad records out and lists their errors in
    df.attrs["mfbridge"]["errors"]; the default "fail" raises DataError. range= reads one
    split only (an entry of splits()["ranges"]), with the whole file's record numbers."""
    reader = _core._Reader(_one_file(path, "read"),
                           dict(options, copybook=copybook, nested=nested, on_error=on_error))
    if batch_size is not None:
        if not isinstance(batch_size, int) or batch_size <= 0:
            raise UsageError("batch_size must be a positive integer")
        return _batches(reader, batch_size, nested)
    got = reader.next(_ALL)
    return _result(reader.schema(), got, nested)


def _batches(reader, size, nested):
    while True:
        got = reader.next(size)
        if got is None:
            return
        yield _result(reader.schema(), got, nested)


def _result(schema, got, nested):
    """One DataFrame, or a dict of them by record type, from a reader call's output."""
    import pandas as pd  # imported late: layout() and the errors need no pandas

    parts, errors = got if got is not None else ([], [])
    by_type = {p["type"]: p for p in parts}
    frames = {}
    for entry in schema:
        part = by_type.get(entry["type"])
        frame = _frame(pd, entry, part, nested)
        frame.attrs["mfbridge"] = {
            "record_type": entry["type"],
            "columns": {c["name"]: {k: c[k] for k in ("kind", "digits", "scale", "field")}
                        for c in entry["columns"]},
            "errors": errors,
        }
        frames[entry["type"]] = frame
    return next(iter(frames.values())) if len(frames) == 1 else frames


def _frame(pd, entry, part, nested):
    import numpy as np

    numbers = part["numbers"] if part is not None else np.zeros(0, dtype=np.uint64)
    index = pd.Index(numbers.astype(np.int64), name="record")
    if nested:
        rows = [json.loads(line, parse_float=Decimal) for line in (part or {}).get("json", [])]
        return pd.DataFrame.from_records(rows, index=index) if rows else pd.DataFrame(index=index)
    if part is None:
        return empty_frame(pd, entry["columns"], index)
    data = {}
    for name, kind, values, missing in part["columns"]:
        data[name] = _column(pd, np, kind, values, missing, index)
    return pd.DataFrame(data, index=index)


def _column(pd, np, kind, values, missing, index):
    if kind == "int64":
        return pd.Series(pd.arrays.IntegerArray(values, missing), index=index)
    if kind == "float64":
        return pd.Series(np.where(missing, np.nan, values), index=index, dtype="float64")
    return pd.Series(values, index=index, dtype=object)


def empty_frame(pd, columns, index=None):
    """A DataFrame with no rows and the columns' dtypes (Dask's meta)."""
    dtypes = {"int64": "Int64", "float64": "float64"}
    if index is None:
        index = pd.Index([], dtype="int64", name="record")
    return pd.DataFrame({c["name"]: pd.Series([], dtype=dtypes.get(c["kind"], object), index=index)
                         for c in columns}, index=index)


def schema(copybook, **options):
    """The columns read() gives, per record type, without reading a file:
    [{"type": NAME, "columns": [{"name", "kind", "digits", "scale", "field"}, ...]}]."""
    return _core._Reader("/dev/null", dict(options, copybook=copybook)).schema()


# A record error as the library words it (record_error::to_string): the calls that report
# through a summary (convert_range, loads) give text, so the attributes are read back here.
_WHERE = re.compile(r"record (\d+) \(file offset (\d+)\)(?:: field (\S+) at offset (\d+) "
                    r"\(bytes \d+-\d+\): ([^:\n]+)(?:: ([0-9A-F ]+))?)?")


def _located(call):
    """Fill record, offset, field, field_offset, reason and hex of an error from its text."""
    @functools.wraps(call)
    def wrapper(*args, **kwargs):
        try:
            return call(*args, **kwargs)
        except Error as e:
            m = _WHERE.search(str(e))
            if m and e.record is None:
                e.record, e.offset = int(m.group(1)), int(m.group(2))
                if m.group(3):
                    e.field, e.field_offset, e.reason = m.group(3), int(m.group(4)), m.group(5)
                    e.hex = m.group(6)
            raise
    return wrapper


def splits(path, copybook, target_size="256M", **options):
    """The file's byte ranges of whole records (`mfbridge splits`): a dict with "file",
    "size", "recfm", "method", "records", "ranges" ([{"index", "offset", "length",
    "first_record", "records"}, ...]) and "warnings". Options: count (exactly N ranges),
    index (an index file to build or reuse, for variable files), chain, and the layout
    options. Raises UsageError for a file that cannot be split (gzip, a pipe)."""
    return _core.splits(_one_file(path, "splits"), copybook=copybook, target_size=target_size,
                        **options)


@_located
def convert_range(path, range, copybook, output=None, output_dir=None, **options):
    """Convert one range (an entry of splits()["ranges"], or (offset, length[, first])) of
    the file into `output` (or one file per record type in output_dir), written as
    NAME.partial and renamed when complete. Record numbers are the whole file's. Returns
    the summary (the CLI's --summary-json); a failure raises its mfbridge.Error.
    Options: format ("jsonl" or "csv"), on_error, reject_file, max_errors, threads (1)."""
    return _core.convert_range(_one_file(path, "convert_range"), range=range, copybook=copybook,
                               output=output, output_dir=output_dir, **options)


@_located
def load_split(path, range, count, copybook, target, **options):
    """Load one range (`load --split I/N`; I is range["index"]) into the target's tables,
    under its own checkpoint: a re-run resumes and never duplicates a row. Options: the
    CLI's load options (table, key, index, flatten_occurs, chunk_records, job, ...)."""
    return _core.load_split(_one_file(path, "load_split"), range=range, count=count,
                            copybook=copybook, target=target, **options)


@_located
def load_finish(path, count, copybook, target, **options):
    """After every split is loaded (`load --finish`): merge the splits' control totals,
    add keys and indexes, reconcile once. Raises MismatchError when the target differs."""
    return _core.load_finish(_one_file(path, "load_finish"), count=count, copybook=copybook,
                             target=target, **options)
