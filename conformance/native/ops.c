/* ops.c: one trace operation on the memfd, a mapping or its userfaultfd.
 * Kernel failures are results (negative errno); malformed requests are
 * errors and change nothing. */
#include "harness.h"
#include "uffd.h"
#include "uffd_defs.h"
#include "pm_scan_defs.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_PAGEOUT
#define UFFDSPEC_MADV_PAGEOUT 21 /* 5.4+ */
#else
#define UFFDSPEC_MADV_PAGEOUT MADV_PAGEOUT
#endif

#define ERR(...) (snprintf(err, errlen, __VA_ARGS__), -1)

static int get_int(const struct jval *op, const char *key, int lo, int hi, int *v,
		   char *err, size_t errlen)
{
	const struct jval *f = json_get(op, key);

	if (!f)
		return ERR("op.%s: missing", key);
	if (f->type != J_INT || f->num < lo || f->num > hi)
		return ERR("op.%s: expected an integer in %d..%d", key, lo, hi);
	*v = (int)f->num;
	return 0;
}

static int get_bool(const struct jval *op, const char *key, int dflt, int *v,
		    char *err, size_t errlen)
{
	const struct jval *f = json_get(op, key);

	if (!f) {
		if (dflt < 0)
			return ERR("op.%s: missing", key);
		*v = dflt;
		return 0;
	}
	if (f->type != J_BOOL)
		return ERR("op.%s: expected true or false", key);
	*v = (int)f->num;
	return 0;
}

/* "mapping" (default 0): the mapping an op goes through. */
static int get_mapping(struct harness *h, const struct jval *op, int *m,
		       char *err, size_t errlen)
{
	if (!json_get(op, "mapping")) {
		*m = 0;
		return 0;
	}
	return get_int(op, "mapping", 0, h->nmaps - 1, m, err, errlen);
}

/* A file page; through mapping m (m >= 0) it must be inside that mapping. */
static int get_page(struct harness *h, const struct jval *op, const char *key, int m,
		    int *page, char *err, size_t errlen)
{
	int lo = m < 0 ? 0 : h->maps[m].offset;
	int hi = m < 0 ? h->npages - 1 : h->maps[m].offset + h->maps[m].length - 1;

	if (get_int(op, key, lo, hi, page, err, errlen)) {
		if (m >= 0 && (lo > 0 || hi < h->npages - 1))
			snprintf(err + strlen(err), errlen - strlen(err),
				 " (mapping %d covers pages %d..%d)", m, lo, hi);
		return -1;
	}
	return 0;
}

static int get_range(struct harness *h, const struct jval *op, int m, int *lo, int *hi,
		     char *err, size_t errlen)
{
	if (get_page(h, op, "lo", m, lo, err, errlen) ||
	    get_page(h, op, "hi", m, hi, err, errlen))
		return -1;
	if (*lo > *hi)
		return ERR("op.lo: %d is greater than op.hi %d", *lo, *hi);
	return 0;
}

static uint64_t page_addr(struct harness *h, int m, int page)
{
	return (uint64_t)(uintptr_t)map_addr(h, m, page);
}

static void set_num(struct result *res, int64_t n)
{
	res->is_word = 0;
	res->num = n;
}

static int64_t syscall_result(int rc)
{
	return rc == 0 ? 0 : -errno;
}

static int op_access(struct harness *h, const struct jval *op, enum access_kind kind,
		     struct result *res, char *err, size_t errlen)
{
	int t, m, page, value = 0;
	struct worker *w;

	if (get_int(op, "thread", 0, h->nthreads - 1, &t, err, errlen) ||
	    get_mapping(h, op, &m, err, errlen) ||
	    get_page(h, op, "page", m, &page, err, errlen))
		return -1;
	if (kind == ACC_WRITE && get_int(op, "value", 0, 255, &value, err, errlen))
		return -1;
	if (h->maps[m].unmapped)
		return ERR("op.mapping: mapping %d was unmapped", m);
	w = &h->workers[t];
	if (w->busy)
		return ERR("op.thread: thread %d is blocked", t);
	worker_post(h, t, kind, m, page, value);
	settle(h, 1u << t, h->wait_ms);
	if (w->busy) {
		res->is_word = 1;
		res->word = "blocked";
	} else if (w->last == OUT_SIGBUS) {
		res->is_word = 1;
		res->word = "SIGBUS";
	} else if (w->last == OUT_OK) {
		res->is_word = 1;
		res->word = "ok";
	} else {
		set_num(res, w->last_value);
	}
	return 0;
}

