# -Wnull-dereference is left out: GCC 12 reports it inside libstdc++ (std::string moves
# inlined from CLI11 and streambuf) at -O2, false positives we cannot silence locally.
# Warnings live on an INTERFACE target that only our own targets link, so that
# consumers of our headers never inherit our flags.
add_library(mfb_warnings INTERFACE)
add_library(mfb::warnings ALIAS mfb_warnings)
target_compile_options(mfb_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
  -Woverloaded-virtual -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough)
# GCC 12 also reports false -Wrestrict on `"x" + std::string` at -O2/-O3 (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(mfb_warnings INTERFACE -Wno-restrict)
endif()
if(MFB_WERROR)
  target_compile_options(mfb_warnings INTERFACE -Werror)
endif()

# Sanitizers are global when on: every object must agree on the runtime.
if(MFB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
