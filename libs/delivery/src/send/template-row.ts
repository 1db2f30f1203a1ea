import { TemplateRegistrations } from '@loa/templates';

/** A template as a send needs it (`DeliveryRepository.template`). */
export interface TemplateRow {
  id: number;
  channel: 'sms' | 'zns';
  body: string | null;
  unaccented: boolean;
  znsTemplateId: string | null;
  znsParams: Record<string, string> | null;
  /** Gateway id → registration (VNPT sends are built from it). */
  registrations: TemplateRegistrations;
}
