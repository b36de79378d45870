// errno values as userspace sees them (x86_64); syscalls return them negated.
export const EPERM = 1;
export const ENOENT = 2;
export const EAGAIN = 11;
export const EFAULT = 14;
export const EEXIST = 17;
export const EINVAL = 22;
export const PAGE_SIZE = 4096;
