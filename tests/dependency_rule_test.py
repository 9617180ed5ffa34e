#!/usr/bin/env python3
"""The dependency rule: every #include points down the data flow, never up.

    copybook-parser, ebcdic          (leaves: they know nothing of each other)
    bridge/io <- bridge/codec <- bridge/convert, bridge/delta
    bridge/codec <- rehost/db <- rehost/jobs, rehost/rest
    mfb/mfbridge.hpp (rehost/include/mfb/): the API header, above every part; no part includes it
    cli/ on top

A part may include its own headers and those of the parts below it. bridge/ includes no
database client and no YAML parser, and its CMakeLists links none. The check reads every
source and header of the libraries (public "mfb/<lib>/<part>/x.hpp" and private
"<part>/x.hpp" spellings alike). It first proves that it can fail: a scratch tree with one
upward include must be reported.

Usage: dependency_rule_test.py [BUILD_DIR]  (run from the repository root; BUILD_DIR unused)
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))

from script_checks import check, finish  # noqa: E402

# What each part may include, besides itself (transitively closed by hand: the list is
# the rule as a reader should see it).
BELOW = {
    "copybook": [],
    "ebcdic": [],
    "bridge/io": ["copybook", "ebcdic"],
    "bridge/codec": ["bridge/io", "copybook", "ebcdic"],
    "bridge/convert": ["bridge/codec", "bridge/io", "copybook", "ebcdic"],
    "bridge/delta": ["bridge/codec", "bridge/io", "copybook", "ebcdic"],
    "rehost/db": ["bridge/codec", "bridge/io", "bridge/convert", "bridge/delta", "copybook", "ebcdic"],
    "rehost/jobs": ["rehost/db", "bridge/codec", "bridge/io", "bridge/convert", "bridge/delta",
                    "copybook", "ebcdic"],
    "rehost/rest": ["rehost/db", "bridge/codec", "bridge/io", "bridge/convert", "bridge/delta",
                    "copybook", "ebcdic"],
}
BELOW["api"] = sorted(BELOW)  # the API header names every part
API_HEADER = "rehost/include/mfb/mfbridge.hpp"
FOLDER_LIB = {"copybook-parser": "copybook", "ebcdic": "ebcdic", "bridge": "bridge", "rehost": "rehost"}
# Headers of clients that bridge/ must not see (it links none of them).
FORBIDDEN_IN_BRIDGE = re.compile(r"#include\s*[<\"](pqxx/|libpq-fe\.h|postgresql/|sqlite3\.h|yaml-cpp/)")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def part_of_file(rel):
    """'bridge/src/codec/text/x.cpp' -> 'bridge/codec'; None for files outside the libraries."""
    if rel == API_HEADER:
        return "api"
    parts = rel.split("/")
    lib = FOLDER_LIB.get(parts[0])
    if lib is None:
        return None
    if lib in ("copybook", "ebcdic"):
        return lib
    if parts[1] == "src" and len(parts) > 3:
        return f"{lib}/{parts[2]}"
    if parts[1] == "include" and len(parts) > 5:  # include/mfb/<lib>/<part>/x.hpp
        return f"{lib}/{parts[4]}"
    return f"{lib}/?"  # a file at a library's top, outside every part


def part_of_include(spelling, own):
    """The part an include names: public 'mfb/<lib>/<part>/...' or private '<part>/...'."""
    bits = spelling.split("/")
    if spelling == "mfb/mfbridge.hpp":
        return "api"
    if bits[0] == "mfb" and len(bits) > 2:
        lib = bits[1]
        if lib in ("copybook", "ebcdic"):
            return lib
        return f"{lib}/{bits[2]}" if len(bits) > 3 else f"{lib}/?"
    if own in ("copybook", "ebcdic") or len(bits) == 1:
        return own  # same folder, or a library without parts
    return f"{own.split('/')[0]}/{bits[0]}"


def violations(root):
    """Every upward or sideways include and every forbidden client header under root."""
    found = []
    for folder in FOLDER_LIB:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in files:
                if not name.endswith((".cpp", ".hpp", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                own = part_of_file(rel)
                text = open(path, encoding="utf-8").read()
                if own is None:
                    continue
                if own.endswith("/?"):
                    found.append(f"{rel}: outside every part of {own[:-2]}/")
                    continue
                for spelling in INCLUDE.findall(text):
                    target = part_of_include(spelling, own)
                    if target != own and target not in BELOW[own]:
                        found.append(f"{rel}: {own} includes {spelling} ({target})")
                if own.startswith("bridge/") and FORBIDDEN_IN_BRIDGE.search(text):
                    found.append(f"{rel}: bridge includes a database or YAML client header")
    cmake = os.path.join(root, "bridge", "CMakeLists.txt")
    if os.path.exists(cmake):
        for line in open(cmake, encoding="utf-8"):
            code = line.split("#", 1)[0]
            if re.search(r"PQXX|PkgConfig::PQ\b|SQLITE3|yaml-cpp", code):
                found.append(f"bridge/CMakeLists.txt links a database or YAML client: {code.strip()}")
    return found


def the_check_can_fail():
    with tempfile.TemporaryDirectory() as tmp:
        def write(rel, text):
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            open(os.path.join(tmp, rel), "w").write(text)
        write("bridge/src/io/reader.cpp", '#include "mfb/bridge/convert/convert.hpp"\n')
        write("bridge/src/codec/plan.cpp", '#include "convert/writer.hpp"\n#include <sqlite3.h>\n')
        write("rehost/src/db/load.cpp", '#include "mfb/rehost/jobs/job.hpp"\n#include "db/x.hpp"\n')
        write("bridge/src/convert/fine.cpp", '#include "mfb/bridge/codec/decode_plan.hpp"\n')
        write("bridge/CMakeLists.txt", "target_link_libraries(x PRIVATE PkgConfig::SQLITE3)\n")
        write("rehost/src/rest/uses_api.cpp", '#include "mfb/mfbridge.hpp"\n')
        write("rehost/include/mfb/mfbridge.hpp", '#include "mfb/rehost/db/load.hpp"\n')
        got = violations(tmp)
        check(len(got) == 6, f"a scratch tree with 6 violations reports 6: {got}")
        check(any("rehost/rest includes mfb/mfbridge.hpp" in g for g in got), "a part including the API header is reported")
        check(any("io includes mfb/bridge/convert" in g for g in got), "io -> convert is reported")
        check(any("rehost/db includes mfb/rehost/jobs" in g for g in got), "db -> jobs is reported")


def main():
    the_check_can_fail()
    for v in violations("."):
        check(False, v)
    sys.exit(finish())


if __name__ == "__main__":
    main()
