/* harness.c: the native userfaultfd harness. Reads one JSON request per
 * line on stdin and writes one JSON reply per line on stdout:
 *   {"cmd":"info"}
 *   {"cmd":"init","pages":N,"threads":T,"fill":[...]}
 *   {"cmd":"op","op":{...trace op...}}
 *   {"cmd":"reset"}   (ends the session; init may follow)
 *   {"cmd":"quit"}
 * See README.md for the protocol and docs/trace-format.md for ops and
 * observations. */
#include "harness.h"
#include "uffd.h"
#include "uffd_defs.h"

#include <errno.h>
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
#define MAX_LINE (1 << 16)

static struct harness H;

static void reply(struct jbuf *b)
{
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

/* Maps the memfd at a 2 MiB aligned address: reserve more, then trim. */
static unsigned char *map_aligned(int fd, size_t len)
{
	size_t span = len + ALIGN_2M;
	unsigned char *r = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *a, *m;

	if (r == MAP_FAILED)
		return NULL;
	a = (unsigned char *)(((uintptr_t)r + ALIGN_2M - 1) & ~(ALIGN_2M - 1));
	m = mmap(a, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
	if (m == MAP_FAILED) {
		munmap(r, span);
		return NULL;
	}
	if (a > r)
		munmap(r, (size_t)(a - r));
	if (r + span > a + len)
		munmap(a + len, (size_t)(r + span - (a + len)));
	return a;
}

static int init_checked(const struct jval *req, char *err, size_t errlen)
{
	const struct jval *p = json_get(req, "pages");
	const struct jval *t = json_get(req, "threads");
	const struct jval *f = json_get(req, "fill");
	uint64_t ioctls;
	const char *how;
	size_t i;

	if (H.initialised)
		return snprintf(err, errlen, "init: already initialised"), -1;
	if (!p || p->type != J_INT || p->num < 1 || p->num > MAX_PAGES)
		return snprintf(err, errlen, "init.pages: expected an integer in 1..%d", MAX_PAGES), -1;
	if (!t || t->type != J_INT || t->num < 0 || t->num > MAX_THREADS)
		return snprintf(err, errlen, "init.threads: expected an integer in 0..%d", MAX_THREADS), -1;
	if (f && (f->type != J_ARR || f->len != (size_t)p->num))
		return snprintf(err, errlen, "init.fill: expected a list of %d integers", (int)p->num), -1;
	for (i = 0; f && i < f->len; i++)
		if (f->items[i].type != J_INT || f->items[i].num < 0 || f->items[i].num > 255)
			return snprintf(err, errlen, "init.fill[%zu]: expected an integer in 0..255", i), -1;

	H.npages = (int)p->num;
	H.nthreads = (int)t->num;
	H.len = (size_t)H.npages * PAGE_SZ;
	H.uffd = -1;
	H.memfd = memfd_create("uffdspec", MFD_CLOEXEC);
	if (H.memfd < 0 || ftruncate(H.memfd, (off_t)H.len) != 0)
		return snprintf(err, errlen, "memfd: %s", strerror(errno)), -1;
	for (i = 0; f && i < f->len; i++) {
		unsigned char b = (unsigned char)f->items[i].num;

		if (b && pwrite(H.memfd, &b, 1, (off_t)(i * PAGE_SZ)) != 1)
			return snprintf(err, errlen, "pwrite fill: %s", strerror(errno)), -1;
	}
	H.base = map_aligned(H.memfd, H.len);
	if (!H.base)
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
	int t, left;

	if (!H.initialised)
		return snprintf(err, errlen, "reset: send init first"), -1;
	if (H.uffd >= 0) {
		close(H.uffd);
		H.uffd = -1;
	}
	for (left = 50; left > 0; left--) {
		settle(&H, busy_mask(&H), 100);
		if (!busy_mask(&H))
			break;
	}
	for (t = 0; t < H.nthreads; t++)
		if (H.workers[t].busy)
			return snprintf(err, errlen, "reset: thread %d still blocked after 5 s", t), -2;
	munmap(H.base, H.len);
	close(H.memfd);
	H.base = NULL;
	H.memfd = -1;
	H.uffd_features = 0;
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
			if (rc == -2)
				exit(2); /* a stuck thread: this process cannot be reused */
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

int main(void)
{
	static char line[MAX_LINE + 2];
	const char *ms = getenv("UFFDSPEC_NATIVE_WAIT_MS");
	const char *nowake = getenv("UFFDSPEC_NATIVE_NOWAKE_MS");

	die_with_parent();
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
	H.uffd = -1;
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
