import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, Schemas } from '../../api/client';

type Unit = Schemas['UnitResponse'];

/** Every unit the key may see: its roots (a scoped key: its own unit) and their subtrees, parents first. */
async function visibleUnits(): Promise<Unit[]> {
  const roots = await must(api.GET('/api/v1/units'));
  const trees = await Promise.all(
    roots.map((r) => must(api.GET('/api/v1/units/{id}/subtree', { params: { path: { id: r.id } } }))),
  );
  return trees.flat();
}

/** Choose unit subtrees (a unit counts everything below it); indented by depth, searchable by name or code. */
export function UnitPicker(props: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const units = useQuery({ queryKey: ['units', 'visible'], queryFn: visibleUnits, staleTime: 300_000 });
  const top = Math.min(...(units.data ?? []).map((u) => u.depth));
  const data = (units.data ?? []).map((u) => ({
    value: String(u.id),
    label: `${'· '.repeat(u.depth - top)}${u.name} (${u.code})`,
  }));
  return (
    <MultiSelect
      label={t('segments.units')}
      description={t('segments.unitsHelp')}
      placeholder={units.isPending ? t('common.loading') : t('segments.allUnits')}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      error={props.error ?? (units.error ? String(units.error.message) : undefined)}
      data-field="units"
    />
  );
}
