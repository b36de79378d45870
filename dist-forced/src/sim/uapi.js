"use strict";
// The userfaultfd uapi vocabulary (include/uapi/linux/userfaultfd.h), named
// once: the simulator, the trace format and the counterexample schedules all
// speak it.
Object.defineProperty(exports, "__esModule", { value: true });
exports.UFFD_FEATURES = exports.UFFD_MODES = void 0;
exports.UFFD_MODES = ['MISSING', 'WP', 'MINOR'];
exports.UFFD_FEATURES = ['SIGBUS', 'WP_ASYNC', 'WP_UNPOPULATED', 'THREAD_ID', 'EXACT_ADDRESS'];
//# sourceMappingURL=uapi.js.map