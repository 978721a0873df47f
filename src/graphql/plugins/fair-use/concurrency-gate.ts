import type { BusyReason } from '../../../errors';

/** Why the gate would not let an operation in; the plugin answers SERVER_BUSY with it. */
export class GateRefusal extends Error {
  constructor(readonly reason: BusyReason) {
    super(reason === 'QUEUE_FULL' ? 'the queue is full' : 'waited too long in the queue');
  }
}

export interface GateLimits {
  /** Holders at once. */
  concurrency: number;
  /** Waiters at most; one more is refused at once. */
  queueSize: number;
  /** Longest wait in the queue. */
  queueTimeoutMs: number;
}

/** One operation's way through the gate. */
export interface GatePass {
  /**
   * Resolves when the operation may run; rejects with GateRefusal('QUEUE_TIMEOUT') when it
   * waited too long, or with an Error when it left the queue before its turn.
   */
  readonly ready: Promise<void>;
  /** Frees the slot, or the place in the queue; safe to call more than once, and in any state. */
  leave(): void;
}

interface Waiter {
  state: 'waiting' | 'holding' | 'left';
  resolve(): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded, first-come first-served queue whose waits time out.
 * A slot freed by one holder passes straight to the first waiter. `leave` works whatever the
 * pass's state, because Apollo may end a request (another plugin refused it) while its
 * operation still waits here.
 */
export class ConcurrencyGate {
  private holders = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly limits: GateLimits) {}

  get running(): number {
    return this.holders;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** A slot at once when one is free, else a place in the queue; throws GateRefusal('QUEUE_FULL') when there is none. */
  enter(): GatePass {
    if (this.holders < this.limits.concurrency) {
      this.holders++;
      const waiter: Waiter = { state: 'holding', resolve: () => {}, reject: () => {} };
      return { ready: Promise.resolve(), leave: () => this.leave(waiter) };
    }
    if (this.queue.length >= this.limits.queueSize) throw new GateRefusal('QUEUE_FULL');
    const waiter: Waiter = { state: 'waiting', resolve: () => {}, reject: () => {} };
    const ready = new Promise<void>((resolve, reject) => {
      waiter.resolve = resolve;
      waiter.reject = reject;
    });
    // Whoever waits on `ready` sees its refusal; one that left without waiting must not crash the process.
    ready.catch(() => undefined);
    waiter.timer = setTimeout(() => {
      this.dequeue(waiter);
      waiter.state = 'left';
      waiter.reject(new GateRefusal('QUEUE_TIMEOUT'));
    }, this.limits.queueTimeoutMs);
    this.queue.push(waiter);
    return { ready, leave: () => this.leave(waiter) };
  }

  private leave(waiter: Waiter): void {
    if (waiter.state === 'holding') {
      waiter.state = 'left';
      const next = this.queue.shift();
      if (!next) {
        this.holders--;
        return;
      }
      // The slot passes to the first waiter: the number of holders stays the same.
      clearTimeout(next.timer);
      next.state = 'holding';
      next.resolve();
    } else if (waiter.state === 'waiting') {
      this.dequeue(waiter);
      clearTimeout(waiter.timer);
      waiter.state = 'left';
      waiter.reject(new Error('left the queue before its turn'));
    }
  }

  private dequeue(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index >= 0) this.queue.splice(index, 1);
  }
}
