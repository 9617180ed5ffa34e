"""Shared by the bridge script tests (not a test itself): pass/fail lines and IBM packed
decimal written from its definition (digit nibbles, then sign nibble C for +, D for -)."""

FAILURES = []


def check(cond, what):
    """Print one ok/FAIL line; remember the failures."""
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def finish():
    """The exit code: 1 when any check failed."""
    if FAILURES:
        print(f"{len(FAILURES)} failed")
        return 1
    print("all passed")
    return 0


def packed(value, nbytes):
    """IBM packed decimal in nbytes: 2*nbytes-1 digit nibbles, then the sign nibble."""
    digits = str(abs(value)).rjust(2 * nbytes - 1, "0")
    nibbles = [int(d) for d in digits] + [0xD if value < 0 else 0xC]
    return bytes(nibbles[i] << 4 | nibbles[i + 1] for i in range(0, len(nibbles), 2))
