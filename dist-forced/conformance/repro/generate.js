"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReproError = void 0;
exports.reproFileName = reproFileName;
exports.generateRepro = generateRepro;
// A counterexample schedule (conformance/schedule.ts, `uffdspec-schedule/1`) as one
// standalone C program that drives the real kernel toward that interleaving
// (`uffdspec repro`, docs/repro.md).
//
// The schedule is cut into actions, one per system call or access: a user thread's
// load or store (from its `access` to the step that completes it), the puncher's
// fallocate(PUNCH_HOLE) (from punch_begin to punch_end), the monitor's ioctls and
// read(2)s, other system calls (madvise, pwrite). Each spec process that takes part
// gets a thread. Between actions of different processes, the order user space can
// enforce is the one in which an action returns before the other begins: the later
// one waits for it. Where two actions overlap in the schedule, their order is decided
// inside the kernel, which only timing reaches: both get a random delay every attempt.
// The property is then checked on the kernel's evidence by the runtime
// (conformance/repro/runtime.c, copied into every file).
const fs_1 = require("fs");
const package_root_1 = require("../../src/util/package-root");
const variants_1 = require("../../spec/shmem_uffd/variants");
/** A schedule the reproducer cannot drive; `message` is one line. */
class ReproError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReproError';
    }
}
exports.ReproError = ReproError;
/** The properties the runtime can check, and their ids in it. */
const PROPERTIES = {
    NoSilentWrite: 'PROP_NO_SILENT_WRITE',
    WpNotLost: 'PROP_WP_NOT_LOST',
    PteCoherent: 'PROP_PTE_COHERENT',
    NoLostWakeup: 'PROP_NO_LOST_WAKEUP',
    Deadlock: 'PROP_DEADLOCK',
};
/** What the runtime checks for each property, for the file's comment. */
const EVIDENCE = {
    NoSilentWrite: 'a store that began on a page the monitor had write-protected completes while the monitor has read no uffd message and removed no protection',
    WpNotLost: "after the attempt, a page the monitor protected (no message read for it, no unprotect since) has no uffd-wp bit in mapping 0's pagemap entry (and is not a hole that a MISSING registration catches, by SEEK_DATA)",
    PteCoherent: 'after the attempt, a present pte (pagemap) reads a byte other than pread of the same page: it maps a folio no longer in the page cache',
    NoLostWakeup: 'a user thread still inside its access after the monitor has finished and no punch is in progress, with no message queued (its /proc state and wchan shown)',
    Deadlock: 'a user thread still inside its access after the monitor has finished and no punch is in progress, with no message queued (its /proc state and wchan shown)',
};
/** The C file name of a schedule: `D-wp-1.NoSilentWrite.c` (a prime becomes `prime`). */
function reproFileName(s) {
    return `${s.row.replace(/'/g, 'prime')}.${s.property}.c`;
}
function procNames(threads) {
    return [...Array.from({ length: threads }, (_, t) => `Thread[${t}]`), 'Punch', 'Monitor', 'Syscalls'];
}
/** The actions of a schedule, in schedule order of their first step. */
function actionsOf(s) {
    const P_PUNCH = s.threads;
    const P_MONITOR = s.threads + 1;
    const P_OTHER = s.threads + 2;
    const names = procNames(s.threads);
    const out = [];
    const open = new Map();
    const base = { page: 0, mapping: 0, lo: 0, hi: 0, value: 0, wp: false, msgKind: '', last: Infinity, labels: [] };
    s.steps.forEach((st, i) => {
        const ins = st.instr;
        const at = `${s.name}: steps[${i}] (${st.step})`;
        switch (ins.do) {
            case 'start': {
                const op = ins.op;
                if (op.op !== 'read' && op.op !== 'write')
                    throw new ReproError(`${at}: an access must be a read or a write, got ${op.op}`);
                const a = {
                    ...base, labels: ['access'], proc: ins.thread, first: i,
                    kind: op.op === 'read' ? 'A_LOAD' : 'A_STORE', page: op.page, mapping: op.mapping ?? 0, value: op.op === 'write' ? op.value : 0,
                    what: op.op === 'read' ? `${names[ins.thread]} load page ${op.page}${op.mapping ? ` via mapping ${op.mapping}` : ''}` : `${names[ins.thread]} store 0x${op.value.toString(16)} to page ${op.page}${op.mapping ? ` via mapping ${op.mapping}` : ''}`,
                };
                open.set(ins.thread, a);
                out.push(a);
                return;
            }
            case 'step': {
                const a = open.get(ins.thread);
                if (!a)
                    throw new ReproError(`${at}: a step of thread ${ins.thread} outside an access`);
                a.labels.push(ins.label);
                if (ins.completes) {
                    a.last = i;
                    open.delete(ins.thread);
                }
                return;
            }
            case 'exit':
                return; // no kernel work
            case 'punch': {
                if (ins.op) {
                    if (ins.op.op !== 'punch')
                        throw new ReproError(`${at}: a punch step must start a punch`);
                    const a = { ...base, labels: [ins.label], proc: P_PUNCH, first: i, kind: 'A_PUNCH', lo: ins.op.lo, hi: ins.op.hi, what: `Punch fallocate(PUNCH_HOLE) pages ${ins.op.lo}..${ins.op.hi}` };
                    open.set(P_PUNCH, a);
                    out.push(a);
                    return;
                }
                const a = open.get(P_PUNCH);
                if (!a)
                    throw new ReproError(`${at}: a punch step outside a punch`);
                a.labels.push(ins.label);
                if (ins.label === 'punch_end') {
                    a.last = i;
                    open.delete(P_PUNCH);
                }
                return;
            }
            case 'read':
                out.push({ ...base, labels: [st.step], proc: P_MONITOR, first: i, last: i, kind: 'A_READ', page: ins.page, msgKind: ins.kind, what: `Monitor read(2) of ${names[ins.thread]}'s ${ins.kind} message, page ${ins.page}` });
                return;
            case 'op': {
                const op = ins.op;
                const one = { ...base, labels: [st.step], first: i, last: i };
                if ('mapping' in op && op.mapping && op.op !== 'madvise')
                    throw new ReproError(`${at}: uffd ioctls go through mapping 0 (the registered one)`);
                switch (op.op) {
                    case 'writeprotect':
                        out.push({ ...one, proc: P_MONITOR, kind: 'A_WP', lo: op.lo, hi: op.hi, wp: op.wp, what: `Monitor UFFDIO_WRITEPROTECT pages ${op.lo}..${op.hi} ${op.wp ? 'protect' : 'unprotect'}` });
                        return;
                    case 'copy':
                        out.push({ ...one, proc: P_MONITOR, kind: 'A_COPY', page: op.page, value: op.value, wp: op.wp, what: `Monitor UFFDIO_COPY 0x${op.value.toString(16)} to page ${op.page}${op.wp ? ' (WP)' : ''}` });
                        return;
                    case 'continue':
                        out.push({ ...one, proc: P_MONITOR, kind: 'A_CONTINUE', page: op.page, wp: op.wp, what: `Monitor UFFDIO_CONTINUE page ${op.page}${op.wp ? ' (WP)' : ''}` });
                        return;
                    case 'wake':
                        out.push({ ...one, proc: P_MONITOR, kind: 'A_WAKE', page: op.lo, what: `Monitor UFFDIO_WAKE page ${op.lo}` });
                        return;
                    case 'madvise':
                        out.push({ ...one, proc: P_OTHER, kind: op.advice === 'DONTNEED' ? 'A_DONTNEED' : op.advice === 'PAGEOUT' ? 'A_PAGEOUT' : 'A_REMOVE', lo: op.lo, hi: op.hi, mapping: op.mapping ?? 0, what: `Syscalls madvise(MADV_${op.advice}) pages ${op.lo}..${op.hi}${op.mapping ? ` of mapping ${op.mapping}` : ''}` });
                        return;
                    case 'pwrite':
                        out.push({ ...one, proc: P_OTHER, kind: 'A_PWRITE', page: op.page, value: op.value, what: `Syscalls pwrite 0x${op.value.toString(16)} to page ${op.page}` });
                        return;
                    default:
                        throw new ReproError(`${at}: the reproducer cannot drive the op '${op.op}'`);
                }
            }
        }
    });
    if (out.length > 64)
        throw new ReproError(`${s.name}: ${out.length} actions; the reproducer handles at most 64`);
    return out;
}
function overlaps(a, b) {
    return a.first <= b.last && b.first <= a.last;
}
/** Actions of other processes that the schedule completes before `a` begins. */
function afterMask(acts, i) {
    let m = 0n;
    acts.forEach((b, j) => {
        if (j !== i && b.proc !== acts[i].proc && b.last < acts[i].first)
            m |= 1n << BigInt(j);
    });
    return m;
}
function racing(acts, i) {
    return acts.some((b, j) => j !== i && b.proc !== acts[i].proc && overlaps(acts[i], b));
}
const cstr = (s) => JSON.stringify(s).replace(/\?\?/g, '?\\?');
/** The variant whose switches the schedule's constants set (null: none of them). */
function variantOf(s) {
    return variants_1.VARIANTS.find((v) => variants_1.SWITCH_NAMES.every((k) => s.constants[k] === v.switches[k])) ?? null;
}
/**
 * The C reproducer of one schedule. `question`: the verdict row's question (for the
 * header). Throws a ReproError when the schedule cannot be driven from user space.
 */
