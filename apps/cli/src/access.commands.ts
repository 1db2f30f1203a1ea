import { DataSource } from 'typeorm';
import { ApiKeysService, ROLES, Role } from '@loa/access';
import { CliCommand } from './commands';

export const createKeyCommand: CliCommand = {
  name: 'create-key',
  usage: 'create-key --name "Sở TTTT Thái Bình" [--role admin|operator|analyst] [--unit <unit code>] [--if-none]',
  async run(ctx, args) {
    if (args['if-none']) {
      const [{ n }] = await ctx
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
      if (n > 0) {
        console.log(`API keys exist already (${n}); create one with: npm run cli -- create-key --name "…"`);
        return;
      }
    }
    const role = (args.role ?? 'admin') as Role;
    if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    if (!args.name) throw new Error('--name is required');
    let unitId: number | null = null;
    if (args.unit) {
      const [u] = await ctx.get(DataSource).query('SELECT id FROM units WHERE code = $1', [args.unit]);
      if (!u) throw new Error(`No unit with code ${args.unit}`);
      unitId = u.id;
    }
    const key = await ctx.get(ApiKeysService).create(args.name, role, unitId, null);
    console.log(`Created ${role} key #${key.id} "${key.name}". Keep this token; it is shown only once:\n${key.token}`);
  },
};
