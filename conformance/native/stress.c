/* stress.c: races between a hole punch and faults on a write-protected
 * shmem page, attempted on the real kernel (Peter Xu's 2020 race and the
 * marker-dropping path of truncation).
 *
 * Phase "wp": a 16-page memfd mapping registered for uffd-wp (WP only).
 * Two threads, each pinned to its own CPU where the process may use two,
 * meet once per iteration:
 *  - the puncher drops P's pte (MADV_DONTNEED), re-populates P (pwrite),
 *    write-protects it (UFFDIO_WRITEPROTECT on a none pte leaves a marker),
 *    releases the writer, waits up to a few us or not at all, punches P,
 *    checks P's pagemap entry, then acts as the monitor: it answers the
 *    writer's WP event by unprotecting P, until the writer's store is done;
 *  - the writer, released, waits up to 1 us or not at all, then
 *    stores to P: a fault on the marker, which goes through shmem_fault and
 *    so may race the punch.
 * The offset of the punch after the store's release changes every
 * iteration, uniform in [-J/4, J] ns (--jitter J, default 4000; negative:
 * the store waits instead), so that on some iterations the fault passes
 * shmem_fault's unlocked i_private check just before the punch sets it.
 * (On 6.18 x86_64 here the losses cluster at offsets of 0.5-1.5 us: the
 * store needs that long to reach shmem_fault. Losses are counted by offset.)
 * The loss (the 5.19+ path): that fault maps P read-only+wp after the
 * punch's first unmap; truncation's second unmap
 * (unmap_mapping_folio, ZAP_FLAG_DROP_MARKER) then zaps the pte and leaves
 * no marker; the retried store finds a none pte over a hole and completes
 * with no WP event (WP-only registration: no MISSING event either).
 * P is "protected" from a set (ioctl, then the flag, under prot_mu) until
 * the monitor's clear (flag, then the ioctl, under the same lock); nothing
 * else may remove the protection. Checks, each airtight against the
 * program's own races:
 *  - lost: right after the punch, holding prot_mu, P protected: P's pagemap
 *    entry must have the uffd-wp bit (a marker 62+57 or present+wp);
 *  - write: the writer, holding prot_mu, takes P protected and the count of
 *    the monitor's clears; stores to P without the lock; takes the lock
 *    again: if no clear happened meanwhile, the store never waited for the
 *    monitor, so it landed on a protected page with no WP event handled.
 *    (Events queued but not waited for are drained before each protection,
 *    so a late clear cannot belong to another iteration.)
 * A protection ("epoch": one set by the puncher) failing any check counts
 * once in `violations`; the first few detections keep pagemap evidence.
 *
 * Phase "coherence": no userfaultfd. A puncher writes, punches and checks
 * that the mapping and pread agree (0), then that a new pwrite shows through
 * the mapping; a reader on the other CPU drops all ptes (MADV_DONTNEED) and
 * reads neighbours of P, so that fault-around maps P during punches.
 *
 * Usage: stress [--iterations N] [--seconds S] [--page P] [--runs R]
 *               [--phase wp|coherence|both] [--jitter NS] [--json]
 * Defaults: 4 runs of up to 20000 iterations or 3 s per phase, page 5.
 * A run that finds nothing proves nothing: the race is probabilistic.
 * Exit: 0 no violation, 1 a violation, 2 cannot run (also the alarm). */
#include "uffd.h"
#include "uffd_defs.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define PAGE_SZ 4096
#define NPAGES 16
#define ALIGN_2M (2UL << 20)
#define PM_PRESENT (1ULL << 63)
#define PM_SWAPPED (1ULL << 62)
#define PM_FILE (1ULL << 61)
#define PM_UFFD_WP (1ULL << 57)
#define PM_EXCLUSIVE (1ULL << 56)
#define MAX_EVIDENCE 6
#define MAX_RUNS 1000
#define STUCK_NS 2000000000LL /* one iteration's store must finish within 2 s */
#define BUCKET_NS 500         /* losses are counted by offset in buckets this wide */
#define MAX_BUCKETS 64

static long opt_iterations = 20000;
static long opt_seconds = 3;
static int opt_page = 5;
static long opt_runs = 4;
static long opt_jitter = 4000;
static int opt_json;
static int opt_wp = 1, opt_coherence = 1;
static int cpu_a = -1, cpu_b = -1; /* puncher, writer/reader; -1: not pinned */

