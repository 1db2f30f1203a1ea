import { Int, MaybeInt, Str } from '../openapi/props';

export class UnitResponse {
  @Int() id: number;
  @Str({ example: '12592' }) code: string;
  @Str({ example: 'Xã Tân Lễ' }) name: string;
  @Str({ example: 'commune' }) level: string;
  @MaybeInt() parentId: number | null;
  @Str({ example: '/1/7/42/', description: 'Materialised id path' }) path: string;
  @Int({ description: '0 for a root' }) depth: number;
}

export class UnitImportResponse {
  @Int() inserted: number;
  @Int() updated: number;
  @Int() unchanged: number;
}
