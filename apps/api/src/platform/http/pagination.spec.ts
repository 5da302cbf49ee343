import { containsPattern, decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('cursor pagination', () => {
  const row = (i: number) => ({ id: `id-${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });

  it('round-trips a position through an opaque cursor', () => {
    const position = row(7);
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('returns limit items and a cursor only when more rows exist', () => {
    const rows = [row(3), row(2), row(1)];
    const page = toPage(rows, 2, (r) => r.id);
    expect(page.items).toEqual(['id-3', 'id-2']);
    expect(decodeCursor(page.nextCursor!)).toEqual(row(2));
    expect(toPage(rows, 3, (r) => r.id).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make with 400 INVALID_CURSOR', () => {
    for (const bad of ['bogus', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }));
    }
  });

  it('takes the cursor from the field a list is ordered by', () => {
    const events = [3, 2, 1].map((i) => ({ id: `e-${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }));
    const page = toPage(events, 2, (e) => e.id, (e) => ({ createdAt: e.occurredAt, id: e.id }));
    expect(decodeCursor(page.nextCursor!)).toEqual({ createdAt: events[1].occurredAt, id: 'e-2' });
  });

  it('escapes LIKE wildcards in search text', () => {
    expect(containsPattern('50%_Off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
