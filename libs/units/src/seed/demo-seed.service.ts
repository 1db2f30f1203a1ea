import { Injectable } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnitImportResult } from '../unit.types';
import { UnitsService } from '../units.service';

const FILE = 'demo-units.csv';

/**
 * The units named in the 2020 letters (2020 layout: province → district → commune), with their GSO codes.
 * The CSV is not compiled by tsc, so it is looked up beside this file and then in the source tree.
 */
export function demoUnitsCsvPath(): string {
  const candidates = [
    join(__dirname, FILE),
    join(__dirname, '..', '..', '..', '..', '..', 'libs', 'units', 'src', 'seed', FILE),
    join(process.cwd(), 'libs', 'units', 'src', 'seed', FILE),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Demo units file not found (looked in ${candidates.join(', ')})`);
  return found;
}

@Injectable()
export class DemoSeedService {
  constructor(private readonly units: UnitsService) {}

  /** Idempotent: the CSV import upserts by code. */
  seedUnits(): Promise<UnitImportResult> {
    return this.units.importCsv(readFileSync(demoUnitsCsvPath()));
  }
}
