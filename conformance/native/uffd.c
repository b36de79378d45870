/* uffd.c: see uffd.h. */
#include "uffd.h"
#include "uffd_defs.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int uffd_open(const char **how)
{
	int fd = (int)syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	int err = errno;
	int dev;

	if (fd >= 0) {
		*how = "syscall";
		return fd;
	}
	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev >= 0) {
		fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
		err = errno;
		close(dev);
		if (fd >= 0) {
			*how = "dev";
			return fd;
		}
	}
	*how = "none";
	return -err;
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

int uffd_probe(uint64_t *features, uint64_t *ioctls, const char **how)
{
	int fd = uffd_open(how);
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