struct evidence {
	const char *check;      /* lost, write */
	long iteration;         /* puncher iteration when detected */
	double at;              /* seconds into the run */
	uint64_t entry;         /* P's pagemap entry at detection */
	long offset;            /* ns: > 0 the punch waited, < 0 the store waited */
	int written, read_back; /* write: the byte written, pread of P after */
};

struct run {
	int memfd, uffd, pagemap_fd;
	unsigned char *base;
	int64_t t0, deadline;
	atomic_int stop;          /* puncher finished: the other thread stops */
	atomic_long go;           /* iteration the writer may start */
	atomic_long done;         /* iteration whose store has completed */
	atomic_long offset;       /* this iteration's offset, ns */
	atomic_long clears;       /* monitor's unprotects and wakes (changed under prot_mu) */
	pthread_mutex_t prot_mu;  /* protect/unprotect ioctl + flag together */
	/* under prot_mu */
	int protected_;           /* 1 while P is write-protected */
	long epoch;               /* number of protections of P (sets) */
	long last_bad;            /* latest epoch counted as a violation */
	long violations;          /* epochs with any failed check */
	int nevidence;
	struct evidence ev[MAX_EVIDENCE];
	/* counters */
	atomic_long iterations, writes, wp_events, other_events;
	atomic_long lost_none, lost_present, unprotected_writes;
	atomic_long fa_maps, reads, incoherent;
	double secs;
	long lost_by_offset[MAX_BUCKETS]; /* under prot_mu: violations by the epoch's offset */
};

static long lost_by_offset[MAX_BUCKETS]; /* every run's, summed */

