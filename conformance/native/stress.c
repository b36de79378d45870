/* stress.c: races between a hole punch and faults on a write-protected
 * shmem page, attempted on the real kernel (Peter Xu's 2020 race and the
 * marker-dropping path of truncation).
 *
 * Phase "wp": a 16-page memfd mapping registered for uffd-wp (WP only);
 * page P is write-protected. A puncher punches P, re-populates it with
 * pwrite and re-protects it, again and again; a reader drops all ptes
 * (MADV_DONTNEED) and reads neighbours of P (fault-around bait); a writer
 * writes P whenever it is protected; a monitor answers each WP event on P
 * by unprotecting P. P is "protected" from a set (UFFDIO_WRITEPROTECT with
 * MODE_WP, then the flag, under prot_mu) until the monitor's clear (flag,
 * then the ioctl, under the same lock); nothing else may remove the
 * protection. Checks, each airtight against the program's own races:
 *  - lost: right after a punch, holding prot_mu, P protected: P's pagemap
 *    entry must have the uffd-wp bit (a marker 62+57 or present+wp);
 *  - unwp: the reader, holding prot_mu, P protected: P must not be present
 *    without uffd-wp;
 *  - write: the writer, holding prot_mu, takes P protected and the count
 *    of the monitor's clears and wakes; writes P without the lock; takes
 *    the lock again: if no clear and no wake happened meanwhile, the write
 *    never waited for the monitor, so it landed on a protected page with
 *    no WP event handled. (A write that faulted would sleep until the
 *    monitor's clear; a stale event's clear before the write counts as a
 *    clear, so it is not a false positive.)
 * A protection ("epoch": one set by the puncher) failing any check counts
 * once in `violations`; the first few detections keep pagemap evidence.
 *
 * Phase "coherence": the same without userfaultfd. After each punch of P
 * the mapping and pread must agree (0), and a later pwrite must show
 * through the mapping; a disagreement is a stale pte.
 *
 * Usage: stress [--iterations N] [--seconds S] [--page P] [--runs R]
 *               [--phase wp|coherence|both] [--json]
 * Exit: 0 no violation, 1 a violation, 2 cannot run (3 from the alarm). */
#include "uffd.h"
#include "uffd_defs.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <poll.h>
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

static long opt_iterations = 20000;
static long opt_seconds = 10;
static int opt_page = 5;
static long opt_runs = 1;
static int opt_json;
static int opt_wp = 1, opt_coherence = 1;

struct evidence {
	const char *check;    /* lost, unwp, write */
	long iteration;       /* puncher iteration when detected */
	double at;            /* seconds into the run */
	uint64_t entry;       /* P's pagemap entry at detection */
	uint64_t before;      /* write: P's entry just before the write */
	int written, read_back; /* write: the byte written, pread of P after */
};

struct run {
	int memfd, uffd, pagemap_fd;
	unsigned char *base;
	double t0, deadline;
	atomic_int stop;          /* puncher finished: reader and writer stop */
	atomic_int writer_done;   /* monitor may stop */
	pthread_mutex_t prot_mu;  /* protect/unprotect ioctl + flag together */
	/* under prot_mu */
	int protected_;           /* 1 while P is write-protected */
	long epoch;               /* number of protections of P (sets) */
	long clears;              /* monitor's unprotects and wakes */
	long last_bad;            /* latest epoch counted as a violation */
	long violations;          /* epochs with any failed check */
	int nevidence;
	struct evidence ev[MAX_EVIDENCE];
	/* counters */
	atomic_long iterations, writes, wp_events, other_events;
	atomic_long lost_none, lost_present, reader_unwp, unprotected_writes;
	atomic_long fa_maps, reads, incoherent;
	double secs;
};

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

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t pagemap_entry(struct run *r, int page)
{
	uint64_t e = 0;
	off_t at = (off_t)(((uintptr_t)r->base / PAGE_SZ) + (uintptr_t)page) * 8;

	if (pread(r->pagemap_fd, &e, sizeof e, at) != sizeof e)
		die("pread /proc/self/pagemap");
	return e;
}

