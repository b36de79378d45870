/* ---------------------------------------------------------------------------
 * The reproducer's runtime (conformance/repro/runtime.c, copied verbatim into
 * every generated reproducer after its tables). Not a C file of its own: it
 * uses the tables and constants the generator writes above it.
 *
 * One attempt:
 *  1. the coordinator (main) resets the file: every page back to its fill
 *     (pwrite, or a punched hole), every pte of every mapping none, no
 *     protection, no unread message;
 *  2. it draws a delay in [0, jitter] ns for every action the schedule runs
 *     concurrently with another process's, and releases the threads (one per
 *     spec process that takes part) at one start time;
 *  3. each thread does its process's system calls in the schedule's order;
 *     an action waits until every action of another process that the
 *     schedule completes before it began has returned (the order user space
 *     can enforce), then spins its delay (where the order lies inside the
 *     kernel, only timing can reach it);
 *  4. the monitor, once its own steps are done, answers every userfault until
 *     every access has completed (a WP fault by unprotecting, MISSING by
 *     UFFDIO_COPY, MINOR by UFFDIO_CONTINUE; a failed answer wakes the thread
 *     unless the schedule's monitor does not wake on failure);
 *  5. the coordinator waits for every thread, then checks the property on the
 *     kernel's own evidence (see check_* below).
 *
 * Each check is sound against this program's own races: a hit is counted only
 * when the kernel's state cannot be explained by an order the spec allows.
 * ------------------------------------------------------------------------- */

#define PM_PRESENT (1ULL << 63)
#define PM_SWAPPED (1ULL << 62)
#define PM_FILE (1ULL << 61)
#define PM_UFFD_WP (1ULL << 57)
#define ALIGN_2M (2UL << 20)
#define SLOT (4UL << 20)
#define MAX_PROCS (NTHREADS + 3)
#define DEP_WAIT_NS 20000000LL  /* an action's turn and predecessors: at most 20 ms */
#define READ_WAIT_NS 10000000LL /* a message the schedule reads: at most 10 ms (a fault raises it in microseconds) */
#define SETTLE_NS 20000000LL    /* an attempt's threads: 2 x 20 ms, then a stuck thread is evidence */
#define STUCK_NS 2000000000LL   /* after the wakes: 2 s, then the program gives up */
#define EVIDENCE_LEN 2048
#define TURN_CHECK_NS 100000   /* a turn not passed on within 100 us: is its holder asleep? */
#define START_NS 50000          /* the threads wake from the futex within 50 us, then spin to the start */

enum { P_PUNCH = NTHREADS, P_MONITOR = NTHREADS + 1, P_OTHER = NTHREADS + 2 };

static const char *const proc_names[] = { PROC_NAMES };

static long opt_attempts = 1000000;
static long opt_seconds = 10;
static long opt_jitter = 4000;
static unsigned long long opt_seed;
static int opt_force;

struct shared {
	int memfd, uffd, pagemap_fd;
	unsigned char *base[NMAPS];
	atomic_int go;           /* attempt the threads may start (a futex) */
	atomic_int nfinished;    /* threads done with this attempt (a futex) */
	int donefd;              /* eventfd: a user thread finished its accesses (wakes the monitor's poll) */
	atomic_int finished[MAX_PROCS]; /* last attempt each thread finished */
	atomic_int done[NACTIONS];      /* last attempt each action returned in */
	atomic_int stop;
	int64_t start_ns;        /* the attempt's common start time */
	long delay[NACTIONS];    /* this attempt's delays, ns: from the start of the action before it */
	int cpu_of[MAX_PROCS];
	int side_of[MAX_PROCS];  /* 0: the puncher's and monitor's CPU, 1: the user threads' */
	/* Threads that share a CPU take turns instead of spinning side by side (a
	 * sched_yield would hand the CPU to other processes for a whole slice): this
	 * attempt's order of the actions of each side, and whose turn it is (a futex). */
	int order[2][NACTIONS];
	int norder[2];
	atomic_int turn[2];
	int gorder[NACTIONS];    /* this attempt's order of all actions */
	int pos[NACTIONS];       /* each action's place in it */
	atomic_int started[NACTIONS]; /* last attempt each action began in */
	int64_t started_ns[NACTIONS];
	pthread_mutex_t mu;      /* protected[], clears, events: the monitor's bookkeeping */
	int protected_[NPAGES];  /* the monitor write-protected the page and has not heard of it since */
	long clears;             /* messages the monitor read plus its unprotects */
	long msgs;               /* messages read this attempt */
	char events[512];        /* this attempt's messages, in words */
	int diverged;            /* an expected message never came, or a wait ran out */
	int silent;              /* NoSilentWrite: a store landed on a protected page with no message */
	int silent_page;
	char silent_what[256];
	int accesses_pending;    /* user threads inside an access */
	long result[NACTIONS];   /* each action's return value (or the byte a load read) */
	pid_t tid[MAX_PROCS];
};

static struct shared S;

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

static void spin_until(int64_t t)
{
	while (now_ns() < t)
		relax();
}

