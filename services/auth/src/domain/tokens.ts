import { NotFoundError, UserDto } from '@bigtix/common';
import { IssuedToken, Revocations, TokenKind } from '@bigtix/middleware';
import type { Collection } from 'mongodb';

/** One issued session or CLI token, by its id (the JWT's `jti`); the record of truth for revocation. */
export interface TokenDoc {
  _id: string;
  userId: string;
  kind: TokenKind;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface CliTokenDto {
  id: string;
  createdAt: string;
  expiresAt: string;
  /** The token this request was made with. */
  current: boolean;
}

export class Tokens {
  constructor(
    private readonly docs: Collection<TokenDoc>,
    private readonly revocations: Revocations,
    /** Milliseconds since the epoch (AuthDeps.now). */
    private readonly now: () => number,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.docs.createIndex({ userId: 1 });
  }

  async record(user: UserDto, kind: TokenKind, issued: IssuedToken): Promise<void> {
    await this.docs.insertOne({
      _id: issued.id,
      userId: user.id,
      kind,
      createdAt: new Date(this.now()),
      expiresAt: issued.expiresAt,
      revokedAt: null,
    });
  }

  /** The user's CLI tokens that still work. */
  async listCli(user: UserDto, currentId: string | null): Promise<CliTokenDto[]> {
    const now = this.now();
    const docs = await this.docs.find({ userId: user.id }).toArray();
    return docs
      .filter((d) => d.kind === 'cli' && !d.revokedAt && d.expiresAt.getTime() > now)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((d) => ({
        id: d._id,
        createdAt: d.createdAt.toISOString(),
        expiresAt: d.expiresAt.toISOString(),
        current: d._id === currentId,
      }));
  }

  /** Revokes one of the user's tokens; someone else's, or an unknown id, is a 404 (not a hint). */
  async revokeOwn(user: UserDto, id: string): Promise<void> {
    const doc = await this.docs.findOne({ _id: id });
    if (!doc || doc.userId !== user.id) throw new NotFoundError(`No token ${id}`);
    await this.revoke(doc._id, doc.expiresAt);
  }

  /**
   * Revokes every session and CLI token of the user that still works, except `keepId` (the one a
   * password change was made with). Used by password change and reset.
   */
  async revokeAllOf(userId: string, keepId: string | null = null): Promise<number> {
    const now = this.now();
    const live = await this.docs.find({ userId }).toArray();
    const targets = live.filter((d) => !d.revokedAt && d.expiresAt.getTime() > now && d._id !== keepId);
    for (const d of targets) await this.revoke(d._id, d.expiresAt);
    return targets.length;
  }

  /**
   * The record first (the truth), then Redis (what every service reads). If Redis is away the
   * sign-out still succeeds and resyncRevocations publishes the revocation once it is back.
   */
  async revoke(id: string, expiresAt: Date): Promise<void> {
    await this.docs.updateOne({ _id: id }, { $set: { revokedAt: new Date(this.now()) } });
    await this.revocations.revoke(id, expiresAt).catch(() => undefined);
  }

  /**
   * Writes every revocation still in force back to Redis, which keeps no snapshot (deploy/helm):
   * after it restarts, workers/revocation-resync.ts calls this within a minute.
   */
  async resyncRevocations(): Promise<void> {
    const now = new Date(this.now());
    const revoked = await this.docs.find({ revokedAt: { $ne: null }, expiresAt: { $gt: now } }).toArray();
    for (const d of revoked) await this.revocations.revoke(d._id, d.expiresAt);
  }
}
