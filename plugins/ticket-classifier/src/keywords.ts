import type { Rule } from './settings.js';

// Letters (with their combining marks), digits and _: everything else separates words, so
// "two-factor" is two words and "customer's" holds "customer", as with \b, but Unicode-aware.
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** The words of a text, in order, as keywords and tickets are compared: NFC, lower case. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

interface Keyword {
  rule: number;
  words: string[];
  /** The last word may be the start of a longer one (`refund*`). */
  prefix: boolean;
}

/**
 * Every rule's keywords indexed by their first word, so a ticket is read once, word by word,
 * however many keywords there are (a regular expression per keyword ran past the CPU limit on long
 * bodies with many rules).
 */
export class KeywordIndex {
  private readonly byFirstWord = new Map<string, Keyword[]>();
  // Single-word prefixes cannot be looked up by the whole word; they are looked up by its starts.
  private readonly byPrefix = new Map<string, Keyword[]>();
  private longestPrefix = 0;

  constructor(rules: readonly Rule[]) {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      for (const keyword of rule.keywords) {
        const prefix = keyword.endsWith('*');
        const words = wordsOf(prefix ? keyword.slice(0, -1) : keyword);
        const key = `${index} ${words.join(' ')}${prefix ? '*' : ''}`;
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        this.add({ rule: index, words, prefix });
      }
    });
  }

  /** The keywords found in `text`, each once. */
  find(text: string): Set<Keyword> {
    const words = wordsOf(text);
    const found = new Set<Keyword>();
    const prefixesChecked = new Set<string>();
    words.forEach((word, at) => {
      for (const keyword of this.byFirstWord.get(word) ?? []) if (matchesAt(words, at, keyword)) found.add(keyword);
      if (prefixesChecked.has(word)) return;
      prefixesChecked.add(word);
      for (let length = 1; length <= Math.min(word.length, this.longestPrefix); length++) {
        for (const keyword of this.byPrefix.get(word.slice(0, length)) ?? []) found.add(keyword);
      }
    });
    return found;
  }

  private add(keyword: Keyword): void {
    const first = keyword.words[0];
    const table = keyword.prefix && keyword.words.length === 1 ? this.byPrefix : this.byFirstWord;
    table.set(first, [...(table.get(first) ?? []), keyword]);
    if (table === this.byPrefix) this.longestPrefix = Math.max(this.longestPrefix, first.length);
  }
}

function matchesAt(words: readonly string[], at: number, keyword: Keyword): boolean {
  const last = keyword.words.length - 1;
  return keyword.words.every((expected, offset) => {
    const word = words[at + offset];
    if (word === undefined) return false;
    return offset === last && keyword.prefix ? word.startsWith(expected) : word === expected;
  });
}
