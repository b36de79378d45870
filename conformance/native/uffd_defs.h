/* uffd_defs.h: the userfaultfd uapi, completed with the values of newer
 * kernels that older installed headers lack (values from the kernel's
 * include/uapi/linux/userfaultfd.h; x86_64). */
#ifndef UFFDSPEC_UFFD_DEFS_H
#define UFFDSPEC_UFFD_DEFS_H

#include <linux/userfaultfd.h>
#include <stdint.h>
#include <sys/ioctl.h>

#ifndef __NR_userfaultfd
#define __NR_userfaultfd 323
#endif
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif

#ifndef UFFD_FEATURE_MINOR_SHMEM
#define UFFD_FEATURE_MINOR_SHMEM (1 << 10)
#endif
#ifndef UFFD_FEATURE_EXACT_ADDRESS
#define UFFD_FEATURE_EXACT_ADDRESS (1 << 11)
#endif
#ifndef UFFD_FEATURE_WP_HUGETLBFS_SHMEM
#define UFFD_FEATURE_WP_HUGETLBFS_SHMEM (1 << 12)
#endif
#ifndef UFFD_FEATURE_WP_UNPOPULATED
#define UFFD_FEATURE_WP_UNPOPULATED (1 << 13)
#endif
#ifndef UFFD_FEATURE_POISON
#define UFFD_FEATURE_POISON (1 << 14)
#endif
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif
#ifndef UFFD_FEATURE_MOVE
#define UFFD_FEATURE_MOVE (1 << 16)
#endif

#ifndef UFFDIO_REGISTER_MODE_MINOR
#define UFFDIO_REGISTER_MODE_MINOR ((uint64_t)1 << 2)
#endif
#ifndef UFFDIO_CONTINUE_MODE_DONTWAKE
#define UFFDIO_CONTINUE_MODE_DONTWAKE ((uint64_t)1 << 0)
#endif
#ifndef UFFDIO_CONTINUE_MODE_WP
#define UFFDIO_CONTINUE_MODE_WP ((uint64_t)1 << 1)
#endif
#ifndef UFFDIO_ZEROPAGE_MODE_DONTWAKE
#define UFFDIO_ZEROPAGE_MODE_DONTWAKE ((uint64_t)1 << 0)
#endif
#ifndef UFFD_PAGEFAULT_FLAG_MINOR
#define UFFD_PAGEFAULT_FLAG_MINOR (1 << 2)
#endif

/* The structs of CONTINUE and WRITEPROTECT exist since 5.7/5.13 headers;
 * ioctl numbers as the kernel computes them. */
#define UFFDSPEC_IOC_API          0xC018AA3FUL
#define UFFDSPEC_IOC_REGISTER     0xC020AA00UL
#define UFFDSPEC_IOC_UNREGISTER   0x8010AA01UL
#define UFFDSPEC_IOC_WAKE         0x8010AA02UL
#define UFFDSPEC_IOC_COPY         0xC028AA03UL
#define UFFDSPEC_IOC_WRITEPROTECT 0xC018AA06UL
#define UFFDSPEC_IOC_CONTINUE     0xC020AA07UL
#define UFFDSPEC_IOC_ZEROPAGE     0xC020AA04UL

struct uffdspec_range { uint64_t start, len; };
struct uffdspec_api { uint64_t api, features, ioctls; };
struct uffdspec_register { struct uffdspec_range range; uint64_t mode, ioctls; };
struct uffdspec_copy { uint64_t dst, src, len, mode; int64_t copy; };
struct uffdspec_writeprotect { struct uffdspec_range range; uint64_t mode; };
struct uffdspec_continue { struct uffdspec_range range; uint64_t mode; int64_t mapped; };
struct uffdspec_zeropage { struct uffdspec_range range; uint64_t mode; int64_t zeropage; };

/* Feature bits that make the kernel queue non-cooperative events and block
 * the thread that caused them until the monitor reads them. */
#define UFFDSPEC_NONCOOP_FEATURES                                           \
	(UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_EVENT_REMAP |                  \
	 UFFD_FEATURE_EVENT_REMOVE | UFFD_FEATURE_EVENT_UNMAP)

#endif
