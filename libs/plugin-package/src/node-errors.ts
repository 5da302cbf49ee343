// Duck-typed rather than `instanceof Error`: errors from Node's core can come from another realm
// (Jest's VM contexts, worker threads), where that test fails.

export function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : String(error);
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
