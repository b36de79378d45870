/* stress.c: Peter Xu's 2020 race (fault-around re-mapping a write-protected
 * shmem page while a hole punch is in flight) attempted on the real kernel.
 *
 * Phase "wp": a 16-page memfd mapping registered for uffd-wp; page P is
 * write-protected. A puncher punches P, re-populates it with pwrite and
 * re-protects it, again and again; a reader reads the neighbours of P (and
 * drops their ptes) to provoke fault-around over P; a writer writes P; a
 * monitor answers each WP event by unprotecting P. Checks, per protection
 * of P ("epoch"): no write may complete while P is protected without a WP
 * event; P's pte must keep the uffd-wp bit across a punch (pagemap); P may
 * never be present without the bit while protected. An epoch failing any
 * check counts as one violation.
 *
 * Phase "coherence": the same without userfaultfd. After each punch of P
 * the mapping and pread must agree (0), and a later pwrite must show
 * through the mapping; a disagreement is a stale pte.
 *
 * Usage: stress [--iterations N] [--seconds S] [--page P] */
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
#define PM_UFFD_WP (1ULL << 57)

static long opt_iterations = 20000;
static long opt_seconds = 10;
static int opt_page = 5;

struct run {
	int memfd, uffd, pagemap_fd;
	unsigned char *base;
	double deadline;
	atomic_int stop;          /* puncher finished: reader and writer stop */
	atomic_int writer_done;   /* monitor may stop */
	pthread_mutex_t prot_mu;  /* protect/unprotect ioctl + flag together */
	atomic_int protected_;    /* 1 while P is write-protected */
	atomic_long epoch;        /* number of times P was protected */
	atomic_long last_bad;     /* latest epoch counted as a violation */
	atomic_long violations;   /* protection epochs with any failed check */
	atomic_long iterations, writes, wp_events, other_events, unprotected_writes;
	atomic_long lost_none, lost_present, reader_unwp;
	atomic_long fa_maps, reads, incoherent;
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
	_exit(3);
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

/* Counts each protection epoch at most once, whichever check fails. */
static void mark_violation(struct run *r, long ep)
{
	long cur = atomic_load(&r->last_bad);

	while (cur < ep)
		if (atomic_compare_exchange_weak(&r->last_bad, &cur, ep)) {
			atomic_fetch_add(&r->violations, 1);
			return;
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
	r->deadline = now_s() + (double)opt_seconds;
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

/* Reader: touch every neighbour of P in turn, then drop their ptes (and
 * P's) so that the next read faults again and may fault around. With uffd,
 * a protected P must never be present without the uffd-wp bit (Peter's
 * race re-maps it writable); without uffd, counts the reads after which P
 * was mapped although nobody touched P (fault-around did it). */
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
			if (atomic_load(&r->protected_) && (e & PM_PRESENT) && !(e & PM_UFFD_WP)) {
				atomic_fetch_add(&r->reader_unwp, 1);
				mark_violation(r, atomic_load(&r->epoch));
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
		unsigned char b = (unsigned char)(1 + i % 250);

		punch(r, opt_page);
		pthread_mutex_lock(&r->prot_mu);
		if (atomic_load(&r->protected_)) {
			uint64_t e = pagemap_entry(r, opt_page);

			if (!(e & PM_UFFD_WP)) {
				atomic_fetch_add(e & PM_PRESENT ? &r->lost_present : &r->lost_none, 1);
				mark_violation(r, atomic_load(&r->epoch));
			}
		}
		pthread_mutex_unlock(&r->prot_mu);
		if (pwrite(r->memfd, &b, 1, (off_t)opt_page * PAGE_SZ) != 1)
			die("pwrite");
		pthread_mutex_lock(&r->prot_mu);
		set_wp(r, 1);
		atomic_fetch_add(&r->epoch, 1);
		atomic_store(&r->protected_, 1);
		pthread_mutex_unlock(&r->prot_mu);
		atomic_fetch_add(&r->iterations, 1);
	}
	atomic_store(&r->stop, 1);
	return NULL;
}

/* Writer: writes P only while it is protected, so every write must be
 * preceded by a WP event; one that completes without is a violation. */
static void *writer(void *p)
{
	struct run *r = p;
	volatile unsigned char *addr = r->base + (size_t)opt_page * PAGE_SZ;
	unsigned char v = 0;

	while (!atomic_load(&r->stop)) {
		long before = atomic_load(&r->wp_events);
		long ep = atomic_load(&r->epoch);

		if (!atomic_load(&r->protected_)) {
			sched_yield();
			continue;
		}
		*addr = (unsigned char)(0x80 | (v++ & 0x7f));
		if (atomic_load(&r->wp_events) == before) {
			atomic_fetch_add(&r->unprotected_writes, 1);
			mark_violation(r, ep);
		}
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

			if (m->event == UFFD_EVENT_PAGEFAULT &&
			    (m->arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP) &&
			    (m->arg.pagefault.address & ~(uint64_t)(PAGE_SZ - 1)) == pa) {
				atomic_fetch_add(&r->wp_events, 1);
				pthread_mutex_lock(&r->prot_mu);
				atomic_store(&r->protected_, 0);
				set_wp(r, 0);
				pthread_mutex_unlock(&r->prot_mu);
			} else {
				struct uffdspec_range all = { (uintptr_t)r->base, NPAGES * PAGE_SZ };

				atomic_fetch_add(&r->other_events, 1);
				ioctl(r->uffd, UFFDSPEC_IOC_WAKE, &all);
			}
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

static long phase_wp(void)
{
	struct run r;
	struct uffdspec_register reg;
	pthread_t tp, tr, tw, tm;
	const char *how;
	double t0 = now_s();
	long violations;

	setup(&r);
	r.uffd = uffd_open(&how);
	if (r.uffd < 0) {
		errno = -r.uffd;
		die("userfaultfd");
	}
	if (uffd_api(r.uffd, 0, NULL, NULL) != 0)
		die("UFFDIO_API");
	memset(&reg, 0, sizeof reg);
	reg.range.start = (uintptr_t)r.base;
	reg.range.len = NPAGES * PAGE_SZ;
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(r.uffd, UFFDSPEC_IOC_REGISTER, &reg) != 0)
		die("UFFDIO_REGISTER WP");
	set_wp(&r, 1);
	atomic_store(&r.epoch, 1);
	atomic_store(&r.protected_, 1);

	start(&tm, monitor, &r);
	start(&tr, reader, &r);
	start(&tw, writer, &r);
	start(&tp, wp_puncher, &r);
	pthread_join(tp, NULL);
	pthread_join(tr, NULL);
	pthread_join(tw, NULL);
	pthread_join(tm, NULL);

	violations = r.violations;
	printf("wp phase: iterations %ld, %.1f s, protections %ld, writes to protected P %ld, "
	       "wp events %ld, other events %ld, neighbour reads %ld\n",
	       (long)r.iterations, now_s() - t0, (long)r.epoch, (long)r.writes,
	       (long)r.wp_events, (long)r.other_events, (long)r.reads);
	printf("wp phase checks: wp bit lost across a punch %ld (pte none %ld, present %ld), "
	       "protected P mapped without wp %ld, writes to protected P without a WP event %ld\n",
	       (long)(r.lost_none + r.lost_present), (long)r.lost_none, (long)r.lost_present,
	       (long)r.reader_unwp, (long)r.unprotected_writes);
	printf("wp phase: violations %ld (protections with any failed check)\n", violations);
	teardown(&r);
	return violations;
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

static long phase_coherence(void)
{
	struct run r;
	pthread_t tp, tr;
	double t0 = now_s();
	long violations;

	setup(&r);
	start(&tr, reader, &r);
	start(&tp, coherence_puncher, &r);
	pthread_join(tp, NULL);
	pthread_join(tr, NULL);
	violations = r.incoherent;
	printf("coherence phase (no uffd): iterations %ld, %.1f s, neighbour reads %ld, "
	       "fault-around maps of P %ld, mapping/pread disagreements %ld, violations %ld\n",
	       (long)r.iterations, now_s() - t0, (long)r.reads, (long)r.fa_maps,
	       (long)r.incoherent, violations);
	teardown(&r);
	return violations;
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

int main(int argc, char **argv)
{
	struct utsname u;
	long total;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--iterations") == 0)
			opt_iterations = parse_long(argv[i], argv[i + 1], 1, 100000000), i++;
		else if (strcmp(argv[i], "--seconds") == 0)
			opt_seconds = parse_long(argv[i], argv[i + 1], 1, 3600), i++;
		else if (strcmp(argv[i], "--page") == 0)
			opt_page = (int)parse_long(argv[i], argv[i + 1], 0, NPAGES - 1), i++;
		else {
			fprintf(stderr, "stress: unknown argument '%s' (use --iterations N, --seconds S, --page P)\n",
				argv[i]);
			return 2;
		}
	}
	signal(SIGALRM, on_alarm);
	alarm((unsigned)(2 * opt_seconds + 10)); /* both phases, with slack */
	uname(&u);
	printf("stress: kernel %s, page %d of a %d-page memfd, up to %ld iterations or %ld s per phase\n",
	       u.release, opt_page, NPAGES, opt_iterations, opt_seconds);
	fflush(stdout);
	total = phase_wp();
	fflush(stdout);
	total += phase_coherence();
	printf("total: violations %ld\n", total);
	return total ? 1 : 0;
}
