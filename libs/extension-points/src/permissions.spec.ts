import { EXTENSION_POINTS, PERMISSIONS, POINT_PERMISSIONS, isHttpHost, isPermission, permissionFor } from './index.js';

describe('permissions', () => {
  it('names the permission of a point, by name or by the point', () => {
    expect(permissionFor('order.paid')).toBe('events:order.paid');
    expect(permissionFor(EXTENSION_POINTS['cart.discounts'])).toBe('functions:cart.discounts');
    const typed: 'functions:ticket.classify' = permissionFor('ticket.classify');
    expect(typed).toBe('functions:ticket.classify');
  });

  it('builds permission strings', () => {
    expect(PERMISSIONS.storage).toBe('storage');
    expect(PERMISSIONS.http('hooks.slack.com')).toBe('http:hooks.slack.com');
    expect(PERMISSIONS.event('ticket.created')).toBe('events:ticket.created');
    expect(PERMISSIONS.function('record.validate')).toBe('functions:record.validate');
  });

  it('lists one permission per point', () => {
    expect(POINT_PERMISSIONS).toHaveLength(Object.keys(EXTENSION_POINTS).length);
    for (const permission of POINT_PERMISSIONS) expect(isPermission(permission)).toBe(true);
  });

  it.each(['storage', 'http:hooks.slack.com', 'http:api.example.com', 'http:*.example.com', 'http:xn--bcher-kva.example', 'events:order.paid', 'functions:cart.discounts'])(
    'accepts %s',
    (permission) => expect(isPermission(permission)).toBe(true),
  );

  it.each([
    ['an unknown kind', 'files:read'],
    ['no colon', 'http'],
    ['an upper-case kind', 'Storage'],
    ['an unknown event', 'events:order.refunded'],
    ['a function as an event', 'events:cart.discounts'],
    ['an event as a function', 'functions:order.paid'],
    ['an IPv4 address', 'http:127.0.0.1'],
    ['the metadata address', 'http:169.254.169.254'],
    ['an IPv6 address', 'http:[::1]'],
    ['a single label', 'http:localhost'],
    ['a reserved local TLD', 'http:printer.local'],
    ['a .internal host', 'http:metadata.google.internal'],
    ['a *.localhost wildcard', 'http:*.app.localhost'],
    ['a bare wildcard', 'http:*'],
    ['a wildcard on a TLD', 'http:*.com'],
    ['a wildcard in the middle', 'http:api.*.example.com'],
    ['a port', 'http:example.com:8080'],
    ['a path', 'http:example.com/hook'],
    ['a scheme', 'http:https://example.com'],
    ['upper case', 'http:Example.com'],
    ['a trailing dot', 'http:example.com.'],
    ['a label ending in a hyphen', 'http:bad-.example.com'],
  ])('refuses %s (%s)', (_why, permission) => expect(isPermission(permission)).toBe(false));

  it('refuses hosts longer than DNS allows', () => {
    expect(isHttpHost(`${'a'.repeat(63)}.`.repeat(4) + 'com')).toBe(false);
    expect(isHttpHost(`${'a'.repeat(64)}.com`)).toBe(false);
  });
});
