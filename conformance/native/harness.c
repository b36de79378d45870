/* harness.c: the native userfaultfd harness. Reads one JSON request per
 * line on stdin and writes one JSON reply per line on stdout:
 *   {"cmd":"info"}
 *   {"cmd":"init","pages":N,"size":S,"threads":T,"fill":[...],
 *    "mappings":[{"offset":o,"length":l,"pteIndex":x},...]}
 *   {"cmd":"op","op":{...trace op...}}
 *   {"cmd":"reset"}   (ends the session; init may follow)
 *   {"cmd":"quit"}
 * See README.md for the protocol and docs/trace-format.md for ops and
 * observations. */
#include "harness.h"
#include "uffd.h"
#include "uffd_defs.h"

#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>

#define ALIGN_2M (2UL << 20)
#define SLOT (2 * ALIGN_2M) /* one per mapping: room for pte index + length <= 1023 pages */
#define MAX_LINE (1 << 16)

static struct harness H;

#ifdef UFFDSPEC_EMBEDDED
/* Built into a generated program (`uffdspec export --kselftest`, conformance/
 * kselftest.ts) that calls handle() itself: each reply goes to it, not to stdout. */
void uffdspec_embedded_reply(const char *line);
#endif

static void reply(struct jbuf *b)
{
#ifdef UFFDSPEC_EMBEDDED
	uffdspec_embedded_reply(b->data);
	return;
#endif
	jb_raw(b, "\n");
	if (fputs(b->data, stdout) == EOF || fflush(stdout) == EOF)
		exit(3); /* the driver went away */
}

static void reply_error(const char *msg)
{
	struct jbuf b;

	jb_init(&b);
	jb_raw(&b, "{\"ok\":false,\"error\":");
	jb_str(&b, msg);
	jb_raw(&b, "}");
	reply(&b);
	jb_free(&b);
}

/* {"ok":true,"uname":…,"machine":…,"uffd":"syscall"|"dev"|"user-mode-only"|"none",
 *  "attempts":{"syscall":"ok"|"EPERM"|…,"dev":…,"user_mode_only":…|"not tried"},
 *  "features":…,"ioctls":…} (features and ioctls only when a uffd opened) */
static void cmd_info(void)
{
	static const char *const keys[UFFD_WAYS] = { "syscall", "dev", "user_mode_only" };
	struct utsname u;
	struct uffd_attempts tried;
	uint64_t features = 0, ioctls = 0;
	const char *how = "none";
	int rc = uffd_probe(&features, &ioctls, &how, &tried);
	struct jbuf b;
	char nb[16];
	int w;

	uname(&u);
	jb_init(&b);
	jb_raw(&b, "{\"ok\":true,\"uname\":");
	jb_str(&b, u.release);
	jb_printf(&b, ",\"machine\":\"%s\",\"uffd\":\"%s\",\"attempts\":{", u.machine, how);
	for (w = 0; w < UFFD_WAYS; w++)
		jb_printf(&b, "%s\"%s\":\"%s\"", w ? "," : "", keys[w],
			  tried.err[w] < 0 ? "not tried" : tried.err[w] == 0 ? "ok" : errno_name(tried.err[w], nb, sizeof nb));
	jb_raw(&b, "}");
	if (rc == 0)
		jb_printf(&b, ",\"features\":\"0x%llx\",\"ioctls\":\"0x%llx\"}",
			  (unsigned long long)features, (unsigned long long)ioctls);
	else
		jb_printf(&b, ",\"uffd_error\":\"%s\"}", strerror(-rc));
	reply(&b);
	jb_free(&b);
}

/* Maps every mapping of the memfd, each in its own 4 MiB slot whose start
 * is 2 MiB aligned, at pte_index pages past that start (so its first page
 * is pte pte_index of its page table, fault-around windows align as the
 * trace says, a mapping with pte_index + length > 512 spans two page tables
 * inside its slot, and no two mappings share a page table): reserve the
 * slots and the alignment slack, map each with MAP_FIXED, then give back
 * the rest of the reservation. */