static void futex_wait(atomic_int *word, int val, int64_t timeout_ns)
{
	struct timespec ts = { (time_t)(timeout_ns / 1000000000LL), (long)(timeout_ns % 1000000000LL) };

	syscall(SYS_futex, (int *)word, FUTEX_WAIT_PRIVATE, val, timeout_ns > 0 ? &ts : NULL, NULL, 0);
}

static void futex_wake(atomic_int *word)
{
	syscall(SYS_futex, (int *)word, FUTEX_WAKE_PRIVATE, 1 << 30, NULL, NULL, 0);
}

static void fatal(const char *what)
{
	printf("# %s: %s\n", what, strerror(errno));
	printf("not ok 1 %s # error: %s\n", REPRO_NAME, what);
	fflush(stdout);
	exit(KSFT_FAIL_SETUP);
}

/* xorshift64*: this attempt's delays (quality does not matter here) */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static unsigned char *addr_of(int m, int page)
{
	return S.base[m] + (size_t)page * PAGE_SZ;
}

static uint64_t pagemap(int m, int page)
{
	uint64_t e = 0;
	off_t at = (off_t)((uintptr_t)addr_of(m, page) / PAGE_SZ) * 8;

	if (pread(S.pagemap_fd, &e, sizeof e, at) != sizeof e)
		fatal("pread /proc/self/pagemap");
	return e;
}

static const char *pte_words(uint64_t e)
{
	if (e & PM_PRESENT)
		return e & PM_UFFD_WP ? "present uffd-wp" : "present";
	if (e & PM_SWAPPED)
		return e & PM_UFFD_WP ? "marker uffd-wp" : "swap";
	return e & PM_UFFD_WP ? "none uffd-wp" : "none";
}

/* The page cache at `page`: 1 a folio (SEEK_DATA finds data at the page), 0 a hole. */
static int cached(int page)
{
	off_t at = (off_t)page * PAGE_SZ;
	off_t d = lseek(S.memfd, at, SEEK_DATA);

	return d == at;
}

static int file_byte(int page)
{
	unsigned char b = 0;

	if (pread(S.memfd, &b, 1, (off_t)page * PAGE_SZ) != 1)
		fatal("pread memfd");
	return b;
}

/* One line of evidence for a page: the cache and every mapping's pte. */
static void page_words(char *buf, size_t len, int page)
{
	int m, n;

	n = snprintf(buf, len, "page %d: %s, pread 0x%02x", page, cached(page) ? "folio" : "hole",
		     file_byte(page));
	for (m = 0; m < NMAPS && n > 0 && (size_t)n < len; m++) {
		uint64_t e = pagemap(m, page);

		n += snprintf(buf + n, len - (size_t)n, ", mapping %d pagemap 0x%016llx (%s)", m,
			      (unsigned long long)e, pte_words(e));
	}
}

static void punch_range(int lo, int hi)
{
	if (fallocate(S.memfd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)lo * PAGE_SZ,
		      (off_t)(hi - lo + 1) * PAGE_SZ) != 0)
		fatal("fallocate(PUNCH_HOLE)");
}

static int uffd_wp(int lo, int hi, int on)
{
	struct uffdio_writeprotect w;

	w.range.start = (uintptr_t)addr_of(0, lo);
	w.range.len = (uint64_t)(hi - lo + 1) * PAGE_SZ;
	w.mode = on ? UFFDIO_WRITEPROTECT_MODE_WP : 0;
	return ioctl(S.uffd, UFFDIO_WRITEPROTECT, &w) ? -errno : 0;
}

static void uffd_wake_all(void)
{
	struct uffdio_range r = { (uintptr_t)S.base[0], NPAGES * PAGE_SZ };

	if (S.uffd >= 0)
		ioctl(S.uffd, UFFDIO_WAKE, &r);
}

static long uffd_copy(int page, int value, int wp)
{
	static unsigned char src[PAGE_SZ] __attribute__((aligned(PAGE_SZ)));
	struct uffdio_copy c;

	memset(src, 0, sizeof src);
	src[0] = (unsigned char)value;
	c.dst = (uintptr_t)addr_of(0, page);
	c.src = (uintptr_t)src;
	c.len = PAGE_SZ;
	c.mode = UFFDIO_COPY_MODE_DONTWAKE | (wp ? UFFDIO_COPY_MODE_WP : 0);
	c.copy = 0;
	if (ioctl(S.uffd, UFFDIO_COPY, &c))
		return -errno;
	return 0;
}

static long uffd_continue(int page, int wp)
{
	struct uffdio_continue c;

	c.range.start = (uintptr_t)addr_of(0, page);
	c.range.len = PAGE_SZ;
	c.mode = UFFDIO_CONTINUE_MODE_DONTWAKE | (wp ? UFFDIO_CONTINUE_MODE_WP : 0);
	c.mapped = 0;
	if (ioctl(S.uffd, UFFDIO_CONTINUE, &c))
		return -errno;
	return 0;
}

static void uffd_wake_page(int page)
{
	struct uffdio_range r = { (uintptr_t)addr_of(0, page), PAGE_SZ };

	ioctl(S.uffd, UFFDIO_WAKE, &r);
}

/* Reads one message if there is one: its kind ("MISSING", "WP", "MINOR") and
 * page, with the bookkeeping under mu. Returns 0 when none was queued. */
