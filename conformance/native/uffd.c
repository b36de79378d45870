/* uffd.c: see uffd.h. */
#include "uffd.h"
#include "uffd_defs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int uffd_open(const char **how, struct uffd_attempts *tried)
{
	struct uffd_attempts local;
	struct uffd_attempts *t = tried ? tried : &local;
	int fd, dev, w;

	for (w = 0; w < UFFD_WAYS; w++)
		t->err[w] = -1;
	fd = (int)syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	t->err[UFFD_WAY_SYSCALL] = fd >= 0 ? 0 : errno;
	if (fd >= 0) {
		*how = "syscall";
		return fd;
	}
	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev < 0) {
		t->err[UFFD_WAY_DEV] = errno;
	} else {
		fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
		t->err[UFFD_WAY_DEV] = fd >= 0 ? 0 : errno;
		close(dev);
		if (fd >= 0) {
			*how = "dev";
			return fd;
		}
	}
	fd = (int)syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
	t->err[UFFD_WAY_USER_MODE_ONLY] = fd >= 0 ? 0 : errno;
	if (fd >= 0) {
		*how = "user-mode-only";
		return fd;
	}
	*how = "none";
	return -t->err[UFFD_WAY_SYSCALL];
}

int uffd_api(int fd, uint64_t features, uint64_t *out_features, uint64_t *out_ioctls)
{
	struct uffdspec_api api = { UFFD_API, features, 0 };

	if (ioctl(fd, UFFDSPEC_IOC_API, &api) != 0)
		return -errno;
	if (out_features)
		*out_features = api.features;
	if (out_ioctls)
		*out_ioctls = api.ioctls;
	return 0;
}

int uffd_probe(uint64_t *features, uint64_t *ioctls, const char **how, struct uffd_attempts *tried)
{
	int fd = uffd_open(how, tried);
	int rc;

	if (fd < 0)
		return fd;
	rc = uffd_api(fd, 0, features, ioctls);
	close(fd);
	return rc;
}

static const char *const feature_names[] = {
	"PAGEFAULT_FLAG_WP", "EVENT_FORK", "EVENT_REMAP", "EVENT_REMOVE",
	"MISSING_HUGETLBFS", "MISSING_SHMEM", "EVENT_UNMAP", "SIGBUS",
	"THREAD_ID", "MINOR_HUGETLBFS", "MINOR_SHMEM", "EXACT_ADDRESS",
	"WP_HUGETLBFS_SHMEM", "WP_UNPOPULATED", "POISON", "WP_ASYNC", "MOVE",
};

uint64_t uffd_feature_bit(const char *name)
{
	size_t i;

	if (strncmp(name, "UFFD_FEATURE_", 13) == 0)
		name += 13;
	for (i = 0; i < sizeof feature_names / sizeof feature_names[0]; i++)
		if (strcmp(name, feature_names[i]) == 0)
			return (uint64_t)1 << i;
	return 0;
}

const char *errno_name(int err, char *buf, int len)
{
	static const struct { int err; const char *name; } names[] = {
		{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINTR, "EINTR" },
		{ EIO, "EIO" }, { ENXIO, "ENXIO" }, { EBADF, "EBADF" },
		{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
		{ EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" },
		{ ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" }, { EINVAL, "EINVAL" },
		{ ENFILE, "ENFILE" }, { EMFILE, "EMFILE" }, { ENOTTY, "ENOTTY" },
		{ EROFS, "EROFS" }, { ENOSYS, "ENOSYS" }, { EOPNOTSUPP, "EOPNOTSUPP" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].err == err)
			return names[i].name;
	snprintf(buf, (size_t)len, "E%d", err);
	return buf;
}

void die_with_parent(void)
{
	pid_t parent = getppid();

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* the parent may have died between getppid and prctl: nobody would kill us then */
	if (getppid() != parent)
		_exit(3);
}
