"use strict";
// Why the native target can or cannot run here, and what fixes it: pure functions of
// the facts a probe gathers (platform, the harness binary and its build status, the
// process's uid and CAP_SYS_PTRACE, vm.unprivileged_userfaultfd, /dev/userfaultfd,
// and the errno of each way the harness tried to open a userfaultfd). The probe itself
// is in native-driver.ts (gatherNativeFacts); everything here is unit-testable with
// injected facts (test/native-availability.test.ts).
//
// The harness opens a userfaultfd in this order (conformance/native/uffd.c):
//  1. userfaultfd(2): allowed with CAP_SYS_PTRACE or vm.unprivileged_userfaultfd=1;
//  2. /dev/userfaultfd + USERFAULTFD_IOC_NEW (6.1+): governed by the device's mode;
//  3. userfaultfd(2) with UFFD_USER_MODE_ONLY (5.11+): always allowed; a fault from
//     kernel mode on a registered range then fails, which the harness never causes.
Object.defineProperty(exports, "__esModule", { value: true });
exports.diagnoseNative = diagnoseNative;
exports.modeString = modeString;
exports.viaWords = viaWords;
const BUILD_FIX = 'run `npm run build` (needs a C compiler, e.g. gcc)';
/** Can the harness run here? If not, why, and the fix: one line each. */
function diagnoseNative(f) {
    if (f.platform !== 'linux') {
        return { ok: false, reason: `userfaultfd needs Linux; this is ${f.platform}`, fix: 'run the native target on Linux (5.19+ for uffd-wp on shmem)' };
    }
    const h = f.harness;
    if (!h.exists || !h.executable) {
        if (h.from === 'env') {
            return {
                ok: false,
                reason: `UFFDSPEC_NATIVE_HARNESS=${h.path}: ${h.exists ? 'not executable' : 'no such file'}`,
                fix: 'unset UFFDSPEC_NATIVE_HARNESS, or point it at a built harness (conformance/native/harness)',
            };
        }
        if (f.build && !f.build.built) {
            return { ok: false, reason: `the native harness was not built: ${f.build.reason ?? 'unknown reason'}`, fix: f.build.fix ?? BUILD_FIX };
        }
        if (h.exists)
            return { ok: false, reason: `${h.path} is not executable`, fix: BUILD_FIX };
        return { ok: false, reason: `the native harness is not built (${h.path} is missing)`, fix: BUILD_FIX };
    }
    if (!f.info) {
        return { ok: false, reason: `the native harness does not run: ${f.infoError ?? 'no reply to info'}`, fix: `rebuild it: ${BUILD_FIX}` };
    }
    if (f.info.uffd !== 'none') {
        if (f.info.features)
            return { ok: true, via: f.info.uffd };
        return {
            ok: false,
            reason: `a userfaultfd opened (${f.info.uffd}) but UFFDIO_API failed: ${f.info.uffd_error ?? 'unknown error'}`,
            fix: 'use a kernel whose userfaultfd supports the UFFD_API handshake (5.19+ for uffd-wp on shmem)',
        };
    }
    return diagnoseAttempts(f, f.info.attempts ?? { syscall: 'not tried', dev: 'not tried', user_mode_only: 'not tried' });
}
/** Every way of opening a userfaultfd failed: which cause, and its fix. */
function diagnoseAttempts(f, a) {
    const who = f.uid === undefined ? 'this process' : `this process (uid ${f.uid})`;
    const devExists = f.dev?.exists === true || (a.dev !== 'ENOENT' && a.dev !== 'not tried' && a.dev !== 'ENODEV' && a.dev !== 'ENXIO');
    const devText = devWords(f, a.dev);
    const devFix = devExists ? `give ${f.uid === undefined ? 'this user' : `uid ${f.uid}`} read-write access to /dev/userfaultfd (\`chmod 0666 /dev/userfaultfd\`, or a group: \`chgrp GROUP /dev/userfaultfd && chmod 0660 /dev/userfaultfd\` with the user in GROUP)` : '';
    // no userfaultfd in this kernel at all
    if (a.syscall === 'ENOSYS' && !devExists) {
        return {
            ok: false,
            reason: `this kernel${f.kernel ? ` (${f.kernel})` : ''} has no userfaultfd: userfaultfd(2) gives ENOSYS and there is no /dev/userfaultfd (CONFIG_USERFAULTFD is not set, or a seccomp filter hides the syscall)`,
            fix: 'use a kernel built with CONFIG_USERFAULTFD=y (5.19+ for uffd-wp on shmem), outside a sandbox that filters userfaultfd(2)',
        };
    }
    if (a.syscall === 'ENOSYS') {
        return {
            ok: false,
            reason: `userfaultfd(2) gives ENOSYS although the kernel has /dev/userfaultfd: a seccomp filter (container runtime) hides the syscall; ${devText}`,
            fix: `allow userfaultfd(2) in the seccomp profile (e.g. \`docker run --security-opt seccomp=unconfined\`), or ${devFix}`,
        };
    }
    if (a.syscall === 'EPERM') {
        const privileged = f.uid === 0 || f.capSysPtrace === true;
        const umo = a.user_mode_only === 'EINVAL'
            ? `UFFD_USER_MODE_ONLY, which any user may use, is unknown to this kernel${f.kernel ? ` (${f.kernel})` : ''} (EINVAL: before 5.11)`
            : a.user_mode_only === 'EPERM'
                ? 'userfaultfd(2) with UFFD_USER_MODE_ONLY is refused too (EPERM)'
                : `userfaultfd(2) with UFFD_USER_MODE_ONLY failed (${a.user_mode_only})`;
        if (!privileged && f.sysctl !== 1 && a.user_mode_only !== 'EPERM') {
            const sysctl = f.sysctl === undefined ? 'vm.unprivileged_userfaultfd is not 1 (unreadable here)' : `vm.unprivileged_userfaultfd=${f.sysctl}`;
            return {
                ok: false,
                reason: `userfaultfd(2) is refused (EPERM): ${sysctl} and ${who} is neither root nor has CAP_SYS_PTRACE; ${devText}; ${umo}`,
                fix: `as root: \`sysctl vm.unprivileged_userfaultfd=1\`${devFix ? `; or ${devFix}` : ''}; or run as root`,
            };
        }
        // refused although the sysctl or the privileges allow it, or refused even in user-mode-only
        return {
            ok: false,
            reason: `userfaultfd(2) is refused (EPERM)${privileged ? ` although ${who} is privileged` : f.sysctl === 1 ? ' although vm.unprivileged_userfaultfd=1' : ''}: a seccomp filter or security module blocks it; ${devText}; ${umo}`,
            fix: `allow userfaultfd(2) in the seccomp/LSM policy (e.g. \`docker run --security-opt seccomp=unconfined\`)${devFix ? `, or ${devFix}` : ''}`,
        };
    }
    // some other failure (out of file descriptors, memory, ...)
    return {
        ok: false,
        reason: `no userfaultfd can be opened: userfaultfd(2) ${a.syscall}; ${devText}; UFFD_USER_MODE_ONLY ${a.user_mode_only}`,
        fix: a.syscall === 'EMFILE' || a.syscall === 'ENFILE' ? 'raise the open-file limit (`ulimit -n`) and retry' : 'see the errors above (errno of each attempt) and retry',
    };
}
/** The /dev/userfaultfd part of a reason. */
function devWords(f, err) {
    if (f.dev?.exists === false || err === 'ENOENT')
        return 'there is no /dev/userfaultfd (it arrived in 6.1)';
    const d = f.dev?.exists ? ` (mode ${modeString(f.dev.mode)}, owner ${f.dev.uid}, group ${f.dev.gid})` : '';
    if (err === 'EACCES' || err === 'EPERM')
        return `/dev/userfaultfd is not accessible to ${f.uid === undefined ? 'this user' : `uid ${f.uid}`}${d}`;
    return `/dev/userfaultfd gives ${err}${d}`;
}
/** 0o600 -> "rw-------" */
function modeString(mode) {
    const bits = 'rwxrwxrwx';
    return [...bits].map((c, i) => (mode & (0o400 >> i) ? c : '-')).join('');
}
/** One line for a way the harness opened its userfaultfd (the info reply's "uffd"). */
function viaWords(via) {
    switch (via) {
        case 'syscall':
            return 'the `userfaultfd(2)` syscall';
        case 'dev':
            return '`/dev/userfaultfd`';
        case 'user-mode-only':
            return '`userfaultfd(2)` with `UFFD_USER_MODE_ONLY` (unprivileged; the harness faults only in user mode)';
        default:
            return via;
    }
}
//# sourceMappingURL=native-availability.js.map