static int map_all(struct harness *h)
{
	size_t span = (size_t)h->nmaps * SLOT + ALIGN_2M;
	unsigned char *r = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *a, *p;
	int m;

	if (r == MAP_FAILED)
		return -1;
	a = (unsigned char *)(((uintptr_t)r + ALIGN_2M - 1) & ~(ALIGN_2M - 1));
	for (m = 0; m < h->nmaps; m++) {
		struct mapping *g = &h->maps[m];
		unsigned char *want = a + (size_t)m * SLOT + (size_t)g->pte_index * PAGE_SZ;

		g->len = (size_t)g->length * PAGE_SZ;
		g->base = mmap(want, g->len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
			       h->memfd, (off_t)g->offset * PAGE_SZ);
		if (g->base == MAP_FAILED) {
			g->base = NULL;
			munmap(r, span);
			for (m = 0; m < h->nmaps; m++)
				h->maps[m].base = NULL;
			return -1;
		}
	}
	/* the reservation's leftovers: before the first slot, and in each
	 * slot the pages before and after its mapping */
	if (a > r)
		munmap(r, (size_t)(a - r));
	for (m = 0; m < h->nmaps; m++) {
		struct mapping *g = &h->maps[m];
		unsigned char *start = a + (size_t)m * SLOT;
		unsigned char *end = m + 1 < h->nmaps ? start + SLOT : r + span;

		if (g->base > start)
			munmap(start, (size_t)(g->base - start));
		p = g->base + g->len;
		if (end > p)
			munmap(p, (size_t)(end - p));
	}
	return 0;
}

static void unmap_all(struct harness *h)
{
	int m;

	for (m = 0; m < h->nmaps; m++) {
		struct mapping *g = &h->maps[m];

		if (g->uffd >= 0)
			close(g->uffd);
		g->uffd = -1;
		g->uffd_features = 0;
		if (g->base && !g->unmapped)
			munmap(g->base, g->len);
		g->base = NULL;
		g->unmapped = 0;
	}
}

/* "mappings": absent (one mapping over the file), a count (each over the
 * whole file) or a list of {"offset":o,"length":l,"pteIndex":x} in pages
 * (pteIndex optional, 0..511, default 0). */
static int parse_mappings(const struct jval *req, int npages, char *err, size_t errlen)
{
	const struct jval *ms = json_get(req, "mappings");
	size_t i;

	if (!ms || ms->type == J_INT) {
		int n = ms ? (int)ms->num : 1;

		if (ms && (ms->num < 1 || ms->num > MAX_MAPPINGS))
			return snprintf(err, errlen, "init.mappings: expected an integer in 1..%d or a list",
					MAX_MAPPINGS), -1;
		H.nmaps = n;
		for (i = 0; i < (size_t)n; i++) {
			H.maps[i].offset = 0;
			H.maps[i].length = npages;
			H.maps[i].pte_index = 0;
		}
		return 0;
	}
	if (ms->type != J_ARR || ms->len < 1 || ms->len > MAX_MAPPINGS)
		return snprintf(err, errlen, "init.mappings: expected a list of 1..%d {offset, length, pteIndex}",
				MAX_MAPPINGS), -1;
	for (i = 0; i < ms->len; i++) {
		const struct jval *o = json_get(&ms->items[i], "offset");
		const struct jval *l = json_get(&ms->items[i], "length");
		const struct jval *x = json_get(&ms->items[i], "pteIndex");

		if (ms->items[i].type != J_OBJ || !o || o->type != J_INT || o->num < 0 ||
		    o->num >= npages)
			return snprintf(err, errlen, "init.mappings[%zu].offset: expected an integer in 0..%d",
					i, npages - 1), -1;
		if (!l || l->type != J_INT || l->num < 1 || l->num > npages - o->num)
			return snprintf(err, errlen, "init.mappings[%zu].length: expected an integer in 1..%d",
					i, (int)(npages - o->num)), -1;
		if (x && (x->type != J_INT || x->num < 0 || x->num >= PTRS_PER_PTE))
			return snprintf(err, errlen, "init.mappings[%zu].pteIndex: expected an integer in 0..%d",
					i, PTRS_PER_PTE - 1), -1;
		H.maps[i].offset = (int)o->num;
		H.maps[i].length = (int)l->num;
		H.maps[i].pte_index = x ? (int)x->num : 0;
	}
	H.nmaps = (int)ms->len;
	return 0;
}