static int read_msg(const char **kind, int *page)
{
	struct uffd_msg msg;
	ssize_t n;
	uint64_t a;

	if (S.uffd < 0)
		return 0;
	n = read(S.uffd, &msg, sizeof msg);
	if (n < 0 && errno == EAGAIN)
		return 0;
	if (n != sizeof msg)
		fatal("read(userfaultfd)");
	if (msg.event != UFFD_EVENT_PAGEFAULT) {
		*kind = "EVENT";
		*page = -1;
	} else {
		*kind = msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP      ? "WP"
			: msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_MINOR ? "MINOR"
									      : "MISSING";
		a = msg.arg.pagefault.address & ~(uint64_t)(PAGE_SZ - 1);
		*page = (int)((a - (uintptr_t)S.base[0]) / PAGE_SZ);
		if (*page < 0 || *page >= NPAGES)
			*page = -1;
	}
	pthread_mutex_lock(&S.mu);
	S.clears++;
	S.msgs++;
	if (*page >= 0)
		S.protected_[*page] = 0; /* the event reached the monitor */
	if (strlen(S.events) + 40 < sizeof S.events)
		snprintf(S.events + strlen(S.events), sizeof S.events - strlen(S.events), "%s%s %s page %d",
			 S.events[0] ? ", " : "", *kind,
			 msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WRITE ? "write" : "read", *page);
	pthread_mutex_unlock(&S.mu);
	return 1;
}

/* The monitor's answer to one message (after its scripted steps). */
static void answer(const char *kind, int page)
{
	long rc = 0;

	if (page < 0)
		return;
	if (strcmp(kind, "WP") == 0) {
		pthread_mutex_lock(&S.mu);
		rc = uffd_wp(page, page, 0); /* wakes the thread */
		S.clears++;
		pthread_mutex_unlock(&S.mu);
		return;
	}
	if (strcmp(kind, "MISSING") == 0)
		rc = uffd_copy(page, MONITOR_COPY_VALUE, 0);
	else if (strcmp(kind, "MINOR") == 0)
		rc = uffd_continue(page, 0);
	if (rc == 0 || MONITOR_WAKES_ON_FAILURE)
		uffd_wake_page(page);
}

/* One access by a user thread. A store on a page the monitor protected
 * (before the store began) that completes while the monitor has read no
 * message and removed no protection meanwhile landed with no event: the
 * silent write of NoSilentWrite. */
static long do_access(const struct action *a)
{
	volatile unsigned char *p = addr_of(a->mapping, a->page);
	int prot;
	long clears;

	pthread_mutex_lock(&S.mu);
	prot = a->mapping == 0 && S.protected_[a->page];
	clears = S.clears;
	pthread_mutex_unlock(&S.mu);
	if (a->kind == A_LOAD)
		return *p;
	*p = (unsigned char)a->value;
	if (prot) {
		pthread_mutex_lock(&S.mu);
		if (S.clears == clears && !S.silent) {
			S.silent = 1;
			S.silent_page = a->page;
			snprintf(S.silent_what, sizeof S.silent_what,
				 "%s stored 0x%02x to page %d, write-protected before the store began, and the store "
				 "completed with no uffd message read and no unprotect meanwhile",
				 proc_names[a->proc], a->value, a->page);
		}
		pthread_mutex_unlock(&S.mu);
	}
	return 0;
}

static long do_action(const struct action *a)
{
	const char *kind;
	int page;
	int64_t until;
	long rc;

	switch (a->kind) {
	case A_LOAD:
	case A_STORE:
		return do_access(a);
	case A_PUNCH:
		punch_range(a->lo, a->hi);
		return 0;
	case A_WP:
		pthread_mutex_lock(&S.mu);
		rc = uffd_wp(a->lo, a->hi, a->wp);
		if (rc == 0) {
			for (page = a->lo; page <= a->hi; page++)
				S.protected_[page] = a->wp;
			if (!a->wp)
				S.clears++;
		}
		pthread_mutex_unlock(&S.mu);
		return rc;
	case A_READ:
		/* the message of a thread's fault: wait for it (bounded) */
		until = now_ns() + READ_WAIT_NS;
		while (now_ns() < until) {
			if (read_msg(&kind, &page)) {
				if (strcmp(kind, a->msg_kind) == 0 && page == a->page)
					return 0;
				answer(kind, page); /* another fault's: not the schedule's */
			} else {
				struct pollfd pfd = { S.uffd, POLLIN, 0 };

				if (poll(&pfd, 1, 1) < 0 && errno != EINTR)
					fatal("poll(userfaultfd)");
			}
		}
		return -ETIMEDOUT;
	case A_COPY:
		rc = uffd_copy(a->page, a->value, a->wp);
		if (rc == 0 || MONITOR_WAKES_ON_FAILURE)
			uffd_wake_page(a->page);
		return rc;
	case A_CONTINUE:
		rc = uffd_continue(a->page, a->wp);
		if (rc == 0 || MONITOR_WAKES_ON_FAILURE)
			uffd_wake_page(a->page);
		return rc;
	case A_WAKE:
		uffd_wake_page(a->page);
		return 0;
	case A_DONTNEED:
	case A_PAGEOUT:
	case A_REMOVE:
		return madvise(addr_of(a->mapping, a->lo), (size_t)(a->hi - a->lo + 1) * PAGE_SZ,
			       a->kind == A_DONTNEED ? MADV_DONTNEED
			       : a->kind == A_PAGEOUT ? MADV_PAGEOUT_
						      : MADV_REMOVE)
			       ? -errno
			       : 0;
	case A_PWRITE: {
		unsigned char b = (unsigned char)a->value;

		return pwrite(S.memfd, &b, 1, (off_t)a->page * PAGE_SZ) == 1 ? 0 : -errno;
	}
	}
	return -EINVAL;
}


