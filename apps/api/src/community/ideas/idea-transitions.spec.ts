import { IDEA_STATUSES, type IdeaStatus } from '../entities/idea.entity.js';
import { canTransition, IDEA_TRANSITIONS } from './idea-transitions.js';

describe('idea status transitions', () => {
  const allowed: Array<[IdeaStatus, IdeaStatus]> = [
    ['open', 'under_review'],
    ['open', 'planned'],
    ['open', 'declined'],
    ['under_review', 'planned'],
    ['under_review', 'declined'],
    ['planned', 'shipped'],
    ['planned', 'declined'],
    ['planned', 'under_review'],
    ['declined', 'under_review'],
  ];

  it('allows exactly the documented moves', () => {
    for (const from of IDEA_STATUSES) {
      for (const to of IDEA_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect([from, to, canTransition(from, to)]).toEqual([from, to, expected]);
      }
    }
  });

  it('makes shipped final and never goes back to open', () => {
    expect(IDEA_TRANSITIONS.shipped).toEqual([]);
    expect(Object.values(IDEA_TRANSITIONS).flat()).not.toContain('open');
  });
});
