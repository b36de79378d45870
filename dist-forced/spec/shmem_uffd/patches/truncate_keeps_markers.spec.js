"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TruncateKeepsMarkers = void 0;
const dsl_1 = require("../../../dsl");
// What-if on 6.18: truncation's second unmap keeps a uffd-wp pte as a marker instead of
// dropping it (no ZAP_FLAG_DROP_MARKER from a hole punch), as Andrea asked on 3-4 Dec
// 2020: every zap but munmap should keep the special entry. docs/verdicts.md, Findings.
exports.TruncateKeepsMarkers = (0, dsl_1.spec) `
  import ShmemUffd from "../shmem_uffd.spec.ts"
  extends ShmemUffd

  process Punch {
    // mm/truncate.c truncate_inode_folio() -> truncate_cleanup_folio():
    //   -	unmap_mapping_folio(folio);   /* zap_details: ZAP_FLAG_DROP_MARKER */
    //   +	a zap that leaves a marker for a uffd-wp pte of a WP VMA, and keeps markers
    truncate_inode_folio:
      let s = cache[idx]
      if s is Folio {
        await !locked[idx]
        let mapped = exists mm in Mapping:
          (match pte[mm][idx] { Present { folio } => folio == s.gen, PteNone => false, PteMarker => false })
        if TRUNCATE_UNMAPS_MAPPED && mapped {
          pte := [mm in Mapping |-> pte[mm] with [idx] = (match pte[mm][idx] {
            Present { folio, wp } =>
              if folio != s.gen then pte[mm][idx]
              else if PTE_MARKERS && wp && reg_wp(mm) then PteMarker
              else PteNone,
            PteMarker => PteMarker,
            PteNone => PteNone })]
        }
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
//# sourceMappingURL=truncate_keeps_markers.spec.js.map