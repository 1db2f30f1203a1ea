import { DataSource } from 'typeorm';
import { DEMO_SMS_TEMPLATE, DEMO_ZNS_TEMPLATE } from './demo-templates';
import { REGISTRATION_KINDS, RegistrationGateway } from './registration-check';
import { DEMO_SMS_REGISTRATIONS, isParamTemplate, TemplateRegistrations } from './registrations';

/**
 * The demo reminders as national templates, the SMS one registered (DEMO_SMS_REGISTRATIONS) at those of the
 * configured gateways it names with their protocol's shape. Idempotent by name: an existing demo SMS template
 * without registrations gets them; nothing else is changed. Returns the names inserted and where the SMS one is
 * registered.
 */
export async function seedDemoTemplates(
  ds: DataSource,
  gateways: readonly RegistrationGateway[],
): Promise<{ inserted: string[]; registeredAt: string[] }> {
  const registrations: TemplateRegistrations = {};
  for (const [id, reg] of Object.entries(DEMO_SMS_REGISTRATIONS)) {
    const gw = gateways.find((g) => g.id === id);
    const kind = gw && REGISTRATION_KINDS[gw.protocol];
    if (kind && (kind === 'params') === isParamTemplate(reg)) registrations[id] = reg;
  }
  const inserted: string[] = [];
  const sms = DEMO_SMS_TEMPLATE;
  const zns = DEMO_ZNS_TEMPLATE;
  const rows: [string, string, string | null, boolean, string | null, string | null, string][] = [
    [sms.name, 'sms', sms.body, sms.unaccented, null, null, JSON.stringify(registrations)],
    [zns.name, 'zns', zns.body, true, zns.znsTemplateId, JSON.stringify(zns.znsParams), '{}'],
  ];
  for (const row of rows) {
    const added = await ds.query(
      `INSERT INTO templates (name, channel, body, unaccented, zns_template_id, zns_params, registrations)
       SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM templates WHERE name = $1) RETURNING id`,
      row,
    );
    if (added.length) inserted.push(row[0]);
  }
  await ds.query(
    `UPDATE templates SET registrations = $2, updated_at = now() WHERE name = $1 AND registrations = '{}'`,
    [sms.name, JSON.stringify(registrations)],
  );
  return { inserted, registeredAt: Object.keys(registrations) };
}
