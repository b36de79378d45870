// The bench's header says how long a cache line takes between two threads
// (bench/cores.ts): the figure that explains why two workers of one process
// gain less on some days than two processes do.
import { lineRoundTripNs, roundTripLine } from '../bench/cores';

test('two threads pass a shared word back and forth: a round trip of a cache line, in ns', () => {
  const ns = lineRoundTripNs();
  // (tens of ns on one die, hundreds between sockets or virtual CPUs placed apart; never seconds)
  expect(ns).not.toBeNull();
  expect(ns!).toBeGreaterThan(1);
  expect(ns!).toBeLessThan(100_000);
});

test('the header line gives both measurements, or says one was not made', () => {
  expect(roundTripLine(341.6, null)).toMatch(/: 342 ns at the start, not measured at the end; two workers pay it/);
});
