/* observe.c: the observation after a step, taken without touching the
 * mapping: pagemap for ptes, lseek(SEEK_DATA) for the page cache, pread for
 * contents, the harness's own records for events and threads. */
#include "harness.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PM_PRESENT (1ULL << 63)
#define PM_SWAP    (1ULL << 62)
#define PM_UFFD_WP (1ULL << 57)

static int cache_has(struct harness *h, int page)
{
	off_t at = (off_t)page * PAGE_SZ;

	return lseek(h->memfd, at, SEEK_DATA) == at;
}

static int page_value(struct harness *h, int page, int *value)
{
	unsigned char b = 0;

	if (pread(h->memfd, &b, 1, (off_t)page * PAGE_SZ) != 1)
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

int observe(struct harness *h, struct jbuf *out, char *err, size_t errlen)
{
	uint64_t pm[MAX_PAGES];
	size_t want = (size_t)h->npages * sizeof pm[0];
	off_t at = (off_t)((uintptr_t)h->base / PAGE_SZ) * (off_t)sizeof pm[0];
	int i;

	if (pread(h->pagemap_fd, pm, want, at) != (ssize_t)want) {
		snprintf(err, errlen, "reading /proc/self/pagemap: %s", strerror(errno));
		return -1;
	}
	jb_raw(out, ",\"pages\":[");
	for (i = 0; i < h->npages; i++) {
		int wp, value;
		const char *pte = pte_kind(pm[i], &wp);

		if (!pte) {
			snprintf(err, errlen, "unexpected pagemap entry 0x%llx for page %d",
				 (unsigned long long)pm[i], i);
			return -1;
		}
		if (page_value(h, i, &value)) {
			snprintf(err, errlen, "pread of page %d: %s", i, strerror(errno));
			return -1;
		}
		jb_printf(out, "%s{\"cache\":%s,\"value\":%d,\"pte\":\"%s\",\"wp\":%s}",
			  i ? "," : "", cache_has(h, i) ? "true" : "false", value, pte,
			  wp ? "true" : "false");
	}
	jb_raw(out, "],\"events\":[");
	for (i = 0; i < h->nevents; i++) {
		const struct event *e = &h->events[i];

		jb_printf(out, "%s{\"kind\":\"%s\",\"page\":%d,\"write\":%s}", i ? "," : "",
			  e->kind, e->page, e->write ? "true" : "false");
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
