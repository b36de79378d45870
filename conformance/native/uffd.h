/* uffd.h: opening a userfaultfd, the API handshake, feature names. */
#ifndef UFFDSPEC_UFFD_H
#define UFFDSPEC_UFFD_H

#include <stdint.h>

/* Opens a non-blocking, close-on-exec userfaultfd: the userfaultfd(2)
 * syscall, else /dev/userfaultfd. Returns the fd or -errno of the syscall;
 * *how is set to "syscall" or "dev". */
int uffd_open(const char **how);
/* UFFDIO_API with the given features. Returns 0 or -errno. */
int uffd_api(int fd, uint64_t features, uint64_t *out_features, uint64_t *out_ioctls);
/* Opens a scratch uffd and asks for features 0: what the kernel offers. */
int uffd_probe(uint64_t *features, uint64_t *ioctls, const char **how);
/* Feature bit for a name such as "WP_ASYNC" (UFFD_FEATURE_ prefix optional);
 * 0 if unknown. */
uint64_t uffd_feature_bit(const char *name);

#endif
