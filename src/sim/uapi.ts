// The userfaultfd uapi vocabulary (include/uapi/linux/userfaultfd.h), named
// once: the simulator, the trace format and the counterexample schedules all
// speak it.

/**
 * UFFDIO_REGISTER_MODE_MISSING / _WP / _MINOR. A pagefault message is raised by
 * exactly one of them (no flag, UFFD_PAGEFAULT_FLAG_WP, UFFD_PAGEFAULT_FLAG_MINOR),
 * so an event's kind is the mode that raised it.
 */
export type UffdMode = 'MISSING' | 'WP' | 'MINOR';
export const UFFD_MODES: readonly UffdMode[] = ['MISSING', 'WP', 'MINOR'];

/**
 * UFFDIO_API features a trace may request. The harness always adds the ones shmem
 * needs (PAGEFAULT_FLAG_WP, MISSING_SHMEM, MINOR_SHMEM, WP_HUGETLBFS_SHMEM); event
 * features (FORK, REMAP, REMOVE, UNMAP) are excluded because their messages are not
 * part of the observation.
 */
export type UffdFeature = 'SIGBUS' | 'WP_ASYNC' | 'WP_UNPOPULATED' | 'THREAD_ID' | 'EXACT_ADDRESS';
export const UFFD_FEATURES: readonly UffdFeature[] = ['SIGBUS', 'WP_ASYNC', 'WP_UNPOPULATED', 'THREAD_ID', 'EXACT_ADDRESS'];
