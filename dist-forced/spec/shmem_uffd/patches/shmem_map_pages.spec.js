"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShmemMapPages = void 0;
const dsl_1 = require("../../../dsl");
// Variant C: Andrea Arcangeli's shmem_map_pages() (27 Nov 2020, a proposal): shmem's
// own ->map_pages, filemap_map_pages() that does not map an index a hole punch is
// working on. It reads inode->i_private under the page-table lock and skips the
// indices in the punch's [start,next).
exports.ShmemMapPages = (0, dsl_1.spec) `
  import Kernel2020 from "./kernel_2020.spec.ts"
  extends Kernel2020

  process Thread {
    // mm/shmem.c shmem_map_pages() -> filemap_map_pages(), under ptl for the whole
    // window: a cached, uptodate, unlocked folio over a none pte is mapped, unless a
    // punch's shmem_falloc (i_private) covers its index.
    //   +	shmem_falloc = inode->i_private;
    //   +	if (shmem_falloc && index >= shmem_falloc->start && index < shmem_falloc->next)
    //   +		continue;
    filemap_map_pages:
      let row = [i in Page |->
        if fault_around_window(m, i, p) && cache[i] is Folio && uptodate[i] && !locked[i] && pte[m][i] is PteNone
           && !(match i_private { Punching { start, next } => i >= start && i < next, NoFalloc => false })
        then Present { folio: cache[i].gen, writable: !ro_read(m), wp: false }
        else pte[m][i]]
      pte[m] := row
      let e = row[p]
      if e is Present {
        got := data[p][e.folio]
        access_done()
      } else {
        goto shmem_fault
      }
  }
`;
//# sourceMappingURL=shmem_map_pages.spec.js.map