"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mfill_atomic_install_pte = mfill_atomic_install_pte;
const errno_1 = require("./errno");
const page_table_1 = require("./page-table");
/**
 * Under dst_vma's ptl: a page at or past EOF is EFAULT (mfill_file_over_size: i_size
 * may have moved since the caller looked; both callers have already refused such a
 * page, and each ioctl is one atomic step here, so an ftruncate cannot slip in between); a pte that is neither none nor a marker
 * means someone mapped the page first (EEXIST). Otherwise install writable (VM_WRITE;
 * the mapping is shared) and dirty, plus uffd-wp and read-only with MODE_WP. Returns 0
 * or -errno.
 */
function mfill_atomic_install_pte(k, dst, page, folio, wp) {
    if (k.mapping.pastEof(page))
        return -errno_1.EFAULT;
    if (!(0, page_table_1.pteNoneMostly)(dst.pte(page)))
        return -errno_1.EEXIST;
    dst.installPte(page, folio, dst.vma.VM_WRITE, true, wp);
    return 0;
}
//# sourceMappingURL=mfill.js.map