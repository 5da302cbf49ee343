import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DomainError } from './domain-error.js';

/** Query parameters every cursor-paginated list accepts. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** A position in a list ordered by (createdAt desc, id desc): stable under inserts. */
export interface CursorPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new DomainError('INVALID_CURSOR', 400, 'The cursor is not one this list gave out; start again without it.');
  }
}

/**
 * Takes `limit + 1` rows fetched in order and turns them into a page. `position` says where a row
 * stands when its list is not ordered by a `createdAt` field (e.g. `occurredAt`, `receivedAt`).
 */
export function toPage<T extends CursorPosition, R>(rows: T[], limit: number, map: (row: T) => R): Page<R>;
export function toPage<T, R>(rows: T[], limit: number, map: (row: T) => R, position: (row: T) => CursorPosition): Page<R>;
export function toPage<T, R>(rows: T[], limit: number, map: (row: T) => R, position?: (row: T) => CursorPosition): Page<R> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const at = position ?? ((row: T) => row as unknown as CursorPosition);
  return { items: items.map(map), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(at(last)) : null };
}

export interface KeysetOrder {
  /** The timestamp property of the query's main alias the list is ordered by (ties fall back to `id`). */
  column: string;
  direction?: 'ASC' | 'DESC';
  defaultLimit?: number;
  /**
   * `take` (default) counts entities; `limit` counts SQL rows, for queries read with
   * getRawAndEntities whose joins only filter or add a column.
   */
  rowCap?: 'take' | 'limit';
}

/**
 * Keyset pagination on a query: orders it by (column, id), keeps only the rows past the cursor and
 * fetches one row more than the page so `toPage` can tell whether another follows. Returns the
 * page size to pass to `toPage`.
 */
export function keysetPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: PageQuery, order: KeysetOrder): number {
  const limit = query.limit ?? order.defaultLimit ?? 25;
  const cursor = decodeCursor(query.cursor);
  const direction = order.direction ?? 'DESC';
  const column = `${qb.alias}.${order.column}`;
  const id = `${qb.alias}.id`;
  qb.orderBy(column, direction).addOrderBy(id, direction);
  if (order.rowCap === 'limit') qb.limit(limit + 1);
  else qb.take(limit + 1);
  if (cursor) {
    const past = direction === 'DESC' ? '<' : '>';
    qb.andWhere(
      new Brackets((w) =>
        w.where(`${column} ${past} :cursorAt`, { cursorAt: cursor.createdAt }).orWhere(`(${column} = :cursorAt AND ${id} ${past} :cursorId)`, { cursorId: cursor.id }),
      ),
    );
  }
  return limit;
}

/** A LIKE pattern matching `text` anywhere, lower-cased, with LIKE's own wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Lists without a stable key to resume from (ranked search results, leaderboards) page by position: how many rows came before. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined, max = 1_000_000): number {
  if (!cursor) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 && offset <= max) return offset;
  } catch {
    // falls through to the error below
  }
  throw new DomainError('INVALID_CURSOR', 400, 'The cursor is not one this list gave out; start again without it.');
}
