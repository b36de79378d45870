"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AddressSpace = exports.Folio = void 0;
// The shmem inode and its page cache (address_space). Contents are abstracted to the
// first byte of the page (0 = zeros). Folios carry an identity so that a pte can be
// checked against the folio currently cached at its index (a stale pte maps an old one).
const scheduler_1 = require("./scheduler");
class Folio {
    id;
    index;
    value;
    uptodate = true;
    dirty = false;
    /** the task holding the folio lock, null when unlocked */
    lockedBy = null;
    /** tasks sleeping in folio_lock() */
    lockWaiters = new scheduler_1.WaitQueue('folio_lock');
    /** the address_space it belongs to; null once truncated (delete_from_page_cache) */
    mapping;
    constructor(
    /** identity, increasing in allocation order (a generation number for reports) */
    id, index, value, mapping) {
        this.id = id;
        this.index = index;
        this.value = value;
        this.mapping = mapping;
    }
    get locked() {
        return this.lockedBy !== null;
    }
    /** folio_trylock */
    trylock(task) {
        if (this.lockedBy !== null)
            return false;
        this.lockedBy = task;
        return true;
    }
    /** folio_lock: take it, or put the task to sleep; the caller re-runs its step when woken. */
    lockOrSleep(task) {
        if (this.trylock(task))
            return true;
        this.lockWaiters.sleep(task);
        return false;
    }
    unlock() {
        this.lockedBy = null;
        this.lockWaiters.wakeAll();
    }
}
exports.Folio = Folio;
class AddressSpace {
    i_size;
    /** page cache slots: a folio, or null for a hole */
    slots;
    /** inode->i_private: set by a hole punch for its duration */
    i_private = null;
    /** inode_lock (i_rwsem, exclusive): fallocate and write(2) take it, faults and read(2) do not */
    inodeLockedBy = null;
    inodeLockWaiters = new scheduler_1.WaitQueue('inode_lock');
    nextFolioId = 1;
    constructor(
    /** the file pages the system observes (the cache never holds a folio beyond them) */
    pages, 
    /**
     * inode->i_size, kept in pages: the traces only ever write the first byte of a
     * page, so the kernel's DIV_ROUND_UP(i_size, PAGE_SIZE) is all any check sees.
     */
    i_size) {
        this.i_size = i_size;
        this.slots = new Array(pages).fill(null);
    }
    /** Whether page `index` lies at or past EOF (every `index << PAGE_SHIFT >= i_size` check). */
    pastEof(index) {
        return index >= this.i_size;
    }
    /** filemap_get_entry (no swap in this model) */
    lookup(index) {
        return this.slots[index];
    }
    /** allocate a folio and add it to the cache at an empty index (shmem_add_to_page_cache) */
    addFolio(index, value) {
        if (this.slots[index] !== null)
            throw new Error(`page cache slot ${index} is occupied`);
        const folio = new Folio(this.nextFolioId++, index, value, this);
        this.slots[index] = folio;
        return folio;
    }
    /** filemap_remove_folio: the folio leaves the cache; its mapping becomes NULL */
    removeFolio(folio) {
        if (this.slots[folio.index] === folio)
            this.slots[folio.index] = null;
        folio.mapping = null;
    }
    /**
     * What read(2) of the page's first byte returns: holes read as zeros, and so does a
     * folio fallocate left !uptodate (shmem_get_folio(SGP_READ) hands back no folio for it)
     * and anything at or past EOF.
     */
    readValue(index) {
        const folio = this.slots[index];
        return folio === null || !folio.uptodate || this.pastEof(index) ? 0 : folio.value;
    }
    /**
     * What cachestat(2) says of the page (the observation's `cache`): a folio is in the
     * page cache at the index, uptodate or not (one fallocate allocated and nobody wrote
     * counts), before EOF or past it.
     */
    cached(index) {
        return this.slots[index] !== null;
    }
    /** inode_lock: take it, or sleep; the caller re-runs its step when woken. */
    inodeLockOrSleep(task) {
        if (this.inodeLockedBy === null) {
            this.inodeLockedBy = task;
            return true;
        }
        this.inodeLockWaiters.sleep(task);
        return false;
    }
    inodeUnlock() {
        this.inodeLockedBy = null;
        this.inodeLockWaiters.wakeAll();
    }
}
exports.AddressSpace = AddressSpace;
//# sourceMappingURL=page-cache.js.map