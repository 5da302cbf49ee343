import type { Manifest } from '@guild/plugin-manifest';
import { emptyDetails } from '../listing-details.js';
import { listingDiff, permissionDiff, previousApproved } from './review-diff.js';

const manifest = (over: Partial<Pick<Manifest, 'events' | 'functions' | 'permissions'>>) =>
  ({ events: [], functions: [], permissions: [], ...over }) as unknown as Manifest;

describe('review diffs', () => {
  it('lists permissions, points and hosts added, removed and kept, sorted', () => {
    const before = manifest({ events: ['order.paid'], permissions: ['events:order.paid', 'http:hooks.slack.com', 'storage'] });
    const after = manifest({
      events: ['order.paid'],
      functions: ['cart.discounts'],
      permissions: ['storage', 'functions:cart.discounts', 'events:order.paid', 'http:*.example.com'],
    });
    expect(permissionDiff(after, { version: '1.0.0', manifest: before })).toEqual({
      against: '1.0.0',
      permissions: { added: ['functions:cart.discounts', 'http:*.example.com'], removed: ['http:hooks.slack.com'], unchanged: ['events:order.paid', 'storage'] },
      events: { added: [], removed: [] },
      functions: { added: ['cart.discounts'], removed: [] },
      httpHosts: { added: ['*.example.com'], removed: ['hooks.slack.com'] },
    });
  });

  it('treats everything as added when there is no approved version', () => {
    const diff = permissionDiff(manifest({ permissions: ['storage'] }), null);
    expect(diff).toMatchObject({ against: null, permissions: { added: ['storage'], removed: [], unchanged: [] } });
  });

  it('compares with the highest approved version below, in semver order', () => {
    const approved = [{ version: '1.10.0' }, { version: '1.2.0' }, { version: '2.0.0' }, { version: '1.9.9-beta.1' }];
    expect(previousApproved('1.11.0', approved)?.version).toBe('1.10.0');
    expect(previousApproved('1.9.9', approved)?.version).toBe('1.9.9-beta.1');
    expect(previousApproved('1.0.0', approved)).toBeNull();
  });

  it('lists the listing fields a proposed copy changes, regardless of key order', () => {
    const published = { ...emptyDetails('Chat'), pricing: { model: 'one_time' as const, currency: 'EUR', amount: 100 } };
    const proposed = { ...published, pricing: { amount: 100, currency: 'EUR', model: 'one_time' as const }, summary: 'New' };
    expect(listingDiff(published, proposed)).toEqual([{ field: 'summary', before: '', after: 'New' }]);
    expect(listingDiff(null, proposed).map((c) => c.field)).toEqual(['displayName', 'summary', 'description', 'categories', 'screenshots', 'pricing']);
  });
});