static void die(const char *what)
{
	fprintf(stderr, "stress: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void on_alarm(int sig)
{
	static const char msg[] = "stress: time bound exceeded, aborting\n";

	(void)sig;
	if (write(2, msg, sizeof msg - 1) < 0) {
		/* nothing more to do */
	}
	_exit(2);
}

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void spin_ns(long ns)
{
	int64_t end = now_ns() + ns;

	while (now_ns() < end)
		__asm__ __volatile__("" ::: "memory");
}

/* xorshift64*: the per-iteration offsets (quality is irrelevant here) */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static uint64_t pagemap_entry(struct run *r, int page)
{
	uint64_t e = 0;
	off_t at = (off_t)(((uintptr_t)r->base / PAGE_SZ) + (uintptr_t)page) * 8;

	if (pread(r->pagemap_fd, &e, sizeof e, at) != sizeof e)
		die("pread /proc/self/pagemap");
	return e;
}

/* Offsets run from -J/4 to J, in buckets of BUCKET_NS (the last one also
 * holds the rest): the number of buckets, the first offset of bucket b, the
 * bucket of an offset. */
static int nbuckets(void)
{
	long n = (opt_jitter - (-opt_jitter / 4)) / BUCKET_NS;

	return n < 1 ? 1 : n < MAX_BUCKETS ? (int)n : MAX_BUCKETS;
}

static long bucket_start(int b)
{
	return -opt_jitter / 4 + (long)b * BUCKET_NS;
}

static int bucket(long off)
{
	long b = (off - (-opt_jitter / 4)) / BUCKET_NS;

	return b < 0 ? 0 : b >= nbuckets() ? nbuckets() - 1 : (int)b;
}

/* Called with prot_mu held: counts epoch `ep` at most once, keeps evidence. */
static void violation(struct run *r, long ep, const struct evidence *e)
{
	if (ep > r->last_bad) {
		r->last_bad = ep;
		r->violations++;
		r->lost_by_offset[bucket(e->offset)]++;
	}
	if (r->nevidence < MAX_EVIDENCE) {
		r->ev[r->nevidence] = *e;
		r->ev[r->nevidence].iteration = atomic_load(&r->iterations);
		r->ev[r->nevidence].at = (double)(now_ns() - r->t0) / 1e9;
		r->nevidence++;
	}
}

/* Pins the calling thread to `cpu` (no-op when -1 or refused). */
static void pin(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

/* The first two CPUs this process may run on: puncher on one, writer or
 * reader on the other, so that they race in parallel, not by preemption. */
static void choose_cpus(void)
{
	cpu_set_t set;
	int c;

	if (sched_getaffinity(0, sizeof set, &set) != 0)
		return;
	for (c = 0; c < CPU_SETSIZE; c++) {
		if (!CPU_ISSET(c, &set))
			continue;
		if (cpu_a < 0)
			cpu_a = c;
		else {
			cpu_b = c;
			return;
		}
	}
	cpu_a = -1; /* one CPU only: leave scheduling to the kernel */
}

static void setup(struct run *r)
{
	size_t span = NPAGES * PAGE_SZ + ALIGN_2M;
	unsigned char *res, *a;
	int i;

	memset(r, 0, sizeof *r);
	r->uffd = -1;
	pthread_mutex_init(&r->prot_mu, NULL);
	r->memfd = memfd_create("uffdspec-stress", MFD_CLOEXEC);
	if (r->memfd < 0 || ftruncate(r->memfd, NPAGES * PAGE_SZ) != 0)
		die("memfd");
	for (i = 0; i < NPAGES; i++) {
		unsigned char b = (unsigned char)('a' + i);

		if (pwrite(r->memfd, &b, 1, (off_t)i * PAGE_SZ) != 1)
			die("pwrite");
	}
	res = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (res == MAP_FAILED)
		die("mmap reserve");
	a = (unsigned char *)(((uintptr_t)res + ALIGN_2M - 1) & ~(ALIGN_2M - 1));
	if (mmap(a, NPAGES * PAGE_SZ, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
		 r->memfd, 0) == MAP_FAILED)
		die("mmap");
	r->base = a;
	r->pagemap_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (r->pagemap_fd < 0)
		die("open /proc/self/pagemap");
	r->t0 = now_ns();
	r->deadline = r->t0 + (int64_t)opt_seconds * 1000000000LL;
}

static void teardown(struct run *r)
{
	munmap(r->base, NPAGES * PAGE_SZ);
	close(r->memfd);
	close(r->pagemap_fd);
	if (r->uffd >= 0)
		close(r->uffd);
}

static void punch(struct run *r, int page)
{
	if (fallocate(r->memfd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
		      (off_t)page * PAGE_SZ, PAGE_SZ) != 0)
		die("fallocate PUNCH_HOLE");
}

static void set_wp(struct run *r, int on)
{
	struct uffdspec_writeprotect w = {
		{ (uint64_t)(uintptr_t)(r->base + (size_t)opt_page * PAGE_SZ), PAGE_SZ },
		on ? UFFDIO_WRITEPROTECT_MODE_WP : 0,
	};

	if (ioctl(r->uffd, UFFDSPEC_IOC_WRITEPROTECT, &w) != 0)
		die("UFFDIO_WRITEPROTECT");
}

/* The monitor's part, without blocking: every queued WP event on P is
 * answered by unprotecting P (which wakes the writer); anything else is
 * counted and woken. */
static void serve(struct run *r)
{
	uintptr_t pa = (uintptr_t)(r->base + (size_t)opt_page * PAGE_SZ);
	struct uffd_msg msgs[8];
	ssize_t n, i;

	n = read(r->uffd, msgs, sizeof msgs);
	if (n < 0 && errno != EAGAIN)
		die("read userfaultfd");
	for (i = 0; i < n / (ssize_t)sizeof msgs[0]; i++) {
		const struct uffd_msg *m = &msgs[i];

		pthread_mutex_lock(&r->prot_mu);
		atomic_fetch_add(&r->clears, 1);
		if (m->event == UFFD_EVENT_PAGEFAULT &&
		    (m->arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP) &&
		    (m->arg.pagefault.address & ~(uint64_t)(PAGE_SZ - 1)) == pa) {
			atomic_fetch_add(&r->wp_events, 1);
			r->protected_ = 0;
			set_wp(r, 0);
		} else {
			struct uffdspec_range all = { (uintptr_t)r->base, NPAGES * PAGE_SZ };

			atomic_fetch_add(&r->other_events, 1);
			ioctl(r->uffd, UFFDSPEC_IOC_WAKE, &all);
		}
		pthread_mutex_unlock(&r->prot_mu);
	}
}

static void *wp_puncher(void *p)
{
	struct run *r = p;
	unsigned char *pp = r->base + (size_t)opt_page * PAGE_SZ;
	uint64_t seed = (uint64_t)now_ns() | 1;
	long i;

	pin(cpu_a);
	for (i = 1; i <= opt_iterations && now_ns() < r->deadline; i++) {
		unsigned char b = (unsigned char)(1 + i % 120);
		long lo = -opt_jitter / 4, off = lo + (long)(rng_next(&seed) % (uint64_t)(opt_jitter - lo + 1));
		int64_t stuck;

		serve(r); /* events queued but not waited for: none may clear a later protection */
		if (madvise(pp, PAGE_SZ, MADV_DONTNEED) != 0)
			die("madvise DONTNEED");
		if (pwrite(r->memfd, &b, 1, (off_t)opt_page * PAGE_SZ) != 1)
			die("pwrite");
		pthread_mutex_lock(&r->prot_mu);
		set_wp(r, 1);
		r->epoch++;
		r->protected_ = 1;
		pthread_mutex_unlock(&r->prot_mu);

		atomic_store(&r->offset, off);
		atomic_store(&r->go, i);
		if (off > 0)
			spin_ns(off);
		punch(r, opt_page);
		pthread_mutex_lock(&r->prot_mu);
		if (r->protected_) {
			uint64_t e = pagemap_entry(r, opt_page);

			if (!(e & PM_UFFD_WP)) {
				struct evidence ev = { "lost", 0, 0, e, off, -1, -1 };

				atomic_fetch_add(e & PM_PRESENT ? &r->lost_present : &r->lost_none, 1);
				violation(r, r->epoch, &ev);
			}
		}
		pthread_mutex_unlock(&r->prot_mu);
		stuck = now_ns() + STUCK_NS;
		while (atomic_load(&r->done) != i) {
			serve(r);
			if (cpu_a < 0)
				sched_yield();
			if (now_ns() > stuck) {
				fprintf(stderr, "stress: the store of iteration %ld did not finish within 2 s\n", i);
				exit(2);
			}
		}
		atomic_fetch_add(&r->iterations, 1);
	}
	atomic_store(&r->stop, 1);
	return NULL;
}

/* Writer: one store to P per iteration (see the file comment). */
static void *writer(void *p)
{
	struct run *r = p;
	volatile unsigned char *addr = r->base + (size_t)opt_page * PAGE_SZ;
	unsigned char v = 0;
	long last = 0;

	pin(cpu_b);
	for (;;) {
		long i, off, clears;
		int prot;
		unsigned char val = (unsigned char)(0x80 | (v++ & 0x7f)), back = 0;

		while ((i = atomic_load(&r->go)) == last) {
			if (atomic_load(&r->stop))
				return NULL;
			if (cpu_a < 0)
				sched_yield(); /* one CPU: let the puncher run */
		}
		last = i;
		off = atomic_load(&r->offset);
		pthread_mutex_lock(&r->prot_mu);
		prot = r->protected_;
		clears = atomic_load(&r->clears);
		pthread_mutex_unlock(&r->prot_mu);
		if (off < 0)
			spin_ns(-off);
		*addr = val;
		if (prot) {
			pthread_mutex_lock(&r->prot_mu);
			if (atomic_load(&r->clears) == clears) {
				/* still protected: only the monitor's clear unprotects */
				struct evidence ev = { "write", 0, 0, pagemap_entry(r, opt_page), off, val, -1 };

				if (pread(r->memfd, &back, 1, (off_t)opt_page * PAGE_SZ) == 1)
					ev.read_back = back;
				atomic_fetch_add(&r->unprotected_writes, 1);
				violation(r, i, &ev);
			}
			pthread_mutex_unlock(&r->prot_mu);
			atomic_fetch_add(&r->writes, 1);
		}
		atomic_store(&r->done, i);
	}
}

static void start(pthread_t *t, void *(*fn)(void *), struct run *r)
{
	int rc = pthread_create(t, NULL, fn, r);

	if (rc) {
		errno = rc;
		die("pthread_create");
	}
}

static void phase_wp(struct run *r)
{
	struct uffdspec_register reg;
	pthread_t tp, tw;
	const char *how;

	setup(r);
	r->uffd = uffd_open(&how, NULL);
	if (r->uffd < 0) {
		errno = -r->uffd;
		die("userfaultfd");
	}
	if (uffd_api(r->uffd, 0, NULL, NULL) != 0)
		die("UFFDIO_API");
	memset(&reg, 0, sizeof reg);
	reg.range.start = (uintptr_t)r->base;
	reg.range.len = NPAGES * PAGE_SZ;
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(r->uffd, UFFDSPEC_IOC_REGISTER, &reg) != 0)
		die("UFFDIO_REGISTER WP");

	start(&tw, writer, r);
	start(&tp, wp_puncher, r);
	pthread_join(tp, NULL);
	pthread_join(tw, NULL);
	r->secs = (double)(now_ns() - r->t0) / 1e9;
	teardown(r);
}

/* Reader (coherence phase): touch every neighbour of P in turn, then drop
 * all ptes so that the next read faults again and may fault around; counts
 * the reads after which P was mapped although nobody touched P. */
static void *reader(void *p)
{
	struct run *r = p;
	int q = 0;

	pin(cpu_b);
	while (!atomic_load(&r->stop)) {
		q = (q + 1) % NPAGES;
		if (q == opt_page)
			continue;
		madvise(r->base, NPAGES * PAGE_SZ, MADV_DONTNEED);
		(void)*(volatile unsigned char *)(r->base + (size_t)q * PAGE_SZ);
		if (pagemap_entry(r, opt_page) & PM_PRESENT)
			atomic_fetch_add(&r->fa_maps, 1);
		atomic_fetch_add(&r->reads, 1);
	}
	return NULL;
}

static void *coherence_puncher(void *p)
{
	struct run *r = p;
	volatile unsigned char *addr = r->base + (size_t)opt_page * PAGE_SZ;
	long i;

	pin(cpu_a);
	for (i = 0; i < opt_iterations && now_ns() < r->deadline; i++) {
		unsigned char v = (unsigned char)(1 + i % 127), back = 0xff, m;

		if (pwrite(r->memfd, &v, 1, (off_t)opt_page * PAGE_SZ) != 1)
			die("pwrite");
		punch(r, opt_page);
		m = *addr;
		if (pread(r->memfd, &back, 1, (off_t)opt_page * PAGE_SZ) != 1)
			die("pread");
		if (m != 0 || back != 0)
			atomic_fetch_add(&r->incoherent, 1);
		v |= 0x80;
		if (pwrite(r->memfd, &v, 1, (off_t)opt_page * PAGE_SZ) != 1)
			die("pwrite");
		if (*addr != v)
			atomic_fetch_add(&r->incoherent, 1);
		atomic_fetch_add(&r->iterations, 1);
	}
	atomic_store(&r->stop, 1);
	return NULL;
}

static void phase_coherence(struct run *r)
{
	pthread_t tp, tr;

	setup(r);
	start(&tr, reader, r);
	start(&tp, coherence_puncher, r);
	pthread_join(tp, NULL);
	pthread_join(tr, NULL);
	r->violations = r->incoherent;
	r->secs = (double)(now_ns() - r->t0) / 1e9;
	teardown(r);
}

static long parse_long(const char *flag, const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || *s == '\0' || *end != '\0' || errno || v < lo || v > hi) {
		fprintf(stderr, "stress: %s expects an integer in %ld..%ld\n", flag, lo, hi);
		exit(2);
	}
	return v;
}

/* pagemap bits in words: "present file wp" / "swapped wp (marker)" / "none" */
static const char *bits(uint64_t e, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s%s",
		 e & PM_PRESENT ? "present " : "", e & PM_SWAPPED ? "swapped " : "",
		 e & PM_FILE ? "file " : "", e & PM_UFFD_WP ? "uffd-wp " : "",
		 e & PM_EXCLUSIVE ? "exclusive " : "",
		 (e & (PM_SWAPPED | PM_UFFD_WP | PM_PRESENT)) == (PM_SWAPPED | PM_UFFD_WP) ? "(marker)"
		 : (e & (PM_PRESENT | PM_SWAPPED)) == 0                                  ? "(pte none)"
											   : "");
	return buf;
}