static int parse_modes(const struct jval *op, uint64_t *modes, char *err, size_t errlen)
{
	const struct jval *m = json_get(op, "modes");
	size_t i;

	*modes = 0;
	if (!m || m->type != J_ARR)
		return ERR("op.modes: expected a list of MISSING, WP, MINOR");
	for (i = 0; i < m->len; i++) {
		const struct jval *s = &m->items[i];

		if (s->type == J_STR && strcmp(s->str, "MISSING") == 0)
			*modes |= UFFDIO_REGISTER_MODE_MISSING;
		else if (s->type == J_STR && strcmp(s->str, "WP") == 0)
			*modes |= UFFDIO_REGISTER_MODE_WP;
		else if (s->type == J_STR && strcmp(s->str, "MINOR") == 0)
			*modes |= UFFDIO_REGISTER_MODE_MINOR;
		else
			return ERR("op.modes[%zu]: expected MISSING, WP or MINOR", i);
	}
	return 0;
}

static int parse_features(struct harness *h, const struct jval *op, uint64_t *features,
			  char *err, size_t errlen)
{
	const struct jval *f = json_get(op, "features");
	size_t i;

	*features = 0;
	if (!f)
		return 0;
	if (f->type != J_ARR)
		return ERR("op.features: expected a list of feature names");
	for (i = 0; i < f->len; i++) {
		const struct jval *s = &f->items[i];
		uint64_t bit;

		if (s->type != J_STR)
			return ERR("op.features[%zu]: expected a feature name", i);
		bit = uffd_feature_bit(s->str);
		if (!bit)
			return ERR("op.features[%zu]: unknown feature '%s'", i, s->str);
		if (bit & UFFDSPEC_NONCOOP_FEATURES)
			return ERR("op.features[%zu]: feature %s is not supported by the harness "
				   "(its events block the main thread until read)", i, s->str);
		if (!(bit & h->kernel_features))
			return ERR("op.features[%zu]: feature %s is not supported by this kernel "
				   "(features 0x%llx)", i, s->str,
				   (unsigned long long)h->kernel_features);
		*features |= bit;
	}
	return 0;
}

static int op_register(struct harness *h, const struct jval *op, struct result *res,
		       char *err, size_t errlen)
{
	uint64_t modes, features, api_features;
	struct uffdspec_register reg;
	struct mapping *g;
	const char *how;
	int m;

	if (get_mapping(h, op, &m, err, errlen) || parse_modes(op, &modes, err, errlen) ||
	    parse_features(h, op, &features, err, errlen))
		return -1;
	g = &h->maps[m];
	/* Always ask for the shmem capabilities and the faulting thread's id
	 * (which tells whose access a message is for); none changes behaviour. */
	api_features = features | (h->kernel_features &
				   (UFFD_FEATURE_THREAD_ID | UFFD_FEATURE_PAGEFAULT_FLAG_WP |
				    UFFD_FEATURE_MISSING_SHMEM | UFFD_FEATURE_MINOR_SHMEM |
				    UFFD_FEATURE_WP_HUGETLBFS_SHMEM));
	if (g->uffd >= 0 && api_features != g->uffd_features)
		return ERR("op.features: the userfaultfd of mapping %d is already open with other "
			   "features (UFFDIO_API is allowed once)", m);
	if (g->uffd < 0) {
		int fd = uffd_open(&how, NULL);
		int rc;

		if (fd < 0) {
			set_num(res, fd);
			return 0;
		}
		rc = uffd_api(fd, api_features, NULL, NULL);
		if (rc) {
			close(fd);
			set_num(res, rc);
			return 0;
		}
		g->uffd = fd;
		g->uffd_features = api_features;
	}
	memset(&reg, 0, sizeof reg);
	reg.range.start = (uint64_t)(uintptr_t)g->base;
	reg.range.len = g->len;
	reg.mode = modes;
	set_num(res, syscall_result(ioctl(g->uffd, UFFDSPEC_IOC_REGISTER, &reg)));
	return 0;
}

/* Runs a uffd ioctl on mapping m's userfaultfd; with none open yet the
 * result is -EBADF. */
static int64_t uffd_ioctl(struct harness *h, int m, unsigned long req, void *arg)
{
	if (h->maps[m].uffd < 0)
		return -EBADF;
	return syscall_result(ioctl(h->maps[m].uffd, req, arg));
}

/* COPY and CONTINUE report through a field the kernel fills; early
 * failures leave it untouched, so fall back to -errno. */
