import { ApiProperty } from '@nestjs/swagger';
import { Int, Str, Strs } from '../openapi/props';

export class InvalidInstallResponse {
  @Int({ description: 'Position in the list (or line of the file)' }) index: number;
  @Str() value: string;
  @Str() reason: string;
}

export class InstallResultResponse {
  @Int() received: number;
  @Int({ description: 'Newly recorded installs' }) installed: number;
  @Int() alreadyInstalled: number;
  @Int({ description: 'Of the new installs, those credited to a campaign message' }) attributed: number;
  @Strs({ description: 'Valid numbers that are not subscribers' }) unknown: string[];
  @ApiProperty({ type: [InvalidInstallResponse] }) invalid: InvalidInstallResponse[];
}