static void print_offsets_text(const long *counts)
{
	int b;

	printf("  protections lost by offset of the punch after the store's release (ns; negative: the store waited):");
	for (b = 0; b < nbuckets(); b++)
		printf("%s [%ld,%ld) %ld", b ? "," : "", bucket_start(b),
		       b == nbuckets() - 1 ? opt_jitter + 1 : bucket_start(b + 1), counts[b]);
	printf("\n");
}

static void print_offsets_json(const long *counts)
{
	int b;

	printf("[");
	for (b = 0; b < nbuckets(); b++)
		printf("%s{\"from\":%ld,\"to\":%ld,\"lost\":%ld}", b ? "," : "", bucket_start(b),
		       b == nbuckets() - 1 ? opt_jitter + 1 : bucket_start(b + 1), counts[b]);
	printf("]");
}

static void print_wp_text(long k, const struct run *r)
{
	int i;
	char b1[96];

	printf("wp run %ld: iterations %ld, %.1f s, protections %ld, stores to protected P %ld, "
	       "wp events %ld, other events %ld\n",
	       k + 1, (long)r->iterations, r->secs, r->epoch, (long)r->writes,
	       (long)r->wp_events, (long)r->other_events);
	printf("wp run %ld checks: wp bit lost across a punch %ld (pte none %ld, present %ld), "
	       "stores landing on protected P with no WP event %ld; "
	       "violations %ld (protections with any failed check)\n",
	       k + 1, (long)(r->lost_none + r->lost_present), (long)r->lost_none, (long)r->lost_present,
	       (long)r->unprotected_writes, r->violations);
	if (r->violations)
		print_offsets_text(r->lost_by_offset);
	for (i = 0; i < r->nevidence; i++) {
		const struct evidence *e = &r->ev[i];

		if (strcmp(e->check, "write") == 0)
			printf("  evidence: store of 0x%02x at iteration %ld (%.3f s, offset %+ld ns) completed "
			       "with no WP event: pagemap after 0x%016llx [%s], pread reads 0x%02x\n",
			       e->written, e->iteration, e->at, e->offset, (unsigned long long)e->entry,
			       bits(e->entry, b1, sizeof b1), e->read_back);
		else
			printf("  evidence: protected P without uffd-wp after a punch at iteration %ld "
			       "(%.3f s, offset %+ld ns): pagemap 0x%016llx [%s]\n",
			       e->iteration, e->at, e->offset, (unsigned long long)e->entry,
			       bits(e->entry, b1, sizeof b1));
	}
}