static int64_t filled_result(int64_t rc, int64_t field)
{
	if (rc == 0)
		return field;
	return field < 0 ? field : rc;
}

static int op_copy(struct harness *h, const struct jval *op, struct result *res,
		   char *err, size_t errlen)
{
	static unsigned char src[PAGE_SZ] __attribute__((aligned(PAGE_SZ)));
	struct uffdspec_copy c;
	int m, page, value, wp, dontwake;
	int64_t rc;

	if (get_mapping(h, op, &m, err, errlen) ||
	    get_page(h, op, "page", m, &page, err, errlen) ||
	    get_int(op, "value", 0, 255, &value, err, errlen) ||
	    get_bool(op, "wp", 0, &wp, err, errlen) ||
	    get_bool(op, "dontwake", 0, &dontwake, err, errlen))
		return -1;
	memset(src, 0, sizeof src);
	src[0] = (unsigned char)value;
	memset(&c, 0, sizeof c);
	c.dst = page_addr(h, m, page);
	c.src = (uint64_t)(uintptr_t)src;
	c.len = PAGE_SZ;
	c.mode = (wp ? UFFDIO_COPY_MODE_WP : 0) | (dontwake ? UFFDIO_COPY_MODE_DONTWAKE : 0);
	rc = uffd_ioctl(h, m, UFFDSPEC_IOC_COPY, &c);
	set_num(res, filled_result(rc, c.copy));
	return 0;
}

static int op_continue(struct harness *h, const struct jval *op, struct result *res,
		       char *err, size_t errlen)
{
	struct uffdspec_continue c;
	int m, page, wp, dontwake;
	int64_t rc;

	if (get_mapping(h, op, &m, err, errlen) ||
	    get_page(h, op, "page", m, &page, err, errlen) ||
	    get_bool(op, "wp", 0, &wp, err, errlen) ||
	    get_bool(op, "dontwake", 0, &dontwake, err, errlen))
		return -1;
	memset(&c, 0, sizeof c);
	c.range.start = page_addr(h, m, page);
	c.range.len = PAGE_SZ;
	c.mode = (wp ? UFFDIO_CONTINUE_MODE_WP : 0) |
		 (dontwake ? UFFDIO_CONTINUE_MODE_DONTWAKE : 0);
	rc = uffd_ioctl(h, m, UFFDSPEC_IOC_CONTINUE, &c);
	set_num(res, filled_result(rc, c.mapped));
	return 0;
}

static int op_zeropage(struct harness *h, const struct jval *op, struct result *res,
		       char *err, size_t errlen)
{
	struct uffdspec_zeropage z;
	int m, page, dontwake;
	int64_t rc;

	if (get_mapping(h, op, &m, err, errlen) ||
	    get_page(h, op, "page", m, &page, err, errlen) ||
	    get_bool(op, "dontwake", 0, &dontwake, err, errlen))
		return -1;
	memset(&z, 0, sizeof z);
	z.range.start = page_addr(h, m, page);
	z.range.len = PAGE_SZ;
	z.mode = dontwake ? UFFDIO_ZEROPAGE_MODE_DONTWAKE : 0;
	rc = uffd_ioctl(h, m, UFFDSPEC_IOC_ZEROPAGE, &z);
	set_num(res, filled_result(rc, z.zeropage));
	return 0;
}

/* munmap of the whole mapping. Its userfaultfd stays open (ioctls on it
 * still name the old addresses, where no VMA is left). Refused while a
 * thread waits on a fault in it: once woken, its retried access would find
 * no VMA and get SIGSEGV, which would kill the harness. */
static int op_munmap(struct harness *h, const struct jval *op, struct result *res,
		     char *err, size_t errlen)
{
	struct mapping *g;
	int m, t;

	if (!json_get(op, "mapping"))
		return ERR("op.mapping: missing");
	if (get_mapping(h, op, &m, err, errlen))
		return -1;
	g = &h->maps[m];
	if (g->unmapped)
		return ERR("op.mapping: mapping %d was unmapped already", m);
	for (t = 0; t < h->nthreads; t++)
		if (h->workers[t].busy && h->workers[t].mapping == m)
			return ERR("op.mapping: thread %d waits on a fault in mapping %d "
				   "(once woken it would get SIGSEGV)", t, m);
	if (munmap(g->base, g->len) != 0) {
		set_num(res, -errno);
		return 0;
	}
	g->unmapped = 1;
	set_num(res, 0);
	return 0;
}

