/* harness.h: state of the native harness (one memfd mapped up to
 * MAX_MAPPINGS times, a userfaultfd per registered mapping, worker threads
 * for accesses that may block). */
#ifndef UFFDSPEC_HARNESS_H
#define UFFDSPEC_HARNESS_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "json.h"

#define PAGE_SZ 4096
#define MAX_PAGES 512     /* a mapping fits in its 4 MiB slot at any pte index */
#define PTRS_PER_PTE 512  /* ptes of one page table (2 MiB of address space) */
#define MAX_MAPPINGS 4
#define MAX_THREADS 16
#define MAX_EVENTS 256

enum access_kind { ACC_READ, ACC_WRITE };
enum outcome { OUT_VALUE, OUT_OK, OUT_SIGBUS };

struct worker {
	int index;
	pthread_t thread;
	pid_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	/* shared with the worker, under mu */
	int pending;          /* a request is posted and not yet taken */
	int completed;        /* the access finished; main has not consumed it */
	enum access_kind kind;
	int mapping;          /* the access goes through this mapping */
	int page, value;      /* page: file page index */
	enum outcome out;
	int out_value;
	/* main thread only */
	int busy;             /* an access was posted and has not completed */
	int msg_seen;         /* a uffd message from this thread since reset */
	int has_last;
	enum outcome last;
	int last_value;
};

struct event {
	const char *kind;     /* MISSING, WP, MINOR */
	int mapping;          /* whose userfaultfd raised it */
	int page;             /* file page index; -1 if outside the mapping */
	int write;
};

/* One MAP_SHARED mapping of the memfd: file pages offset..offset+length-1
 * at pte_index pages past the 2 MiB aligned start of its own 4 MiB slot (so
 * its first page is pte pte_index of its page table; with pte_index +
 * length > 512 it spans two page tables), with its own userfaultfd once
 * registered. */
struct mapping {
	int offset, length;   /* pages */
	int pte_index;        /* 0..PTRS_PER_PTE-1 */
	unsigned char *base;
	size_t len;
	int unmapped;         /* a munmap op removed it (base/len kept: its uffd's
			       * ioctls still name those addresses) */
	int uffd;             /* -1 until the first register of this mapping */
	uint64_t uffd_features; /* features requested from UFFDIO_API */
};

struct harness {
	int initialised;
	int npages, nthreads;
	int size;             /* i_size in pages at init */
	int memfd;
	int nmaps;
	struct mapping maps[MAX_MAPPINGS];
	int pagemap_fd;
	int donefd;           /* eventfd the workers signal on completion */
	int wait_ms;          /* bound for one access or wake to settle */
	int nowake_ms;        /* bound for blocked threads no wake reached */
	uint64_t kernel_features;
	int thread_id_ok;     /* messages carry the faulting thread id */
	int started;          /* worker threads alive (kept across reset) */
	struct worker workers[MAX_THREADS];
	struct event events[MAX_EVENTS];
	int nevents;
	int events_dropped;
};

/* A step's result: an integer or a word ("blocked", "ok", "SIGBUS"). */
struct result {
	int is_word;
	int64_t num;
	const char *word;
};

/* workers.c */
int workers_start(struct harness *h, char *err, size_t errlen);
void worker_post(struct harness *h, int t, enum access_kind kind, int mapping, int page,
		 int value);
/* Address of file page `page` in mapping m (the page must be inside it). */
unsigned char *map_addr(const struct harness *h, int m, int page);
/* Waits (at most timeout_ms) until every worker in `watch` (bit mask) has
 * completed or has raised a uffd message since its msg_seen was cleared;
 * collects completions and reads pending uffd messages into h->events. */
void settle(struct harness *h, unsigned watch, int timeout_ms);
unsigned busy_mask(const struct harness *h);

/* observe.c: appends ,"pages":[...],"events":[...],"threads":[...]; a
 * page has "others" (the ptes of mappings 1..) when there are several */
int observe(struct harness *h, struct jbuf *out, char *err, size_t errlen);

/* ops.c: performs one trace op. Returns 0 and fills *res, or -1 with a
 * one-line message in err (bad request; nothing was done). */
int do_op(struct harness *h, const struct jval *op, struct result *res,
	  char *err, size_t errlen);

#endif
