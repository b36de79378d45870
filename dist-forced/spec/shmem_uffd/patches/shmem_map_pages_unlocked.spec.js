"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShmemMapPagesUnlocked = void 0;
const dsl_1 = require("../../../dsl");
// Variant C': shmem_map_pages() reading i_private before it takes the page-table lock
// (a check-then-lock reading of Andrea's proposal): the peek and the mapping are two
// steps, and a punch may start between them.
exports.ShmemMapPagesUnlocked = (0, dsl_1.spec) `
  import ShmemMapPages from "./shmem_map_pages.spec.ts"
  extends ShmemMapPages

  process Thread {
    // what the unlocked peek at inode->i_private saw
    var peeked: Falloc = NoFalloc

    // do_read_fault() -> shmem_map_pages(): the peek, before pte_offset_map_lock()
    do_read_fault:
      if fault_around_ok(m) {
        peeked := i_private
        goto filemap_map_pages
      } else {
        goto shmem_fault
      }

    // then, under ptl, the window is mapped skipping what the peek saw
    filemap_map_pages:
      let row = [i in Page |->
        if fault_around_window(m, i, p) && cache[i] is Folio && uptodate[i] && !locked[i] && pte[m][i] is PteNone
           && !(match peeked { Punching { start, next } => i >= start && i < next, NoFalloc => false })
        then Present { folio: cache[i].gen, writable: !ro_read(m), wp: false }
        else pte[m][i]]
      pte[m] := row
      peeked := NoFalloc
      let e = row[p]
      if e is Present {
        got := data[p][e.folio]
        access_done()
      } else {
        goto shmem_fault
      }
  }
`;
//# sourceMappingURL=shmem_map_pages_unlocked.spec.js.map