static int op_writeprotect(struct harness *h, const struct jval *op, struct result *res,
			   char *err, size_t errlen)
{
	struct uffdspec_writeprotect w;
	int m, lo, hi, wp, dontwake;

	if (get_mapping(h, op, &m, err, errlen) || get_range(h, op, m, &lo, &hi, err, errlen) ||
	    get_bool(op, "wp", -1, &wp, err, errlen) ||
	    get_bool(op, "dontwake", 0, &dontwake, err, errlen))
		return -1;
	w.range.start = page_addr(h, m, lo);
	w.range.len = (uint64_t)(hi - lo + 1) * PAGE_SZ;
	w.mode = (wp ? UFFDIO_WRITEPROTECT_MODE_WP : 0) |
		 (dontwake ? UFFDIO_WRITEPROTECT_MODE_DONTWAKE : 0);
	set_num(res, uffd_ioctl(h, m, UFFDSPEC_IOC_WRITEPROTECT, &w));
	return 0;
}

static int op_wake(struct harness *h, const struct jval *op, struct result *res,
		   char *err, size_t errlen)
{
	struct uffdspec_range r;
	int m, lo, hi;

	if (get_mapping(h, op, &m, err, errlen) || get_range(h, op, m, &lo, &hi, err, errlen))
		return -1;
	r.start = page_addr(h, m, lo);
	r.len = (uint64_t)(hi - lo + 1) * PAGE_SZ;
	set_num(res, uffd_ioctl(h, m, UFFDSPEC_IOC_WAKE, &r));
	return 0;
}

static int op_unregister(struct harness *h, const struct jval *op, struct result *res,
			 char *err, size_t errlen)
{
	struct uffdspec_range r;
	int m;

	if (get_mapping(h, op, &m, err, errlen))
		return -1;
	r.start = (uint64_t)(uintptr_t)h->maps[m].base;
	r.len = h->maps[m].len;
	set_num(res, uffd_ioctl(h, m, UFFDSPEC_IOC_UNREGISTER, &r));
	return 0;
}

static int op_file(struct harness *h, const char *name, const struct jval *op,
		   struct result *res, char *err, size_t errlen)
{
	int m, page, value, lo, hi;
	unsigned char b;

	if (strcmp(name, "pread") == 0) {
		if (get_page(h, op, "page", -1, &page, err, errlen))
			return -1;
		b = 0;
		if (pread(h->memfd, &b, 1, (off_t)page * PAGE_SZ) < 0)
			set_num(res, -errno);
		else
			set_num(res, b);
		return 0;
	}
	if (strcmp(name, "pwrite") == 0) {
		if (get_page(h, op, "page", -1, &page, err, errlen) ||
		    get_int(op, "value", 0, 255, &value, err, errlen))
			return -1;
		b = (unsigned char)value;
		set_num(res, pwrite(h->memfd, &b, 1, (off_t)page * PAGE_SZ) == 1 ? 0 : -errno);
		return 0;
	}
	if (strcmp(name, "punch") == 0) {
		if (get_range(h, op, -1, &lo, &hi, err, errlen))
			return -1;
		set_num(res, syscall_result(fallocate(h->memfd,
						      FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
						      (off_t)lo * PAGE_SZ,
						      (off_t)(hi - lo + 1) * PAGE_SZ)));
		return 0;
	}
	if (strcmp(name, "ftruncate") == 0) {
		int size;

		if (get_int(op, "size", 0, h->npages, &size, err, errlen))
			return -1;
		set_num(res, syscall_result(ftruncate(h->memfd, (off_t)size * PAGE_SZ)));
		return 0;
	}
	if (strcmp(name, "fallocate") == 0) {
		int keep;

		if (get_range(h, op, -1, &lo, &hi, err, errlen) ||
		    get_bool(op, "keepSize", -1, &keep, err, errlen))
			return -1;
		set_num(res, syscall_result(fallocate(h->memfd, keep ? FALLOC_FL_KEEP_SIZE : 0,
						      (off_t)lo * PAGE_SZ,
						      (off_t)(hi - lo + 1) * PAGE_SZ)));
		return 0;
	}
	/* madvise */
	{
		const struct jval *a = json_get(op, "advice");
		int advice;

		if (get_mapping(h, op, &m, err, errlen) ||
		    get_range(h, op, m, &lo, &hi, err, errlen))
			return -1;
		if (!a || a->type != J_STR)
			return ERR("op.advice: expected DONTNEED, REMOVE or PAGEOUT");
		if (strcmp(a->str, "DONTNEED") == 0)
			advice = MADV_DONTNEED;
		else if (strcmp(a->str, "REMOVE") == 0)
			advice = MADV_REMOVE;
		else if (strcmp(a->str, "PAGEOUT") == 0)
			advice = UFFDSPEC_MADV_PAGEOUT;
		else
			return ERR("op.advice: expected DONTNEED, REMOVE or PAGEOUT");
		if (h->maps[m].unmapped)
			return ERR("op.mapping: mapping %d was unmapped", m);
		set_num(res, syscall_result(madvise(map_addr(h, m, lo),
						    (size_t)(hi - lo + 1) * PAGE_SZ, advice)));
		return 0;
	}
}

