/* uffd.h: opening a userfaultfd, the API handshake, feature names; and
 * dying with the parent process. */
#ifndef UFFDSPEC_UFFD_H
#define UFFDSPEC_UFFD_H

#include <stdint.h>

/* The three ways to open a userfaultfd, in the order uffd_open tries them. */
enum uffd_way { UFFD_WAY_SYSCALL, UFFD_WAY_DEV, UFFD_WAY_USER_MODE_ONLY, UFFD_WAYS };

/* What each attempt gave: 0 success, an errno, or -1 not tried. */
struct uffd_attempts {
	int err[UFFD_WAYS];
};

/* Opens a non-blocking, close-on-exec userfaultfd, trying in turn
 *  1. userfaultfd(2) (needs CAP_SYS_PTRACE or vm.unprivileged_userfaultfd=1),
 *  2. /dev/userfaultfd + USERFAULTFD_IOC_NEW (needs access to the device),
 *  3. userfaultfd(2) with UFFD_USER_MODE_ONLY (5.11+, always allowed: a
 *     fault from kernel mode on a registered range then fails instead of
 *     waiting; the harness faults only in user mode).
 * Returns the fd and sets *how to "syscall", "dev" or "user-mode-only"; or
 * returns -errno of the first attempt and sets *how to "none". `tried`, if
 * not NULL, receives the result of every attempt. */
int uffd_open(const char **how, struct uffd_attempts *tried);
/* UFFDIO_API with the given features. Returns 0 or -errno. */
int uffd_api(int fd, uint64_t features, uint64_t *out_features, uint64_t *out_ioctls);
/* Opens a scratch uffd and asks for features 0: what the kernel offers. */
int uffd_probe(uint64_t *features, uint64_t *ioctls, const char **how, struct uffd_attempts *tried);
/* Feature bit for a name such as "WP_ASYNC" (UFFD_FEATURE_ prefix optional);
 * 0 if unknown. */
uint64_t uffd_feature_bit(const char *name);
/* The symbolic name of an errno ("EPERM"), or "E<n>" for one not listed. */
const char *errno_name(int err, char *buf, int len);
/* Makes the kernel kill this process when its parent dies
 * (PR_SET_PDEATHSIG), and exits (status 3) at once if the parent died
 * before that took effect (getppid() changed). Call it first thing in main. */
void die_with_parent(void);

#endif
