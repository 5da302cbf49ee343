import { checkNamespace, namespaceSkeleton, RESERVED_NAMESPACES } from './namespace.policy.js';

describe('namespace policy', () => {
  describe('format', () => {
    it.each(['abc', 'acme', 'acme-tools', 'a1b2', 'x-1-y', 'a'.repeat(39)])('accepts %s', (namespace) => {
      expect(checkNamespace(namespace, [])).toEqual({ ok: true });
    });

    it.each([
      ['too short', 'ab'],
      ['too long', 'a'.repeat(40)],
      ['upper case', 'Acme'],
      ['a leading digit', '1acme'],
      ['a leading hyphen', '-acme'],
      ['a trailing hyphen', 'acme-'],
      ['a double hyphen', 'acme--tools'],
      ['an underscore', 'acme_tools'],
      ['a dot', 'acme.tools'],
      ['a space', 'acme tools'],
      ['a non-ASCII letter', 'acmé'],
      ['empty', ''],
    ])('refuses %s (%s) as NAMESPACE_INVALID', (_label, namespace) => {
      const result = checkNamespace(namespace, []);
      expect(result).toMatchObject({ ok: false, code: 'NAMESPACE_INVALID', message: expect.stringContaining('3 to 39 characters') });
    });
  });

  describe('reserved words', () => {
    it.each(['admin', 'api', 'guild', 'staff', 'stripe', 'support', 'help', 'www', 'root', 'system', 'partners', 'plugins', 'marketplace', 'billing', 'security', 'official', 'team', 'docs', 'status', 'login', 'signup', 'settings'])(
      'refuses %s',
      (namespace) => {
        expect(checkNamespace(namespace, [])).toEqual({ ok: false, code: 'NAMESPACE_RESERVED', message: `"${namespace}" is reserved; choose another namespace.` });
      },
    );

    it('refuses anything starting with guild, and look-alikes of that prefix', () => {
      for (const namespace of ['guilds', 'guild-tools', 'guildhq', 'gu1ld-tools', 'gulld', 'gui-ld-x']) {
        expect(checkNamespace(namespace, [])).toMatchObject({ ok: false, code: 'NAMESPACE_RESERVED', message: expect.stringContaining('"guild"') });
      }
    });

    it('refuses look-alikes of reserved words, naming the word', () => {
      for (const [namespace, word] of [
        ['adm1n', 'admin'],
        ['admln', 'admin'],
        ['ad-min', 'admin'],
        ['offic1al', 'official'],
        ['supp0rt', 'support'],
        ['s7aff', 'staff'],
        ['secur1ty', 'security'],
        ['vvww', 'www'],
        ['sta7us', 'status'],
        ['p4rtners', 'partners'],
      ]) {
        expect(checkNamespace(namespace, [])).toEqual({ ok: false, code: 'NAMESPACE_RESERVED', message: `"${namespace}" looks like the reserved word "${word}"; choose another namespace.` });
      }
    });

    it('does not refuse names that merely contain a reserved word', () => {
      for (const namespace of ['acme-admin-tools', 'helpdesk-co', 'apiary', 'teamwork', 'my-docs']) expect(checkNamespace(namespace, [])).toEqual({ ok: true });
    });

    it('has only reserved words that are themselves well-formed namespaces (so the list means something)', () => {
      for (const word of RESERVED_NAMESPACES) expect(checkNamespace(word, [])).toMatchObject({ code: 'NAMESPACE_RESERVED' });
    });
  });

  describe('look-alikes of existing namespaces', () => {
    const existing = ['acme', 'modern-tools', 'wave', 'bolt', 'seattle-labs'];

    it.each([
      ['acme', 'acrne'],
      ['acme', 'a-cme'],
      ['acme', 'acm3'],
      ['modern-tools', 'modem-tools'],
      ['modern-tools', 'rnodern-tools'],
      ['modern-tools', 'modern-t00ls'],
      ['modern-tools', 'moderntools'],
      ['wave', 'vvave'],
      ['bolt', 'bo1t'],
      ['bolt', 'boit'],
      ['bolt', 'b0lt'],
      ['seattle-labs', 'sea7tle-1abs'],
      ['seattle-labs', 'seatt1e-la8s'],
      ['seattle-labs', 'seattle-lab5'],
      ['seattle-labs', 's3attle-labs'],
    ])('refuses a look-alike of %s: %s, naming it in similarTo', (original, candidate) => {
      expect(checkNamespace(candidate, existing)).toEqual({
        ok: false,
        code: 'NAMESPACE_TOO_SIMILAR',
        message: `"${candidate}" is too easily mistaken for the existing namespace "${original}"; choose one that reads differently.`,
        similarTo: original,
      });
    });

    it('accepts names that differ in a way people notice', () => {
      for (const candidate of ['acme-labs', 'acmes', 'bold', 'waves', 'modern-tool', 'seattle-lab']) expect(checkNamespace(candidate, existing)).toEqual({ ok: true });
    });

    it('leaves an identical namespace to the caller (NAMESPACE_TAKEN), rather than calling it similar', () => {
      expect(checkNamespace('acme', existing)).toEqual({ ok: true });
      expect(checkNamespace('acme', ['acme', 'acrne'])).toMatchObject({ code: 'NAMESPACE_TOO_SIMILAR', similarTo: 'acrne' });
    });

    it('checks the format before reserved words, and reserved words before look-alikes', () => {
      expect(checkNamespace('Admin', ['admin'])).toMatchObject({ code: 'NAMESPACE_INVALID' });
      expect(checkNamespace('adm1n', ['admln'])).toMatchObject({ code: 'NAMESPACE_RESERVED' });
    });
  });

  describe('skeleton', () => {
    it('folds case, hyphens and confusable characters', () => {
      expect(namespaceSkeleton('Mo-dern-T00LS')).toBe('modemtools');
      expect(namespaceSkeleton('i1l')).toBe('lll');
      expect(namespaceSkeleton('0134578')).toBe('oleastb');
      expect(namespaceSkeleton('vvrn')).toBe('wm');
    });
  });
});
