# Precompiled headers: most of a first build goes into parsing the same standard and
# third-party headers again for every file (CLI11 alone costs 8 CPU seconds a file, nlohmann
# json 2.5). With MFB_PCH each library parses them once. Off by default, because ccache
# caches files built with a precompiled header only with sloppiness pch_defines,time_macros;
# scripts/setup.sh (a fresh clone, the Quick start and CI) turns it on.
option(MFB_PCH "Precompile the standard and third-party headers every file parses" OFF)

set(MFB_PCH_STD <algorithm> <cstddef> <cstdint> <cstring> <filesystem> <functional> <map>
    <memory> <optional> <set> <sstream> <string> <string_view> <utility> <vector>)

# mfb_precompile(<target> [header...]): the standard headers above plus the target's own.
function(mfb_precompile target)
  if(MFB_PCH)
    target_precompile_headers(${target} PRIVATE ${MFB_PCH_STD} ${ARGN})
  endif()
endfunction()
