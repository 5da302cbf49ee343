import { checkNamespace } from '../partners/namespace.policy.js';
import type { PartnerApplicationErrorCode } from './partner-applications.errors.js';

export interface NamespaceProblem {
  code: Extract<PartnerApplicationErrorCode, `NAMESPACE_${string}`>;
  message: string;
  similarTo?: string;
}

/**
 * Whether an application may ask for `namespace`, given the partners' namespaces and those held by
 * other open applications. An exact match is TAKEN before any look-alike is reported, so an
 * applicant asking for `acme` hears that `acme` is taken, not that it resembles `acrne`.
 */
export function judgeNamespace(namespace: string, existing: string[]): NamespaceProblem | null {
  const verdict = checkNamespace(namespace, existing);
  if (!verdict.ok && verdict.code !== 'NAMESPACE_TOO_SIMILAR') return { code: verdict.code, message: verdict.message };
  if (existing.includes(namespace)) {
    return { code: 'NAMESPACE_TAKEN', message: `"${namespace}" is already taken by a partner or an application under review; choose another namespace.` };
  }
  if (!verdict.ok) return { code: verdict.code, message: verdict.message, similarTo: verdict.similarTo };
  return null;
}
