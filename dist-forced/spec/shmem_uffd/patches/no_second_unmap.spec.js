"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NoSecondUnmap = void 0;
const dsl_1 = require("../../../dsl");
// Variant E: a what-if of the 2020 thread - is truncation's second unmap needed?
// truncate_inode_folio() without truncate_cleanup_folio()'s unmap_mapping_folio().
exports.NoSecondUnmap = (0, dsl_1.spec) `
  import Kernel2020 from "./kernel_2020.spec.ts"
  extends Kernel2020

  process Punch {
    // mm/truncate.c truncate_inode_folio(), one folio per step under its lock:
    //   -	if (folio_mapped(folio))
    //   -		unmap_mapping_folio(folio);
    //   	filemap_remove_folio(folio);
    truncate_inode_folio:
      let s = cache[idx]
      if s is Folio {
        await !locked[idx]
        cache[idx] := Hole
        clean[idx] := false
        trunc[idx] := trunc[idx] + 1
      }
      if idx + 1 < hi {
        idx := idx + 1
        goto truncate_inode_folio
      }
  }
`;
//# sourceMappingURL=no_second_unmap.spec.js.map