// The bench's rate-by-size lines say how fast this machine's memory reads at
// random in tables of the sizes the runs used (bench/memory.ts), beside the
// engine's rate at those sizes.
import { memoryClause, randomReadNs, tableMiB } from '../bench/memory';

test('a random read of a table that fits the caches: measured, in ns', () => {
  const ns = randomReadNs(4);
  // (a few ns in a cache, hundreds from memory on a busy virtual machine; never milliseconds)
  expect(ns).not.toBeNull();
  expect(ns!).toBeGreaterThan(0.1);
  expect(ns!).toBeLessThan(100_000);
});

test('rows are measured at the power of two nearest their memory, so that rows of about the same memory share one', () => {
  expect(tableMiB(280e6)).toBe(256);
  expect(tableMiB(2.67e9)).toBe(2048);
  expect(tableMiB(3.2e9)).toBe(4096);
  expect(tableMiB(1000)).toBe(1);
  // the same size twice: nothing to compare, nothing said
  expect(memoryClause(280e6, 300e6)).toBe('');
});

test('the clause names both sizes and the ratio of their rates', () => {
  const c = memoryClause(3e6, 7e6);
  expect(c).toMatch(/^; a random read of this machine's memory \(bench\/memory\.ts\) takes \d+\.\d ns in 4 MiB \(about the best-rate run's memory\) and \d+\.\d ns in 8 MiB \(the largest run's\), so its random reads go \d\.\d\d× as fast at the largest size$/);
});
