import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsId } from '@loa/core';

export class CreateUnitDto {
  @ApiProperty({ example: '12592', description: 'Official (GSO) code, unique' })
  @IsString()
  @Matches(/^[0-9A-Za-z._-]{1,32}$/, { message: 'code: letters, digits, ".", "_" or "-", at most 32' })
  code: string;

  @ApiProperty({ example: 'Xã Tân Lễ' }) @IsString() @Length(1, 200) name: string;

  @ApiProperty({ example: 'commune', description: "Free text: 'province', 'district', 'commune', …" })
  @IsString()
  @Length(1, 50)
  level: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Parent unit id; omit (and parentCode) for a root' })
  @IsOptional()
  @IsId()
  parentId?: number;

  @ApiPropertyOptional({ example: '339', description: 'Parent by code, instead of parentId' })
  @IsOptional()
  @IsString()
  parentCode?: string;
}

export class MoveUnitDto {
  @ApiPropertyOptional({ type: 'integer', description: 'New parent id; null makes the unit a root', nullable: true })
  @IsOptional()
  @IsId()
  parentId?: number | null;
}

export class ListUnitsQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'Children of this unit; omitted: the roots you can see' })
  @IsOptional()
  @IsId()
  parent?: number;
}
