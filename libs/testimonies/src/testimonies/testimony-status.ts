import { DomainError, ErrorCode } from '@sillok/core';
import type { TestimonyStatus } from './testimony.entity.js';

/** draft -> under review -> approved; a reviewer may return a testimony to draft. */
const TRANSITIONS: Record<'submit' | 'return' | 'approve', { from: TestimonyStatus; to: TestimonyStatus }> = {
  submit: { from: 'draft', to: 'under_review' },
  return: { from: 'under_review', to: 'draft' },
  approve: { from: 'under_review', to: 'approved' },
};

export function nextStatus(current: TestimonyStatus, action: keyof typeof TRANSITIONS): TestimonyStatus {
  const transition = TRANSITIONS[action];
  if (transition.from !== current) {
    throw new DomainError(ErrorCode.Conflict, `cannot ${action} a testimony that is ${current.replace('_', ' ')}`);
  }
  return transition.to;
}
