"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProdCons = void 0;
const dsl_1 = require("../../dsl");
// A bounded producer/consumer queue (the textbook bounded buffer, e.g. the
// BlockingQueue example of the TLA+ community, here as PlusCal-style
// processes). Two producers each append ITEMS copies of their own index to
// the queue q, waiting while it is full; one consumer takes the head of the
// queue, waiting while it is empty, until it has taken every item. Then all
// three processes are Done: a normal end, not a deadlock.
//
// GREEDY is a deliberate bug: the consumer waits for one item more than is
// ever produced, and the checker reports a deadlock (shortest: every item
// produced and consumed, 4 * ITEMS steps).
exports.ProdCons = (0, dsl_1.spec) `
  const CAP: 1..4 = 2         // capacity of the queue
  const ITEMS: 1..3 = 2       // items each producer produces
  const GREEDY: bool = false  // the consumer wants one item too many

  var q: seq<0..1, CAP>       // the queue; an item is the producer's index

  init { q := << >> }

  process Producer[self in 0..1] {
    var sent: 0..ITEMS = 0
    put: await len(q) < CAP
         q := append(q, self)
         sent := sent + 1
         if (sent + 1 < ITEMS) { goto put }
  }

  process Consumer {
    var got: 0..2*ITEMS+1 = 0
    var last: 0..1 = 0        // the item taken last
    take: await len(q) > 0
          last := head(q)
          q := tail(q)
          got := got + 1
          if (got + 1 < 2 * ITEMS + (if GREEDY then 1 else 0)) { goto take }
  }

  // The queue never holds more than CAP items.
  invariant QueueBound: len(q) <= CAP
  // Nothing is lost or duplicated: the queue holds what was sent and not taken.
  invariant Conservation: len(q) == Producer[0].sent + Producer[1].sent - Consumer.got
`;
//# sourceMappingURL=prodcons.spec.js.map