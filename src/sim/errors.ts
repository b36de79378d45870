// The simulator's error for misuse: an op it cannot start, or a behaviour the trace
// format cannot express. The message is one line.
export class SimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimError';
  }
}
