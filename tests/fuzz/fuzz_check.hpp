#pragma once
// The fuzz targets' oracle check: a failed property aborts, so libFuzzer keeps the input as a
// crasher and the replay build fails on it.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                      \
  do {                                                                        \
    if (!(cond)) {                                                            \
      std::fprintf(stderr, "check failed: %s (line %d)\n", #cond, __LINE__); \
      std::abort();                                                           \
    }                                                                         \
  } while (false)