/* A thread's scheduler state and wait channel, from /proc (evidence of a sleeper). */
static void thread_words(char *buf, size_t len, int p)
{
	char path[64], stat[512] = "", wchan[64] = "?";
	const char *st;
	FILE *f;

	snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)S.tid[p]);
	f = fopen(path, "r");
	if (f) {
		if (!fgets(stat, sizeof stat, f))
			stat[0] = '\0';
		fclose(f);
	}
	st = strrchr(stat, ')');
	snprintf(path, sizeof path, "/proc/self/task/%d/wchan", (int)S.tid[p]);
	f = fopen(path, "r");
	if (f) {
		if (!fgets(wchan, sizeof wchan, f))
			snprintf(wchan, sizeof wchan, "?");
		fclose(f);
	}
	snprintf(buf, len, "%s (tid %d) state %c, wchan %s", proc_names[p], (int)S.tid[p],
		 st && st[1] && st[2] ? st[2] : '?', wchan[0] ? wchan : "0");
}

/* Whether a message is queued on the userfaultfd (not read by anyone). */
static int msg_queued(void)
{
	struct pollfd pfd = { S.uffd, POLLIN, 0 };

	return S.uffd >= 0 && poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN);
}

/* The property, on the kernel's evidence, after attempt k. Returns 1 and
 * fills ev on a violation. */
static int check_property(int k, char *ev, size_t len)
{
	char pw[512];
	int page, m, p;

	switch (PROPERTY_ID) {
	case PROP_NO_SILENT_WRITE:
		/* decided by the store itself (do_access); the page's state as evidence */
		if (!S.silent)
			return 0;
		page_words(pw, sizeof pw, S.silent_page);
		snprintf(ev, len, "%s; after the attempt %s; messages read: %s", S.silent_what, pw,
			 S.events[0] ? S.events : "none");
		return 1;
	case PROP_WP_NOT_LOST:
		/* a page the monitor protected, with no message read for it since and no
		 * unprotect, must still be protected in mapping 0: a uffd-wp pte or marker,
		 * or (MISSING registered) a none pte over a hole */
		for (p = 0; p < MAX_PROCS; p++)
			if (PROC_USED(p) && atomic_load(&S.finished[p]) != k)
				return 0; /* not settled: no verdict on this attempt */
		for (page = 0; page < NPAGES; page++) {
			uint64_t e;

			if (!S.protected_[page])
				continue;
			e = pagemap(0, page);
			if (e & PM_UFFD_WP)
				continue;
			if (!(e & (PM_PRESENT | PM_SWAPPED)) && (REGISTER_MODES & UFFDIO_REGISTER_MODE_MISSING) &&
			    !cached(page))
				continue;
			page_words(pw, sizeof pw, page);
			snprintf(ev, len,
				 "page %d write-protected by the monitor, no message read for it and no unprotect since, "
				 "but mapping 0's pte has no uffd-wp: %s; messages read: %s",
				 page, pw, S.events[0] ? S.events : "none");
			return 1;
		}
		return 0;
	case PROP_PTE_COHERENT:
		/* a present pte must map the folio the page cache holds: the byte read
		 * through the mapping equals the byte pread reads */
		for (p = 0; p < MAX_PROCS; p++)
			if (PROC_USED(p) && atomic_load(&S.finished[p]) != k)
				return 0;
		for (page = 0; page < NPAGES; page++)
			for (m = 0; m < NMAPS; m++) {
				uint64_t e = pagemap(m, page);
				int via_map, via_file;

				if (!(e & PM_PRESENT))
					continue;
				via_map = *(volatile unsigned char *)addr_of(m, page);
				via_file = file_byte(page);
				if (via_map == via_file || !(pagemap(m, page) & PM_PRESENT))
					continue;
				page_words(pw, sizeof pw, page);
				snprintf(ev, len,
					 "mapping %d's present pte of page %d reads 0x%02x, pread reads 0x%02x: the pte maps "
					 "a folio no longer in the page cache; %s",
					 m, page, via_map, via_file, pw);
				return 1;
			}
		return 0;
	case PROP_NO_LOST_WAKEUP:
	case PROP_DEADLOCK:
		/* every other thread has finished (the monitor has answered all it will,
		 * no punch is in progress), no message is queued, and a user thread is
		 * still inside its access: nobody is left to wake it */
		for (p = NTHREADS; p < MAX_PROCS; p++)
			if (PROC_USED(p) && atomic_load(&S.finished[p]) != k)
				return 0;
		if (msg_queued())
			return 0;
		for (p = 0; p < NTHREADS; p++) {
			if (!PROC_USED(p) || atomic_load(&S.finished[p]) == k)
				continue;
			thread_words(pw, sizeof pw, p);
			snprintf(ev, len,
				     "%s still inside its access %d ms after the attempt began, with the monitor done, no "
				     "punch in progress and no message queued: %s; messages read: %s",
				     proc_names[p], (int)(SETTLE_NS * 2 / 1000000), pw, S.events[0] ? S.events : "none");
			return 1;
		}
		return 0;
	}
	return 0;
}

