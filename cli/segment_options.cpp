// The help texts say what each option does on its own; the library checks how they combine.

#include "segment_options.hpp"

namespace mfb::cli {

void add_segment_options(CLI::App& cmd, bridge::segment_options& o) {
  cmd.add_option("--segment-field", o.field,
                 "FIELD: the field holding each record's segment id (for --segment-id-level and "
                 "--segment-id-root)");
  cmd.add_option("--segment-filter", o.filter,
                 "FIELD=V1[,V2...]: decode only records whose FIELD reads one of the values; the "
                 "others are skipped and counted as filtered (\\, is a comma in a value)");
  cmd.add_option("--segment-id-level", o.levels,
                 "N=ID1[,ID2...]: segment ids of hierarchy level N (0 = root; _ or * = every "
                 "id no other level lists); adds Seg_Id0..n columns; repeatable");
  cmd.add_option("--segment-id-root", o.root,
                 "ID: the root segment's id, for a Seg_Id0 column alone (= --segment-id-level 0=ID)");
  cmd.add_option("--segment-id-prefix", o.prefix,
                 "TEXT: the Seg_Id values start with TEXT_ (then the file id and the root's "
                 "0-based record index)");
  cmd.add_flag("--nest-children", o.nest_children,
               "With --parent rules: one JSON row per root record, its children as arrays "
               "inside their parent, named by the child record (JSON Lines only)");
  cmd.add_option("--max-group-records", o.max_group_records,
                 "With --nest-children: most records one root's group may hold (a bigger "
                 "group is an error naming its root record)")
      ->capture_default_str();
}

}  // namespace mfb::cli
