// rehost-file's options and framings: which RECFM the mainframe side has, and the forms
// GnuCOBOL's runtime reads. A fixed-length FD reads a RECORD SEQUENTIAL file as records
// back to back; a variable-length FD (RECORD VARYING) reads COB_VARSEQ_FORMAT 0, its
// default: a 2-byte big-endian data length and two NUL bytes before each record, which is
// an RDW that does not count itself. LINE SEQUENTIAL is one record a line, written without
// trailing spaces (COB_LS_FIXED false) and padded with spaces when read.

#include "convert/rehost_frames.hpp"

namespace mfb::bridge {

std::string rehost_file_options::validate() const {
  if (auto why = source.validate(); !why.empty()) return why;
  if (source.detect_framing)
    return "rehost-file needs the file's RECFM (--recfm auto is not taken)";
  if (source.decode.zoned_charset != ebcdic::zoned_charset::ebcdic)
    return "rehost-file reads EBCDIC zoned decimals (--zoned ebcdic)";
  if (!detail::rehost_mainframe_format(source.framing.format))
    return "rehost-file reads and writes RECFM F, FB, V or VB files";
  if (on_error == error_policy::reject && reject_file.empty())
    return "--on-error reject needs --reject-file";
  if (input != "-" && input == output) return "--input and --output name the same file";
  return {};
}

namespace detail {

bool rehost_mainframe_format(recfm f) {
  return f == recfm::f || f == recfm::fb || f == recfm::v || f == recfm::vb;
}

bool rehost_is_fixed(recfm f) { return f == recfm::f || f == recfm::fb; }

framing_options rehosted_framing(const framing_options& mainframe, rehost_organization org) {
  framing_options out = mainframe;
  out.skip_head = out.skip_tail = 0;
  out.record_start_offset = out.record_end_offset = 0;
  if (org == rehost_organization::line_sequential) {
    out.format = recfm::text_lines;
  } else if (rehost_is_fixed(mainframe.format)) {
    out.format = recfm::f;
  } else {
    out.format = recfm::v;
    out.rdw_big_endian = true;
    out.rdw_includes_header = false;
  }
  return out;
}

writer_options writer_for(const framing_options& f, std::size_t block_size) {
  writer_options w;
  w.block_size = block_size;
  w.format = f.format;
  w.lrecl = f.lrecl;
  w.pad_short = false;
  w.rdw_big_endian = f.rdw_big_endian;
  w.rdw_includes_header = f.rdw_includes_header;
  return w;
}

reject_frame rehost_reject_frame(const framing_options& f, std::size_t size) {
  reject_frame r = frame_for_reject(f.format, size);
  if (r.head_size != 0 && !f.rdw_includes_header) {
    r.head[0] = static_cast<std::uint8_t>(size >> 8);
    r.head[1] = static_cast<std::uint8_t>(size);
  }
  return r;
}

}  // namespace detail
}  // namespace mfb::bridge