static void pin(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

/* Whether thread p sleeps (state S or D in /proc): parked in the kernel. */
static int sleeping(int p)
{
	char path[64], buf[256];
	const char *st;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)S.tid[p]);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	st = strrchr(buf, ')');
	return st && st[1] && (st[2] == 'S' || st[2] == 'D');
}

static int user_accesses_done(int k)
{
	int t;

	for (t = 0; t < NTHREADS; t++)
		if (PROC_USED(t) && atomic_load(&S.finished[t]) != k)
			return 0;
	return 1;
}

static void *proc_thread(void *arg)
{
	int p = (int)(intptr_t)arg;
	int last = 0;
	int i, j;

	pin(S.cpu_of[p]);
	S.tid[p] = (pid_t)syscall(SYS_gettid);
	for (;;) {
		int k;

		while ((k = atomic_load(&S.go)) == last)
			futex_wait(&S.go, last, 0); /* between attempts: sleep, leave the CPUs to the racers */
		if (atomic_load(&S.stop))
			return NULL;
		last = k;
		for (i = 0; i < NACTIONS; i++) {
			const struct action *a = &actions[i];
			int c = S.side_of[p], t, ok = 1;
			int64_t until = now_ns() + DEP_WAIT_NS, from;

			if (a->proc != p)
				continue;
			/* my turn on this CPU: the action before me on it has returned, or
			 * its thread sleeps in the kernel (a fault waiting for the monitor) */
			while ((t = atomic_load(&S.turn[c])) < S.norder[c] && S.order[c][t] != i && now_ns() < until) {
				futex_wait(&S.turn[c], t, TURN_CHECK_NS);
				if (atomic_load(&S.turn[c]) == t && t < S.norder[c] &&
				    atomic_load(&S.started[S.order[c][t]]) == k &&
				    now_ns() - S.started_ns[S.order[c][t]] > TURN_CHECK_NS &&
				    sleeping(actions[S.order[c][t]].proc) &&
				    atomic_compare_exchange_strong(&S.turn[c], &t, t + 1))
					futex_wake(&S.turn[c]);
			}
			if (t >= S.norder[c] || S.order[c][t] != i)
				ok = 0;
			spin_until(S.start_ns);
			/* the actions of other threads that the schedule finishes before this one begins */
			for (j = 0; j < NACTIONS && ok; j++) {
				if (!(a->after & (1ULL << j)))
					continue;
				while (atomic_load(&S.done[j]) != k && now_ns() < until)
					relax();
				if (atomic_load(&S.done[j]) != k)
					ok = 0;
			}
			if (ok && S.pos[i] > 0) {
				/* after the action before it in this attempt's order has begun, plus the delay */
				int prev = S.gorder[S.pos[i] - 1];

				while (atomic_load(&S.started[prev]) != k && now_ns() < until)
					relax();
				if (atomic_load(&S.started[prev]) != k)
					ok = 0;
				from = S.started_ns[prev];
				if (a->after && now_ns() > from)
					from = now_ns(); /* the predecessors returned later */
				if (ok && S.delay[i])
					spin_until(from + S.delay[i]);
			}
			if (!ok) {
				/* this attempt cannot follow the schedule: let the others finish */
				pthread_mutex_lock(&S.mu);
				S.diverged = 1;
				pthread_mutex_unlock(&S.mu);
				atomic_store(&S.turn[c], S.norder[c]);
				futex_wake(&S.turn[c]);
				break;
			}
			S.started_ns[i] = now_ns();
			atomic_store(&S.started[i], k);
			S.result[i] = do_action(a);
			/* the next turn on this CPU (unless a waiter took it while this slept) */
			if (atomic_compare_exchange_strong(&S.turn[c], &t, t + 1))
				futex_wake(&S.turn[c]);
			if (a->kind == A_READ && S.result[i] != 0) {
				pthread_mutex_lock(&S.mu);
				S.diverged = 1;
				pthread_mutex_unlock(&S.mu);
			}
			atomic_store(&S.done[i], k);
		}
		if (p == P_MONITOR) {
			/* answer every fault until every access has completed (bounded) */
			int64_t until = now_ns() + SETTLE_NS;
			const char *kind;
			int page;

			while (!user_accesses_done(k) && now_ns() < until) {
				struct pollfd pfd[2] = { { S.uffd, POLLIN, 0 }, { S.donefd, POLLIN, 0 } };
				uint64_t one;

				if (read_msg(&kind, &page)) {
					answer(kind, page);
					continue;
				}
				/* sleep until a message or a thread's end: no spinning beside the racers */
				if (poll(pfd, 2, 1) > 0 && (pfd[1].revents & POLLIN) && read(S.donefd, &one, sizeof one) < 0) {
					/* another reader took it: nothing to do */
				}
			}
		}
		atomic_store(&S.finished[p], k);
		if (p < NTHREADS) {
			uint64_t one = 1;

			if (write(S.donefd, &one, sizeof one) < 0)
				fatal("write eventfd");
		}
		atomic_fetch_add(&S.nfinished, 1);
		futex_wake(&S.nfinished);
	}
}