/* Called with prot_mu held: counts epoch `ep` at most once, keeps evidence. */
static void violation(struct run *r, long ep, const struct evidence *e)
{
	if (ep > r->last_bad) {
		r->last_bad = ep;
		r->violations++;
	}
	if (r->nevidence < MAX_EVIDENCE) {
		r->ev[r->nevidence] = *e;
		r->ev[r->nevidence].iteration = atomic_load(&r->iterations);
		r->ev[r->nevidence].at = now_s() - r->t0;
		r->nevidence++;
	}
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
	r->t0 = now_s();
	r->deadline = r->t0 + (double)opt_seconds;
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

/* Reader: touch every neighbour of P in turn, then drop all ptes so that the
 * next read faults again and may fault around. With uffd, a protected P must
 * never be present without the uffd-wp bit; without uffd, counts the reads
 * after which P was mapped although nobody touched P (fault-around did it). */
static void *reader(void *p)
{
	struct run *r = p;
	int q = 0;

	while (!atomic_load(&r->stop)) {
		uint64_t e;

		q = (q + 1) % NPAGES;
		if (q == opt_page)
			continue;
		madvise(r->base, NPAGES * PAGE_SZ, MADV_DONTNEED);
		(void)*(volatile unsigned char *)(r->base + (size_t)q * PAGE_SZ);
		if (r->uffd >= 0) {
			pthread_mutex_lock(&r->prot_mu);
			e = pagemap_entry(r, opt_page);
			if (r->protected_ && (e & PM_PRESENT) && !(e & PM_UFFD_WP)) {
				struct evidence ev = { "unwp", 0, 0, e, 0, -1, -1 };

				atomic_fetch_add(&r->reader_unwp, 1);
				violation(r, r->epoch, &ev);
			}
			pthread_mutex_unlock(&r->prot_mu);
		} else if (pagemap_entry(r, opt_page) & PM_PRESENT) {
			atomic_fetch_add(&r->fa_maps, 1);
		}
		atomic_fetch_add(&r->reads, 1);
	}
	return NULL;
}

static void *wp_puncher(void *p)
{
	struct run *r = p;
	long i;

	for (i = 0; i < opt_iterations && now_s() < r->deadline; i++) {
		unsigned char b = (unsigned char)(1 + i % 120);

		punch(r, opt_page);
		pthread_mutex_lock(&r->prot_mu);
		if (r->protected_) {
			uint64_t e = pagemap_entry(r, opt_page);

			if (!(e & PM_UFFD_WP)) {
				struct evidence ev = { "lost", 0, 0, e, 0, -1, -1 };

				atomic_fetch_add(e & PM_PRESENT ? &r->lost_present : &r->lost_none, 1);
				violation(r, r->epoch, &ev);
			}
		}
		pthread_mutex_unlock(&r->prot_mu);
		if (pwrite(r->memfd, &b, 1, (off_t)opt_page * PAGE_SZ) != 1)
			die("pwrite");
		pthread_mutex_lock(&r->prot_mu);
		set_wp(r, 1);
		r->epoch++;
		r->protected_ = 1;
		pthread_mutex_unlock(&r->prot_mu);
		atomic_fetch_add(&r->iterations, 1);
	}
	atomic_store(&r->stop, 1);
	return NULL;
}

/* Writer: writes P only while it is protected (see the file comment). */
static void *writer(void *p)
{
	struct run *r = p;
	volatile unsigned char *addr = r->base + (size_t)opt_page * PAGE_SZ;
	unsigned char v = 0;

	while (!atomic_load(&r->stop)) {
		long clears, ep;
		uint64_t before;
		unsigned char val = (unsigned char)(0x80 | (v++ & 0x7f)), back = 0;

		pthread_mutex_lock(&r->prot_mu);
		if (!r->protected_) {
			pthread_mutex_unlock(&r->prot_mu);
			sched_yield();
			continue;
		}
		clears = r->clears;
		ep = r->epoch;
		before = pagemap_entry(r, opt_page);
		pthread_mutex_unlock(&r->prot_mu);

		*addr = val;

		pthread_mutex_lock(&r->prot_mu);
		if (r->clears == clears) {
			/* still protected: only the monitor's clear unprotects */
			struct evidence ev = { "write", 0, 0, pagemap_entry(r, opt_page), before, val, -1 };

			if (pread(r->memfd, &back, 1, (off_t)opt_page * PAGE_SZ) == 1)
				ev.read_back = back;
			atomic_fetch_add(&r->unprotected_writes, 1);
			violation(r, ep, &ev);
		}
		pthread_mutex_unlock(&r->prot_mu);
		atomic_fetch_add(&r->writes, 1);
	}
	atomic_store(&r->writer_done, 1);
	return NULL;
}

/* Monitor: every WP event on P is answered by unprotecting P (which wakes
 * the writer); anything else is counted and woken. */
static void *monitor(void *p)
{
	struct run *r = p;
	uintptr_t pa = (uintptr_t)(r->base + (size_t)opt_page * PAGE_SZ);

	while (!atomic_load(&r->writer_done)) {
		struct pollfd pfd = { r->uffd, POLLIN, 0 };
		struct uffd_msg msgs[8];
		ssize_t n, i;

		if (poll(&pfd, 1, 10) <= 0)
			continue;
		n = read(r->uffd, msgs, sizeof msgs);
		for (i = 0; i < n / (ssize_t)sizeof msgs[0]; i++) {
			const struct uffd_msg *m = &msgs[i];

			pthread_mutex_lock(&r->prot_mu);
			r->clears++;
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
	return NULL;
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
	pthread_t tp, tr, tw, tm;
	const char *how;

	setup(r);
	r->uffd = uffd_open(&how);
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
	set_wp(r, 1);
	r->epoch = 1;
	r->protected_ = 1;

	start(&tm, monitor, r);
	start(&tr, reader, r);
	start(&tw, writer, r);
	start(&tp, wp_puncher, r);
	pthread_join(tp, NULL);
	pthread_join(tr, NULL);
	pthread_join(tw, NULL);
	pthread_join(tm, NULL);
	r->secs = now_s() - r->t0;
	teardown(r);
}

static void *coherence_puncher(void *p)
{
	struct run *r = p;
	volatile unsigned char *addr = r->base + (size_t)opt_page * PAGE_SZ;
	long i;

	for (i = 0; i < opt_iterations && now_s() < r->deadline; i++) {
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
	r->secs = now_s() - r->t0;
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

static void print_wp_text(long k, const struct run *r)
{
	int i;
	char b1[96], b2[96];

	printf("wp run %ld: iterations %ld, %.1f s, protections %ld, writes to protected P %ld, "
	       "wp events %ld, other events %ld, neighbour reads %ld\n",
	       k + 1, (long)r->iterations, r->secs, r->epoch, (long)r->writes,
	       (long)r->wp_events, (long)r->other_events, (long)r->reads);
	printf("wp run %ld checks: wp bit lost across a punch %ld (pte none %ld, present %ld), "
	       "protected P mapped without wp %ld, writes landing on protected P with no WP event %ld; "
	       "violations %ld (protections with any failed check)\n",
	       k + 1, (long)(r->lost_none + r->lost_present), (long)r->lost_none, (long)r->lost_present,
	       (long)r->reader_unwp, (long)r->unprotected_writes, r->violations);
	for (i = 0; i < r->nevidence; i++) {
		const struct evidence *e = &r->ev[i];

		if (strcmp(e->check, "write") == 0)
			printf("  evidence: write of 0x%02x at iteration %ld (%.3f s) completed with no WP event: "
			       "pagemap before 0x%016llx [%s], after 0x%016llx [%s], pread reads 0x%02x\n",
			       e->written, e->iteration, e->at, (unsigned long long)e->before,
			       bits(e->before, b1, sizeof b1), (unsigned long long)e->entry,
			       bits(e->entry, b2, sizeof b2), e->read_back);
		else
			printf("  evidence: %s at iteration %ld (%.3f s): pagemap 0x%016llx [%s]\n",
			       strcmp(e->check, "lost") == 0 ? "protected P without uffd-wp after a punch"
							     : "protected P present without uffd-wp",
			       e->iteration, e->at, (unsigned long long)e->entry,
			       bits(e->entry, b1, sizeof b1));
	}
}

static void print_wp_json(long k, const struct run *r)
{
	int i;
	char b[96];

	printf("%s{\"iterations\":%ld,\"seconds\":%.3f,\"protections\":%ld,\"writes\":%ld,"
	       "\"wp_events\":%ld,\"other_events\":%ld,\"neighbour_reads\":%ld,"
	       "\"lost_none\":%ld,\"lost_present\":%ld,\"mapped_without_wp\":%ld,"
	       "\"writes_without_event\":%ld,\"violations\":%ld,\"evidence\":[",
	       k ? "," : "", (long)r->iterations, r->secs, r->epoch, (long)r->writes,
	       (long)r->wp_events, (long)r->other_events, (long)r->reads, (long)r->lost_none,
	       (long)r->lost_present, (long)r->reader_unwp, (long)r->unprotected_writes,
	       r->violations);
	for (i = 0; i < r->nevidence; i++) {
		const struct evidence *e = &r->ev[i];

		printf("%s{\"check\":\"%s\",\"iteration\":%ld,\"at\":%.4f,\"pagemap\":\"0x%016llx\","
		       "\"bits\":\"%s\"",
		       i ? "," : "", e->check, e->iteration, e->at, (unsigned long long)e->entry,
		       bits(e->entry, b, sizeof b));
		if (strcmp(e->check, "write") == 0)
			printf(",\"pagemap_before\":\"0x%016llx\",\"bits_before\":\"%s\",\"written\":%d,"
			       "\"pread\":%d",
			       (unsigned long long)e->before, bits(e->before, b, sizeof b), e->written,
			       e->read_back);
		printf("}");
	}
	printf("]}");
}

int main(int argc, char **argv)
{
	static struct run runs[1];
	struct run *r = runs;
	struct utsname u;
	long k, wp_found = 0, wp_total = 0, coh = 0;
	int i;

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
				"--page P, --runs R, --phase wp|coherence|both, --json)\n", argv[i]);
			return 2;
		}
	}
	signal(SIGALRM, on_alarm);
	/* every phase of every run, with slack */
	alarm((unsigned)(opt_runs * (opt_wp + opt_coherence) * (opt_seconds + 2) + 10));
	uname(&u);
	if (opt_json)
		printf("{\"kernel\":\"%s\",\"page\":%d,\"pages\":%d,\"max_iterations\":%ld,"
		       "\"max_seconds\":%ld,\"runs\":%ld,\"wp\":[",
		       u.release, opt_page, NPAGES, opt_iterations, opt_seconds, opt_runs);
	else
		printf("stress: kernel %s, page %d of a %d-page memfd, %ld run(s) of up to %ld "
		       "iterations or %ld s per phase\n",
		       u.release, opt_page, NPAGES, opt_runs, opt_iterations, opt_seconds);
	for (k = 0; opt_wp && k < opt_runs; k++) {
		phase_wp(r);
		wp_total += r->violations;
		wp_found += r->violations > 0;
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
		printf("],\"wp_runs_with_violation\":%ld,\"wp_violations\":%ld,"
		       "\"coherence_disagreements\":%ld}\n",
		       wp_found, wp_total, coh);
	else
		printf("total: wp violations %ld (in %ld of %ld runs), coherence disagreements %ld\n",
		       wp_total, wp_found, opt_wp ? opt_runs : 0, coh);
	return wp_total + coh ? 1 : 0;
}
