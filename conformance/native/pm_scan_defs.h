/* pm_scan_defs.h: the PAGEMAP_SCAN uapi (6.7+, include/uapi/linux/fs.h),
 * defined here under our own names so that the harness builds with older
 * installed headers (which lack struct pm_scan_arg) and never clashes with
 * newer ones. Values from the kernel's include/uapi/linux/fs.h; the ioctl
 * number is _IOWR('f', 16, struct pm_scan_arg) as the kernel computes it. */
#ifndef UFFDSPEC_PM_SCAN_DEFS_H
#define UFFDSPEC_PM_SCAN_DEFS_H

#include <stdint.h>

/* Categories (pm_scan_arg masks, page_region.categories). */
#define UFFDSPEC_PAGE_IS_WPALLOWED ((uint64_t)1 << 0)
#define UFFDSPEC_PAGE_IS_WRITTEN   ((uint64_t)1 << 1)

/* pm_scan_arg.flags */
#define UFFDSPEC_PM_SCAN_WP_MATCHING   ((uint64_t)1 << 0)
#define UFFDSPEC_PM_SCAN_CHECK_WPASYNC ((uint64_t)1 << 1)

struct uffdspec_page_region {
	uint64_t start, end;  /* [start, end) */
	uint64_t categories;
};

struct uffdspec_pm_scan_arg {
	uint64_t size;        /* sizeof(struct pm_scan_arg) */
	uint64_t flags;
	uint64_t start, end;  /* [start, end) to walk */
	uint64_t walk_end;    /* out: where the walk ended */
	uint64_t vec, vec_len; /* struct page_region[vec_len] */
	uint64_t max_pages;   /* 0: no limit */
	uint64_t category_inverted, category_mask, category_anyof_mask, return_mask;
};

_Static_assert(sizeof(struct uffdspec_pm_scan_arg) == 96, "struct pm_scan_arg is 96 bytes");
_Static_assert(sizeof(struct uffdspec_page_region) == 24, "struct page_region is 24 bytes");

#define UFFDSPEC_IOC_PAGEMAP_SCAN 0xC0606610UL /* _IOWR('f', 16, 96 bytes) */

#endif