/* Every page back to its fill, every pte none, no protection, no message. */
static void reset_file(void)
{
	const char *kind;
	int page, m;

	for (m = 0; m < NMAPS; m++)
		if (madvise(S.base[m], NPAGES * PAGE_SZ, MADV_DONTNEED))
			fatal("madvise(MADV_DONTNEED)");
	if (S.uffd >= 0 && (REGISTER_MODES & UFFDIO_REGISTER_MODE_WP))
		uffd_wp(0, NPAGES - 1, 0); /* also removes the markers DONTNEED keeps */
	while (read_msg(&kind, &page))
		;
	for (page = 0; page < NPAGES; page++) {
		unsigned char b = (unsigned char)fill[page];

		if (b) {
			if (pwrite(S.memfd, &b, 1, (off_t)page * PAGE_SZ) != 1)
				fatal("pwrite");
		} else
			punch_range(page, page);
		S.protected_[page] = 0;
	}
	S.clears = 0;
	S.msgs = 0;
	S.events[0] = '\0';
	S.diverged = 0;
	S.silent = 0;
}

/* The first two CPUs this process may use: the puncher (and other system calls
 * that race an access) alone on one, the user threads and the monitor on the
 * other, so that the race runs in parallel: the punch can then start within a
 * microsecond of a store, while threads sharing a CPU take turns (a futex wake,
 * some microseconds). */
static void place_threads(void)
{
	cpu_set_t set;
	int c, a = -1, b = -1, p;

	if (sched_getaffinity(0, sizeof set, &set) == 0)
		for (c = 0; c < CPU_SETSIZE && b < 0; c++)
			if (CPU_ISSET(c, &set)) {
				if (a < 0)
					a = c;
				else
					b = c;
			}
	for (p = 0; p < MAX_PROCS; p++) {
		S.side_of[p] = b < 0 ? 0 : p == P_PUNCH || p == P_OTHER ? 0 : 1;
		S.cpu_of[p] = b < 0 ? -1 : S.side_of[p] ? b : a;
	}
}

/* This attempt's order: a random order of all actions that keeps the schedule's
 * constraints (a thread's actions in turn; an action after the actions the
 * schedule finishes before it begins), Kahn's algorithm with random priorities;
 * and each CPU's turns, that order restricted to the CPU. */
static void order_attempt(uint64_t *rng)
{
	uint64_t prio[NACTIONS];
	int placed[NACTIONS] = { 0 }, c, i, j, n;

	for (i = 0; i < NACTIONS; i++)
		prio[i] = rng_next(rng);
	for (c = 0; c < 2; c++) {
		S.norder[c] = 0;
		atomic_store(&S.turn[c], 0);
	}
	for (n = 0; n < NACTIONS; n++) {
		int best = -1;

		for (i = 0; i < NACTIONS; i++) {
			int ready = !placed[i];

			for (j = 0; j < NACTIONS && ready; j++)
				if (j != i && !placed[j] &&
				    ((actions[j].proc == actions[i].proc && j < i) || (actions[i].after & (1ULL << j))))
					ready = 0;
			if (ready && (best < 0 || prio[i] < prio[best]))
				best = i;
		}
		placed[best] = 1;
		S.gorder[n] = best;
		S.pos[best] = n;
		c = S.side_of[actions[best].proc];
		S.order[c][S.norder[c]++] = best;
	}
}

static void setup(void)
{
	unsigned char *r, *a;
	int m;

	S.uffd = -1;
	pthread_mutex_init(&S.mu, NULL);
	S.memfd = memfd_create("uffdspec-repro", MFD_CLOEXEC);
	if (S.memfd < 0 || ftruncate(S.memfd, NPAGES * PAGE_SZ))
		fatal("memfd_create");
	r = mmap(NULL, NMAPS * SLOT + ALIGN_2M, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r == MAP_FAILED)
		fatal("mmap");
	a = (unsigned char *)(((uintptr_t)r + ALIGN_2M - 1) & ~(ALIGN_2M - 1));
	for (m = 0; m < NMAPS; m++) {
		/* each mapping in its own page table, as the spec's mappings */
		S.base[m] = mmap(a + (size_t)m * SLOT, NPAGES * PAGE_SZ, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_FIXED, S.memfd, 0);
		if (S.base[m] == MAP_FAILED)
			fatal("mmap MAP_SHARED");
	}
	S.pagemap_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (S.pagemap_fd < 0)
		fatal("open /proc/self/pagemap");
	S.donefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (S.donefd < 0)
		fatal("eventfd");
}

