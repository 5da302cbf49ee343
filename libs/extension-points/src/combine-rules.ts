// Pure combine rules. Answers arrive in install order and have already passed output validation;
// failed or late plugins are simply absent.

export interface Discount {
  lineId: string;
  amount: number;
  currency: string;
  label: string;
}

interface Cart {
  currency: string;
  lines: readonly { lineId: string; amount: number }[];
}

export function bestDiscountPerLine(answers: readonly { discounts: readonly Discount[] }[], cart: Cart): { discounts: Discount[] } {
  const lineAmount = new Map(cart.lines.map((line) => [line.lineId, line.amount]));
  const best = new Map<string, Discount>();
  for (const answer of answers) {
    for (const discount of answer.discounts) {
      const cap = lineAmount.get(discount.lineId);
      if (cap === undefined || discount.currency !== cart.currency) continue;
      const amount = Math.min(discount.amount, cap);
      // Strictly greater: on a tie the earlier install keeps the line.
      if (amount > 0 && amount > (best.get(discount.lineId)?.amount ?? 0)) best.set(discount.lineId, { ...discount, amount });
    }
  }
  return { discounts: cart.lines.flatMap((line) => best.get(line.lineId) ?? []) };
}

export interface Classification {
  category: string;
  confidence: number;
}

export const CONFIDENT = 0.8;

export function firstConfidentClassification(answers: readonly Classification[]): Classification | null {
  const confident = answers.find((answer) => answer.confidence >= CONFIDENT);
  if (confident) return { ...confident };
  let best: Classification | null = null;
  for (const answer of answers) if (!best || answer.confidence > best.confidence) best = answer;
  return best && { ...best };
}

export interface FieldError {
  field: string;
  message: string;
}

export function everyValidationError(answers: readonly { errors: readonly FieldError[] }[]): { errors: FieldError[] } {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const { field, message } of answers.flatMap((answer) => answer.errors)) {
    const key = JSON.stringify([field, message]);
    if (!seen.has(key)) errors.push({ field, message });
    seen.add(key);
  }
  return { errors };
}
