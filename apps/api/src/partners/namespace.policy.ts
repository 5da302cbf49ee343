/**
 * What a partner namespace may be. Namespaces scope plugin names (`acme/invoice-sync`), so a
 * look-alike of an existing one, or of a word people trust (admin, official, guild...), would let
 * someone pass their plugins off as another's: those are refused, not just exact duplicates.
 */
export const NAMESPACE_MIN_LENGTH = 3;
export const NAMESPACE_MAX_LENGTH = 39;
export const NAMESPACE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Words nobody may claim, nor anything that looks like them; anything starting with `guild` is reserved too. */
export const RESERVED_NAMESPACES: readonly string[] = [
  'about', 'abuse', 'account', 'accounts', 'admin', 'administrator', 'anonymous', 'api', 'app', 'apps', 'assets', 'auth',
  'billing', 'blog', 'catalog', 'cdn', 'checkout', 'community', 'contact', 'dashboard', 'dev', 'developer', 'developers',
  'docs', 'download', 'downloads', 'email', 'everyone', 'guild', 'health', 'help', 'info', 'invitations', 'legal',
  'login', 'logout', 'mail', 'marketplace', 'metrics', 'moderator', 'news', 'notifications', 'null', 'oauth', 'official',
  'owner', 'partner', 'partners', 'payments', 'payouts', 'plugin', 'plugins', 'portal', 'privacy', 'public', 'root',
  'security', 'settings', 'signin', 'signout', 'signup', 'staff', 'static', 'status', 'store',
  'stripe', 'support', 'system', 'team', 'terms', 'test', 'undefined', 'verified', 'webhooks', 'www',
];
const RESERVED_PREFIX = 'guild';

export type NamespaceCheck =
  | { ok: true }
  | { ok: false; code: 'NAMESPACE_INVALID' | 'NAMESPACE_RESERVED' | 'NAMESPACE_TOO_SIMILAR'; message: string; similarTo?: string };

const CONFUSABLE: Record<string, string> = { '0': 'o', '1': 'l', i: 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

/** What a name looks like at a glance: hyphens dropped, characters that are easily mistaken for one another folded together. */
export function namespaceSkeleton(namespace: string): string {
  return namespace
    .toLowerCase()
    .replace(/-/g, '')
    .replace(/./g, (c) => CONFUSABLE[c] ?? c)
    .replace(/vv/g, 'w')
    .replace(/rn/g, 'm');
}

const RESERVED_SKELETONS = new Map(RESERVED_NAMESPACES.map((word) => [namespaceSkeleton(word), word]));
const RESERVED_PREFIX_SKELETON = namespaceSkeleton(RESERVED_PREFIX);

/**
 * Whether `namespace` may be claimed given the namespaces that exist (partners and open
 * applications). An identical existing namespace is not reported here: that is NAMESPACE_TAKEN,
 * which the caller checks (and the unique index enforces).
 */
export function checkNamespace(namespace: string, existing: string[]): NamespaceCheck {
  if (namespace.length < NAMESPACE_MIN_LENGTH || namespace.length > NAMESPACE_MAX_LENGTH || !NAMESPACE_PATTERN.test(namespace)) {
    return {
      ok: false,
      code: 'NAMESPACE_INVALID',
      message: `A namespace has ${NAMESPACE_MIN_LENGTH} to ${NAMESPACE_MAX_LENGTH} characters: lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen.`,
    };
  }
  const skeleton = namespaceSkeleton(namespace);
  const reserved = RESERVED_SKELETONS.get(skeleton);
  if (reserved || skeleton.startsWith(RESERVED_PREFIX_SKELETON)) {
    const word = reserved ?? RESERVED_PREFIX;
    const why = reserved === namespace ? 'is reserved' : reserved ? `looks like the reserved word "${word}"` : `starts like "${RESERVED_PREFIX}", which is reserved`;
    return { ok: false, code: 'NAMESPACE_RESERVED', message: `"${namespace}" ${why}; choose another namespace.` };
  }
  const similar = existing.find((other) => other !== namespace && namespaceSkeleton(other) === skeleton);
  if (similar) {
    return {
      ok: false,
      code: 'NAMESPACE_TOO_SIMILAR',
      message: `"${namespace}" is too easily mistaken for the existing namespace "${similar}"; choose one that reads differently.`,
      similarTo: similar,
    };
  }
  return { ok: true };
}
