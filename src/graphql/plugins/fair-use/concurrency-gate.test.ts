import { describe, expect, it } from '@jest/globals';
import { ConcurrencyGate, GateRefusal } from './concurrency-gate';

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(() => (state = 'resolved'), () => (state = 'rejected'));
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('ConcurrencyGate', () => {
  it('lets as many in as it has slots, and queues the others first come, first served', async () => {
    const gate = new ConcurrencyGate({ concurrency: 2, queueSize: 5, queueTimeoutMs: 10_000 });
    const [a, b, c, d] = [gate.enter(), gate.enter(), gate.enter(), gate.enter()];
    expect(await settled(a!.ready)).toBe('resolved');
    expect(await settled(b!.ready)).toBe('resolved');
    expect(await settled(c!.ready)).toBe('pending');
    expect([gate.running, gate.waiting]).toEqual([2, 2]);

    a!.leave();
    expect(await settled(c!.ready)).toBe('resolved');
    expect(await settled(d!.ready)).toBe('pending');
    expect([gate.running, gate.waiting]).toEqual([2, 1]);

    b!.leave();
    c!.leave();
    d!.leave();
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it('refuses at once when the queue is full', () => {
    const gate = new ConcurrencyGate({ concurrency: 1, queueSize: 1, queueTimeoutMs: 10_000 });
    const holder = gate.enter();
    const waiter = gate.enter();
    expect(() => gate.enter()).toThrow(expect.objectContaining({ reason: 'QUEUE_FULL' }));
    holder.leave();
    waiter.leave();
  });

  it('refuses a waiter that waited longer than the timeout, and frees its place', async () => {
    const gate = new ConcurrencyGate({ concurrency: 1, queueSize: 1, queueTimeoutMs: 20 });
    gate.enter();
    const late = gate.enter();
    await expect(late.ready).rejects.toEqual(expect.objectContaining({ reason: 'QUEUE_TIMEOUT' }));
    expect(gate.waiting).toBe(0);
    expect(() => gate.enter()).not.toThrow();
  });

  it('gives up a place in the queue when the waiter leaves, and passes slots on only to those still waiting', async () => {
    const gate = new ConcurrencyGate({ concurrency: 1, queueSize: 2, queueTimeoutMs: 10_000 });
    const holder = gate.enter();
    const gone = gate.enter();
    const next = gate.enter();
    gone.leave();
    await expect(gone.ready).rejects.not.toBeInstanceOf(GateRefusal);
    holder.leave();
    expect(await settled(next.ready)).toBe('resolved');
    // Leaving twice frees one slot only.
    next.leave();
    next.leave();
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });
});