/* userfaultfd(2), else /dev/userfaultfd; exit 4 (skip) when neither works. */
static void open_uffd(void)
{
	struct uffdio_api api = { UFFD_API, 0, 0 };
	struct uffdio_register reg;
	int fd = (int)syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		int dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);

		if (dev >= 0) {
			fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
			close(dev);
		}
	}
	if (fd < 0) {
		printf("ok 1 %s # SKIP userfaultfd unavailable: %s\n", REPRO_NAME, strerror(errno));
		exit(KSFT_SKIP);
	}
	api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP | UFFD_FEATURE_MISSING_SHMEM |
		       UFFD_FEATURE_MINOR_SHMEM | UFFD_FEATURE_WP_HUGETLBFS_SHMEM;
	api.features &= REQUIRED_FEATURES;
	if (ioctl(fd, UFFDIO_API, &api)) {
		printf("ok 1 %s # SKIP UFFDIO_API features 0x%llx: %s\n", REPRO_NAME,
		       (unsigned long long)api.features, strerror(errno));
		exit(KSFT_SKIP);
	}
	memset(&reg, 0, sizeof reg);
	reg.range.start = (uintptr_t)S.base[0];
	reg.range.len = NPAGES * PAGE_SZ;
	reg.mode = REGISTER_MODES;
	if (ioctl(fd, UFFDIO_REGISTER, &reg)) {
		printf("ok 1 %s # SKIP UFFDIO_REGISTER of a shmem mapping (mode 0x%llx): %s\n", REPRO_NAME,
		       (unsigned long long)reg.mode, strerror(errno));
		exit(KSFT_SKIP);
	}
	S.uffd = fd;
}

/* The kernel's release as major*1000+minor, or -1. */
static int kernel_version(const char *release)
{
	int major, minor;

	if (sscanf(release, "%d.%d", &major, &minor) != 2)
		return -1;
	return major * 1000 + minor;
}

static long parse_long(const char *flag, const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || *s == '\0' || *end != '\0' || errno || v < lo || v > hi) {
		fprintf(stderr, "%s: %s expects an integer in %ld..%ld\n", REPRO_NAME, flag, lo, hi);
		exit(2);
	}
	return v;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: repro [--attempts N] [--seconds S] [--jitter NS] [--seed N] [--force]\n"
		"  drives this kernel toward the counterexample %s (%s)\n"
		"  --attempts N  stop after N attempts (default 1000000)\n"
		"  --seconds S   stop after S seconds (default 10)\n"
		"  --jitter NS   delays of the racing actions are drawn from [0, NS] ns (default 4000)\n"
		"  --seed N      the delays' seed (default: from the clock; printed)\n"
		"  --force       run even where the kernel is not the one this reproducer is for\n"
		"exit: 1 the violation was seen, 0 not within the bounds, 4 skipped (no userfaultfd,\n"
		"      or another kernel without --force), 2 bad arguments or a setup failure\n",
		REPRO_NAME, REPRO_KERNEL);
}

