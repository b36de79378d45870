"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PAGE_SIZE = exports.EINVAL = exports.EEXIST = exports.EFAULT = exports.EAGAIN = exports.ENOENT = exports.EPERM = void 0;
// errno values as userspace sees them (x86_64); syscalls return them negated.
exports.EPERM = 1;
exports.ENOENT = 2;
exports.EAGAIN = 11;
exports.EFAULT = 14;
exports.EEXIST = 17;
exports.EINVAL = 22;
exports.PAGE_SIZE = 4096;
//# sourceMappingURL=errno.js.map