import { describe, expect, it } from '@jest/globals';
import { Budget } from './budget';

describe('Budget', () => {
  it('takes what an owner spends, and reports what is left and when the window ends', async () => {
    const budget = new Budget('cost', 100, 60);
    const before = Math.floor(Date.now() / 1000);
    const charge = await budget.charge('key:a', 30);
    expect(charge).toEqual({ granted: true, state: expect.objectContaining({ resource: 'cost', limit: 100, used: 30, remaining: 70 }) });
    expect(charge.state.resetAt).toBeGreaterThanOrEqual(before + 59);
    expect(charge.state.resetAt).toBeLessThanOrEqual(before + 61);
    expect(await budget.peek('key:a')).toMatchObject({ used: 30, remaining: 70 });
  });

  it('refuses what the rest cannot pay for, takes nothing for it, and lets a cheaper charge through', async () => {
    const budget = new Budget('writes', 10, 60);
    await budget.charge('key:a', 8);
    const refused = await budget.charge('key:a', 5);
    expect(refused).toMatchObject({ granted: false, state: { used: 8, remaining: 2 } });
    expect(refused.granted === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(await budget.charge('key:a', 2)).toMatchObject({ granted: true, state: { used: 10, remaining: 0 } });
    expect(await budget.refund('key:a', 2)).toMatchObject({ used: 8, remaining: 2 });
  });

  it('keeps owners apart, and reports a whole budget for an owner that has spent nothing', async () => {
    const budget = new Budget('cost', 10, 60);
    await budget.charge('address:192.0.2.1', 10);
    expect(await budget.peek('address:192.0.2.2')).toMatchObject({ used: 0, remaining: 10 });
    expect((await budget.charge('address:192.0.2.2', 10)).granted).toBe(true);
  });
});
