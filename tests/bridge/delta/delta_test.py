#!/usr/bin/env python3
"""Correctness of `mfbridge delta` against a Python model of two generations.

The two generations are Python dicts (random, fixed seed). They become EBCDIC files through
`mfbridge encode`; the expected delta comes from the dicts alone: keys ordered by their bytes
as Python's cp037 codec writes them (and the test checks those bytes sit at the key's
offset in the encoded files), changed fields from comparing the dicts leaf by leaf.
Checked:
1. the hashed path (default) gives exactly the model's events, in key-byte order;
2. --sorted on sorted copies, a forced spill (--memory-limit 0.02) and a second run give
   byte-identical output; so does VB framing;
3. applying the events (insert, the `changed` fields of updates, delete) to generation 1
   gives generation 2, and each update's `record` is the new record;
4. duplicate keys (old, new, new-only inserts) and unsorted input fail with exit 2 and the
   exact text; a bad --key fails with exit 1.
Usage: delta_test.py BUILD_DIR
"""
import copy
import json
import os
import random
import subprocess
import sys
import tempfile
from decimal import Decimal

FAILURES = []
PASSED = []
COPYBOOK = """\
       01  CUST-REC.
           05  CUST-KEY.
               10  BRANCH       PIC X(3).
               10  CUST-ID      PIC 9(6).
           05  CUST-NAME        PIC X(20).
           05  BALANCE          PIC S9(7)V99 COMP-3.
           05  CREDIT           PIC S9(5) COMP.
           05  YEARS OCCURS 3.
               10  YR           PIC 9(4).
               10  TAX          PIC S9(5)V99 COMP-3.
           05  STATUS-CODE      PIC X.
"""
LRECL = 3 + 6 + 20 + 5 + 4 + 3 * (4 + 4) + 1  # 63, worked out from the PICTUREs
# Lower case, digits and upper case sort differently in EBCDIC (81.. < C1.. < F0..) and ASCII.
BRANCHES = ["A01", "A1", "B20", "Z9", "9AB", "0", "ab", "a1Z", "M"]


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    (PASSED if cond else FAILURES).append(what)


def key_bytes(rec):
    k = rec["CUST-KEY"]
    return k["BRANCH"].ljust(3).encode("cp037") + str(k["CUST-ID"]).zfill(6).encode("cp037")


def key_json(rec):
    return {"CUST-KEY.BRANCH": rec["CUST-KEY"]["BRANCH"], "CUST-KEY.CUST-ID": rec["CUST-KEY"]["CUST-ID"]}


def money(rng, digits):
    cents = rng.randint(-(10 ** digits) + 1, 10 ** digits - 1)
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


def word(rng):
    n = rng.randint(0, 3)
    return " ".join("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(1, 5)))
                    for _ in range(n))


def random_record(rng, branch, cust_id):
    return {"CUST-KEY": {"BRANCH": branch, "CUST-ID": cust_id}, "CUST-NAME": word(rng),
            "BALANCE": money(rng, 9), "CREDIT": rng.randint(-99999, 99999),
            "YEARS": [{"YR": rng.randint(0, 9999), "TAX": money(rng, 7)} for _ in range(3)],
            "STATUS-CODE": rng.choice("ABC")}


def mutate(rng, rec):
    new = copy.deepcopy(rec)
    while new == rec:
        what = rng.randrange(6)
        if what == 0:
            new["CUST-NAME"] = word(rng)
        elif what == 1:
            new["BALANCE"] = money(rng, 9)
        elif what == 2:
            new["CREDIT"] = rng.randint(-99999, 99999)
        elif what == 3:
            new["YEARS"][rng.randrange(3)]["TAX"] = money(rng, 7)
        elif what == 4:
            new["YEARS"][rng.randrange(3)]["YR"] = rng.randint(0, 9999)
        else:
            new["STATUS-CODE"] = rng.choice("ABC")
    return new


def generations(seed, count):
    rng = random.Random(seed)
    keys = set()
    while len(keys) < count:
        keys.add((rng.choice(BRANCHES), rng.randint(0, 999999)))
    g1 = [random_record(rng, b, i) for b, i in sorted(keys)]
    g2 = []
    for rec in g1:
        r = rng.random()
        if r < 0.05:
            continue  # deleted
        g2.append(mutate(rng, rec) if r < 0.15 else copy.deepcopy(rec))
    while len(g2) < len(g1):
        k = (rng.choice(BRANCHES), rng.randint(0, 999999))
        if k not in keys:
            keys.add(k)
            g2.append(random_record(rng, *k))
    rng.shuffle(g1)
    rng.shuffle(g2)
    return g1, g2


