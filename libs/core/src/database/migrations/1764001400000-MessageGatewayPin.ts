import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failover across gateways (docs/dispatch.md, "Failover"): the gateway that may already hold a channel attempt —
 * a send to it was in doubt — is kept on the message, and every later attempt of that channel goes to it only.
 */
export class MessageGatewayPin1764001400000 implements MigrationInterface {
  name = 'MessageGatewayPin1764001400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN pinned_gateway_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN IF EXISTS pinned_gateway_id`);
  }
}