/* PAGEMAP_SCAN (6.7+) on /proc/self/pagemap over pages lo..hi of the mapping,
 * for PAGE_IS_WRITTEN (category_mask = return_mask); with wpMatching,
 * PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC: the kernel write-protects
 * the pages it reports (as a UFFD_FEATURE_WP_ASYNC user does) and fails
 * with EPERM on a VMA without async wp. Result: the number of pages reported
 * (the sum of the returned regions' lengths), or -errno. One ioctl: the
 * vector has room for a region per page of the range (at most MAX_PAGES),
 * so the walk cannot stop early for lack of room; a walk that still ends
 * before the range's end (walk_end) is reported as an error. */
static int op_pagemap_scan(struct harness *h, const struct jval *op, struct result *res,
			   char *err, size_t errlen)
{
	static struct uffdspec_page_region vec[MAX_PAGES];
	struct uffdspec_pm_scan_arg a;
	int m, lo, hi, wpm, n, i;
	int64_t pages = 0;

	if (get_mapping(h, op, &m, err, errlen) || get_range(h, op, m, &lo, &hi, err, errlen) ||
	    get_bool(op, "wpMatching", -1, &wpm, err, errlen))
		return -1;
	if (h->maps[m].unmapped)
		return ERR("op.mapping: mapping %d was unmapped", m);
	memset(vec, 0, sizeof vec);
	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.flags = wpm ? UFFDSPEC_PM_SCAN_WP_MATCHING | UFFDSPEC_PM_SCAN_CHECK_WPASYNC : 0;
	a.start = page_addr(h, m, lo);
	a.end = page_addr(h, m, hi) + PAGE_SZ;
	a.vec = (uint64_t)(uintptr_t)vec;
	a.vec_len = (uint64_t)(hi - lo + 1);
	a.max_pages = 0;
	a.category_mask = UFFDSPEC_PAGE_IS_WRITTEN;
	a.return_mask = UFFDSPEC_PAGE_IS_WRITTEN;
	n = ioctl(h->pagemap_fd, UFFDSPEC_IOC_PAGEMAP_SCAN, &a);
	if (n < 0) {
		set_num(res, -errno);
		return 0;
	}
	if (a.walk_end != a.end)
		return ERR("pagemap_scan: the walk ended at page %lld of the range %d..%d, "
			   "not at its end (%d regions returned)",
			   (long long)((a.walk_end - a.start) / PAGE_SZ) + lo, lo, hi, n);
	for (i = 0; i < n && i < MAX_PAGES; i++) {
		if (vec[i].end <= vec[i].start || vec[i].start < a.start || vec[i].end > a.end ||
		    (vec[i].end - vec[i].start) % PAGE_SZ)
			return ERR("pagemap_scan: region %d [0x%llx, 0x%llx) is not inside the range",
				   i, (unsigned long long)vec[i].start, (unsigned long long)vec[i].end);
		pages += (int64_t)((vec[i].end - vec[i].start) / PAGE_SZ);
	}
	set_num(res, pages);
	return 0;
}

/* Does this op (as requested) wake threads waiting on a userfault? */
static int may_wake(const char *name, const struct jval *op)
{
	const struct jval *dw = json_get(op, "dontwake");
	const struct jval *wp = json_get(op, "wp");
	int dontwake = dw && dw->type == J_BOOL && dw->num;

	if (strcmp(name, "wake") == 0 || strcmp(name, "unregister") == 0)
		return 1;
	if (strcmp(name, "copy") == 0 || strcmp(name, "continue") == 0 ||
	    strcmp(name, "zeropage") == 0)
		return !dontwake;
	if (strcmp(name, "writeprotect") == 0)
		return !dontwake && !(wp && wp->type == J_BOOL && wp->num);
	return 0;
}

