/* workers.c: the threads that perform memory accesses through a mapping,
 * and the bounded wait that tells a finished access from a blocked one. */
#include "harness.h"
#include "uffd_defs.h"

#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static __thread sigjmp_buf access_jb;
static __thread volatile sig_atomic_t in_access;

static void on_sigbus(int sig)
{
	if (in_access)
		siglongjmp(access_jb, 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

struct worker_arg {
	struct harness *h;
	struct worker *w;
};

static void *worker_main(void *p)
{
	struct worker_arg *arg = p;
	struct harness *h = arg->h;
	struct worker *w = arg->w;

	pthread_mutex_lock(&w->mu);
	w->tid = (pid_t)syscall(SYS_gettid);
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	for (;;) {
		enum access_kind kind;
		volatile unsigned char *addr;
		volatile enum outcome out = OUT_OK;
		volatile int value = 0;
		uint64_t one = 1;

		pthread_mutex_lock(&w->mu);
		while (!w->pending)
			pthread_cond_wait(&w->cv, &w->mu);
		w->pending = 0;
		kind = w->kind;
		addr = map_addr(h, w->mapping, w->page);
		value = w->value;
		pthread_mutex_unlock(&w->mu);

		if (sigsetjmp(access_jb, 1) == 0) {
			in_access = 1;
			if (kind == ACC_READ) {
				value = *addr;
				out = OUT_VALUE;
			} else {
				*addr = (unsigned char)value;
				out = OUT_OK;
			}
			in_access = 0;
		} else {
			in_access = 0;
			out = OUT_SIGBUS;
		}

		pthread_mutex_lock(&w->mu);
		w->out = out;
		w->out_value = value;
		w->completed = 1;
		pthread_mutex_unlock(&w->mu);
		if (write(h->donefd, &one, sizeof one) < 0) {
			/* the eventfd cannot fail short of a bug; main polls anyway */
		}
	}
	return NULL;
}

int workers_start(struct harness *h, char *err, size_t errlen)
{
	static struct worker_arg args[MAX_THREADS];
	struct sigaction sa;
	int t;

	if (h->started == 0) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_sigbus;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, NULL) != 0) {
			snprintf(err, errlen, "sigaction(SIGBUS): %s", strerror(errno));
			return -1;
		}
	}
	/* threads kept from an earlier session: idle, only their records reset */
	for (t = 0; t < h->started && t < h->nthreads; t++) {
		struct worker *w = &h->workers[t];

		w->busy = 0;
		w->msg_seen = 0;
		w->has_last = 0;
	}
	for (t = h->started; t < h->nthreads; t++) {
		struct worker *w = &h->workers[t];
		int rc;

		memset(w, 0, sizeof *w);
		w->index = t;
		pthread_mutex_init(&w->mu, NULL);
		pthread_cond_init(&w->cv, NULL);
		args[t].h = h;
		args[t].w = w;
		rc = pthread_create(&w->thread, NULL, worker_main, &args[t]);
		if (rc != 0) {
			snprintf(err, errlen, "pthread_create: %s", strerror(rc));
			return -1;
		}
		pthread_mutex_lock(&w->mu);
		while (!w->tid)
			pthread_cond_wait(&w->cv, &w->mu);
		pthread_mutex_unlock(&w->mu);
		h->started = t + 1;
	}
	return 0;
}

unsigned char *map_addr(const struct harness *h, int m, int page)
{
	const struct mapping *g = &h->maps[m];

	return g->base + (size_t)(page - g->offset) * PAGE_SZ;
}

