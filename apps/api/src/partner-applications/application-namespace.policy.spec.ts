import { judgeNamespace } from './application-namespace.policy.js';

describe('judgeNamespace', () => {
  it('accepts a free, well-formed namespace', () => {
    expect(judgeNamespace('acme-tools', ['globex'])).toBeNull();
  });

  it('reports malformed and reserved names before anything else', () => {
    expect(judgeNamespace('Acme', ['Acme'])?.code).toBe('NAMESPACE_INVALID');
    expect(judgeNamespace('admin', ['admin'])?.code).toBe('NAMESPACE_RESERVED');
  });

  it('says an exact match is taken, even when a look-alike also exists', () => {
    expect(judgeNamespace('acme', ['acrne', 'acme'])).toMatchObject({ code: 'NAMESPACE_TAKEN' });
  });

  it('names the existing namespace a look-alike resembles', () => {
    expect(judgeNamespace('acrne', ['acme'])).toMatchObject({ code: 'NAMESPACE_TOO_SIMILAR', similarTo: 'acme' });
    expect(judgeNamespace('ac-me', ['acme'])).toMatchObject({ code: 'NAMESPACE_TOO_SIMILAR', similarTo: 'acme' });
  });
});
