import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';

type Callback<T> = (err: Error | null, value?: T) => void;
interface QueryResult {
  rows: unknown[];
  rowCount: number;
  command?: string;
}

/** The part of a `pg` client that TypeORM's postgres driver uses. */
class PgliteClient extends EventEmitter {
  constructor(
    private readonly db: PGlite,
    private readonly onRelease: () => void,
  ) {
    super();
  }

  /** `pg`'s three call forms: (text), (text, params) and either with a node-style callback last. */
  query(text: string, paramsOrCallback?: unknown[] | Callback<QueryResult>, callback?: Callback<QueryResult>): Promise<QueryResult> | void {
    const params = Array.isArray(paramsOrCallback) ? paramsOrCallback : [];
    const done = typeof paramsOrCallback === 'function' ? paramsOrCallback : callback;
    const result = this.run(text, params);
    if (!done) return result;
    result.then((value) => done(null, value), (err: Error) => done(err));
  }

  private async run(text: string, params: unknown[]): Promise<QueryResult> {
    const result = await this.db.query(text, params);
    return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length, command: result.command };
  }

  release(): void {
    this.onRelease();
  }
}

/**
 * A `pg.Pool` look-alike over one PGlite instance, handed to TypeORM's postgres driver as its
 * `driver`. PGlite has a single session, so the pool lends it to one caller at a time: a
 * transaction holds it until COMMIT/ROLLBACK. (typeorm-pglite interleaved concurrent transactions
 * on the one session and lost updates; this queue is what makes row locks mean anything.)
 * Inside a transaction, use only the transaction's EntityManager: asking the DataSource for
 * another connection there would wait for itself.
 */
export class PglitePool extends EventEmitter {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly db: PGlite) {
    super();
  }

  connect(callback?: (err: Error | null, client?: PgliteClient, release?: () => void) => void): Promise<PgliteClient> | void {
    const acquired = this.acquire();
    if (!callback) return acquired;
    acquired.then(
      (client) => callback(null, client, () => client.release()),
      (err: Error) => callback(err),
    );
  }

  async query(text: string, params?: unknown[]) {
    const client = await this.acquire();
    try {
      return await (client.query(text, params ?? []) as Promise<QueryResult>);
    } finally {
      client.release();
    }
  }

  end(callback?: Callback<void>): Promise<void> | void {
    const closed = this.db.closed ? Promise.resolve() : this.db.close();
    if (!callback) return closed;
    closed.then(() => callback(null), (err: Error) => callback(err));
  }

  private async acquire(): Promise<PgliteClient> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    let released = false;
    return new PgliteClient(this.db, () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    });
  }
}

/** What TypeORM's `driver` option expects: an object with a `Pool` constructor. */
export function pgliteDriver(db: PGlite) {
  const pool = new PglitePool(db);
  return { Pool: class { constructor() { return pool; } } };
}