static int init_checked(const struct jval *req, char *err, size_t errlen)
{
	const struct jval *p = json_get(req, "pages");
	const struct jval *sz = json_get(req, "size");
	const struct jval *t = json_get(req, "threads");
	const struct jval *f = json_get(req, "fill");
	uint64_t ioctls;
	const char *how;
	size_t i;
	int m;

	if (H.initialised)
		return snprintf(err, errlen, "init: already initialised"), -1;
	if (!p || p->type != J_INT || p->num < 1 || p->num > MAX_PAGES)
		return snprintf(err, errlen, "init.pages: expected an integer in 1..%d", MAX_PAGES), -1;
	if (sz && (sz->type != J_INT || sz->num < 0 || sz->num > p->num))
		return snprintf(err, errlen, "init.size: expected an integer in 0..%d", (int)p->num), -1;
	if (!t || t->type != J_INT || t->num < 0 || t->num > MAX_THREADS)
		return snprintf(err, errlen, "init.threads: expected an integer in 0..%d", MAX_THREADS), -1;
	if (f && (f->type != J_ARR || f->len != (size_t)p->num))
		return snprintf(err, errlen, "init.fill: expected a list of %d integers", (int)p->num), -1;
	for (i = 0; f && i < f->len; i++) {
		if (f->items[i].type != J_INT || f->items[i].num < 0 || f->items[i].num > 255)
			return snprintf(err, errlen, "init.fill[%zu]: expected an integer in 0..255", i), -1;
		if (sz && (int64_t)i >= sz->num && f->items[i].num != 0)
			return snprintf(err, errlen, "init.fill[%zu]: page %zu is past EOF (size %d): expected 0",
					i, i, (int)sz->num), -1;
	}
	if (parse_mappings(req, (int)p->num, err, errlen))
		return -1;

	H.npages = (int)p->num;
	H.size = sz ? (int)sz->num : H.npages;
	H.nthreads = (int)t->num;
	for (m = 0; m < MAX_MAPPINGS; m++) {
		H.maps[m].uffd = -1;
		H.maps[m].uffd_features = 0;
		H.maps[m].base = NULL;
		H.maps[m].unmapped = 0;
	}
	H.memfd = memfd_create("uffdspec", MFD_CLOEXEC);
	if (H.memfd < 0)
		return snprintf(err, errlen, "memfd: %s", strerror(errno)), -1;
	/* the fill first (inside EOF only), then i_size exactly */
	for (i = 0; f && i < f->len; i++) {
		unsigned char b = (unsigned char)f->items[i].num;

		if (b && pwrite(H.memfd, &b, 1, (off_t)(i * PAGE_SZ)) != 1)
			return snprintf(err, errlen, "pwrite fill: %s", strerror(errno)), -1;
	}
	if (ftruncate(H.memfd, (off_t)H.size * PAGE_SZ) != 0)
		return snprintf(err, errlen, "ftruncate: %s", strerror(errno)), -1;
	if (map_all(&H))
		return snprintf(err, errlen, "mmap: %s", strerror(errno)), -1;
	if (H.pagemap_fd <= 0)
		H.pagemap_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (H.pagemap_fd < 0)
		return snprintf(err, errlen, "/proc/self/pagemap: %s", strerror(errno)), -1;
	if (H.donefd <= 0)
		H.donefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (H.donefd < 0)
		return snprintf(err, errlen, "eventfd: %s", strerror(errno)), -1;
	if (uffd_probe(&H.kernel_features, &ioctls, &how, NULL) != 0)
		H.kernel_features = 0; /* register will report the open failure */
	H.thread_id_ok = (H.kernel_features & UFFD_FEATURE_THREAD_ID) != 0;
	if (workers_start(&H, err, errlen))
		return -1;
	H.initialised = 1;
	return 0;
}

/* Ends the session so that init may start a new one in this process:
 * closes the userfaultfd (the kernel wakes every waiter and the retried
 * accesses complete without it), waits for every access to finish, then
 * unmaps and closes the file. Worker threads are kept for the next init.
 * A thread that does not finish within the bound makes the harness exit. */
static int reset_session(char *err, size_t errlen)
{
	int t, m, left;

	if (!H.initialised)
		return snprintf(err, errlen, "reset: send init first"), -1;
	for (m = 0; m < H.nmaps; m++) {
		if (H.maps[m].uffd >= 0)
			close(H.maps[m].uffd);
		H.maps[m].uffd = -1;
	}
	/* wait for completions: a message seen earlier must not count as settled */
	for (t = 0; t < H.nthreads; t++)
		H.workers[t].msg_seen = 0;
	for (left = 50; left > 0; left--) {
		settle(&H, busy_mask(&H), 100);
		if (!busy_mask(&H))
			break;
	}
	for (t = 0; t < H.nthreads; t++)
		if (H.workers[t].busy)
			return snprintf(err, errlen, "reset: thread %d still blocked after 5 s", t), -2;
	unmap_all(&H);
	close(H.memfd);
	H.memfd = -1;
	H.nmaps = 0;
	H.nevents = 0;
	H.events_dropped = 0;
	H.initialised = 0;
	return 0;
}

static void observe_reply(struct jbuf *b, const struct result *res)
{
	char err[256];

	jb_raw(b, "{\"ok\":true,\"obs\":{\"result\":");
	if (res->is_word)
		jb_str(b, res->word);
	else
		jb_printf(b, "%lld", (long long)res->num);
	if (H.events_dropped) {
		reply_error("more uffd messages in one step than the harness records");
		return;
	}
	if (observe(&H, b, err, sizeof err)) {
		reply_error(err);
		return;
	}
	jb_raw(b, "}}");
	reply(b);
}

