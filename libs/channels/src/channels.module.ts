import { Module } from '@nestjs/common';
import { EsmsJsonAdapter } from './esms/esms-json.adapter';
import { GatewayRegistry } from './gateway.registry';
import { GatewayHttp } from './http/gateway-http.client';
import { ViettelSoapAdapter } from './viettel/viettel-soap.adapter';
import { VnptJsonAdapter } from './vnpt/vnpt-json.adapter';
import { ZaloZnsAdapter } from './zalo/zalo-zns.adapter';

/** Gateway adapters (no HTTP server code: safe for the worker). Needs CoreModule's Clock (global). */
@Module({
  providers: [GatewayHttp, ViettelSoapAdapter, VnptJsonAdapter, EsmsJsonAdapter, ZaloZnsAdapter, GatewayRegistry],
  exports: [GatewayRegistry, GatewayHttp],
})
export class ChannelsModule {}
