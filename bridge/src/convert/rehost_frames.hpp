#pragma once
// The framings of rehost-file's two sides (see rehost_frames.cpp for GnuCOBOL's forms).

#include <cstddef>

#include "mfb/bridge/convert/rehost_file.hpp"
#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/record_writer.hpp"
#include "mfb/bridge/io/reject_frame.hpp"

namespace mfb::bridge::detail {

/// RECFM F, FB, V or VB: the mainframe forms rehost-file takes.
bool rehost_mainframe_format(recfm f);
/// RECFM F or FB.
bool rehost_is_fixed(recfm f);
/// The framing of the rehosted file for a mainframe framing and an organization.
framing_options rehosted_framing(const framing_options& mainframe, rehost_organization org);
/// A writer for records framed as `f` describes (VB blocks up to `block_size` bytes).
writer_options writer_for(const framing_options& f, std::size_t block_size);
/// How a rejected record of `size` bytes read with `f` is framed in the reject file.
reject_frame rehost_reject_frame(const framing_options& f, std::size_t size);

}  // namespace mfb::bridge::detail
