import { describe, expect, it, jest } from '@jest/globals';
import { RequestDeadline, RequestDeadlineExceeded } from './request-deadline.js';

describe('RequestDeadline', () => {
  it('waits for a commit under way, then expires when it has finished', () => {
    const deadline = new RequestDeadline(0);
    const retry = jest.fn(() => deadline.expire(retry));
    deadline.beginCommit();
    expect(deadline.expire(retry)).toBe(false);
    expect(deadline.hasExpired).toBe(false);
    deadline.endCommit();
    expect(retry).toHaveBeenCalledTimes(1);
    expect(deadline.hasExpired).toBe(true);
    expect(() => deadline.beginCommit()).toThrow(RequestDeadlineExceeded);
  });
});
