import type { Schemas } from '../../api/client';

export type Filter = Schemas['SegmentFilterDto'];
export type Carrier = NonNullable<Filter['carriers']>[number];

/** Every carrier the API knows; the check below stops compiling if the API gains or loses one. */
export const CARRIERS = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itel'] as const;
type Missing = Exclude<Carrier, (typeof CARRIERS)[number]>;
const allCarriers: Missing extends never ? true : never = true;
void allCarriers;

/** What the builder's controls hold. */
export interface FilterForm {
  unitIds: string[];
  carriers: string[];
  tagsAny: string[];
  tagsAll: string[];
  installed: 'any' | 'yes' | 'no';
  clickedWithinDays: number | '';
}

export const EMPTY_FORM: FilterForm = {
  unitIds: [],
  carriers: [],
  tagsAny: [],
  tagsAll: [],
  installed: 'any',
  clickedWithinDays: '',
};

/** The API's filter: an empty control does not filter (the field is left out). */
export function toFilter(f: FilterForm): Filter {
  const out: Filter = {};
  if (f.unitIds.length) out.unitIds = f.unitIds.map(Number);
  if (f.carriers.length) out.carriers = f.carriers as Carrier[];
  if (f.tagsAny.length || f.tagsAll.length) {
    out.tags = {};
    if (f.tagsAny.length) out.tags.any = f.tagsAny;
    if (f.tagsAll.length) out.tags.all = f.tagsAll;
  }
  if (f.installed !== 'any') out.installed = f.installed === 'yes';
  if (f.clickedWithinDays !== '') out.clickedWithinDays = f.clickedWithinDays;
  return out;
}