def dump(v):
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k) + ":" + dump(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    if isinstance(v, Decimal):
        return str(v)
    return json.dumps(v)


def leaves(v, path=""):
    if isinstance(v, dict):
        for k, x in v.items():
            yield from leaves(x, path + "." + k if path else k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from leaves(x, "%s(%d)" % (path, i + 1))
    else:
        yield path, v


def expected_events(g1, g2):
    old = {key_bytes(r): r for r in g1}
    new = {key_bytes(r): r for r in g2}
    events = []
    for k in sorted(set(old) | set(new)):
        if k not in new:
            events.append({"op": "delete", "key": key_json(old[k])})
        elif k not in old:
            events.append({"op": "insert", "key": key_json(new[k]), "record": new[k]})
        elif old[k] != new[k]:
            o = dict(leaves(old[k]))
            changed = {p: {"old": o[p], "new": v} for p, v in leaves(new[k]) if o[p] != v}
            events.append({"op": "update", "key": key_json(new[k]), "changed": changed, "record": new[k]})
    return events


def set_leaf(rec, path, value):
    parts = path.split(".")
    node = rec
    for i, part in enumerate(parts):
        idx = None
        if part.endswith(")"):
            part, idx = part[:-1].split("(")
        last = i == len(parts) - 1
        if idx is None:
            if last:
                node[part] = value
            else:
                node = node[part]
        else:
            if last:
                node[part][int(idx) - 1] = value
            else:
                node = node[part][int(idx) - 1]


class Env:
    def __init__(self, build, tmp):
        self.mfb = os.path.join(build, "mfbridge")
        self.tmp = tmp
        self.cpy = os.path.join(tmp, "cust.cpy")
        with open(self.cpy, "w") as f:
            f.write(COPYBOOK)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def encode(self, records, name, recfm="FB"):
        src = self.path(name + ".jsonl")
        with open(src, "w") as f:
            for r in records:
                f.write(dump(r) + "\n")
        out = self.path(name)
        p = subprocess.run([self.mfb, "encode", "--copybook", self.cpy, "--recfm", recfm,
                            "--input", src, "--output", out], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("encode failed: " + p.stderr)
        return out

    def delta(self, old, new, *extra, key="BRANCH,CUST-ID"):
        out = self.path("delta.out")
        args = [self.mfb, "delta", "--copybook", self.cpy, "--old", old, "--new", new,
                "--key", key, "--output", out, "--summary-json", self.path("summary.json")] + list(extra)
        p = subprocess.run(args, capture_output=True, text=True)
        data = open(out, "rb").read() if os.path.exists(out) else b""
        summary = json.load(open(self.path("summary.json"))) if os.path.exists(self.path("summary.json")) else {}
        for f in (out, self.path("summary.json")):
            if os.path.exists(f):
                os.remove(f)
        return p.returncode, data, p.stderr, summary


def parse_lines(data):
    return [json.loads(line, parse_float=Decimal) for line in data.decode().splitlines()]


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    with tempfile.TemporaryDirectory(prefix="mfb-delta-") as tmp:
        env = Env(build, tmp)
        g1, g2 = generations(20261122, 3000)
        f1 = env.encode(g1, "gen1.dat")
        f2 = env.encode(g2, "gen2.dat")
        raw = open(f1, "rb").read()
        check(len(raw) == LRECL * len(g1), "encoded generation 1 has %d-byte records" % LRECL)
        check(all(raw[i * LRECL:i * LRECL + 9] == key_bytes(r) for i, r in enumerate(g1)),
              "key bytes in the file are the cp037 bytes the model orders by")

        want = expected_events(g1, g2)
        counts = {op: sum(e["op"] == op for e in want) for op in ("insert", "update", "delete")}
        rc, hashed, err, summary = env.delta(f1, f2)
        check(rc == 0, "hashed delta exits 0 (%s)" % err.strip())
        got = parse_lines(hashed)
        check(got == want, "hashed delta = the model's events, in key-byte order (%d events)" % len(want))
        check([list(e.get("changed", {})) for e in got] == [list(e.get("changed", {})) for e in want],
              "changed fields are listed in record order")
        check(all(str(c[side]).split(".")[-1].__len__() == 2
                  for e in got for p, c in e.get("changed", {}).items()
                  if p.endswith("TAX") or p == "BALANCE" for side in ("old", "new")),
              "changed decimals keep their 2-digit scale")
        unchanged = len(g2) - counts["insert"] - counts["update"]
        check(summary.get("inserts") == counts["insert"] and summary.get("updates") == counts["update"]
              and summary.get("deletes") == counts["delete"] and summary.get("unchanged") == unchanged
              and summary.get("old_records") == len(g1) and summary.get("new_records") == len(g2),
              "summary counts: %s" % counts)
        check(summary.get("partitions") == 0 and summary.get("method") == "hash", "hashed in memory")
        check("%d inserts, %d updates, %d deletes, %d unchanged" % (
            counts["insert"], counts["update"], counts["delete"], unchanged) in err, "stderr summary")

        rc2, again, _, _ = env.delta(f1, f2)
        check(rc2 == 0 and again == hashed, "a second run is byte-identical")

        s1 = env.encode(sorted(g1, key=key_bytes), "gen1.sorted")
        s2 = env.encode(sorted(g2, key=key_bytes), "gen2.sorted")
        rc, merged, err, summary = env.delta(s1, s2, "--sorted")
        check(rc == 0 and merged == hashed, "--sorted on sorted copies gives the same bytes (%s)" % err.strip())
        check(summary.get("method") == "sorted", "summary names the sorted merge")

        rc, spilled, err, summary = env.delta(f1, f2, "--memory-limit", "0.02")
        check(rc == 0 and spilled == hashed, "a spill forced by --memory-limit 0.02 gives the same bytes")
        check(summary.get("partitions", 0) >= 2 and summary.get("spill_bytes", 0) > len(raw),
              "the spill really happened: %s partitions, %s bytes" % (summary.get("partitions"),
                                                                       summary.get("spill_bytes")))
        tmp_left = [n for n in os.listdir(tmp) if n.startswith("mfbridge-delta-")]
        rc, _, _, _ = env.delta(f1, f2, "--memory-limit", "0.02", "--temp-dir", tmp)
        check(rc == 0 and not [n for n in os.listdir(tmp) if n.startswith("mfbridge-delta-")] and not tmp_left,
              "spill files are removed after the run")

        v1 = env.encode(g1, "gen1.vb", "VB")
        v2 = env.encode(g2, "gen2.vb", "VB")
        rc, vb, _, _ = env.delta(v1, v2, "--recfm", "VB")
        check(rc == 0 and vb == hashed, "VB framing gives the same bytes")

        # Applying the delta to generation 1 gives generation 2.
        table = {key_bytes(r): copy.deepcopy(r) for r in g1}
        ok = True
        for e in got:
            k = key_bytes({"CUST-KEY": {"BRANCH": e["key"]["CUST-KEY.BRANCH"],
                                        "CUST-ID": e["key"]["CUST-KEY.CUST-ID"]}})
            if e["op"] == "insert":
                ok &= k not in table
                table[k] = e["record"]
            elif e["op"] == "update":
                for path, c in e["changed"].items():
                    ok &= c["old"] == dict(leaves(table[k]))[path]
                    set_leaf(table[k], path, c["new"])
                ok &= table[k] == e["record"]
            else:
                ok &= table.pop(k, None) is not None
        check(ok and table == {key_bytes(r): r for r in g2},
              "applying inserts, changed fields and deletes to generation 1 gives generation 2")

        # A composite key given as the group: key objects nest as in the record.
        rc, grouped, _, _ = env.delta(f1, f2, key="CUST-KEY")
        check(rc == 0 and [e["key"] for e in parse_lines(grouped)] ==
              [{"CUST-KEY": {"BRANCH": e["key"]["CUST-KEY.BRANCH"], "CUST-ID": e["key"]["CUST-KEY.CUST-ID"]}}
               for e in want], "--key CUST-KEY gives nested key objects, same order")

        errors(env, g1, g2)
    print("%d passed, %d failed" % (len(PASSED), len(FAILURES)))
    return 1 if FAILURES else 0


def hexkey(rec):
    return " ".join("%02X" % b for b in key_bytes(rec))


def errors(env, g1, g2):
    f2 = env.path("gen2.dat")
    # Duplicate in the old generation: records 4 and 9 (1-based) share a key.
    dup = [copy.deepcopy(r) for r in g1[:12]]
    dup[8] = copy.deepcopy(dup[3])
    dup[8]["CUST-NAME"] = "OTHER"
    d1 = env.encode(dup, "dup_old.dat")
    msg = ("mfbridge delta: %s: record 9 (file offset %d) has the same key as record 4 (file offset %d): "
           "key %s; keys must be unique in each generation\n" % (d1, 8 * LRECL, 3 * LRECL, hexkey(dup[3])))
    for extra in ([], ["--memory-limit", "0.0001"]):
        rc, _, err, _ = env.delta(d1, f2, *extra)
        check(rc == 2 and err.startswith(msg), "duplicate old key %s: exit 2 and %r" % (extra, msg.strip()))

    # Duplicate in the new generation of a key that exists in the old one.
    new = [copy.deepcopy(r) for r in g1[:12]]
    new.insert(10, mutate(random.Random(1), new[2]))  # record 11 repeats record 3's key
    d2 = env.encode(new, "dup_new.dat")
    o1 = env.encode(g1[:12], "old12.dat")
    msg = ("mfbridge delta: %s: record 11 (file offset %d) has the same key as record 3 (file offset %d): "
           "key %s; keys must be unique in each generation\n" % (d2, 10 * LRECL, 2 * LRECL, hexkey(new[2])))
    rc, _, err, _ = env.delta(o1, d2)
    check(rc == 2 and err.startswith(msg), "duplicate new key (matched): exit 2 and the exact text")

    # Duplicate in the new generation of a key the old one lacks (found among inserts).
    extra_rec = random_record(random.Random(2), "QQQ", 123456)
    new = [copy.deepcopy(r) for r in g1[:5]] + [extra_rec, copy.deepcopy(g1[6]), dict(extra_rec, **{"CREDIT": 1})]
    d3 = env.encode(new, "dup_insert.dat")
    msg = ("mfbridge delta: %s: record 8 (file offset %d) has the same key as record 6 (file offset %d): "
           "key %s; keys must be unique in each generation\n" % (d3, 7 * LRECL, 5 * LRECL, hexkey(extra_rec)))
    for extra in ([], ["--memory-limit", "0.0001"]):
        rc, _, err, _ = env.delta(o1, d3, *extra)
        check(rc == 2 and err.startswith(msg), "duplicate inserted key %s: exit 2 and the exact text" % extra)
    srt = sorted(new, key=key_bytes)
    i = srt.index(extra_rec)
    d4 = env.encode(srt, "dup_sorted.dat")
    msg = ("mfbridge delta: %s: record %d (file offset %d) has the same key as record %d (file offset %d): "
           "key %s; keys must be unique in each generation\n" % (d4, i + 2, (i + 1) * LRECL, i + 1, i * LRECL,
                                                                hexkey(extra_rec)))
    rc, _, err, _ = env.delta(env.encode(sorted(g1[:12], key=key_bytes), "old12s.dat"), d4, "--sorted")
    check(rc == 2 and err.startswith(msg), "duplicate key on the sorted path: exit 2 and the exact text")

    # Unsorted input to --sorted: the first record whose key is lower than its predecessor's.
    recs = sorted(g2[:20], key=key_bytes)
    recs[6], recs[7] = recs[7], recs[6]
    u = env.encode(recs, "unsorted.dat")
    s1 = env.encode(sorted(g1, key=key_bytes), "gen1.sorted")
    msg = ("mfbridge delta: %s: record 8 (file offset %d) is out of order: its key %s is lower than the key "
           "%s of record 7; --sorted needs both inputs in ascending order of key bytes (leave out --sorted "
           "for unsorted input)\n" % (u, 7 * LRECL, hexkey(recs[7]), hexkey(recs[6])))
    rc, _, err, _ = env.delta(s1, u, "--sorted")
    check(rc == 2 and err.startswith(msg), "unsorted input to --sorted: exit 2 and %r" % msg.strip())

    rc, _, err, _ = env.delta(s1, u, key="NO-SUCH")
    check(rc == 1 and "--key NO-SUCH: no field of that name in CUST-REC" in err, "unknown --key: exit 1")
    rc, _, err, _ = env.delta(s1, u, key="TAX")
    check(rc == 1 and "--key TAX is inside an OCCURS table" in err, "--key inside OCCURS: exit 1")


if __name__ == "__main__":
    sys.exit(main())