/* The mapping and the pages whose waiters the kernel woke, given the op's
 * result (fs/userfaultfd.c): COPY/CONTINUE wake [dst, dst + copied) only
 * when they filled something (ret < 0 skips the wake); WRITEPROTECT clear
 * and WAKE wake their range when the ioctl returns 0; UNREGISTER wakes the
 * whole mapping. Only waiters on that mapping's userfaultfd can be woken,
 * and a waiter outside the range (userfaultfd_wake_function compares the
 * fault address) stays asleep. Returns 0 when nobody can be woken. */
static int woken_range(struct harness *h, const char *name, const struct jval *op,
		       const struct result *res, int *m, int *lo, int *hi)
{
	const struct jval *a = json_get(op, "mapping");

	*m = a ? (int)a->num : 0;
	if (strcmp(name, "unregister") == 0) {
		*lo = h->maps[*m].offset;
		*hi = h->maps[*m].offset + h->maps[*m].length - 1;
		return res->num == 0;
	}
	a = json_get(op, "page");
	if (strcmp(name, "copy") == 0 || strcmp(name, "continue") == 0 ||
	    strcmp(name, "zeropage") == 0) {
		*lo = *hi = a ? (int)a->num : -1;
		return res->num > 0;
	}
	a = json_get(op, "lo");
	*lo = a ? (int)a->num : -1;
	a = json_get(op, "hi");
	*hi = a ? (int)a->num : -1;
	return res->num == 0;
}

int do_op(struct harness *h, const struct jval *op, struct result *res,
	  char *err, size_t errlen)
{
	const struct jval *n = json_get(op, "op");
	const char *name;
	unsigned watch;
	int rc;

	if (!op || op->type != J_OBJ)
		return ERR("op: expected an object");
	if (!n || n->type != J_STR)
		return ERR("op.op: expected an operation name");
	name = n->str;
	if (strcmp(name, "read") == 0)
		return op_access(h, op, ACC_READ, res, err, errlen);
	if (strcmp(name, "write") == 0)
		return op_access(h, op, ACC_WRITE, res, err, errlen);

	/* Threads that a waking op may release: clear their marks first so a
	 * new message tells "blocked again" from "still blocked". */
	watch = may_wake(name, op) ? busy_mask(h) : 0;
	for (int t = 0; t < h->nthreads; t++)
		if (watch & (1u << t))
			h->workers[t].msg_seen = 0;

	if (strcmp(name, "pread") == 0 || strcmp(name, "pwrite") == 0 ||
	    strcmp(name, "punch") == 0 || strcmp(name, "madvise") == 0 ||
	    strcmp(name, "ftruncate") == 0 || strcmp(name, "fallocate") == 0)
		rc = op_file(h, name, op, res, err, errlen);
	else if (strcmp(name, "register") == 0)
		rc = op_register(h, op, res, err, errlen);
	else if (strcmp(name, "unregister") == 0)
		rc = op_unregister(h, op, res, err, errlen);
	else if (strcmp(name, "copy") == 0)
		rc = op_copy(h, op, res, err, errlen);
	else if (strcmp(name, "continue") == 0)
		rc = op_continue(h, op, res, err, errlen);
	else if (strcmp(name, "writeprotect") == 0)
		rc = op_writeprotect(h, op, res, err, errlen);
	else if (strcmp(name, "wake") == 0)
		rc = op_wake(h, op, res, err, errlen);
	else if (strcmp(name, "zeropage") == 0)
		rc = op_zeropage(h, op, res, err, errlen);
	else if (strcmp(name, "munmap") == 0)
		rc = op_munmap(h, op, res, err, errlen);
	else if (strcmp(name, "pagemap_scan") == 0)
		rc = op_pagemap_scan(h, op, res, err, errlen);
	else
		return ERR("op.op: unknown operation '%s'", name);
	if (rc)
		return rc;
	if (watch) {
		/* Threads the kernel woke are watched for the full bound (they
		 * finish or fault again within microseconds); the others, which
		 * no wake reached, only for the short no-wake bound. */
		unsigned woken = 0;
		int m, lo, hi;

		if (woken_range(h, name, op, res, &m, &lo, &hi))
			for (int t = 0; t < h->nthreads; t++)
				if ((watch & (1u << t)) && h->workers[t].mapping == m &&
				    h->workers[t].page >= lo && h->workers[t].page <= hi)
					woken |= 1u << t;
		if (woken)
			settle(h, woken, h->wait_ms);
		settle(h, watch & ~woken, h->nowake_ms);
	} else {
		settle(h, 0, 0);
	}
	return 0;
}