static void print_wp_json(long k, const struct run *r)
{
	int i;
	char b[96];

	printf("%s{\"iterations\":%ld,\"seconds\":%.3f,\"protections\":%ld,\"writes\":%ld,"
	       "\"wp_events\":%ld,\"other_events\":%ld,"
	       "\"lost_none\":%ld,\"lost_present\":%ld,"
	       "\"writes_without_event\":%ld,\"violations\":%ld,\"evidence\":[",
	       k ? "," : "", (long)r->iterations, r->secs, r->epoch, (long)r->writes,
	       (long)r->wp_events, (long)r->other_events, (long)r->lost_none,
	       (long)r->lost_present, (long)r->unprotected_writes, r->violations);
	for (i = 0; i < r->nevidence; i++) {
		const struct evidence *e = &r->ev[i];

		printf("%s{\"check\":\"%s\",\"iteration\":%ld,\"at\":%.4f,\"offset_ns\":%ld,"
		       "\"pagemap\":\"0x%016llx\",\"bits\":\"%s\"",
		       i ? "," : "", e->check, e->iteration, e->at, e->offset,
		       (unsigned long long)e->entry, bits(e->entry, b, sizeof b));
		if (strcmp(e->check, "write") == 0)
			printf(",\"written\":%d,\"pread\":%d", e->written, e->read_back);
		printf("}");
	}
	printf("],\"lost_by_offset\":");
	print_offsets_json(r->lost_by_offset);
	printf("}");
}

