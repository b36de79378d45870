/* observe.c: the observation after a step, taken without touching the
 * mappings: pagemap for every mapping's ptes, lseek(SEEK_DATA) for the page
 * cache, pread for contents (0 past EOF), the harness's own records for
 * events and threads. */
#include "harness.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PM_PRESENT (1ULL << 63)
#define PM_SWAP    (1ULL << 62)
#define PM_UFFD_WP (1ULL << 57)

#ifndef __NR_cachestat
#define __NR_cachestat 451 /* 6.5+, the same number on every architecture */
#endif

struct uffdspec_cachestat_range { uint64_t off, len; };
struct uffdspec_cachestat {
	uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted;
};

/* Whether the page cache holds a folio at the page's index: cachestat(2)
 * (6.5+) counts every folio in the mapping's xarray, uptodate or not, so a
 * page fallocated and never written counts (lseek(SEEK_DATA) skips it:
 * mapping_seek_hole_data treats a !uptodate folio as a hole), and so does
 * a folio past EOF (fallocate KEEP_SIZE). Before 6.5, lseek(SEEK_DATA),
 * which agrees on every other page. */
static int cache_has(struct harness *h, int page)
{
	static int no_cachestat;
	off_t at = (off_t)page * PAGE_SZ;

	if (!no_cachestat) {
		struct uffdspec_cachestat_range r = { (uint64_t)at, PAGE_SZ };
		struct uffdspec_cachestat cs;

		memset(&cs, 0, sizeof cs);
		if (syscall(__NR_cachestat, h->memfd, &r, &cs, 0) == 0)
			return cs.nr_cache != 0;
		if (errno != ENOSYS)
			return -1;
		no_cachestat = 1;
	}
	return lseek(h->memfd, at, SEEK_DATA) == at;
}

/* pread of the page's first byte; past EOF pread reads nothing: 0. */
static int page_value(struct harness *h, int page, int *value)
{
	unsigned char b = 0;

	if (pread(h->memfd, &b, 1, (off_t)page * PAGE_SZ) < 0)
		return -1;
	*value = b;
	return 0;
}

static const char *pte_kind(uint64_t e, int *wp)
{
	*wp = (e & PM_UFFD_WP) != 0;
	if (e & PM_PRESENT)
		return "present";
	if ((e & PM_SWAP) && (e & PM_UFFD_WP))
		return "marker";
	if (!(e & (PM_SWAP | PM_UFFD_WP)))
		return "none";
	return NULL;
}

static void put_result_word(struct jbuf *out, const struct worker *w)
{
	if (w->last == OUT_VALUE)
		jb_printf(out, "%d", w->last_value);
	else
		jb_str(out, w->last == OUT_OK ? "ok" : "SIGBUS");
}

/* Mapping m's pagemap entries, one per file page (0, a none pte, for the
 * pages it does not cover). */
static int read_pagemap(struct harness *h, int m, uint64_t *pm, char *err, size_t errlen)
{
	const struct mapping *g = &h->maps[m];
	size_t want = (size_t)g->length * sizeof pm[0];
	off_t at = (off_t)((uintptr_t)g->base / PAGE_SZ) * (off_t)sizeof pm[0];

	memset(pm, 0, (size_t)h->npages * sizeof pm[0]);
	if (g->unmapped)
		return 0; /* nothing mapped there any more: every pte none */
	if (pread(h->pagemap_fd, pm + g->offset, want, at) != (ssize_t)want) {
		snprintf(err, errlen, "reading /proc/self/pagemap: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int put_pte(struct jbuf *out, uint64_t e, int m, int page, char *err, size_t errlen)
{
	int wp;
	const char *pte = pte_kind(e, &wp);

	if (!pte) {
		snprintf(err, errlen, "unexpected pagemap entry 0x%llx for page %d of mapping %d",
			 (unsigned long long)e, page, m);
		return -1;
	}
	jb_printf(out, "\"pte\":\"%s\",\"wp\":%s", pte, wp ? "true" : "false");
	return 0;
}

int observe(struct harness *h, struct jbuf *out, char *err, size_t errlen)
{
	static uint64_t pm[MAX_MAPPINGS][MAX_PAGES];
	int i, m;

	for (m = 0; m < h->nmaps; m++)
		if (read_pagemap(h, m, pm[m], err, errlen))
			return -1;
	jb_raw(out, ",\"pages\":[");
	for (i = 0; i < h->npages; i++) {
		int value, cached;

		if (page_value(h, i, &value)) {
			snprintf(err, errlen, "pread of page %d: %s", i, strerror(errno));
			return -1;
		}
		cached = cache_has(h, i);
		if (cached < 0) {
			snprintf(err, errlen, "cachestat of page %d: %s", i, strerror(errno));
			return -1;
		}
		jb_printf(out, "%s{\"cache\":%s,\"value\":%d,", i ? "," : "",
			  cached ? "true" : "false", value);
		if (put_pte(out, pm[0][i], 0, i, err, errlen))
			return -1;
		if (h->nmaps > 1) {
			jb_raw(out, ",\"others\":[");
			for (m = 1; m < h->nmaps; m++) {
				jb_raw(out, m > 1 ? ",{" : "{");
				if (put_pte(out, pm[m][i], m, i, err, errlen))
					return -1;
				jb_raw(out, "}");
			}
			jb_raw(out, "]");
		}
		jb_raw(out, "}");
	}
	jb_raw(out, "],\"events\":[");
	for (i = 0; i < h->nevents; i++) {
		const struct event *e = &h->events[i];

		jb_printf(out, "%s{\"kind\":\"%s\",\"page\":%d,\"write\":%s", i ? "," : "",
			  e->kind, e->page, e->write ? "true" : "false");
		if (e->mapping)
			jb_printf(out, ",\"mapping\":%d", e->mapping);
		jb_raw(out, "}");
	}
	jb_raw(out, "],\"threads\":[");
	for (i = 0; i < h->nthreads; i++) {
		const struct worker *w = &h->workers[i];

		jb_raw(out, i ? "," : "");
		if (w->busy) {
			jb_raw(out, "{\"state\":\"blocked\"}");
			continue;
		}
		jb_raw(out, "{\"state\":\"idle\"");
		if (w->has_last) {
			jb_raw(out, ",\"last\":");
			put_result_word(out, w);
		}
		jb_raw(out, "}");
	}
	jb_raw(out, "]");
	return 0;
}