function generateRepro(s, question = '') {
    const propId = PROPERTIES[s.property];
    if (!propId)
        throw new ReproError(`${s.name}: the reproducer cannot check the property ${s.property} on the kernel`);
    for (const p of s.initial.pages) {
        if (p.ptes.some((x) => x.pte !== 'none'))
            throw new ReproError(`${s.name}: the initial state has a pte; the reproducer starts from none ptes`);
    }
    if (s.mappings > 4)
        throw new ReproError(`${s.name}: at most 4 mappings`);
    const acts = actionsOf(s);
    const v = variantOf(s);
    const isThis = v?.name === variants_1.THIS_KERNEL.name;
    const kernel = v ? `variant ${v.name}: ${v.kernels}` : 'a kernel whose switches match no variant of spec/shmem_uffd/variants.ts';
    const modes = s.register ?? [];
    const regBits = modes.map((m) => `UFFDIO_REGISTER_MODE_${m}`).join(' | ') || '0';
    const features = [
        ...(modes.includes('WP') ? ['UFFD_FEATURE_PAGEFAULT_FLAG_WP', 'UFFD_FEATURE_WP_HUGETLBFS_SHMEM'] : []),
        ...(modes.includes('MISSING') ? ['UFFD_FEATURE_MISSING_SHMEM'] : []),
        ...(modes.includes('MINOR') ? ['UFFD_FEATURE_MINOR_SHMEM'] : []),
    ];
    const names = procNames(s.threads);
    const used = names.map((_, p) => acts.some((a) => a.proc === p));
    const constants = Object.entries(s.constants).map(([k, x]) => `${k}=${x}`);
    const L = [];
    L.push('// SPDX-License-Identifier: GPL-2.0');
    L.push('/*');
    L.push(` * Reproducer of ${s.name}, generated by \`uffdspec repro\` from the counterexample`);
    L.push(` * schedule of spec ${s.spec}, verdict row ${s.row}, property ${s.property}`);
    L.push(' * (conformance/generated/counterexamples.json, written by `npm run verdicts`).');
    L.push(' * Do not edit: regenerate with `uffdspec repro --all --out conformance/generated/repro`.');
    if (question)
        L.push(` * The row asks: ${question}`);
    L.push(' *');
    L.push(` * Kernel: ${kernel}.`);
    L.push(isThis
        ? ' * Runs on 5.19+ (pte markers; variant D was checked on 6.18). An older kernel: exit 4 (skip).'
        : ' * Not a released kernel of 5.19+ (those are variant D): on 5.19+ it exits 4 (skip) unless\n * --force, which runs it anyway and reports what this kernel does.');
    L.push(' *');
    L.push(' * Constants of the spec run:');
    for (let i = 0; i < constants.length; i += 4)
        L.push(` *   ${constants.slice(i, i + 4).join(' ')}`);
    L.push(` * Registration of mapping 0: ${modes.length ? modes.join('|') : 'none'}; ${s.mappings} MAP_SHARED mapping(s) of a ${s.pages}-page memfd,`);
    L.push(` * filled with ${JSON.stringify(s.fill)} (first byte of each page; 0 = a hole).`);
    L.push(' *');
    L.push(' * The counterexample, step by step (the spec\'s labels, named after the kernel functions they model):');
    s.steps.forEach((st, i) => L.push(` *   ${String(i + 1).padStart(2)}. ${st.step}`));
    L.push(' *');
    L.push(' * Threads and their system calls (one thread per spec process that takes part):');
    acts.forEach((a, i) => {
        const after = acts.map((_b, j) => ((afterMask(acts, i) >> BigInt(j)) & 1n ? `#${j}` : '')).filter(Boolean);
        L.push(` *   #${i} ${a.what}: steps ${a.first + 1}..${a.last === Infinity ? 'end (not finished)' : a.last + 1}` +
            `${after.length ? `, after ${after.join(' ')} returned` : ''}${racing(acts, i) ? ', random delay (races inside the kernel)' : ''}`);
    });
    L.push(' *');
    L.push(` * Violation checked on the kernel's evidence (${s.property}): ${EVIDENCE[s.property]}.`);
    L.push(' *');
    L.push(' * Build: cc -O2 -pthread -o repro FILE.c (libc and the uapi headers only).');
    L.push(' * Run:   ./repro [--attempts N] [--seconds S] [--jitter NS] [--seed N] [--force]');
    L.push(' * Output: TAP (kselftest format). Exit: 1 violation seen (not ok), 0 not seen within');
    L.push(' * the bounds (ok), 4 skipped (no userfaultfd, or another kernel), 2 usage or setup error.');
    L.push(' */');
    L.push(HEADERS);
    L.push(`#define REPRO_NAME ${cstr(s.name)}`);
    L.push(`#define REPRO_PROPERTY ${cstr(s.property)}`);
    L.push(`#define REPRO_QUESTION ${cstr(question || s.name)}`);
    L.push(`#define REPRO_KERNEL ${cstr(kernel)}`);
    L.push(`#define REPRO_THIS_KERNEL_MIN ${isThis ? 5019 : 0} /* major*1000+minor: older kernels skip */`);
    L.push(`#define REPRO_OTHER_KERNEL_BELOW ${isThis ? 0 : 5019} /* newer kernels are variant D: skip */`);
    L.push(`#define PROPERTY_ID ${propId}`);
    L.push(`#define NPAGES ${s.pages}`);
    L.push(`#define NMAPS ${s.mappings}`);
    L.push(`#define NTHREADS ${s.threads}`);
    L.push(`#define NACTIONS ${acts.length}`);
    L.push(`#define REGISTER_MODES (${regBits})`);
    L.push(`#define REQUIRED_FEATURES (${features.join(' | ') || '0'})`);
    L.push(`#define MONITOR_WAKES_ON_FAILURE ${s.constants.MONITOR_WAKES_ON_FAILURE === false ? 0 : 1}`);
    L.push('#define MONITOR_COPY_VALUE 0x43 /* what the monitor copies into a page on a MISSING fault */');
    L.push(`#define PROC_NAMES ${names.map(cstr).join(', ')}`);
    L.push(`static const int proc_used[] = { ${used.map((u) => (u ? 1 : 0)).join(', ')} };`);
    L.push('#define PROC_USED(p) (proc_used[p])');
    L.push(`static const int fill[NPAGES] = { ${s.fill.join(', ')} };`);
    L.push('');
    L.push('static const struct action actions[NACTIONS] = {');
    acts.forEach((a, i) => {
        L.push(`\t/* #${i}: ${a.labels.join(' -> ')} */`);
        L.push(`\t{ ${a.proc}, ${a.kind}, ${a.page}, ${a.mapping}, ${a.lo}, ${a.hi}, 0x${a.value.toString(16)}, ${a.wp ? 1 : 0}, ${cstr(a.msgKind)}, 0x${afterMask(acts, i).toString(16)}ULL, ${racing(acts, i) ? 1 : 0},`);
        L.push(`\t  ${cstr(a.what)} },`);
    });
    L.push('};');
    L.push('');
    L.push(runtime());
    return { file: reproFileName(s), text: L.join('\n') };
}
let runtimeText;
function runtime() {
    return (runtimeText ??= (0, fs_1.readFileSync)((0, package_root_1.inPackage)('conformance', 'repro', 'runtime.c'), 'utf8'));
}
const HEADERS = `#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/futex.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

/* kselftest exit codes (tools/testing/selftests/kselftest.h) */
#define KSFT_PASS 0
#define KSFT_FAIL 1
#define KSFT_SKIP 4
#define KSFT_FAIL_SETUP 2

/* uapi values newer than some installed headers (include/uapi/linux/userfaultfd.h, mman-common.h) */
#ifndef __NR_userfaultfd
#define __NR_userfaultfd 323
#endif
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif
#ifndef UFFD_FEATURE_MINOR_SHMEM
#define UFFD_FEATURE_MINOR_SHMEM (1 << 10)
#endif
#ifndef UFFD_FEATURE_WP_HUGETLBFS_SHMEM
#define UFFD_FEATURE_WP_HUGETLBFS_SHMEM (1 << 12)
#endif
#ifndef UFFD_PAGEFAULT_FLAG_MINOR
#define UFFD_PAGEFAULT_FLAG_MINOR (1 << 2)
#endif
#ifndef UFFDIO_REGISTER_MODE_MINOR
#define UFFDIO_REGISTER_MODE_MINOR ((__u64)1 << 2)
#endif
#ifndef UFFDIO_WRITEPROTECT
#define UFFDIO_WRITEPROTECT_MODE_WP ((__u64)1 << 0)
struct uffdio_writeprotect { struct uffdio_range range; __u64 mode; };
#define UFFDIO_WRITEPROTECT _IOWR(UFFDIO, _UFFDIO_WRITEPROTECT, struct uffdio_writeprotect)
#endif
#ifndef UFFDIO_COPY_MODE_WP
#define UFFDIO_COPY_MODE_WP ((__u64)1 << 1)
#endif
#ifndef UFFDIO_CONTINUE
#define UFFDIO_CONTINUE_MODE_DONTWAKE ((__u64)1 << 0)
struct uffdio_continue { struct uffdio_range range; __u64 mode; __s64 mapped; };
#define _UFFDIO_CONTINUE (0x07)
#define UFFDIO_CONTINUE _IOWR(UFFDIO, _UFFDIO_CONTINUE, struct uffdio_continue)
#endif
#ifndef UFFDIO_CONTINUE_MODE_WP
#define UFFDIO_CONTINUE_MODE_WP ((__u64)1 << 1)
#endif
#define MADV_PAGEOUT_ 21 /* MADV_PAGEOUT, 5.4+ */
#define PAGE_SZ 4096

enum kind { A_LOAD, A_STORE, A_PUNCH, A_WP, A_READ, A_COPY, A_CONTINUE, A_WAKE, A_DONTNEED, A_PAGEOUT, A_REMOVE, A_PWRITE };
enum { PROP_NO_SILENT_WRITE, PROP_WP_NOT_LOST, PROP_PTE_COHERENT, PROP_NO_LOST_WAKEUP, PROP_DEADLOCK };

/* One system call or access of a spec process. */
struct action {
	int proc;                 /* index into PROC_NAMES */
	enum kind kind;
	int page, mapping, lo, hi, value, wp;
	const char *msg_kind;     /* A_READ: the message expected */
	unsigned long long after; /* actions (bits) of other processes that must return first */
	int jitter;               /* races another process's action inside the kernel: random delay */
	const char *what;
};
`;
//# sourceMappingURL=generate.js.map