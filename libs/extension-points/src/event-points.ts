import { Type } from '@sinclair/typebox';
import { eventPoint } from './extension-point.js';
import { Currency, Id, MinorAmount, ShortText, StringEnum, Timestamp } from './schemas.js';

const strict = { additionalProperties: false } as const;

export const orderPaid = eventPoint('order.paid', {
  description: 'A buyer paid an order in full.',
  since: '1.0.0',
  input: Type.Object(
    {
      orderId: Id,
      workspaceId: Id,
      customerId: Id,
      amount: MinorAmount,
      currency: Currency,
      lineCount: Type.Integer({ minimum: 1, maximum: 1000 }),
      paidAt: Timestamp,
    },
    strict,
  ),
});

export const workspaceMemberAdded = eventPoint('workspace.member.added', {
  description: 'A user joined a workspace, by invitation or directly.',
  since: '1.0.0',
  input: Type.Object(
    {
      workspaceId: Id,
      userId: Id,
      role: StringEnum(['owner', 'admin', 'member']),
      invitedBy: Type.Optional(Id),
      addedAt: Timestamp,
    },
    strict,
  ),
});

export const ticketCreated = eventPoint('ticket.created', {
  description: 'A support ticket was opened.',
  since: '1.0.0',
  input: Type.Object(
    {
      ticketId: Id,
      workspaceId: Id,
      requesterId: Id,
      subject: ShortText(200),
      body: Type.String({ maxLength: 20_000 }),
      priority: StringEnum(['low', 'normal', 'high', 'urgent']),
      tags: Type.Array(ShortText(40), { maxItems: 20, uniqueItems: true }),
      createdAt: Timestamp,
    },
    strict,
  ),
});

export const invoiceCreated = eventPoint('invoice.created', {
  description: 'An invoice was issued to a customer.',
  since: '1.0.0',
  input: Type.Object(
    {
      invoiceId: Id,
      workspaceId: Id,
      customerId: Id,
      number: ShortText(32),
      amount: MinorAmount,
      currency: Currency,
      dueAt: Timestamp,
      createdAt: Timestamp,
    },
    strict,
  ),
});