static void handle(const char *line)
{
	char err[512];
	struct jval req;
	const struct jval *cmd;
	struct jbuf b;

	if (json_parse(line, &req, err, sizeof err)) {
		reply_error(err);
		return;
	}
	cmd = json_get(&req, "cmd");
	jb_init(&b);
	if (!cmd || cmd->type != J_STR) {
		reply_error("request: expected an object with a \"cmd\" string");
	} else if (strcmp(cmd->str, "info") == 0) {
		cmd_info();
	} else if (strcmp(cmd->str, "quit") == 0) {
		jb_raw(&b, "{\"ok\":true}");
		reply(&b);
		exit(0);
	} else if (strcmp(cmd->str, "reset") == 0) {
		int rc = reset_session(err, sizeof err);

		if (rc) {
			reply_error(err);
			if (rc == -2) {
#ifdef UFFDSPEC_EMBEDDED
				printf("Bail out! %s\n", err);
#endif
				exit(2); /* a stuck thread: this process cannot be reused */
			}
		} else {
			jb_raw(&b, "{\"ok\":true}");
			reply(&b);
		}
	} else if (strcmp(cmd->str, "init") == 0) {
		int was = H.initialised;

		if (init_checked(&req, err, sizeof err)) {
			reply_error(err);
			if (!was && H.memfd >= 0) {
				/* a half-built harness cannot be trusted */
				exit(2);
			}
		} else {
			struct result none = { 1, 0, "ok" };

			H.nevents = 0;
			observe_reply(&b, &none);
		}
	} else if (strcmp(cmd->str, "op") == 0) {
		struct result res = { 0, 0, NULL };

		if (!H.initialised) {
			reply_error("op: send init first");
		} else {
			H.nevents = 0;
			H.events_dropped = 0;
			if (do_op(&H, json_get(&req, "op"), &res, err, sizeof err))
				reply_error(err);
			else
				observe_reply(&b, &res);
		}
	} else {
		snprintf(err, sizeof err, "request: unknown cmd '%s'", cmd->str);
		reply_error(err);
	}
	jb_free(&b);
	json_free(&req);
}

/* Run the harness and every thread it starts on one CPU (the one it starts on).
 * Memory-management state kept per CPU then behaves as in a sequential program:
 * the lru_add batch that holds a folio just added to the page cache is the one
 * madvise(MADV_PAGEOUT)'s own lru_add_drain() drains, so reclaim sees every folio.
 * Unpinned, a folio still in another CPU's batch is skipped (folio_isolate_lru
 * fails) and a PAGEOUT's outcome depends on scheduling. Threads still interleave:
 * the harness's concurrency is blocking (userfaults, waits), not parallelism. */
static void pin_to_one_cpu(void)
{
	cpu_set_t set;
	int cpu = sched_getcpu();

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) != 0)
		fprintf(stderr, "harness: sched_setaffinity: %s (MADV_PAGEOUT outcomes may vary)\n", strerror(errno));
}

#ifndef UFFDSPEC_EMBEDDED
int main(void)
{
	static char line[MAX_LINE + 2];
	const char *ms = getenv("UFFDSPEC_NATIVE_WAIT_MS");
	const char *nowake = getenv("UFFDSPEC_NATIVE_NOWAKE_MS");

	die_with_parent();
	pin_to_one_cpu();
	signal(SIGPIPE, SIG_IGN);
	H.wait_ms = 200;
	H.nowake_ms = 20;
	H.memfd = -1;
	if (nowake) {
		char *end;
		long v = strtol(nowake, &end, 10);

		if (*nowake == '\0' || *end != '\0' || v < 0 || v > 60000) {
			fprintf(stderr, "harness: UFFDSPEC_NATIVE_NOWAKE_MS must be an integer in 0..60000\n");
			return 2;
		}
		H.nowake_ms = (int)v;
	}
	if (ms) {
		char *end;
		long v = strtol(ms, &end, 10);

		if (*ms == '\0' || *end != '\0' || v < 1 || v > 60000) {
			fprintf(stderr, "harness: UFFDSPEC_NATIVE_WAIT_MS must be an integer in 1..60000\n");
			return 2;
		}
		H.wait_ms = (int)v;
	}
	while (fgets(line, sizeof line, stdin)) {
		size_t n = strlen(line);

		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		else if (n > MAX_LINE) {
			int c;

			while ((c = getchar()) != EOF && c != '\n')
				;
			reply_error("request: line longer than 65536 bytes");
			continue;
		}
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (strspn(line, " \t") == n)
			continue;
		handle(line);
	}
	return 0;
}
#endif /* UFFDSPEC_EMBEDDED */
