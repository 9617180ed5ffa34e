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
if(MFB_WERROR)
  target_compile_options(mfb_warnings INTERFACE -Werror)
endif()

# Sanitizers are global when on: every object must agree on the runtime.
if(MFB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
