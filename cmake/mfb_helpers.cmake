# Helpers that keep every test, benchmark and fuzz target built the same way.

# mfb_add_test_binary(NAME <target> SOURCES ... LIBS ... LABELS ...)
# One GoogleTest binary per library; every TEST is registered with ctest.
function(mfb_add_test_binary)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} mfb_test_support GTest::gtest GTest::gtest_main mfb::warnings)
  target_compile_definitions(${T_NAME} PRIVATE
    MFB_SOURCE_DIR="${PROJECT_SOURCE_DIR}" MFB_BINARY_DIR="${PROJECT_BINARY_DIR}")
  include(GoogleTest)
  gtest_discover_tests(${T_NAME} PROPERTIES LABELS "${T_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# mfb_add_benchmark(NAME <target> SOURCES ... LIBS ...)
function(mfb_add_benchmark)
  cmake_parse_arguments(B "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${B_NAME} ${B_SOURCES})
  target_link_libraries(${B_NAME} PRIVATE ${B_LIBS} benchmark::benchmark mfb::warnings)
  target_compile_definitions(${B_NAME} PRIVATE MFB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_target_properties(${B_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/benchmarks)
endfunction()

# mfb_add_fuzzer(NAME <target> SOURCES ... LIBS ... [SEEDS dir...])
# Every build compiles each fuzz target with a replay main (so it never rots) and
# registers a ctest that replays its corpus. With MFB_BUILD_FUZZERS (clang) the same
# source is linked against libFuzzer instead.
function(mfb_add_fuzzer)
  cmake_parse_arguments(F "" "NAME" "SOURCES;LIBS;SEEDS" ${ARGN})
  add_executable(${F_NAME} ${F_SOURCES})
  target_link_libraries(${F_NAME} PRIVATE ${F_LIBS} mfb::warnings)
  set_target_properties(${F_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/fuzz)
  if(MFB_BUILD_FUZZERS)
    target_compile_options(${F_NAME} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${F_NAME} PRIVATE -fsanitize=fuzzer,address,undefined)
  else()
    target_sources(${F_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/fuzz/replay_main.cpp)
  endif()
  set(corpus ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${F_NAME})
  # SEEDS: test-data folders replayed too, so test inputs need no copy in the corpus.
  if(EXISTS ${corpus} AND NOT MFB_BUILD_FUZZERS)
    add_test(NAME ${F_NAME}.replay COMMAND ${F_NAME} ${corpus} ${F_SEEDS})
    set_tests_properties(${F_NAME}.replay PROPERTIES LABELS "unit;fuzz")
  endif()
endfunction()
