import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { BudgetResource } from '../../../errors';

/** A client's budget as the X-RateLimit-* headers report it. */
export interface BudgetState {
  resource: BudgetResource;
  limit: number;
  used: number;
  remaining: number;
  /** When the window ends and the budget is whole again, in seconds since the epoch. */
  resetAt: number;
}

export type Charge = { granted: true; state: BudgetState } | { granted: false; state: BudgetState; retryAfterSeconds: number };

/**
 * So many points per owner (an API key or an address) per fixed window, which starts with the
 * owner's first charge. Counting is rate-limiter-flexible's in-memory limiter, whose entries
 * expire with their window; another of its stores (Redis, …) would share budgets between
 * several instances of the service.
 */
export class Budget {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly resource: BudgetResource,
    readonly limit: number,
    private readonly windowSeconds: number,
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix: resource, points: limit, duration: windowSeconds });
  }

  /** Takes `amount` from the owner's budget when it has that much left; a refusal takes nothing. */
  async charge(owner: string, amount: number): Promise<Charge> {
    try {
      return { granted: true, state: this.stateOf(await this.limiter.consume(owner, amount)) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // The limiter counts refused points too; given back, a cheaper operation still fits the window.
      return { granted: false, state: await this.refund(owner, amount), retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  /** Gives back a charge for what did not run. */
  async refund(owner: string, amount: number): Promise<BudgetState> {
    return this.stateOf(await this.limiter.reward(owner, amount));
  }

  /** The owner's budget without charging it: whole when the owner has no window running. */
  async peek(owner: string): Promise<BudgetState> {
    const counted = await this.limiter.get(owner);
    if (counted) return this.stateOf(counted);
    return { resource: this.resource, limit: this.limit, used: 0, remaining: this.limit, resetAt: epochSeconds(this.windowSeconds * 1000) };
  }

  private stateOf(counted: RateLimiterRes): BudgetState {
    const used = Math.min(Math.max(counted.consumedPoints, 0), this.limit);
    return { resource: this.resource, limit: this.limit, used, remaining: this.limit - used, resetAt: epochSeconds(counted.msBeforeNext) };
  }
}

function epochSeconds(msFromNow: number): number {
  return Math.ceil((Date.now() + Math.max(msFromNow, 0)) / 1000);
}
