import { describe, expect, it } from '@jest/globals';
import { RestartBackoff } from './restart-backoff';

const MINUTE = 60_000;

describe('RestartBackoff', () => {
  it('doubles the wait from 1 s for a crash loop, up to the cap', () => {
    const backoff = new RestartBackoff({ initialDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 10, windowMs: 10 * MINUTE });
    const delays = [0, 1, 2, 3, 4].map((second) => backoff.nextDelay(second * 1_000));
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('gives up once the attempts within the window are spent', () => {
    const backoff = new RestartBackoff();
    const delays = [0, 1, 2, 3, 4].map((minute) => backoff.nextDelay(minute * MINUTE));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(backoff.nextDelay(5 * MINUTE)).toBeUndefined();
    expect(backoff.attemptsInWindow).toBe(5);
  });

  it('forgets attempts older than the window: a slot frees as the oldest leaves it, and a crash long after starts over at 1 s', () => {
    const backoff = new RestartBackoff();
    for (const minute of [0, 1, 2, 3, 4]) backoff.nextDelay(minute * MINUTE);
    expect(backoff.nextDelay(10 * MINUTE + 1)).toBe(16_000);
    expect(backoff.nextDelay(60 * MINUTE)).toBe(1_000);
  });
});
