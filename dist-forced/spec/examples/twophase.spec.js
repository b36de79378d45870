"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TwoPhase = void 0;
const dsl_1 = require("../../dsl");
// The two-phase commit protocol, transcribed from Lamport's TwoPhase.tla (the
// TLA+ examples repository; also the "Transaction Commit" lecture of the TLA+
// video course). A transaction manager (TM) and RM_COUNT resource managers
// (RMs) communicate through a set of messages that is never emptied, so a
// message can be received any number of times and in any order.
//
// Tag names are global in this language and the message tag Prepared is
// taken, so the TLA+ strings "working", "prepared", ... become RmWorking,
// RmPrepared, ..., and "init"/"done" become TmInit/TmDone.
//
// TLC finds 288 distinct states for 3 RMs; 2 RMs give 56 and 4 RMs 1568
// (derived independently in test/independent/twophase.ts; see docs/examples.md).
// The receive actions have no guard on the RM's state, exactly as in the TLA+
// spec: once Commit or Abort is sent they stay enabled (as self-loops), so no
// state is a deadlock; the tests nevertheless check with --no-deadlock, as
// TLC's configuration does.
exports.TwoPhase = (0, dsl_1.spec) `
  const RM_COUNT: 1..10 = 3
  type RM = 0..RM_COUNT-1

  enum RMState { RmWorking, RmPrepared, RmCommitted, RmAborted }
  enum TMState { TmInit, TmDone }
  union Msg { Prepared { rm: RM }, Commit, Abort }

  var rmState: [RM] -> RMState
  var tmState: TMState
  var tmPrepared: set<RM>     // the RMs from which the TM has received Prepared
  var msgs: set<Msg>          // every message ever sent

  init {
    rmState := [r in RM |-> RmWorking]
    tmState := TmInit
    tmPrepared := {}
    msgs := {}
  }

  // The TM receives a Prepared message from r.
  action TMRcvPrepared(r: RM) {
    await tmState == TmInit
    await Prepared { rm: r } in msgs
    tmPrepared := tmPrepared union { r }
  }

  // The TM commits once every RM is prepared.
  action TMCommit {
    await tmState == TmInit
    await forall r in RM: r in tmPrepared
    tmState := TmDone
    msgs := msgs union { Commit }
  }

  // The TM may abort at any time before committing.
  action TMAbort {
    await tmState == TmInit
    tmState := TmDone
    msgs := msgs union { Abort }
  }

  action RMPrepare(r: RM) {
    await rmState[r] == RmWorking
    rmState[r] := RmPrepared
    msgs := msgs union { Prepared { rm: r } }
  }

  // A working RM may decide on its own to abort.
  action RMChooseToAbort(r: RM) {
    await rmState[r] == RmWorking
    rmState[r] := RmAborted
  }

  action RMRcvCommitMsg(r: RM) {
    await Commit in msgs
    rmState[r] := RmCommitted
  }

  action RMRcvAbortMsg(r: RM) {
    await Abort in msgs
    rmState[r] := RmAborted
  }

  // The safety property of the protocol: no RM commits while another aborts.
  invariant TCConsistent:
    forall r1 in RM: forall r2 in RM:
      !(rmState[r1] == RmAborted && rmState[r2] == RmCommitted)

  // The TM's state and the messages agree: Commit only after every RM prepared, never both Commit and Abort.
  // (TPTypeOK in TLA+ checks the types, which this language enforces by itself;
  // here it checks what the types cannot say about the TM and the messages.)
  invariant TPTypeOK:
    (forall r in tmPrepared: Prepared { rm: r } in msgs)
    && (Commit in msgs => tmState == TmDone && (forall r in RM: r in tmPrepared))
    && (Abort in msgs => tmState == TmDone)
    && !(Commit in msgs && Abort in msgs)
`;
//# sourceMappingURL=twophase.spec.js.map