int main(int argc, char **argv)
{
	pthread_t threads[MAX_PROCS];
	struct utsname u;
	char first[EVIDENCE_LEN] = "";
	long attempts = 0, hits = 0, diverged = 0, first_attempt = 0;
	double first_at = 0;
	int64_t t0, deadline;
	uint64_t rng;
	int i, p, kv;

	/* run by a test harness that dies, do not race on for --seconds */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--attempts") == 0)
			opt_attempts = parse_long(argv[i], argv[i + 1], 1, 1000000000L), i++;
		else if (strcmp(argv[i], "--seconds") == 0)
			opt_seconds = parse_long(argv[i], argv[i + 1], 1, 86400), i++;
		else if (strcmp(argv[i], "--jitter") == 0)
			opt_jitter = parse_long(argv[i], argv[i + 1], 0, 1000000), i++;
		else if (strcmp(argv[i], "--seed") == 0)
			opt_seed = (unsigned long long)parse_long(argv[i], argv[i + 1], 1, 0x7fffffffffffffffL), i++;
		else if (strcmp(argv[i], "--force") == 0)
			opt_force = 1;
		else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "%s: unknown argument '%s'\n", REPRO_NAME, argv[i]);
			usage(stderr);
			return 2;
		}
	}
	uname(&u);
	printf("TAP version 13\n1..1\n");
	printf("# %s: %s\n", REPRO_NAME, REPRO_QUESTION);
	printf("# kernel %s %s; this reproducer needs %s\n", u.release, u.machine, REPRO_KERNEL);
	kv = kernel_version(u.release);
	if (!opt_force && REPRO_THIS_KERNEL_MIN > 0 && kv >= 0 && kv < REPRO_THIS_KERNEL_MIN) {
		printf("ok 1 %s # SKIP kernel %s is older than %d.%d, which this reproducer needs\n", REPRO_NAME,
		       u.release, REPRO_THIS_KERNEL_MIN / 1000, REPRO_THIS_KERNEL_MIN % 1000);
		return KSFT_SKIP;
	}
	if (!opt_force && REPRO_OTHER_KERNEL_BELOW > 0 && kv >= REPRO_OTHER_KERNEL_BELOW) {
		printf("ok 1 %s # SKIP kernel %s is %d.%d or newer (pte markers, variant D): not the kernel this "
		       "reproducer is for (--force runs it anyway)\n",
		       REPRO_NAME, u.release, REPRO_OTHER_KERNEL_BELOW / 1000, REPRO_OTHER_KERNEL_BELOW % 1000);
		return KSFT_SKIP;
	}
	setup();
	if (REGISTER_MODES)
		open_uffd();
	place_threads();
	rng = opt_seed ? opt_seed : ((uint64_t)now_ns() | 1);
	printf("# bounds: %ld attempts or %ld s; delays in [0, %ld] ns, seed %llu; %s\n", opt_attempts, opt_seconds,
	       opt_jitter, (unsigned long long)rng,
	       S.cpu_of[0] >= 0 ? "the puncher on one CPU, user threads and the monitor on another"
				: "one CPU only: the race is unlikely");
	for (p = 0; p < MAX_PROCS; p++)
		if (PROC_USED(p) && pthread_create(&threads[p], NULL, proc_thread, (void *)(intptr_t)p))
			fatal("pthread_create");
	t0 = now_ns();
	deadline = t0 + (int64_t)opt_seconds * 1000000000LL;
	while (attempts < opt_attempts && now_ns() < deadline) {
		int k = (int)(attempts + 1);
		int64_t until;
		char ev[EVIDENCE_LEN];
		int hit, used = 0, n;

		reset_file();
		for (i = 0; i < NACTIONS; i++)
			S.delay[i] = actions[i].jitter && opt_jitter ? (long)(rng_next(&rng) % (uint64_t)(opt_jitter + 1)) : 0;
		for (p = 0; p < MAX_PROCS; p++)
			used += PROC_USED(p);
		order_attempt(&rng);
		atomic_store(&S.nfinished, 0);
		S.start_ns = now_ns() + START_NS;
		atomic_store(&S.go, k);
		futex_wake(&S.go);
		until = now_ns() + 2 * SETTLE_NS;
		while ((n = atomic_load(&S.nfinished)) < used && now_ns() < until)
			futex_wait(&S.nfinished, n, until - now_ns());
		ev[0] = '\0';
		hit = check_property(k, ev, sizeof ev);
		/* a thread still inside an access: wake it (the next reset needs it out) */
		until = now_ns() + STUCK_NS;
		for (p = 0; p < MAX_PROCS; p++)
			while (PROC_USED(p) && atomic_load(&S.finished[p]) != k) {
				const char *kind;
				int page;

				/* answer as a monitor that always wakes, lift every protection, wake all */
				while (read_msg(&kind, &page))
					if (page >= 0 && strcmp(kind, "MISSING") == 0)
						uffd_copy(page, MONITOR_COPY_VALUE, 0);
					else if (page >= 0 && strcmp(kind, "MINOR") == 0)
						uffd_continue(page, 0);
				pthread_mutex_lock(&S.mu);
				if (S.uffd >= 0 && (REGISTER_MODES & UFFDIO_REGISTER_MODE_WP))
					uffd_wp(0, NPAGES - 1, 0);
				memset(S.protected_, 0, sizeof S.protected_);
				S.clears++; /* a store this frees did not land silently */
				pthread_mutex_unlock(&S.mu);
				uffd_wake_all();
				if (now_ns() > until) {
					printf("# %s did not finish attempt %d within 2 s after UFFDIO_WAKE\n", proc_names[p], k);
					printf("not ok 1 %s # error: a thread is stuck\n", REPRO_NAME);
					_exit(KSFT_FAIL_SETUP);
				}
				usleep(100);
			}
		attempts = k;
		if (S.diverged && !hit)
			diverged++;
		if (hit) {
			if (!hits) {
				n = snprintf(first, sizeof first, "attempt %d (%.3f s):", k, (double)(now_ns() - t0) / 1e9);

				for (i = 0; i < NACTIONS && n > 0 && (size_t)n < sizeof first; i++) {
					int x = S.gorder[i];

					n += snprintf(first + n, sizeof first - (size_t)n,
						      "\n#   %s: began at %+.3f us (delay %ld ns)", actions[x].what,
						      atomic_load(&S.started[x]) == k ? (double)(S.started_ns[x] - S.start_ns) / 1e3 : 0.0,
						      S.delay[x]);
				}
				if (n > 0 && (size_t)n < sizeof first)
					snprintf(first + n, sizeof first - (size_t)n, "\n#   %.1200s", ev);
				first_attempt = k;
				first_at = (double)(now_ns() - t0) / 1e9;
			}
			hits++;
		}
	}
	atomic_store(&S.stop, 1);
	atomic_fetch_add(&S.go, 1);
	futex_wake(&S.go);
	for (p = 0; p < MAX_PROCS; p++)
		if (PROC_USED(p))
			pthread_join(threads[p], NULL);
	printf("# attempts %ld, hits %ld, %.1f s (attempts that could not follow the schedule: %ld)\n", attempts, hits,
	       (double)(now_ns() - t0) / 1e9, diverged);
	if (hits) {
		printf("# first hit, %s\n", first);
		printf("not ok 1 %s # %s violated on this kernel: first seen at attempt %ld, %.3f s\n", REPRO_NAME,
		       REPRO_PROPERTY, first_attempt, first_at);
		return KSFT_FAIL;
	}
	printf("ok 1 %s # %s not violated within %ld attempts (a race not seen proves nothing)\n", REPRO_NAME,
	       REPRO_PROPERTY, attempts);
	return KSFT_PASS;
}
