import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Campaigns1764000100000 } from './1764000100000-Campaigns';
import { SegmentIndexes1764000300000 } from './1764000300000-SegmentIndexes';
import { SubscriberImports1764000200000 } from './1764000200000-SubscriberImports';
import { CampaignFanout1764000400000 } from './1764000400000-CampaignFanout';
import { Dispatch1764000500000 } from './1764000500000-Dispatch';
import { Tracking1764000600000 } from './1764000600000-Tracking';
import { FanoutSpeed1764000700000 } from './1764000700000-FanoutSpeed';
import { DispatchInDoubt1764000900000 } from './1764000900000-DispatchInDoubt';
import { TemplateRegistrations1764001100000 } from './1764001100000-TemplateRegistrations';
import { GatewayHolds1764001200000 } from './1764001200000-GatewayHolds';
import { MessageGatewayPin1764001400000 } from './1764001400000-MessageGatewayPin';
import { Sessions1764001500000 } from './1764001500000-Sessions';

/** Every migration, in order. New migrations are added here (and only here). */
export const MIGRATIONS = [
  Foundation1764000000000,
  Campaigns1764000100000,
  SubscriberImports1764000200000,
  SegmentIndexes1764000300000,
  CampaignFanout1764000400000,
  Dispatch1764000500000,
  Tracking1764000600000,
  FanoutSpeed1764000700000,
  DispatchInDoubt1764000900000,
  TemplateRegistrations1764001100000,
  GatewayHolds1764001200000,
  MessageGatewayPin1764001400000,
  Sessions1764001500000,
];
