"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShmemUffd = void 0;
const dsl_1 = require("../../dsl");
// The shmem + userfaultfd protocol: page faults (read, write, fault-around),
// fallocate(PUNCH_HOLE), MADV_DONTNEED, pwrite and a userfaultfd monitor on one
// memfd inode, at the granularity where the kernel paths interleave. Each
// label is one atomic step; labels sit exactly where the kernel drops or takes
// the lock that matters (ptl, the folio lock, i_lock, the uffd wait queues).
//
// Sources (docs/shmem-model.md maps every variable and label to the kernel):
// shared/domain/kernel-brief.md §1–§4 (kernel 5.10 … 6.13 source reads and
// 6.18 experiments) and the 2020 thread "mm: Don't fault around
// userfaultfd-registered regions on reads". The kernel variants A–F of the brief
// are constant settings; src/verdicts/run.ts checks each of them.
//
// Abstractions (why each is sound for the properties checked) are listed in
// docs/shmem-model.md; the main ones:
// - a folio is identified by a generation number (how many folios were
//   truncated at that index before it was allocated), which is enough to tell a
//   stale pte from a current one; its contents are one small value (VALUES > 0,
//   the byte a trace reads) or not modelled at all (VALUES = 0, exhaustive checks);
// - one page table per mapping, each mapping over the whole file from a 2 MiB
//   aligned address (all PAGES <= 64 pages share one ptl); fault-around maps the
//   FAULT_AROUND_PAGES window (fault_around_bytes = 64 KiB) aligned down, clipped
//   to the file and to EOF;
// - every zap of one VMA's range is one step (it runs under one ptl);
// - the monitor reads pending messages in any order (the kernel hands out the
//   oldest first): a superset of the kernel's orders.
exports.ShmemUffd = (0, dsl_1.spec) `
  // ---------------------------------------------------------------- variants
  enum FaultAround { Always, SkipIfUffdArmed, ShmemMapPages, SkipIfWpOrMinor }
  // UFFDIO_REGISTER modes: every combination the kernel accepts on shmem
  enum UffdMode { None, Missing, Wp, MissingWp, Minor, MinorWp, MissingMinor, MissingWpMinor }

  // Which gate do_read_fault() puts in front of fault-around:
  //   Always          5.10–5.13 should_fault_around(): no uffd check at all
  //   SkipIfUffdArmed Peter Xu's never-merged v2 (30 Nov 2020): skip if userfaultfd_armed()
  //   ShmemMapPages   Andrea's proposed shmem_map_pages(): skip indices in i_private's [start,next)
  //   SkipIfWpOrMinor 5.19+ uffd_disable_fault_around(): skip if VM_UFFD_WP or VM_UFFD_MINOR
  const FAULT_AROUND: FaultAround = SkipIfWpOrMinor
  // 5.19+: PTE_MARKER_UFFD_WP. A zap of a uffd-wp pte in a WP VMA leaves a marker and
  // UFFDIO_WRITEPROTECT turns a none pte of a shmem VMA into one. false: the wp bit
  // lives only in present ptes (Peter's 2020 branch).
  const PTE_MARKERS: bool = true
  // truncate_inode_folio() -> truncate_cleanup_folio(): if folio_mapped(),
  // unmap_mapping_folio() under the folio lock (the "second unmap"). false = variant E.
  const TRUNCATE_UNMAPS_MAPPED: bool = true
  // 5.19+ (999dad824c39): that second unmap passes ZAP_FLAG_DROP_MARKER, so a zapped
  // uffd-wp pte becomes none (no marker) and markers at the index are dropped, in every VMA.
  const TRUNCATE_DROPS_MARKERS: bool = true
  // 6.2+ (51d3d5eb74ff): a WP-registered VMA wants writenotify, so vm_page_prot is
  // read-only and a read fault maps read-only; false: even read faults map writable.
  const WRITENOTIFY: bool = true
  // The registration of mapping 0 (mapping 1, if any, is never registered).
  const UFFD_MODE: UffdMode = Wp
  // shmem_fallocate() calls unmap_mapping_range() before shmem_truncate_range().
  // false = Peter's alternative F (28 Nov 2020): only the per-folio unmap under the folio lock.
  const FIRST_UNMAP: bool = true
  // Variant C only: shmem_map_pages() reads i_private after taking ptl (true) or
  // before, in a step of its own (false: the "check-then-lock" version of the brief).
  const MAP_PAGES_CHECK_UNDER_PTL: bool = true
  // The monitor issues UFFDIO_WAKE after a COPY/CONTINUE that failed (EEXIST/EFAULT).
  // A failed ioctl wakes nobody [brief §2, exp]; false shows the liveness failure.
  const MONITOR_WAKES_ON_FAILURE: bool = true

  // ---------------------------------------------------------------- sizes
  // Exhaustive checks use the defaults (a few pages and threads); following a
  // conformance trace (uffdspec conform --target spec) sets them to the trace's own
  // sizes, up to what a trace can state.
  const PAGES: 1..64 = 2         // file pages
  const MAPPINGS: 1..4 = 1       // MAP_SHARED mappings of the file; only mapping 0 is registered
  const THREADS: 1..8 = 2        // user threads touching the mappings
  const ACCESSES: 1..1024 = 1    // loads/stores per thread
  const PUNCHES: 0..1024 = 1     // fallocate(PUNCH_HOLE) calls, one after the other
  const WP_ROUNDS: 0..1024 = 1   // UFFDIO_WRITEPROTECT(protect) calls by the monitor
  const DONTNEEDS: 0..1024 = 0   // madvise(MADV_DONTNEED) calls
  const PWRITES: 0..1024 = 0     // pwrite(2) calls (a trace's initial fill included)
  const PAGEOUTS: 0..1024 = 0    // madvise(MADV_PAGEOUT) calls
  // fault_around_bytes / PAGE_SIZE (64 KiB, the kernel's default)
  const FAULT_AROUND_PAGES: 1..64 = 16
  // i_size in pages at the start (pages at or past it are past EOF: SIGBUS); >= PAGES: the whole file
  const SIZE: 0..64 = 64
  // Page contents: 0 = not modelled (every byte reads 0); n = the bytes 1..n a store,
  // pwrite or COPY may write (a trace's bytes, renamed to 1..n in order).
  const VALUES: 0..255 = 0
  // The file at the start: every page written (true), or all holes (false: a trace
  // writes its initial fill with pwrite steps, as the native harness does).
  const FILLED: bool = true
  // Who drives user space: the spec's own closed world (false: a monitor that answers
  // every message it reads, one-page madvise), or a conformance trace (true: any uffd
  // ioctl at any time over any range, as the UFFDIO_* actions, madvise over ranges; the
  // monitor's answer policy is off and the trace's steps say what user space does).
  const TRACE_DRIVEN: bool = false

  // Whether a folio's cleanliness is tracked: only reclaim (MADV_PAGEOUT) tells a clean
  // folio from a dirty one, so runs without it keep clean all false (fewer states).
  def TRACK_CLEAN: bool = PAGEOUTS > 0
  // uffd-wp on shmem exists only with markers or on Peter's branch; markers are dropped
  // by truncation only where they exist.
  assume TRUNCATE_DROPS_MARKERS => PTE_MARKERS

  // ---------------------------------------------------------------- types
  type Page = 0..PAGES-1
  type Mapping = 0..MAPPINGS-1
  type Tid = 0..THREADS-1
  // The user threads are interchangeable: each runs the same process, a thread's
  // messages and waits are kept per thread and carry no thread number, the monitor
  // picks any thread's message (userfaultfd_read(u)), and wake_range wakes by mapping
  // and page, never by thread number (dsl/symmetry.ts proves it). A spec with
  // liveness properties is still explored in full (docs/language.md, "Symmetry").
  symmetric Tid
  type Gen = 0..PUNCHES          // folio identity at an index (see trunc)
  type Value = 0..VALUES         // a page's first byte (0: zeros, or contents not modelled)
  type Size = 0..PAGES           // i_size in pages
  type PteIndex = 0..511         // a pte's index in its page table (PTRS_PER_PTE = 512)

  // A page-cache slot (swap entries are not modelled).
  union Slot { Hole, Folio { gen: Gen } }
  // A pte: pte_none, a PTE_MARKER_UFFD_WP marker, or present (folio, write bit, uffd-wp bit).
  union Pte { PteNone, PteMarker, Present { folio: Gen, writable: bool, wp: bool } }
  // inode->i_private during fallocate(PUNCH_HOLE): struct shmem_falloc {start, next}.
  union Falloc { NoFalloc, Punching { start: Page, next: 1..PAGES } }
  // The reason passed to handle_userfault() = the uffd_msg flags (MISSING 0, WP 2, MINOR 4).
  enum Reason { VmUffdMissing, VmUffdWp, VmUffdMinor }
  // A faulting thread's struct userfaultfd_wait_queue: not queued, queued on
  // fault_pending_wqh (unread), or moved to fault_wqh by read(2) (read, unresolved).
  union UffdMsg { NoMsg, Pending { reason: Reason, write: bool }, Read { reason: Reason, write: bool } }

  // ---------------------------------------------------------------- state
  var cache: [Page] -> Slot            // mapping->i_pages
  var locked: [Page] -> bool           // PG_locked of the folio at the index, held across steps
                                       // only by a fault between shmem_get_folio and finish_fault
  var trunc: [Page] -> Gen             // folios truncated at the index so far; a new folio gets it as gen
  var data: [Page] -> [Gen] -> Value   // the first byte of each folio (stays 0 when VALUES = 0)
  var i_size: Size                     // inode->i_size, in pages (rounded up)
  var uptodate: [Page] -> bool         // PG_uptodate of the cached folio: false only for a folio
                                       // fallocate() allocated and nothing has written or faulted yet
  var clean: [Page] -> bool            // the cached folio is clean: a read fault allocated it (zeroed)
                                       // and nothing has written it; reclaim frees it. Tracked only
                                       // where something reads it (TRACK_CLEAN), else always false.
  var reg: [Mapping] -> UffdMode       // each VMA's VM_UFFD_* flags (UFFDIO_REGISTER of that mapping)
  var uffd_sigbus: [Mapping] -> bool   // the features of the mapping's uffd (UFFDIO_API):
  var uffd_wp_async: [Mapping] -> bool //   UFFD_FEATURE_SIGBUS, UFFD_FEATURE_WP_ASYNC
  var vm_pgoff: [Mapping] -> Page      // each VMA's first file page
  var vm_pages: [Mapping] -> Size      // each VMA's length in pages (it may extend past EOF)
  var vm_pte: [Mapping] -> PteIndex    // pte_index() of each VMA's first page (its place in its page table)
  var pte: [Mapping] -> [Page] -> Pte  // the page table of each mapping
  var i_private: Falloc                // inode->i_private (set and cleared under i_lock)
  var falloc_wait: [Tid] -> bool       // sleeping on shmem_falloc_waitq (shmem_fault)
  var uffd_msg: [Tid] -> UffdMsg       // the thread's uffd wait-queue entry (handle_userfault)
  // The monitor reads every pending message and answers what it read, in any order. It
  // keeps what it has still to do by fault address, as monitors do (a second message
  // for a page it is already answering needs no second answer: one answer wakes every
  // waiter on the page): the (reason, page) it read and has not answered, and the pages
  // to UFFDIO_WAKE after a failed COPY/CONTINUE.
  var mon_held: [Reason] -> [Page] -> bool
  var mon_wake: [Page] -> bool
  var mon_prot: [Page] -> bool         // pages the monitor has write-protected and not unprotected
  var wp_left: 0..WP_ROUNDS
  var dontneed_left: 0..DONTNEEDS
  var pwrite_left: 0..PWRITES
  var pageout_left: 0..PAGEOUTS
  // What a VMA's registration contains.
  def reg_missing(mm: Mapping): bool = reg[mm] == Missing || reg[mm] == MissingWp || reg[mm] == MissingMinor || reg[mm] == MissingWpMinor
  def reg_wp(mm: Mapping): bool = reg[mm] == Wp || reg[mm] == MissingWp || reg[mm] == MinorWp || reg[mm] == MissingWpMinor
  def reg_minor(mm: Mapping): bool = reg[mm] == Minor || reg[mm] == MinorWp || reg[mm] == MissingMinor || reg[mm] == MissingWpMinor
  // vm_page_prot is read-only (vma_wants_writenotify(): 6.2+ for WP VMAs; shmem has no
  // ->page_mkwrite and no soft-dirty here, so nothing else asks for it).
  def ro_read(mm: Mapping): bool = WRITENOTIFY && reg_wp(mm)
  // should_fault_around() for a VMA: only its flags matter.
  def fault_around_ok(mm: Mapping): bool =
    FAULT_AROUND == Always || FAULT_AROUND == ShmemMapPages
    || (FAULT_AROUND == SkipIfUffdArmed && reg[mm] == None)
    || (FAULT_AROUND == SkipIfWpOrMinor && !reg_wp(mm) && !reg_minor(mm))
  // the VMA maps file page i
  def maps(mm: Mapping, i: Page): bool = i >= vm_pgoff[mm] && i < vm_pgoff[mm] + vm_pages[mm]

  // Ghosts for NoSilentWrite (brief property (i)). armed[p]: the monitor protected p in
  // mapping 0 (a wp pte or marker is in place) and no event for p has reached the
  // monitor since. silent_write: a store through mapping 0 landed on an armed page.
  var armed: [Page] -> bool
  var silent_write: bool
  // Ghost for trace-guided runs: the pages the last PAGEMAP_SCAN reported written.
  var scan_reported: [Page] -> bool

  init {
    // A file whose pages were all written with pwrite(2), freshly mapped (no ptes yet).
    cache := [i in Page |-> if FILLED && i < SIZE then Folio { gen: 0 } else Hole]
    locked := [i in Page |-> false]
    trunc := [i in Page |-> 0]
    data := [i in Page |-> [g in Gen |-> 0]]
    uptodate := [i in Page |-> true]
    clean := [i in Page |-> false]
    i_size := if SIZE < PAGES then SIZE else PAGES
    // mapping 0 is registered with UFFD_MODE from the start (a trace registers with steps)
    reg := [mm in Mapping |-> if mm == 0 then UFFD_MODE else None]
    uffd_sigbus := [mm in Mapping |-> false]
    uffd_wp_async := [mm in Mapping |-> false]
    vm_pgoff := [mm in Mapping |-> 0]
    vm_pages := [mm in Mapping |-> PAGES]
    vm_pte := [mm in Mapping |-> 0]
    pte := [mm in Mapping |-> [i in Page |-> PteNone]]
    i_private := NoFalloc
    falloc_wait := [u in Tid |-> false]
    uffd_msg := [u in Tid |-> NoMsg]
    mon_held := [r in Reason |-> [i in Page |-> false]]
    mon_wake := [i in Page |-> false]
    mon_prot := [i in Page |-> false]
    wp_left := WP_ROUNDS
    dontneed_left := DONTNEEDS
    pwrite_left := PWRITES
    pageout_left := PAGEOUTS
    armed := [i in Page |-> false]
    silent_write := false
    scan_reported := [i in Page |-> false]
  }

  // ---------------------------------------------------------------- user threads
  // A thread issues ACCESSES loads/stores. A fault that returns VM_FAULT_RETRY or
  // VM_FAULT_NOPAGE re-executes the instruction: goto load / write_lands. A thread
  // sleeping on the falloc waitq or on a userfault waits at load / write_lands (the
  // instruction it will re-execute once woken), as the simulator does.
  process Thread[self in Tid] {
    var m: Mapping = 0
    var p: Page = 0
    var wr: bool = false
    var left: 0..ACCESSES = ACCESSES
    var orig_marker: bool = false    // the faulting pte was a wp marker (FAULT_FLAG_ORIG_PTE_VALID)
    var folio: Gen = 0               // the folio locked by shmem_get_folio, for finish_fault
    var reason: Reason = VmUffdMissing
    var fa_seen: Falloc = NoFalloc   // variant C with the check before ptl: what the peek saw
    var val: Value = 0               // the byte the store writes
    var got: Value = 0               // the byte the last load read
    var sigbus: bool = false         // the last access got SIGBUS (past EOF)

    // The load or store is over (it read, or it landed): count it, forget its page, and
    // go on to the next access, or exit after the last. Part of the step that uses it.
    def access_done() {
      left := left - 1
      m := 0
      p := 0
      val := 0
      orig_marker := false
      if left == 1 { goto exit } else { goto access }
    }

    // The program chooses its next instruction: a load or a store (of byte vv) of page p
    // through mapping m.
    access:
      with mm in Mapping { with pp in Page { with ww in bool { with vv in Value {
        await (ww || vv == 0) && maps(mm, pp)
        m := mm
        p := pp
        wr := ww
        val := vv
        sigbus := false
        if ww { goto write_lands } else { goto load }
      } } } }

    // The load walks the pte: present -> the value is read and the access is over;
    // none or marker -> page fault (handle_pte_fault -> do_pte_missing / handle_pte_marker
    // -> do_fault -> do_read_fault; 6.13 mm/memory.c).
    load:
      await !falloc_wait[self] && uffd_msg[self] is NoMsg
      let e = pte[m][p]
      if e is Present {
        got := data[p][e.folio]
        access_done()
      } else if e is PteMarker && !reg_wp(m) {
        // pte_marker_handle_uffd_wp(): a marker left in a VMA no longer WP-registered is
        // cleared, and the access re-executes
        pte[m][p] := PteNone
      } else {
        orig_marker := e is PteMarker
        goto do_read_fault
      }

    // The store walks the pte: present and writable -> the write lands (this step);
    // present read-only -> do_wp_page; none or marker -> do_shared_fault -> shmem_fault.
    write_lands:
      await !falloc_wait[self] && uffd_msg[self] is NoMsg
      let e = pte[m][p]
      if e is Present {
        if e.writable {
          // property (i): a store through the registered mapping to a page the monitor
          // protected, with no event for it since, must not land.
          if m == 0 && armed[p] { silent_write := true }
          data[p][e.folio] := val
          clean[p] := false
          wr := false
          access_done()
        } else {
          goto do_wp_page
        }
      } else if e is PteMarker && !reg_wp(m) {
        pte[m][p] := PteNone
      } else {
        orig_marker := e is PteMarker
        goto shmem_fault
      }

    // do_read_fault(): should_fault_around() decides; fault-around or __do_fault().
    // In the check-before-ptl form of variant C this step is also the unlocked peek
    // at i_private that shmem_map_pages would make before pte_offset_map_lock().
    do_read_fault:
      if fault_around_ok(m) {
        if FAULT_AROUND == ShmemMapPages && !MAP_PAGES_CHECK_UNDER_PTL { fa_seen := i_private }
        goto filemap_map_pages
      } else {
        goto shmem_fault
      }

    // do_fault_around() -> filemap_map_pages() (5.10 mm/filemap.c; 6.13
    // next_uptodate_folio, filemap_map_folio_range): under ptl for the whole window
    // (FAULT_AROUND_PAGES aligned down, clipped to the file and to EOF),
    // for each cached folio that trylocks (not locked) and is still in the cache, map it
    // if the pte is none (markers are skipped), with vm_page_prot, never uffd-wp; never
    // allocates, never raises an event, ignores i_private - except in variant C, where
    // shmem_map_pages skips [start,next) of an active punch. Truncation holds the folio
    // lock across unmap+delete (one step here), so a folio seen here is still cached.
    filemap_map_pages:
      let f = if MAP_PAGES_CHECK_UNDER_PTL then i_private else fa_seen
      let row = [i in Page |->
        if fault_around_window(m, i, p) && cache[i] is Folio && uptodate[i] && !locked[i] && pte[m][i] is PteNone
           && !(FAULT_AROUND == ShmemMapPages
                && (match f { Punching { start, next } => i >= start && i < next, NoFalloc => false }))
        then Present { folio: cache[i].gen, writable: !ro_read(m), wp: false }
        else pte[m][i]]
      pte[m] := row
      fa_seen := NoFalloc
      let e = row[p]
      if e is Present {
        // the faulting pte got filled: VM_FAULT_NOPAGE, the load re-executes and reads
        got := data[p][e.folio]
        access_done()
      } else {
        goto shmem_fault
      }

    // shmem_fault() (5.10, 6.13 mm/shmem.c): the unlocked peek at inode->i_private.
    shmem_fault:
      if i_private is NoFalloc { goto shmem_get_folio } else { goto shmem_fault_wait }

    // shmem_falloc_wait(): under i_lock, if a punch is active and pgoff is in
    // [start,next), sleep on its waitq (until punch_end's wake_up_all), then return
    // VM_FAULT_NOPAGE/RETRY: the instruction re-executes. Otherwise go on.
    shmem_fault_wait:
      if (match i_private { Punching { start, next } => p >= start && p < next, NoFalloc => false }) {
        falloc_wait[self] := true
        if wr { goto write_lands } else { goto load }
      } else {
        goto shmem_get_folio
      }

    // shmem_get_folio_gfp() (6.13): a folio (any state) in a MINOR VMA -> MINOR userfault
    // (before locking); a folio -> folio_lock (blocking), returned locked (the mapping
    // re-check always passes: truncation is atomic here); a hole in a MISSING VMA ->
    // MISSING userfault; a hole otherwise -> allocate a zero folio, insert it, locked.
    shmem_get_folio:
      let s = cache[p]
      if p >= i_size {
        // past EOF: -EINVAL before any userfault check, VM_FAULT_SIGBUS; the access is over
        sigbus := true
        wr := false
        access_done()
      } else if reg_minor(m) && s is Folio {
        reason := VmUffdMinor
        goto handle_userfault
      } else if s is Folio {
        // a fallocated folio (not uptodate) is zeroed and marked uptodate here
        await !locked[p]
        locked[p] := true
        uptodate[p] := true
        folio := s.gen
        goto finish_fault
      } else if reg_missing(m) {
        reason := VmUffdMissing
        goto handle_userfault
      } else {
        // a read fault's zeroed folio is clean until written (a write fault's store dirties it)
        cache[p] := Folio { gen: trunc[p] }
        clean[p] := TRACK_CLEAN && !wr
        locked[p] := true
        folio := trunc[p]
        goto finish_fault
      }

    // finish_fault() (6.13): under ptl, if vmf_pte_changed() (no longer the none pte /
    // the marker the fault started from) -> VM_FAULT_NOPAGE; else set_pte_range() with
    // vm_page_prot (a write fault: writable and dirty), plus uffd-wp and read-only if the
    // original pte was a wp marker. Then folio_unlock().
    finish_fault:
      let e = pte[m][p]
      locked[p] := false
      folio := 0
      if e is Present || (e is PteMarker) != orig_marker {
        orig_marker := false
        if wr { goto write_lands } else { goto load }
      } else {
        pte[m][p] := if orig_marker then Present { folio: folio, writable: false, wp: true }
                     else Present { folio: folio, writable: wr || !ro_read(m), wp: false }
        if wr {
          // the store re-executes (and faults again on a wp pte: one WP event)
          orig_marker := false
          goto write_lands
        } else {
          got := data[p][folio]
          access_done()
        }
      }

    // do_wp_page() (6.13): under ptl, the pte must still be present and read-only
    // (else the fault returns and the store re-executes); uffd-wp bit in a WP VMA ->
    // handle_userfault(VM_UFFD_WP); otherwise, shared mapping without ->page_mkwrite
    // (shmem has none) -> wp_page_reuse(): make it writable.
    do_wp_page:
      let e = pte[m][p]
      if e is Present && !e.writable {
        if e.wp && reg_wp(m) && !uffd_wp_async[m] {
          reason := VmUffdWp
          goto handle_userfault
        } else {
          // shared mapping, no ->page_mkwrite: wp_page_reuse(); with UFFD_FEATURE_WP_ASYNC
          // the kernel clears uffd-wp itself first (no event)
          pte[m][p] := Present { folio: e.folio, writable: true, wp: e.wp && !(reg_wp(m) && uffd_wp_async[m]) }
          goto write_lands
        }
      } else {
        goto write_lands
      }

    // handle_userfault() (6.13 fs/userfaultfd.c): queue the message on
    // fault_pending_wqh and, if userfaultfd_must_wait() (pte none or marker, or for WP
    // not writable), sleep; otherwise dequeue and return VM_FAULT_RETRY. Queueing and
    // the check are one step: the kernel queues first, so a wake between them is not lost.
    handle_userfault:
      let e = pte[m][p]
      let must_wait = e is PteNone || e is PteMarker
                      || (reason == VmUffdWp && !(e is Present && e.writable))
      reason := VmUffdMissing
      if uffd_sigbus[m] {
        // UFFD_FEATURE_SIGBUS: no message, VM_FAULT_SIGBUS; the access is over
        sigbus := true
        wr := false
        access_done()
      } else {
        if must_wait { uffd_msg[self] := Pending { reason: reason, write: wr } }
        if wr { goto write_lands } else { goto load }
      }

    exit:
      skip
  }

  // ---------------------------------------------------------------- fallocate(PUNCH_HOLE)
  // shmem_fallocate(FALLOC_FL_PUNCH_HOLE|KEEP_SIZE) of whole pages [lo,hi) (5.10, 6.13
  // mm/shmem.c). inode_lock is held from punch_begin to punch_end; nothing else in the
  // model takes it except pwrite, which waits for i_private to be clear (the two
  // intervals coincide here).
  process Punch {
    var lo: Page = 0
    var hi: 1..PAGES = 1
    var idx: Page = 0
    var punches_left: 0..PUNCHES = PUNCHES

    // inode_lock(); shmem_falloc on the stack; i_private = &shmem_falloc under i_lock.
    // (With PUNCHES = 0 there is no punch: the caller goes straight to its end.)
    punch_begin:
      if punches_left == 0 {
        goto punch_end
      } else {
        with s in Page { with t in Page {
          await s <= t
          lo := s
          hi := t + 1
          idx := s
          i_private := Punching { start: s, next: t + 1 }
        } }
      }

    // unmap_mapping_range(): zap [lo,hi) in every VMA, no folio locks. 5.19+: a uffd-wp
    // present pte of a WP VMA becomes a marker (zap_install_uffd_wp_if_needed) and
    // markers are kept (no ZAP_FLAG_DROP_MARKER); <= 5.18 the wp bit is lost.
    unmap_mapping_range:
      if FIRST_UNMAP {
        pte := [mm in Mapping |-> [i in Page |->
          if i >= lo && i < hi then
            (match pte[mm][i] {
              Present { wp } => if PTE_MARKERS && wp && reg_wp(mm) then PteMarker else PteNone,
              PteMarker => PteMarker,
              PteNone => PteNone })
          else pte[mm][i]]]
      }

    // shmem_undo_range() -> truncate_inode_folio(), one folio per step, blocking on its
    // lock (pass 2's folio_lock; pass 1's trylock only reorders). With the folio locked:
    // truncate_cleanup_folio() -> if folio_mapped(): unmap_mapping_folio() (the second
    // unmap: only ptes of this folio, with ZAP_FLAG_DROP_MARKER since 5.19, which also
    // drops markers at the index in every VMA); then filemap_remove_folio().
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
              else if PTE_MARKERS && !TRUNCATE_DROPS_MARKERS && wp && reg_wp(mm) then PteMarker
              else PteNone,
            PteMarker => if TRUNCATE_DROPS_MARKERS then PteNone else PteMarker,
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

    // i_private = NULL and wake_up_all(&shmem_falloc_waitq) under i_lock; inode_unlock().
    punch_end:
      i_private := NoFalloc
      falloc_wait := [u in Tid |-> false]
      if punches_left > 1 {
        punches_left := punches_left - 1
        lo := 0
        hi := 1
        idx := 0
        goto punch_begin
      }
  }

  // ---------------------------------------------------------------- other syscalls
  // madvise(MADV_DONTNEED) of pages lo..hi of one mapping (one page in the spec's own
  // runs): zap_page_range_single() with no zap details, under ptl: 5.19+ a uffd-wp pte of
  // a WP VMA becomes a marker and markers survive; <= 5.18 the wp bit is lost. The page
  // cache is untouched.
  action madvise_dontneed(mm: Mapping, lo: Page, hi: Page) {
    await dontneed_left > 0 && lo <= hi && (lo == hi || TRACE_DRIVEN)
    pte[mm] := [i in Page |-> if i < lo || i > hi then pte[mm][i] else (match pte[mm][i] {
      Present { wp } => if PTE_MARKERS && wp && reg_wp(mm) then PteMarker else PteNone,
      PteMarker => PteMarker,
      PteNone => PteNone })]
    dontneed_left := dontneed_left - 1
  }

  // pwrite(2) of a page's first byte (6.13 shmem_write_begin -> shmem_get_folio(SGP_WRITE)):
  // under inode_lock, allocates the folio of a hole, touches no pte, raises no uffd event
  // (by design); past EOF it moves i_size. Over a cached folio it changes only contents:
  // with contents not modelled (VALUES = 0) that step would change nothing but the count,
  // so the spec's own runs write only into holes. pread(2) changes nothing: it is the
  // observation cache[pg] / data.
  action pwrite(pg: Page) {
    await pwrite_left > 0 && i_private is NoFalloc && (cache[pg] is Hole || VALUES > 0)
    with v in Value {
      let g = if cache[pg] is Folio then cache[pg].gen else trunc[pg]
      cache[pg] := Folio { gen: g }
      data[pg][g] := v
      uptodate[pg] := true
      clean[pg] := false
      if pg >= i_size { i_size := pg + 1 }
      pwrite_left := pwrite_left - 1
    }
  }

  // ---------------------------------------------------------------- the uffd monitor
  // In the spec's own runs, a monitor that answers every message (the assumption of
  // property (iii)): it reads every pending message, and answers each one it holds, in
  // any order: MISSING by UFFDIO_COPY (MODE_WP if it protected the page), MINOR by
  // UFFDIO_CONTINUE, WP by UFFDIO_WRITEPROTECT(clear); after a failed COPY/CONTINUE it
  // issues UFFDIO_WAKE. Holding no message, it may write-protect a page (WP_ROUNDS
  // times). Following a trace (TRACE_DRIVEN), the trace issues the ioctls instead: the
  // UFFDIO_* actions below, which share the kernel's side of each ioctl with the monitor's.

  // __wake_userfault() on the uffd of mapping mm for pages lo..hi: every thread with a
  // message (pending or read) there is woken, and a woken unread message is dequeued by
  // its thread.
  def wake_range(mm: Mapping, lo: Page, hi: Page): [Tid] -> UffdMsg =
    [u in Tid |-> if !(uffd_msg[u] is NoMsg) && Thread[u].m == mm && Thread[u].p >= lo && Thread[u].p <= hi then NoMsg else uffd_msg[u]]
  // the spec's own monitor serves mapping 0
  def wake_userfault(pg: Page): [Tid] -> UffdMsg = wake_range(0, pg, pg)

  // the monitor holds no message
  def monitor_idle: bool = (forall r in Reason: forall i in Page: !mon_held[r][i]) && (forall i in Page: !mon_wake[i])

  // The pages a fault at p through mapping mm maps around it: do_fault_around()'s ptes
  // from_pte..to_pte of p's page table (FAULT_AROUND_PAGES ptes from p's, aligned down
  // in the address space, or from the mapping's first pte if that is later: the window
  // moves up, it is not cut; then cut at the page table's end and the mapping's end),
  // and filemap_map_pages() stops at EOF.
  def fault_around_window(mm: Mapping, i: Page, p: Page): bool =
    let pte_off = (vm_pte[mm] + p - vm_pgoff[mm]) % 512 in
    let vma_off = p - vm_pgoff[mm] in
    let aligned = pte_off - pte_off % FAULT_AROUND_PAGES in
    let vma_start = if pte_off < vma_off then 0 else pte_off - vma_off in
    let from_pte = if aligned > vma_start then aligned else vma_start in
    let vma_end = pte_off + vm_pages[mm] - vma_off in
    let to_pte = (if from_pte + FAULT_AROUND_PAGES < 512 then from_pte + FAULT_AROUND_PAGES else 512) in
    let k = pte_off + i - p in
    maps(mm, i) && i < i_size && k >= from_pte && k < to_pte && k < vma_end

  // read(2) on the uffd (userfaultfd_ctx_read): move one pending message to fault_wqh.
  // The event for page p has now reached the monitor, which holds it until answered.
  action userfaultfd_read(u: Tid) {
    await uffd_msg[u] is Pending
    let msg = uffd_msg[u]
    uffd_msg[u] := Read { reason: msg.reason, write: msg.write }
    if !TRACE_DRIVEN { mon_held[msg.reason][Thread[u].p] := true }
    armed[Thread[u].p] := false
  }

  // UFFDIO_COPY of one page into mapping 0 (mfill_atomic -> shmem_mfill_atomic_pte, 6.13):
  // not registered -> -ENOENT; MODE_WP without a WP registration -> -EINVAL; at or past
  // EOF -> -EFAULT; slot occupied, or pte neither none nor marker -> -EEXIST (the new
  // folio is removed again); a failed COPY wakes nobody.
  def copy_fails(mm: Mapping, pg: Page, wpmode: bool): bool =
    reg[mm] == None || (wpmode && !reg_wp(mm)) || pg >= i_size || cache[pg] is Folio || pte[mm][pg] is Present
  // Otherwise insert the folio (first byte v), install it writable (VM_WRITE) or, with
  // MODE_WP, uffd-wp read-only, and (without MODE_DONTWAKE) wake the waiters on the page
  // (__wake_userfault wakes both queues; a woken unread message is dequeued by its thread).
  def copy_page(mm: Mapping, pg: Page, v: Value, wpmode: bool, wake: bool) {
    cache[pg] := Folio { gen: trunc[pg] }
    data[pg][trunc[pg]] := v
    clean[pg] := false
    pte[mm][pg] := Present { folio: trunc[pg], writable: !wpmode, wp: wpmode }
    if mm == 0 { armed[pg] := wpmode }
    if wake { uffd_msg := wake_range(mm, pg, pg) }
  }

  // UFFDIO_CONTINUE (shmem, 5.14+; mfill_atomic_pte_continue): not registered -> -ENOENT;
  // MODE_WP without WP -> -EINVAL; past EOF -> -EINVAL (shmem_get_folio(SGP_NOALLOC));
  // a hole -> -EFAULT; present pte -> -EEXIST.
  def continue_fails(mm: Mapping, pg: Page, wpmode: bool): bool =
    reg[mm] == None || (wpmode && !reg_wp(mm)) || pg >= i_size || cache[pg] is Hole || pte[mm][pg] is Present
  // Otherwise (the cached folio locked) map it: writable (shared and VM_WRITE), or with
  // MODE_WP uffd-wp read-only; wake.
  def continue_page(mm: Mapping, pg: Page, wpmode: bool, wake: bool) {
    // shmem_get_folio(SGP_NOALLOC) zeroes a fallocated folio and marks it uptodate
    uptodate[pg] := true
    pte[mm][pg] := Present { folio: cache[pg].gen, writable: !wpmode, wp: wpmode }
    if wake { uffd_msg := wake_range(mm, pg, pg) }
  }

  // UFFDIO_WRITEPROTECT (mwriteprotect_range -> change_pte_range, 6.13), one pte.
  // protect: a present pte gets uffd-wp and loses write; a none pte of a shmem VMA
  // becomes a marker (5.19+; without markers nothing is protected). clear: the uffd-wp
  // bit goes (the write bit is not restored here: the store re-faults into do_wp_page's
  // reuse), a marker becomes none.
  def wp_protected(e: Pte): Pte = match e {
    Present { folio } => Present { folio: folio, writable: false, wp: true },
    PteNone => if PTE_MARKERS then PteMarker else PteNone,
    PteMarker => PteMarker }
  def wp_cleared(e: Pte): Pte = match e {
    Present { folio, writable } => Present { folio: folio, writable: writable, wp: false },
    PteMarker => PteNone,
    PteNone => PteNone }

  // The monitor answers a MISSING message by UFFDIO_COPY (of zeros; MODE_WP if it
  // protected the page); if the COPY fails it must UFFDIO_WAKE the page.
  action mfill_atomic_copy {
    with pg in Page {
      await !TRACE_DRIVEN && mon_held[VmUffdMissing][pg]
      let wpmode = reg_wp(0) && mon_prot[pg]
      mon_held[VmUffdMissing][pg] := false
      if copy_fails(0, pg, wpmode) {
        if MONITOR_WAKES_ON_FAILURE { mon_wake[pg] := true }
      } else {
        copy_page(0, pg, 0, wpmode, true)
      }
    }
  }

  // The monitor answers a MINOR message by UFFDIO_CONTINUE.
  action mfill_atomic_continue {
    with pg in Page {
      await !TRACE_DRIVEN && mon_held[VmUffdMinor][pg]
      mon_held[VmUffdMinor][pg] := false
      if continue_fails(0, pg, false) {
        if MONITOR_WAKES_ON_FAILURE { mon_wake[pg] := true }
      } else {
        await !locked[pg]
        continue_page(0, pg, false, true)
      }
    }
  }

  // The monitor write-protects a page of mapping 0 (holding no message), or answers a
  // WP message for the page by clearing the protection and waking its waiters.
  action mwriteprotect_range(pg: Page, protect: bool) {
    if protect {
      await !TRACE_DRIVEN && reg_wp(0) && monitor_idle && wp_left > 0 && !mon_prot[pg]
      let ne = wp_protected(pte[0][pg])
      pte[0][pg] := ne
      mon_prot[pg] := true
      armed[pg] := !(ne is PteNone)
      wp_left := wp_left - 1
    } else {
      await !TRACE_DRIVEN && mon_held[VmUffdWp][pg]
      pte[0][pg] := wp_cleared(pte[0][pg])
      mon_prot[pg] := false
      armed[pg] := false
      uffd_msg := wake_userfault(pg)
      mon_held[VmUffdWp][pg] := false
    }
  }

  // UFFDIO_WAKE of one page after a failed COPY/CONTINUE.
  action userfaultfd_wake {
    with pg in Page {
      await mon_wake[pg]
      uffd_msg := wake_userfault(pg)
      mon_wake[pg] := false
    }
  }

  // The syscalls as a trace issues them (TRACE_DRIVEN): the uffd ioctls on the uffd of
  // any mapping, for any page or range, at any time, with the trace's modes (the
  // kernel's side is the same as for the spec's own monitor); UFFDIO_REGISTER and
  // UNREGISTER; and mmap, which places a mapping before the trace's first step.
  action UFFDIO_COPY(mm: Mapping, pg: Page, v: Value, wpmode: bool, wake: bool) {
    await TRACE_DRIVEN
    if !copy_fails(mm, pg, wpmode) { copy_page(mm, pg, v, wpmode, wake) }
  }

  // UFFDIO_ZEROPAGE on shmem (shmem_mfill_atomic_pte with MFILL_ATOMIC_ZEROPAGE): a COPY
  // of a zeroed folio, without MODE_WP.
  action UFFDIO_ZEROPAGE(mm: Mapping, pg: Page, wake: bool) {
    await TRACE_DRIVEN
    if !copy_fails(mm, pg, false) { copy_page(mm, pg, 0, false, wake) }
  }

  action UFFDIO_CONTINUE(mm: Mapping, pg: Page, wpmode: bool, wake: bool) {
    await TRACE_DRIVEN
    if !continue_fails(mm, pg, wpmode) {
      await !locked[pg]
      continue_page(mm, pg, wpmode, wake)
    }
  }

  // Over pages lo..hi of the mapping; -ENOENT (nothing changes) without a WP registration.
  action UFFDIO_WRITEPROTECT(mm: Mapping, lo: Page, hi: Page, protect: bool, wake: bool) {
    await TRACE_DRIVEN && lo <= hi
    // MODE_WP with MODE_DONTWAKE is -EINVAL
    if reg_wp(mm) && !(protect && !wake) {
      pte[mm] := [i in Page |-> if i < lo || i > hi then pte[mm][i] else if protect then wp_protected(pte[mm][i]) else wp_cleared(pte[mm][i])]
      if !protect && wake { uffd_msg := wake_range(mm, lo, hi) }
    }
  }

  action UFFDIO_WAKE(mm: Mapping, lo: Page, hi: Page) {
    await TRACE_DRIVEN && lo <= hi
    uffd_msg := wake_range(mm, lo, hi)
  }

  // userfaultfd_register(): the VMA's VM_UFFD_* flags become the modes (replacing any
  // earlier ones; no modes -> -EINVAL, nothing changes). Only vm_page_prot changes: the
  // ptes already there stay as they are. The first register of a mapping opens its uffd
  // (UFFDIO_API, api): its features are set then (UFFD_FEATURE_WP_UNPOPULATED changes
  // nothing on shmem: a file VMA always uses markers).
  action UFFDIO_REGISTER(mm: Mapping, mode: UffdMode, api: bool, sigbus_f: bool, wp_async_f: bool) {
    await TRACE_DRIVEN && (api || (!sigbus_f && !wp_async_f))
    // no VMA in the range (munmapped): -EINVAL, nothing changes
    if api && vm_pages[mm] > 0 {
      uffd_sigbus[mm] := sigbus_f
      uffd_wp_async[mm] := wp_async_f
    }
    if mode != None && vm_pages[mm] > 0 { reg[mm] := mode }
  }

  // userfaultfd_unregister(): a WP registration's uffd-wp bits and markers are cleared
  // over the VMA (uffd_wp_range(..., false)), the flags go, and every waiter on this
  // mapping's uffd is woken.
  action UFFDIO_UNREGISTER(mm: Mapping) {
    await TRACE_DRIVEN
    // no VMA in the range (munmapped): -EINVAL, nothing changes
    if vm_pages[mm] > 0 {
      if reg_wp(mm) { pte[mm] := [i in Page |-> wp_cleared(pte[mm][i])] }
      reg[mm] := None
      uffd_msg := wake_range(mm, 0, PAGES - 1)
    }
  }

  // mmap(MAP_SHARED|MAP_FIXED) of pages off..off+len-1 of the file as mapping mm, at an
  // address whose pte index is first_pte (a trace's mapping geometry, before its first step;
  // without it every mapping covers the file from a 2 MiB boundary).
  action mmap(mm: Mapping, off: Page, len: Size, first_pte: PteIndex) {
    await TRACE_DRIVEN && len >= 1
    vm_pgoff[mm] := off
    vm_pages[mm] := len
    vm_pte[mm] := first_pte
    pte[mm] := [i in Page |-> PteNone]
  }

  // ftruncate(2) to size pages (shmem_setattr, as one step: trace-driven only). Shrinking:
  // i_size first, then unmap_mapping_range() of everything past it in every VMA (a
  // uffd-wp pte of a WP VMA becomes a marker, markers stay), then shmem_truncate_range()
  // drops the folios past it (each already unmapped: no second per-folio unmap), then
  // unmap_mapping_range() again. Growing only moves i_size: the new pages are holes.
  action ftruncate(size: Size) {
    await TRACE_DRIVEN
    i_size := size
    if size < i_size {
      pte := [mm in Mapping |-> [i in Page |-> if i < size then pte[mm][i] else (match pte[mm][i] {
        Present { wp } => if PTE_MARKERS && wp && reg_wp(mm) then PteMarker else PteNone,
        PteMarker => PteMarker,
        PteNone => PteNone })]]
      cache := [i in Page |-> if i < size then cache[i] else Hole]
      trunc := [i in Page |-> if i >= size && cache[i] is Folio then trunc[i] + 1 else trunc[i]]
      uptodate := [i in Page |-> if i < size then uptodate[i] else true]
      clean := [i in Page |-> clean[i] && i < size]
    }
  }

  // fallocate(2) allocating pages lo..hi (shmem_fallocate, mode 0 or KEEP_SIZE; one step,
  // trace-driven only): every hole gets a folio that is not uptodate (filemap_map_pages
  // skips it, a fault or a write zeroes it; cachestat counts it, SEEK_DATA does not);
  // cached folios stay, and one an earlier fallocate left not uptodate is zeroed now.
  // Without KEEP_SIZE, i_size moves past hi.
  action fallocate(lo: Page, hi: Page, keep_size: bool) {
    await TRACE_DRIVEN && lo <= hi
    cache := [i in Page |-> if i >= lo && i <= hi && cache[i] is Hole then Folio { gen: trunc[i] } else cache[i]]
    // a folio an earlier fallocate left not uptodate is zeroed now (SGP_FALLOC must initialize it)
    uptodate := [i in Page |-> if i >= lo && i <= hi then !(cache[i] is Hole) else uptodate[i]]
    clean := [i in Page |-> clean[i] && !(i >= lo && i <= hi && cache[i] is Hole)]
    if !keep_size && hi + 1 > i_size { i_size := hi + 1 }
  }

  // madvise(MADV_PAGEOUT) of pages lo..hi of mapping mm (one page in the spec's own
  // runs): madvise_cold_or_pageout_pte_range -> reclaim_pages -> shrink_folio_list, one
  // step under the folio lock (a folio locked by a fault is skipped: folio_trylock). A
  // folio mapped there and by no other mapping is unmapped (try_to_unmap: 5.19+ a uffd-wp
  // pte of a WP VMA becomes a marker; <= 5.18 the wp bit is lost); a dirty one is written
  // out, which with no swap (this model, and this machine) fails: it stays in the page
  // cache; a clean one is freed.
  action madvise_pageout(mm: Mapping, lo: Page, hi: Page) {
    await pageout_left > 0 && lo <= hi && (lo == hi || TRACE_DRIVEN)
    let taken = [i in Page |-> i >= lo && i <= hi && !locked[i] && pte[mm][i] is Present
                               && !(exists o in Mapping: o != mm && pte[o][i] is Present)]
    pte[mm] := [i in Page |->
      if !taken[i] then pte[mm][i]
      else (match pte[mm][i] {
        Present { wp } => if PTE_MARKERS && wp && reg_wp(mm) then PteMarker else PteNone,
        PteMarker => PteMarker,
        PteNone => PteNone })]
    // a clean folio is freed (__remove_mapping): the page becomes a hole
    cache := [i in Page |-> if taken[i] && clean[i] then Hole else cache[i]]
    trunc := [i in Page |-> if taken[i] && clean[i] then trunc[i] + 1 else trunc[i]]
    clean := [i in Page |-> clean[i] && !taken[i]]
    pageout_left := pageout_left - 1
  }

  // PAGEMAP_SCAN on /proc/self/pagemap over pages lo..hi of mapping mm, for PAGE_IS_WRITTEN
  // (fs/proc/task_mmu.c do_pagemap_scan; one step under ptl; trace-driven only): a page is
  // written unless its pte carries uffd-wp: a present pte without it and a none pte are
  // written, a wp pte and a marker are not (pagemap_scan_pmd_entry); where the mapping has
  // no page table yet, only a WP-registered mapping reports written (recorded on 6.18).
  // With PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC the VMA must be uffd-wp async
  // (-EPERM, nothing changes, otherwise: pagemap_scan_test_walk) and every page reported
  // is write-protected again: a present pte gets uffd-wp, a none pte becomes a marker.
  // The pages it reports are left in scan_reported, where the binding counts them.
  action pagemap_scan(mm: Mapping, lo: Page, hi: Page, wp_matching: bool) {
    await TRACE_DRIVEN && lo <= hi
    let allowed = !wp_matching || (reg_wp(mm) && uffd_wp_async[mm])
    scan_reported := [i in Page |-> allowed && i >= lo && i <= hi && scan_written(mm, i)]
    if wp_matching && allowed {
      pte[mm] := [i in Page |-> if i < lo || i > hi || !scan_written(mm, i) then pte[mm][i] else (match pte[mm][i] {
        Present { folio } => Present { folio: folio, writable: false, wp: true },
        PteMarker => PteMarker,
        PteNone => PteMarker })]
    }
  }

  // What PAGEMAP_SCAN reports as written. A page table exists where a pte of the mapping
  // in the same 2 MiB table is not none (an approximation: a table whose ptes were all
  // zapped also exists; the corpus has no such scan).
  def scan_written(mm: Mapping, i: Page): bool =
    match pte[mm][i] {
      Present { wp } => !wp,
      PteMarker => false,
      PteNone => reg_wp(mm) || (exists j in Page: maps(mm, j) && !(pte[mm][j] is PteNone)
                                  && (vm_pte[mm] + j - vm_pgoff[mm]) / 512 == (vm_pte[mm] + i - vm_pgoff[mm]) / 512) }

  // munmap(2) of the whole of mapping mm: its ptes and markers go with the VMA, and so do
  // its VM_UFFD_* flags (the uffd stays open: an ioctl on the range finds no VMA, -ENOENT).
  action munmap(mm: Mapping) {
    await TRACE_DRIVEN
    vm_pages[mm] := 0
    pte[mm] := [i in Page |-> PteNone]
    reg[mm] := None
  }

  // ---------------------------------------------------------------- properties
  // No store through the registered mapping lands on a page the monitor write-protected
  // before an event for that page has reached the monitor.
  // Brief property (i), WP-notify; "reached" = read(2) returned it. Writes through
  // other mappings and pwrite are out of scope by design (per-mm, per-address wp).
  invariant NoSilentWrite: !silent_write

  // Every present pte maps the folio currently cached at its index, so mmap and
  // read(2)/write(2) see the same page.
  // Brief property (ii), coherence (Andrea's question, 27 Nov 2020).
  invariant PteCoherent:
    forall mm in Mapping: forall i in Page:
      (match pte[mm][i] {
        Present { folio } => (match cache[i] { Folio { gen } => gen == folio, Hole => false }),
        PteNone => true,
        PteMarker => true })

  // Every sleeping thread has someone to wake it: a punch in progress or the monitor
  // handling its page.
  // Brief property (iii), no stuck thread, together with the deadlock check. A thread on the falloc waitq sleeps only while a punch is active (punch_end wakes
  // all); a thread whose message the monitor read sleeps only while the monitor is
  // still handling (or about to wake) that page. An unread message will be read.
  invariant NoLostWakeup:
    (forall u in Tid: falloc_wait[u] => i_private is Punching)
    && (forall u in Tid: uffd_msg[u] is Read =>
          (exists r in Reason: mon_held[r][Thread[u].p]) || mon_wake[Thread[u].p])

  // A page the monitor write-protected stays protected until an event for it reaches the
  // monitor: a uffd-wp pte, a marker, or a hole that a MISSING registration catches.
  // The state form of property (i): violated as soon as the protection is lost, before
  // any write - when the pte is present without uffd-wp, or none while the slot holds a
  // folio or no MISSING registration would catch the hole (by a zap without markers, say).
  invariant WpNotLost:
    forall i in Page: armed[i] =>
      (match pte[0][i] {
        Present { wp } => wp,
        PteMarker => true,
        PteNone => reg_missing(0) && cache[i] is Hole })

  // A uffd-wp pte is never writable, otherwise a store would land without entering
  // do_wp_page. (x86 pte_mkuffd_wp() also clears the write bit, 6.13.)
  invariant WpImpliesReadOnly:
    forall mm in Mapping: forall i in Page:
      (match pte[mm][i] { Present { writable, wp } => !(wp && writable), PteNone => true, PteMarker => true })

  // Markers exist only in the WP-registered mapping 0, and only with PTE_MARKER_UFFD_WP.
  // (pte_install_uffd_wp_if_needed() and change_pte_range() install them only in a file
  // VMA with VM_UFFD_WP: never in mapping 1.)
  invariant MarkersOnlyInWpVma:
    forall mm in Mapping: forall i in Page:
      pte[mm][i] is PteMarker => (reg_wp(mm) && PTE_MARKERS)

  // A folio lock is held across steps only by a fault between shmem_get_folio and
  // finish_fault, on a cached folio.
  // (The lock discipline the coherence argument uses.)
  invariant FolioLockHeldByFault:
    forall i in Page: locked[i] =>
      (cache[i] is Folio && (exists u in Tid: Thread[u] at finish_fault && Thread[u].p == i))

  // ---------------------------------------------------------------- liveness
  // What the deadlock check used to stand for, stated as it is meant (brief property
  // (iii)): under weak fairness of the threads, the punch and the monitor's steps
  // (a process or monitor that can go on eventually does), nobody sleeps forever.
  fairness weak Thread
  fairness weak Punch
  fairness weak userfaultfd_read
  fairness weak mfill_atomic_copy
  fairness weak mfill_atomic_continue
  fairness weak mwriteprotect_range
  fairness weak userfaultfd_wake

  // A thread that queued a userfault message is eventually woken (handle_userfault returns).
  property UserfaultWoken: forall u in Tid: !(uffd_msg[u] is NoMsg) leads_to uffd_msg[u] is NoMsg
  // A thread sleeping on shmem_falloc_waitq is eventually woken (by punch_end's wake_up_all).
  property FallocWaitWoken: forall u in Tid: falloc_wait[u] leads_to !falloc_wait[u]
  // A hole punch that has begun eventually finishes (i_private is cleared).
  property PunchFinishes: i_private is Punching leads_to i_private is NoFalloc
`;
//# sourceMappingURL=shmem_uffd.spec.js.map