import { Type } from '@sinclair/typebox';
import { functionPoint } from './extension-point.js';
import { Currency, Id, MinorAmount, ShortText, StringEnum, Timestamp } from './schemas.js';
import { bestDiscountPerLine, everyValidationError, firstConfidentClassification } from './combine-rules.js';

const strict = { additionalProperties: false } as const;

export const CartLine = Type.Object(
  {
    lineId: Id,
    sku: ShortText(64),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    unitAmount: MinorAmount,
    /** quantity × unitAmount, before discounts. */
    amount: MinorAmount,
  },
  strict,
);

export const DiscountLine = Type.Object(
  { lineId: Id, amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), currency: Currency, label: ShortText(80) },
  strict,
);

export const cartDiscounts = functionPoint('cart.discounts', {
  description: 'Discounts to apply to a cart before checkout.',
  since: '1.0.0',
  timeBudgetMs: 300,
  rule: "Keeps the largest discount per line, capped at the line's amount; lines in another currency or unknown lines are dropped.",
  input: Type.Object(
    {
      cartId: Id,
      workspaceId: Id,
      customerId: Type.Optional(Id),
      currency: Currency,
      lines: Type.Array(CartLine, { minItems: 1, maxItems: 500 }),
      subtotal: MinorAmount,
      createdAt: Timestamp,
    },
    strict,
  ),
  output: Type.Object({ discounts: Type.Array(DiscountLine, { maxItems: 500 }) }, strict),
  combine: bestDiscountPerLine,
});

export const TicketClassification = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' }),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
  },
  strict,
);

export const ticketClassify = functionPoint('ticket.classify', {
  description: 'Which category a new ticket belongs to, and how sure the plugin is.',
  since: '1.0.0',
  timeBudgetMs: 1000,
  rule: 'Takes the first answer (in install order) with confidence ≥ 0.8, else the most confident answer, else none.',
  input: Type.Object(
    {
      ticketId: Id,
      workspaceId: Id,
      subject: ShortText(200),
      body: Type.String({ maxLength: 20_000 }),
      tags: Type.Array(ShortText(40), { maxItems: 20, uniqueItems: true }),
    },
    strict,
  ),
  output: TicketClassification,
  combine: firstConfidentClassification,
});

export const FieldName = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.]{0,63}$' });

export const ValidationError = Type.Object({ field: FieldName, message: ShortText(300) }, strict);

export const recordValidate = functionPoint('record.validate', {
  description: 'Extra checks on a record before it is created or updated.',
  since: '1.0.0',
  timeBudgetMs: 300,
  rule: 'Gathers every error from every answer (exact duplicates once).',
  input: Type.Object(
    {
      workspaceId: Id,
      recordType: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
      recordId: Type.Optional(Id),
      operation: StringEnum(['create', 'update']),
      fields: Type.Record(
        FieldName,
        Type.Union([Type.String({ maxLength: 10_000 }), Type.Number(), Type.Boolean(), Type.Null()], {
          description: 'a string (at most 10,000 characters), a number, a boolean or null',
        }),
        { additionalProperties: false, maxProperties: 200 },
      ),
    },
    strict,
  ),
  output: Type.Object({ errors: Type.Array(ValidationError, { maxItems: 100 }) }, strict),
  combine: everyValidationError,
});