int main(int argc, char **argv)
{
	static struct run runs[1];
	struct run *r = runs;
	struct utsname u;
	long k, wp_found = 0, wp_total = 0, wp_iterations = 0, coh = 0;
	int i;

	die_with_parent();
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--iterations") == 0)
			opt_iterations = parse_long(argv[i], argv[i + 1], 1, 100000000), i++;
		else if (strcmp(argv[i], "--seconds") == 0)
			opt_seconds = parse_long(argv[i], argv[i + 1], 1, 3600), i++;
		else if (strcmp(argv[i], "--page") == 0)
			opt_page = (int)parse_long(argv[i], argv[i + 1], 0, NPAGES - 1), i++;
		else if (strcmp(argv[i], "--runs") == 0)
			opt_runs = parse_long(argv[i], argv[i + 1], 1, MAX_RUNS), i++;
		else if (strcmp(argv[i], "--jitter") == 0)
			opt_jitter = parse_long(argv[i], argv[i + 1], 0, 1000000), i++;
		else if (strcmp(argv[i], "--json") == 0)
			opt_json = 1;
		else if (strcmp(argv[i], "--phase") == 0 && i + 1 < argc &&
			 (strcmp(argv[i + 1], "wp") == 0 || strcmp(argv[i + 1], "coherence") == 0 ||
			  strcmp(argv[i + 1], "both") == 0)) {
			opt_wp = strcmp(argv[i + 1], "coherence") != 0;
			opt_coherence = strcmp(argv[i + 1], "wp") != 0;
			i++;
		} else {
			fprintf(stderr, "stress: unknown argument '%s' (use --iterations N, --seconds S, "
				"--page P, --runs R, --phase wp|coherence|both, --jitter NS, --json)\n", argv[i]);
			return 2;
		}
	}
	signal(SIGALRM, on_alarm);
	/* every phase of every run, with slack */
	alarm((unsigned)(opt_runs * (opt_wp + opt_coherence) * (opt_seconds + 2) + 10));
	choose_cpus();
	uname(&u);
	if (opt_json)
		printf("{\"kernel\":\"%s\",\"page\":%d,\"pages\":%d,\"max_iterations\":%ld,"
		       "\"max_seconds\":%ld,\"runs\":%ld,\"jitter_ns\":%ld,\"cpus\":[%d,%d],\"wp\":[",
		       u.release, opt_page, NPAGES, opt_iterations, opt_seconds, opt_runs, opt_jitter,
		       cpu_a, cpu_b);
	else
		printf("stress: kernel %s, page %d of a %d-page memfd, %ld run(s) of up to %ld "
		       "iterations or %ld s per phase, punch offsets in [%ld, %ld] ns, %s\n",
		       u.release, opt_page, NPAGES, opt_runs, opt_iterations, opt_seconds, -opt_jitter / 4,
		       opt_jitter, cpu_a >= 0 ? "threads pinned to two CPUs" : "one CPU only: threads not pinned, the race is unlikely");
	for (k = 0; opt_wp && k < opt_runs; k++) {
		phase_wp(r);
		wp_total += r->violations;
		wp_found += r->violations > 0;
		wp_iterations += r->iterations;
		for (i = 0; i < MAX_BUCKETS; i++)
			lost_by_offset[i] += r->lost_by_offset[i];
		if (opt_json)
			print_wp_json(k, r);
		else
			print_wp_text(k, r);
		pthread_mutex_destroy(&r->prot_mu);
	}
	if (opt_json)
		printf("],\"coherence\":[");
	for (k = 0; opt_coherence && k < opt_runs; k++) {
		phase_coherence(r);
		coh += r->violations;
		if (opt_json)
			printf("%s{\"iterations\":%ld,\"seconds\":%.3f,\"neighbour_reads\":%ld,"
			       "\"fault_around_maps\":%ld,\"disagreements\":%ld}",
			       k ? "," : "", (long)r->iterations, r->secs, (long)r->reads,
			       (long)r->fa_maps, (long)r->incoherent);
		else
			printf("coherence run %ld (no uffd): iterations %ld, %.1f s, neighbour reads %ld, "
			       "fault-around maps of P %ld, mapping/pread disagreements %ld\n",
			       k + 1, (long)r->iterations, r->secs, (long)r->reads, (long)r->fa_maps,
			       (long)r->incoherent);
		pthread_mutex_destroy(&r->prot_mu);
	}
	if (opt_json)
	{
		printf("],\"wp_runs_with_violation\":%ld,\"wp_violations\":%ld,\"wp_iterations\":%ld,"
		       "\"lost_by_offset\":", wp_found, wp_total, wp_iterations);
		print_offsets_json(lost_by_offset);
		printf(",\"coherence_disagreements\":%ld}\n", coh);
	}
	else {
		if (opt_wp)
			printf("wp: lost in %ld of %ld runs, %ld iterations (%ld protections lost)\n",
			       wp_found, opt_runs, wp_iterations, wp_total);
		if (opt_wp && opt_runs > 1 && wp_total)
			print_offsets_text(lost_by_offset);
		if (opt_coherence)
			printf("coherence: %ld mapping/pread disagreements in %ld runs\n", coh, opt_runs);
	}
	return wp_total + coh ? 1 : 0;
}