void worker_post(struct harness *h, int t, enum access_kind kind, int mapping, int page,
		 int value)
{
	struct worker *w = &h->workers[t];

	w->busy = 1;
	w->msg_seen = 0;
	pthread_mutex_lock(&w->mu);
	w->kind = kind;
	w->mapping = mapping;
	w->page = page;
	w->value = value;
	w->pending = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

unsigned busy_mask(const struct harness *h)
{
	unsigned m = 0;
	int t;

	for (t = 0; t < h->nthreads; t++)
		if (h->workers[t].busy)
			m |= 1u << t;
	return m;
}

static void collect_completions(struct harness *h)
{
	int t;

	for (t = 0; t < h->nthreads; t++) {
		struct worker *w = &h->workers[t];

		pthread_mutex_lock(&w->mu);
		if (w->completed) {
			w->completed = 0;
			w->busy = 0;
			w->has_last = 1;
			w->last = w->out;
			w->last_value = w->out_value;
		}
		pthread_mutex_unlock(&w->mu);
	}
}

static void record_msg(struct harness *h, int mapping, const struct uffd_msg *m,
		       unsigned watch)
{
	uint64_t flags = m->arg.pagefault.flags;
	uint64_t addr = m->arg.pagefault.address;
	const struct mapping *g = &h->maps[mapping];
	uintptr_t base = (uintptr_t)g->base;
	struct event *e;
	int t, matched = 0;

	if (m->event != UFFD_EVENT_PAGEFAULT)
		return; /* non-cooperative features are refused at register */
	if (h->nevents == MAX_EVENTS) {
		h->events_dropped++;
		return;
	}
	e = &h->events[h->nevents++];
	e->kind = (flags & UFFD_PAGEFAULT_FLAG_WP)      ? "WP"
		  : (flags & UFFD_PAGEFAULT_FLAG_MINOR) ? "MINOR"
							: "MISSING";
	e->write = (flags & UFFD_PAGEFAULT_FLAG_WRITE) != 0;
	e->mapping = mapping;
	e->page = (addr >= base && addr < base + g->len) ?
		  g->offset + (int)((addr - base) / PAGE_SZ) : -1;
	if (h->thread_id_ok) {
		for (t = 0; t < h->nthreads; t++)
			if ((pid_t)m->arg.pagefault.feat.ptid == h->workers[t].tid) {
				h->workers[t].msg_seen = 1;
				matched = 1;
			}
	}
	if (!matched) /* no thread id: credit every watched thread */
		for (t = 0; t < h->nthreads; t++)
			if (watch & (1u << t))
				h->workers[t].msg_seen = 1;
}

/* Reads every pending message of every mapping's userfaultfd, mapping 0's
 * first (messages of different uffds have no common order). */
static void drain_uffds(struct harness *h, unsigned watch)
{
	struct uffd_msg msgs[16];
	int m;

	for (m = 0; m < h->nmaps; m++) {
		if (h->maps[m].uffd < 0)
			continue;
		for (;;) {
			ssize_t n = read(h->maps[m].uffd, msgs, sizeof msgs);
			ssize_t i;

			if (n <= 0)
				break; /* EAGAIN: nothing queued */
			for (i = 0; i < n / (ssize_t)sizeof msgs[0]; i++)
				record_msg(h, m, &msgs[i], watch);
		}
	}
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int waiting(const struct harness *h, unsigned watch)
{
	int t;

	for (t = 0; t < h->nthreads; t++) {
		const struct worker *w = &h->workers[t];

		if ((watch & (1u << t)) && w->busy && !w->msg_seen)
			return 1;
	}
	return 0;
}

void settle(struct harness *h, unsigned watch, int timeout_ms)
{
	int64_t deadline = now_ms() + timeout_ms;

	for (;;) {
		struct pollfd pfd[1 + MAX_MAPPINGS];
		int64_t left;
		uint64_t cnt;
		int m, n = 1;

		collect_completions(h);
		drain_uffds(h, watch);
		collect_completions(h);
		if (!waiting(h, watch))
			return;
		left = deadline - now_ms();
		if (left <= 0)
			return;
		pfd[0].fd = h->donefd;
		pfd[0].events = POLLIN;
		for (m = 0; m < h->nmaps; m++) {
			if (h->maps[m].uffd < 0)
				continue;
			pfd[n].fd = h->maps[m].uffd;
			pfd[n].events = POLLIN;
			n++;
		}
		if (poll(pfd, (nfds_t)n, (int)left) > 0 && (pfd[0].revents & POLLIN)) {
			if (read(h->donefd, &cnt, sizeof cnt) < 0) {
				/* EAGAIN: another pass reset it */
			}
		}
	}
}
