// The input flags of `mfbridge convert` (input_options.hpp).

#include "input_options.hpp"

#include "mfb/bridge/io/input_paths.hpp"

namespace mfb::cli {

void add_input_options(CLI::App& cmd, input_args& a) {
  cmd.add_option("--input", a.inputs,
                 "Input file, or - for stdin (the default). Several paths, a folder (its files, "
                 "one level deep) or a quoted glob ('data/*.dat', 'in/{a,b}/*') read every file "
                 "in one run, in sorted path order, as File_Id 0, 1, 2, ...; names starting "
                 "with . or _ are skipped. Repeatable");
  cmd.add_option("--file-name-column", a.file_name_column,
                 "NAME: a column with each row's input file, after the generated ids (JSON Lines)");
  cmd.add_option("--file-name-form", a.file_name_form,
                 "How --file-name-column writes the file: path (as given or as the glob found "
                 "it) or uri (file:/absolute/path, as Cobrix and Hadoop write it)")
      ->check(CLI::IsMember({"path", "uri"}))
      ->capture_default_str();
  cmd.add_flag("--record-bytes", a.record_bytes,
               "Write Record_Bytes, each record's bytes as framed, in base64 (Spark's JSON text "
               "for binary), after the generated ids (JSON Lines)");
}

std::string apply_input_options(const input_args& a, bridge::convert_options& opts) {
  auto& style = opts.source.decode.style;
  style.record_bytes = a.record_bytes;
  style.file_name_column = a.file_name_column;
  style.file_name_uri = a.file_name_form == "uri";
  if (a.inputs.empty()) return {};  // stdin
  if (a.inputs.size() == 1 && !bridge::names_several_files(a.inputs.front())) {
    opts.input = a.inputs.front();
    return {};
  }
  auto files = bridge::expand_input_paths(a.inputs);
  if (!files) return files.err().message;
  opts.inputs = std::move(files).value();
  return {};
}

std::string one_input_only(const std::string& command, const std::string& path) {
  if (!bridge::names_several_files(path)) return {};
  return path + ": " + command +
         " reads one file per run; a folder or a glob names several (convert reads several "
         "in one run; here, run once per file)";
}

}  // namespace mfb::cli
