import { Type } from '@nestjs/common';
import { AccessHttpModule } from './access/access-http.module';
import { CampaignsHttpModule } from './campaigns/campaigns-http.module';
import { GatewaysHttpModule } from './gateways/gateways-http.module';
import { SegmentsHttpModule } from './segments/segments-http.module';
import { StatsHttpModule } from './stats/stats-http.module';
import { SubscribersHttpModule } from './subscribers/subscribers-http.module';
import { TemplatesHttpModule } from './templates/templates-http.module';
import { TrackingHttpModule } from './tracking/tracking-http.module';
import { UnitsHttpModule } from './units/units-http.module';

/** The api's domain HTTP modules (controllers over the domain libs), one per domain. */
export const HTTP_MODULES: Type[] = [
  AccessHttpModule,
  UnitsHttpModule,
  SubscribersHttpModule,
  SegmentsHttpModule,
  TemplatesHttpModule,
  CampaignsHttpModule,
  GatewaysHttpModule,
  TrackingHttpModule,
  StatsHttpModule,
];
