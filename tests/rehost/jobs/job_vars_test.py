"""mfbridge run: ${VAR} expansion with date offsets and patterns, checked against Python's
datetime and calendar modules (timedelta for days and weeks, calendar.monthrange for the
month-end clamp of months and years, strftime for the pattern letters)."""

import calendar
import datetime
import os
import random
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from job_support import check, workspace  # noqa: E402

PATTERNS = {"yyyyMMdd": "%Y%m%d", "yyMMdd": "%y%m%d", "yyyy-MM-dd": "%Y-%m-%d",
            "yyDDD": "%y%j", "yyyy.DDD": "%Y.%j", "dd_MM_yyyy": "%d_%m_%Y", "yyyy/MM": "%Y/%m"}


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d, n, unit):
    if unit == "d":
        return d + datetime.timedelta(days=n)
    if unit == "w":
        return d + datetime.timedelta(weeks=n)
    return add_months(d, n if unit == "m" else 12 * n)


def expansions(ws, refs, dates, extra=()):
    """Dry-run a job whose check lists `refs`; return the expanded paths in order."""
    lines = ["job: vars", "vars:"] + [f"  D{i}: '{d.isoformat()}'" for i, d in enumerate(dates)]
    lines += ["steps:", "  - name: a", "    check:", "      file_exists:"]
    lines += [f"        - '{r}'" for r in refs]
    ws.write("job.yaml", "\n".join(lines) + "\n")
    p = ws.run("run", "job.yaml", "--dry-run", *extra)
    line = next((x for x in p.stdout.splitlines() if "file_exists" in x), None)
    check(line is not None, f"no plan line\n{p.stdout}{p.stderr}")
    return re.findall(r"path=(\S+)", line), p


def test_against_datetime():
    rng = random.Random(20261121)
    dates = [datetime.date(2024, 2, 29), datetime.date(2023, 1, 31), datetime.date(1999, 12, 31),
             datetime.date(2026, 11, 21), datetime.date(2000, 3, 1)]
    dates += [datetime.date(1970, 1, 1) + datetime.timedelta(days=rng.randrange(0, 40000)) for _ in range(15)]
    refs, want = [], []
    for i, d in enumerate(dates):
        for _ in range(6):
            offs = [(rng.choice("+-"), rng.randrange(0, 800), rng.choice("dwmy")) for _ in range(rng.randrange(1, 3))]
            pat = rng.choice(list(PATTERNS))
            refs.append(f"${{D{i}{''.join(f'{s}{n}{u}' for s, n, u in offs)}:{pat}}}")
            e = d
            for s, n, u in offs:
                e = shift(e, n if s == "+" else -n, u)
            want.append(e.strftime(PATTERNS[pat]))
        refs.append(f"${{D{i}-1m+2d}}")  # no pattern: ISO
        want.append(shift(shift(d, -1, "m"), 2, "d").isoformat())
        refs.append(f"X${{D{i}}}.$${{literal}}")
        want.append(f"X{d.isoformat()}.${{literal}}")
    got, p = expansions(ws, refs, dates)
    check(len(got) == len(want), f"{len(got)} expansions for {len(want)} references\n{p.stdout}")
    for r, g, w in zip(refs, got, want):
        check(g.strip("'") == w, f"{r}: got {g}, Python says {w}")


def test_run_date():
    # The runner sees TZ=UTC (job_support), so "today" is the UTC date.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    got, _ = expansions(ws, ["${RUN_DATE}", "${RUN_DATE-1d:yyyyMMdd}"], [])
    check(got == [today.isoformat(), (today - datetime.timedelta(days=1)).strftime("%Y%m%d")], f"{got}")
    got, _ = expansions(ws, ["${RUN_DATE:yyyyMMdd}", "${RUN_DATE-1d:yyyyMMdd}", "${RUN_DATE+1m}"], [],
                        ["--var", "RUN_DATE=2026-03-31"])
    check(got == ["20260331", "20260330", "2026-04-30"], f"{got}")


def test_errors():
    for ref, extra, want in [("${D0:YYYYMMdd}", [], "unknown date pattern letters 'YYYY'"),
                             ("${D0-1x}", [], "a date offset is +N or -N followed by d, w, m or y"),
                             ("${NAME:yyyy}", ["--var", "NAME=abc"], "is not a date YYYY-MM-DD"),
                             ("${RUN_DATE}", ["--var", "RUN_DATE=2026-02-30"], "RUN_DATE must be a date"),
                             ("${UNSET_X}", [], "unknown variable ${UNSET_X}"),
                             ("${D0", [], "unterminated ${")]:
        ws.write("job.yaml", f"job: v\nvars:\n  D0: '2026-01-01'\nsteps:\n  - name: a\n    check:\n"
                 f"      file_exists: '{ref}'\n")
        p = ws.run("run", "job.yaml", "--dry-run", *extra)
        check(p.returncode == 1, f"{ref}: exit {p.returncode}")
        check("job.yaml:7:20: " in p.stderr and want in p.stderr, f"{ref}: {p.stderr}")


ws = workspace()
test_against_datetime()
test_run_date()
test_errors()
ws.cleanup()
print("ok")
