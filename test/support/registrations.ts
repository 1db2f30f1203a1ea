import { AppConfig } from '@loa/core';
import { proposedRegistrations, TemplateRegistrations } from '@loa/templates';

/**
 * Registrations of `body` at every SMS gateway of `cfg` (content for Viettel/eSMS, a param template for VNPT), so a
 * test's template passes the registration check wherever its audience is routed. As JSON for SQL inserts too.
 */
export function registrationsFor(
  cfg: Pick<AppConfig, 'gateways'>,
  body: string,
  unaccented = true,
): TemplateRegistrations {
  return proposedRegistrations(cfg.gateways, body, unaccented);
}
