import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface IdempotencyRequest {
  userId: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a reservation found: the key is ours now, or an earlier request holds it. */
export type Reservation =
  | { kind: 'reserved' }
  | { kind: 'in-progress'; requestHash: string }
  | { kind: 'completed'; requestHash: string; response: StoredResponse };

@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request, atomically: a new key is inserted without a response; an
   * expired one is taken over (the conflict's WHERE is re-checked on the locked row, so of two
   * requests racing for an expired key one takes it and the other sees it in progress).
   * Otherwise the live row is read back. A row deleted between the two statements (released
   * after a 5xx, or pruned) is simply claimed again.
   */
  async reserve(request: IdempotencyRequest, now: Date, expiresAt: Date): Promise<Reservation> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const claimed: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_key AS k
                (user_id, key, request_hash, method, path, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (user_id, key) DO UPDATE
            SET request_hash = EXCLUDED.request_hash, method = EXCLUDED.method,
                path = EXCLUDED.path, created_at = EXCLUDED.created_at,
                expires_at = EXCLUDED.expires_at, response_status = NULL,
                response_headers = NULL, response_body = NULL
          WHERE k.expires_at <= EXCLUDED.created_at
         RETURNING 1`,
        [
          request.userId,
          request.key,
          request.requestHash,
          request.method,
          request.path,
          now,
          expiresAt,
        ],
      );
      if (claimed.length > 0) return { kind: 'reserved' };
      const rows: Array<{
        request_hash: string;
        response_status: number | null;
        response_headers: Record<string, string> | null;
        response_body: string | null;
      }> = await this.dataSource.query(
        `SELECT request_hash, response_status, response_headers, response_body
           FROM idempotency_key WHERE user_id = $1 AND key = $2`,
        [request.userId, request.key],
      );
      const row = rows[0];
      if (!row) continue;
      if (row.response_status === null) {
        return { kind: 'in-progress', requestHash: row.request_hash };
      }
      return {
        kind: 'completed',
        requestHash: row.request_hash,
        response: {
          status: row.response_status,
          headers: row.response_headers ?? {},
          body: row.response_body ?? '',
        },
      };
    }
    // Three rounds of claim-then-vanish would need a release or prune each time: say "busy".
    return { kind: 'in-progress', requestHash: request.requestHash };
  }

  /** Stores the first request's answer for replay (only over its own reservation). */
  async complete(userId: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key
          SET response_status = $3, response_headers = $4, response_body = $5
        WHERE user_id = $1 AND key = $2 AND response_status IS NULL`,
      [userId, key, response.status, JSON.stringify(response.headers), response.body],
    );
  }

  /** Frees a reservation whose request failed on our side, so that a retry runs afresh. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND response_status IS NULL`,
      [userId, key],
    );
  }

  /** Deletes expired keys; returns how many. */
  async prune(now: Date): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE expires_at <= $1`,
      [now],
    );
    return result[1];
  }
}
