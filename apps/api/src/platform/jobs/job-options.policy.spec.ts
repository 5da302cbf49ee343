import { backoffDelay, jsonCopy, JobOptionsError, nextCronMillis, resolveJobOptions } from './job-options.policy.js';

describe('job options policy', () => {
  it("computes BullMQ's backoff: fixed, or delay * 2^(attemptsMade-1)", () => {
    expect([1, 2, 3, 4].map((made) => backoffDelay({ type: 'exponential', delay: 100 }, made))).toEqual([100, 200, 400, 800]);
    expect([1, 2, 3].map((made) => backoffDelay({ type: 'fixed', delay: 100 }, made))).toEqual([100, 100, 100]);
    expect(backoffDelay(undefined, 3)).toBe(0);
  });

  it('lets enqueue options override the definition defaults, but never with undefined', () => {
    const defaults = { attempts: 5, backoff: { type: 'fixed' as const, delay: 10 } };
    expect(resolveJobOptions('x', defaults, { attempts: undefined, delay: 20 })).toEqual({ jobId: undefined, delay: 20, attempts: 5, backoff: defaults.backoff });
    expect(resolveJobOptions('x', undefined, undefined)).toEqual({ jobId: undefined, delay: 0, attempts: 1, backoff: undefined });
  });

  it('reads cron patterns in UTC', () => {
    const after = Date.UTC(2030, 0, 1, 12, 0);
    expect(new Date(nextCronMillis('0 3 * * *', after)).toISOString()).toBe('2030-01-02T03:00:00.000Z');
  });

  it('copies data the way Redis will store it', () => {
    expect(jsonCopy('x', { at: new Date(0), gone: undefined })).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    expect(jsonCopy('x', undefined)).toEqual({});
    expect(() => jsonCopy('x', () => 1)).toThrow(JobOptionsError);
  });
});
