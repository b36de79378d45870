"use strict";
// Every message of the front end, in one table (as the TypeScript compiler's
// diagnosticMessages.json): a stable code, the pass that reports it, and a
// template whose {0}, {1}, ... are filled by the call site. Call sites name an
// entry (`M.UnknownName`), never write text, so a message is worded once and
// its code never changes meaning. docs/diagnostics.md explains every code, and
// test/diagnostics/ holds a case and the rendered baseline of each.
//
// Codes by pass (the thousands digit):
//   US1xxx  extraction and parsing (dsl/extract.ts, dsl/parser.ts)
//   US2xxx  resolution: declarations, names, labels, defs (dsl/resolve.ts, dsl/typecheck.ts)
//   US3xxx  types (dsl/typecheck.ts, dsl/resolve.ts for type declarations)
//   US4xxx  assign-once analysis and process lowering (dsl/assign-once.ts, dsl/lower.ts)
//   US5xxx  constants: defaults, --const overrides, assumptions (dsl/constants.ts)
//   US6xxx  modules (dsl/modules.ts) and temporal properties, fairness (dsl/temporal.ts)
//   US7xxx  symmetry: the declaration and the proof that the spec is symmetric (dsl/symmetry.ts)
// A retired code is never reused (US2029 said liveness was not supported yet). Gaps are checks that turned out to be
// unreachable (US1002 a syntax error with nothing expected, US2008 a process without steps, US2030 and US3046 empty
// domains: the grammar and the type rules make them impossible); they are
// internal errors now.
Object.defineProperty(exports, "__esModule", { value: true });
exports.M = void 0;
exports.format = format;
exports.phaseOf = phaseOf;
function m(code, text) {
    return { code: `US${code}`, text };
}
exports.M = {
    // ---------- US1xxx: extraction and parsing
    SyntaxExpected: m(1001, 'expected {0}, found {1}'),
    UnterminatedComment: m(1003, 'unterminated comment: "/*" without "*/"'),
    LetWithoutIn: m(1004, 'expected "in" after the value of "let", found {0}'),
    ComparisonChain: m(1005, 'comparisons do not chain: parenthesize or join them with "&&" (found "{0}")'),
    KeywordAsName: m(1006, '"{0}" is a keyword and cannot be used as a name'),
    RangeOutOfPlace: m(1007, 'a range "a..b" is only allowed in a type, a domain (`in` of with/for/forall/exists/map) or after `in`/`notin`'),
    NestedTooDeeply: m(1008, 'the spec is nested too deeply to parse'),
    AtNeedsProcess: m(1009, '`at` needs a process instance on its left: `P at label` or `P[i] at label`'),
    IntegerTooLarge: m(1010, 'integer literal {0} is too large (the largest is {1})'),
    TemplateSubstitution: m(1011, '`${...}` substitutions are not allowed in a spec'),
    TemplateNotConst: m(1012, 'a spec template must initialise a const: `export const Name = spec`...``'),
    // ---------- US2xxx: resolution
    AlreadyDeclared: m(2001, '{0} is already declared (as {1})'),
    ReservedName: m(2002, '{0} is a reserved name'),
    NotAType: m(2003, '{0} is {1}, not a type'),
    UnknownType: m(2004, 'unknown type {0}'),
    TypeCycle: m(2005, 'type {0} is defined in terms of itself'),
    FieldDeclaredTwice: m(2006, 'field {0} is declared twice'),
    NoMember: m(2007, '{0} {1} has no member'),
    LabelTwice: m(2009, 'label {0} is used twice in process {1}'),
    DoneIsImplicit: m(2010, 'Done is the implicit final label'),
    LocalTwice: m(2011, 'local {0} is declared twice'),
    LocalHidesIndex: m(2012, 'local {0} hides the process index'),
    UnknownName: m(2013, 'unknown name {0}'),
    NotAValue: m(2014, '{0} is {1}, not a value'),
    ConstBeforeDecl: m(2015, 'constant {0} is used before its declaration'),
    UnknownTag: m(2016, 'unknown tag {0}'),
    UnknownVariable: m(2017, 'unknown variable {0}'),
    NotAssignable: m(2018, '{0} is {1}, not a variable: it cannot be assigned'),
    BoundNotAssignable: m(2019, '{0} is a bound name, not a variable: it cannot be assigned'),
    SelfOutsideProcess: m(2020, 'self is only defined inside a process with instances (process P[i in D])'),
    NotAProcess: m(2021, '{0} is not a process'),
    GotoNoLabel: m(2022, 'process {0} has no label {1} (labels: {2})'),
    AtNoLabel: m(2023, 'process {0} has no label {1}'),
    NoSuchLocal: m(2024, 'process {0} has no local {1}'),
    UnknownFunction: m(2025, 'unknown function {0} (built-ins: {1}; or declare it with def)'),
    InitTwice: m(2026, 'a spec has at most one init block'),
    NoInit: m(2027, 'the spec declares variables but no init block'),
    NoStateVariable: m(2028, 'the spec declares no state variable'),
    DefRecursive: m(2031, 'def {0} is recursive ({1}): a def is expanded where it is used, so it cannot call itself'),
    DefIsStatement: m(2032, 'def {0} is a statement def: use it as a statement, {0}(...)'),
    DefIsExpression: m(2033, 'def {0} is an expression def: it cannot be used as a statement'),
    DefArity: m(2034, 'def {0} takes {1}, given {2}'),
    DefNeedsArgs: m(2035, 'def {0} takes parameters: write {0}(...)'),
    DefParamTwice: m(2036, 'parameter {0} is declared twice'),
    NotCallable: m(2037, '{0} is {1}, not a def: it cannot be called'),
    // ---------- US3xxx: types
    TypeMismatch: m(3001, 'type mismatch: {0} has type {1}, expected {2}'),
    CannotCompare: m(3002, 'cannot compare {0} with {1}'),
    CannotTestMembership: m(3003, 'cannot test membership of {0} in {1}'),
    RightNotSet: m(3004, 'right operand of {0} must be a set, found {1}'),
    LeftNotSet: m(3005, 'left operand of {0} must be a set, found {1}'),
    SetsDiffer: m(3006, 'sets of different types: {0} and {1}'),
    BuiltinArity: m(3007, '{0} takes {1}'),
    CardNeedsSet: m(3008, 'card takes a set, found {0}'),
    NeedsSequence: m(3009, '{0} takes a sequence, found {1}'),
    MatchNeedsUnion: m(3010, 'match needs a union value, found {0}'),
    ArmAfterWildcard: m(3011, 'unreachable arm after _'),
    NotATag: m(3012, '{0} is not a tag of {1}'),
    TagMatchedTwice: m(3013, 'tag {0} is matched twice'),
    TagHasNoField: m(3014, 'tag {0} has no field {1}'),
    ArmsDiffer: m(3015, 'match arms have different types: {0} and {1}'),
    MatchNotExhaustive: m(3016, 'match is not exhaustive: missing {0}'),
    IsNeedsUnion: m(3017, "'is' needs a union value, found {0}"),
    CannotIndex: m(3018, 'cannot index a value of type {0}'),
    RecordUpdateNeedsRecord: m(3019, 'with { ... } updates a record'),
    MapUpdateNeedsMap: m(3020, 'with [k] = v updates a map, not {0}'),
    BranchesDiffer: m(3021, 'the branches have different types: {0} and {1}'),
    TagNeedsField: m(3022, 'tag {0} needs field {1}'),
    FieldGivenTwice: m(3023, 'field {0} is given twice'),
    SetElementsDiffer: m(3024, 'set elements have different types'),
    EmptySetType: m(3025, 'cannot tell the element type of {} here; use it where a set type is expected'),
    SeqElementsDiffer: m(3026, 'sequence elements have different types'),
    EmptySeqType: m(3027, 'cannot tell the element type of << >> here; use it where a sequence type is expected'),
    MapLiteralDomain: m(3028, 'a map literal ranges over a type or a constant range'),
    RecordNoField: m(3029, 'record {0} has no field {1}'),
    FieldTypesDiffer: m(3030, 'field {0} has different types in the tags of {1}'),
    NoTagHasField: m(3031, 'no tag of {0} has a field {1}'),
    NoFields: m(3032, 'a value of type {0} has no fields'),
    NotADomain: m(3033, 'expected a set, a type or a range to range over, found {0}'),
    ProcessStateUnreadable: m(3034, 'process state cannot be read in {0}'),
    LocalUnreadable: m(3035, '{0} cannot be read in {1}'),
    VariableUnreadable: m(3036, 'variable {0} cannot be read in {1} (there is no previous state)'),
    TagCarriesFields: m(3037, 'tag {0} carries fields: write {0} { {1} }'),
    SeveralInstances: m(3038, 'process {0} has several instances: write {1}'),
    SingleInstance: m(3039, 'process {0} has a single instance'),
    EmptyRange: m(3040, 'empty range {0}..{1}'),
    MapDomainTooLarge: m(3041, "a map's domain must be a small finite type (at most 4096 values), not {0}"),
    SetElementTooLarge: m(3042, 'set element type {0} has {1} values; at most 30 are allowed'),
    NegativeCapacity: m(3043, 'a sequence capacity must be at least 0'),
    VariableTooLarge: m(3044, "the type of {0} has {1} values; a variable's type must have at most 2^52, or be a map whose values do (split it into several variables)"),
    DomainTooLarge: m(3045, 'the domain {0} has {1} values; a domain that is enumerated may have at most {2} (2^20)'),
    // ---------- US4xxx: assign-once analysis and lowering
    AssignedTwice: m(4001, '{0} is assigned twice in the same step'),
    PartAssignedTwice: m(4002, '{0} is assigned twice in the same step (the same part)'),
    WholeInFor: m(4003, '{0} is assigned whole inside a for loop: each iteration would assign it again (assign {0}[{1}] instead)'),
    SecondGoto: m(4004, 'a second goto in the same step'),
    GotoOutsideProcess: m(4005, 'goto is only allowed in a process step (or in a def declared in a process)'),
    // ---------- US5xxx: constants
    ConstType: m(5001, 'constant {0} must have type bool, an integer range or an enum, not {1}'),
    OverrideNotBool: m(5002, '--const {0}={1}: expected true or false'),
    OverrideNotInt: m(5003, '--const {0}={1}: expected an integer in {2}'),
    OverrideOutOfRange: m(5004, '--const {0}={1}: value out of {2}'),
    OverrideNotTag: m(5005, '--const {0}={1}: expected one of {2}'),
    UnknownConstant: m(5006, '--const {0}: spec {1} declares no constant {0} ({2})'),
    AssumptionFails: m(5007, 'assumption does not hold for {0}'),
    DefaultOutOfType: m(5008, '{0}: {1} is outside {2}'),
    ConstEvalFails: m(5009, 'constant expression: {0}'),
    OverrideDerived: m(5010, '--const {0}={1}: {0} is derived (def {0}), its value here is {2}'),
    // ---------- US6xxx: modules and temporal properties
    ImportNotFound: m(6001, 'cannot import {0}: no file {1}'),
    ImportFails: m(6002, 'spec {0} imported from {1} has errors (below)'),
    ImportCycle: m(6003, 'import cycle: {0}'),
    ImportTwice: m(6004, '{0} is imported twice'),
    ImportWithoutFile: m(6005, 'cannot import {0}: this spec is not read from a file (load it with uffdspec or loadSpecFile)'),
    ExtendsTwice: m(6006, 'a spec extends at most one spec'),
    ExtendsNotImported: m(6007, 'extends {0}: nothing is imported by that name (write import {0} from "file.spec.ts" first)'),
    ImportClash: m(6008, '{0} is declared here and by the imported spec {1}: rename one, or extend {1} to replace it'),
    ConstNeedsType: m(6009, 'constant {0} needs a type: only a constant of the extended spec may be given a new default without one'),
    VarReplaced: m(6010, 'variable {0} is declared by {1}: a variable cannot be replaced (declare a new one)'),
    ReplacedByOtherKind: m(6011, '{0} is {1} in {2}: it cannot be replaced by {3}'),
    ProcessIndexDiffers: m(6012, 'process {0} is indexed by {1} in {2}: extend it without an index, or with the same name'),
    TemporalForm: m(6101, 'property {0}: {1} is not a supported temporal form (P leads_to Q, always (P leads_to Q), eventually P, always eventually P, always P)'),
    FairnessTarget: m(6102, 'fairness {0}: no process or action is named {0}'),
    TemporalBound: m(6103, 'property {0}: forall ranges over a type, a process (its instances) or a constant range, not {1}'),
    // ---------- US7xxx: symmetry
    SymmetricUnknown: m(7001, 'symmetric {0}: no type or process is named {0}'),
    SymmetricNotRange: m(7002, 'symmetric {0}: {1}; a symmetric set is a type alias of an integer range or an indexed process'),
    SymmetricTwice: m(7003, 'symmetric {0}: {1} is declared symmetric already (a spec has at most one symmetric set)'),
    SymmetricTooLarge: m(7004, 'symmetric {0}: {1} values, at most {2} (each state is moved by each of their {1}! permutations)'),
    SymmetryLiteral: m(7101, 'not symmetric in {0}: {1} is used as a value of {0} ({2}); only a value bound over {0} is one'),
    SymmetryOrder: m(7102, 'not symmetric in {0}: {1} on values of {0} tells them apart by their order'),
    SymmetryEscapes: m(7103, 'not symmetric in {0}: a value of {0} is used as a plain integer ({1})'),
    SymmetryForOrder: m(7104, 'not symmetric in {0}: for {1} runs over values of {0} in their order, and its iterations are not independent ({2})'),
};
/** Fill a template's {0}, {1}, ... */
function format(text, args) {
    return text.replace(/\{(\d+)\}/g, (whole, i) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}
/** The phase a code belongs to, as Diagnostic.phase names it. */
function phaseOf(code) {
    if (code.startsWith('US1'))
        return 'parse';
    if (code.startsWith('US5'))
        return 'const';
    if (code.startsWith('US60'))
        return 'module';
    return 'type';
}
//# sourceMappingURL=messages.js.map