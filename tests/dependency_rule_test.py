#!/usr/bin/env python3
"""The dependency rule: every #include points down the data flow, never up.

    copybook-parser, ebcdic          (leaves: they know nothing of each other)
    bridge/io <- bridge/mask <- bridge/codec <- bridge/convert, bridge/delta
    bridge/codec <- rehost/db <- rehost/jobs <- rehost/rest (rest reads the run history)
    mfb/mfbridge.hpp (rehost/include/mfb/): the API header, above every part; no part includes it
    python/ (the pybind11 module) and cli/ on top: python/ may include the API header and
    every part (rehost/db for loads), and no library includes python/

A part may include its own headers and those of the parts below it. bridge/ includes no
database client and no YAML parser, and its CMakeLists links none. The check reads every
source and header of the libraries (public "mfb/<lib>/<part>/x.hpp" and private
"<part>/x.hpp" spellings alike). It first proves that it can fail: a scratch tree with one
upward include must be reported.

A second rule: only cli/ talks to the terminal. No source of the libraries writes to
stdout or stderr (std::cout/cerr/clog, printf, puts, perror, or fprintf/fputs/fputc/putc/
fwrite/vfprintf given stdout or stderr) or ends the process (exit, std::exit, quick_exit,
abort), outside comments and string literals. Writes to a named FILE* (a job's log file)
pass, and so do fflush(stdout/stderr) (flushing before a fork keeps a child from writing
the parent's buffered bytes twice) and _exit in a forked child that could not exec. This
check too proves that it can fail on a scratch tree first.

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
    # mask rewrites a record's bytes before the decoder (codec) reads them.
    "bridge/mask": ["bridge/io", "copybook", "ebcdic"],
    "bridge/codec": ["bridge/mask", "bridge/io", "copybook", "ebcdic"],
    "bridge/convert": ["bridge/codec", "bridge/mask", "bridge/io", "copybook", "ebcdic"],
    "bridge/delta": ["bridge/codec", "bridge/mask", "bridge/io", "copybook", "ebcdic"],
    "rehost/db": ["bridge/codec", "bridge/mask", "bridge/io", "bridge/convert", "bridge/delta", "copybook", "ebcdic"],
    "rehost/jobs": ["rehost/db", "bridge/codec", "bridge/mask", "bridge/io", "bridge/convert", "bridge/delta",
                    "copybook", "ebcdic"],
    # rest reads the jobs' run history (read-only) for the web inspector's runs page.
    "rehost/rest": ["rehost/jobs", "rehost/db", "bridge/codec", "bridge/mask", "bridge/io", "bridge/convert", "bridge/delta",
                    "copybook", "ebcdic"],
}
BELOW["api"] = sorted(BELOW)  # the API header names every part
BELOW["python"] = sorted(BELOW)  # the binding: the API header and any part below it
API_HEADER = "rehost/include/mfb/mfbridge.hpp"
FOLDER_LIB = {"copybook-parser": "copybook", "ebcdic": "ebcdic", "bridge": "bridge", "rehost": "rehost",
              "python": "python"}
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
    if lib in ("copybook", "ebcdic", "python"):
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
    if own in ("copybook", "ebcdic", "python") or len(bits) == 1:
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


# Terminal writes and process exits, matched in code with comments and literals blanked.
TERMINAL = [
    (re.compile(r"\bstd::(?:cout|cerr|clog|wcout|wcerr)\b"), "writes to a standard stream"),
    (re.compile(r"(?<![\w:])(?:std::)?(?:printf|vprintf|puts|perror|putchar)\s*\("),
     "writes to the terminal"),
    (re.compile(r"(?<![\w:])(?:std::)?(?:fprintf|vfprintf|fputs|fputc|putc|fwrite)\s*\([^;]*"
                r"\b(?:stdout|stderr)\b"), "writes to stdout or stderr"),
    (re.compile(r"(?<![\w:])(?:std::)?(?:exit|quick_exit|abort)\s*\("), "ends the process"),
]


def code_only(text):
    """The text with comments, string and character literals blanked (newlines kept), so
    that a message quoting printf( or a comment about std::exit is not code."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        prev = text[i - 1] if i else " "
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            stop = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:stop]))
            i = stop
        elif c == "R" and text.startswith('R"', i) and not (prev.isalnum() or prev == "_"):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            close = text.find(")" + m.group(1) + '"', i) if m else -1
            stop = n if close < 0 else close + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:stop]))
            i = stop
        elif c == '"' or (c == "'" and not (prev.isalnum() or prev == "_")):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (min(j, n - 1) + 1 - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def terminal_writes(root):
    """Every terminal write or process exit in the libraries' sources under root."""
    found = []
    for folder in FOLDER_LIB:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                code = code_only(open(path, encoding="utf-8").read())
                for pattern, what in TERMINAL:
                    for m in pattern.finditer(code):
                        line = code.count("\n", 0, m.start()) + 1
                        found.append(f"{rel}:{line}: {what}: {m.group(0).strip()[:60]}")
    return found


def write_scratch(root, rel, text):
    """Write one file of a scratch tree."""
    os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
    open(os.path.join(root, rel), "w").write(text)


def the_terminal_check_can_fail():
    with tempfile.TemporaryDirectory() as tmp:
        def write(rel, text):
            write_scratch(tmp, rel, text)
        write("bridge/src/io/a.cpp", 'void f() { std::cerr << "x"; printf("%d", 1); }\n')
        write("rehost/src/jobs/b.cpp",
              'void g(FILE* log) {\n  std::fprintf(stderr, "x\\n");\n  fputs("y", stdout);\n'
              '  fprintf(log, "kept: a log file\\n");\n  std::fflush(stdout);\n'
              '  if (x) std::exit(4);\n  abort();\n  _exit(4);\n}\n')
        write("ebcdic/src/c.cpp", '// std::cout in a comment, exit(1) too\n'
              'const char* m = "use printf( and std::cout";\n/* fprintf(stderr, "") */\n'
              "int n = 1'000; char q = '\"'; int k = snprintf(b, 4, \"%d\", n);\n")
        write("copybook-parser/src/d.cpp", "void h() { puts(\"p\"); std::quick_exit(1); }\n")
        got = terminal_writes(tmp)
        check(len(got) == 8, f"a scratch tree with 8 terminal writes or exits reports 8: {got}")
        check(any(g.startswith("rehost/src/jobs/b.cpp:2:") for g in got),
              "fprintf(stderr, ...) is reported with its line")
        check(not any(g.startswith(("rehost/src/jobs/b.cpp:4:", "rehost/src/jobs/b.cpp:5:",
                                    "rehost/src/jobs/b.cpp:8:")) for g in got),
              "a named log FILE*, fflush and a forked child's _exit pass")
        check(not any(g.startswith("ebcdic/") for g in got),
              "comments, string literals, digit separators and snprintf pass")


def the_check_can_fail():
    with tempfile.TemporaryDirectory() as tmp:
        def write(rel, text):
            write_scratch(tmp, rel, text)
        write("bridge/src/io/reader.cpp", '#include "mfb/bridge/convert/convert.hpp"\n')
        write("bridge/src/codec/plan.cpp", '#include "convert/writer.hpp"\n#include <sqlite3.h>\n')
        write("rehost/src/db/load.cpp", '#include "mfb/rehost/jobs/job.hpp"\n#include "db/x.hpp"\n')
        write("bridge/src/convert/fine.cpp", '#include "mfb/bridge/codec/decode_plan.hpp"\n')
        write("bridge/CMakeLists.txt", "target_link_libraries(x PRIVATE PkgConfig::SQLITE3)\n")
        write("rehost/src/rest/uses_api.cpp", '#include "mfb/mfbridge.hpp"\n')
        write("rehost/include/mfb/mfbridge.hpp", '#include "mfb/rehost/db/load.hpp"\n')
        write("python/src/module.cpp", '#include "mfb/mfbridge.hpp"\n#include "mfb/rehost/db/load.hpp"\n')
        write("rehost/src/db/uses_python.cpp", '#include "mfb/python/module.hpp"\n')
        got = violations(tmp)
        check(len(got) == 7, f"a scratch tree with 7 violations reports 7: {got}")
        check(any("rehost/db includes mfb/python/" in g for g in got), "a library including python/ is reported")
        check(not any(g.startswith("python/") for g in got), "python/ may include the API header and rehost/db")
        check(any("rehost/rest includes mfb/mfbridge.hpp" in g for g in got), "a part including the API header is reported")
        check(any("io includes mfb/bridge/convert" in g for g in got), "io -> convert is reported")
        check(any("rehost/db includes mfb/rehost/jobs" in g for g in got), "db -> jobs is reported")


def main():
    the_check_can_fail()
    the_terminal_check_can_fail()
    for v in violations("."):
        check(False, v)
    for v in terminal_writes("."):
        check(False, v)
    sys.exit(finish())


if __name__ == "__main__":
    main()
