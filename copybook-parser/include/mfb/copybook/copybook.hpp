#pragma once
// Umbrella header for the copybook parser.
#include "mfb/copybook/diagnostic.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/copybook/layout_printer.hpp"
#include "mfb/copybook/limits.hpp"
#include "mfb/copybook/parse.hpp"
