import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gateway refusals that are ours to fix (docs/dispatch.md, "Holds"): a gateway that refuses a campaign's request for
 * a reason no person caused (content not matching its registered template, unknown brandname, bad credentials,
 * malformed field) stops carrying that campaign until an operator lifts the hold; the deliveries wait, they do not
 * fail. A deferred message (answered "not now": retry, pause) is `deferred`, not left `sending`.
 */
export class GatewayHolds1764001200000 implements MigrationInterface {
  name = 'GatewayHolds1764001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_gateway_holds (
        campaign_id  integer NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        gateway_id   text NOT NULL,
        code         text NOT NULL,
        text         text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, gateway_id)
      )`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_status`);
    await q.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_status
         CHECK (status IN ('sending', 'deferred', 'sent', 'delivered', 'failed', 'unknown'))`,
    );
    // When the token was issued: refresh ahead of expiry by a share of its lifetime (not a fixed 10 minutes).
    await q.query(`ALTER TABLE gateway_tokens ADD COLUMN issued_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway_tokens DROP COLUMN IF EXISTS issued_at`);
    await q.query(`UPDATE messages SET status = 'sending' WHERE status = 'deferred'`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_status`);
    await q.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_status
         CHECK (status IN ('sending', 'sent', 'delivered', 'failed', 'unknown'))`,
    );
    await q.query(`DROP TABLE IF EXISTS campaign_gateway_holds`);
  }
}
