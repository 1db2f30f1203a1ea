import {
  Button,
  Card,
  Chip,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CARRIERS, EMPTY_FORM, FilterForm, toFilter } from './segment-filter';
import { SegmentCount } from './SegmentCount';
import { UnitPicker } from './UnitPicker';

const FILTER_FIELDS = [
  'filter.unitIds',
  'filter.carriers',
  'filter.tags',
  'filter.installed',
  'filter.clickedWithinDays',
];

/** Build an audience: the count comes from the API as the filter changes (debounced); operators can save it. */
export function SegmentBuilder({ canSave }: { canSave: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const set = <K extends keyof FilterForm>(k: K, v: FilterForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const [filter] = useDebouncedValue(toFilter(form), 400);
  const count = useQuery({
    queryKey: ['segment-count', filter],
    queryFn: () => must(api.POST('/api/v1/segments/count', { body: { filter } })),
    placeholderData: keepPreviousData,
  });
  const save = useMutation({
    mutationFn: (name: string) => must(api.POST('/api/v1/segments', { body: { name, filter: toFilter(form) } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['segments'] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(String(new FormData(e.currentTarget).get('name') ?? '').trim());
  };
  const err = [save.error, count.error].find((e): e is ApiError => e instanceof ApiError);
  const problem = (field: string) => err?.fieldProblem(`filter.${field}`);
  return (
    <Card withBorder component="section" aria-labelledby="builder-title">
      <Title order={2} size="h4" id="builder-title" mb="sm">
        {t('segments.builder')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <UnitPicker value={form.unitIds} onChange={(v) => set('unitIds', v)} error={problem('unitIds')} />
            <Chip.Group multiple value={form.carriers} onChange={(v) => set('carriers', v)}>
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" size="sm" fw={500} mb={4}>
                  {t('segments.carriers')}
                </Text>
                <Group gap="xs">
                  {CARRIERS.map((c) => (
                    <Chip key={c} value={c} size="sm">
                      {t(`carriers.${c}`)}
                    </Chip>
                  ))}
                </Group>
                {problem('carriers') && (
                  <Text c="red.8" size="sm">
                    {problem('carriers')}
                  </Text>
                )}
              </fieldset>
            </Chip.Group>
            <TagsInput
              label={t('segments.tagsAny')}
              value={form.tagsAny}
              onChange={(v) => set('tagsAny', v)}
              error={problem('tags.any')}
            />
            <TagsInput
              label={t('segments.tagsAll')}
              value={form.tagsAll}
              onChange={(v) => set('tagsAll', v)}
              error={problem('tags.all')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="installed-label">
                {t('segments.installed')}
              </Text>
              <SegmentedControl
                aria-labelledby="installed-label"
                value={form.installed}
                onChange={(v) => set('installed', v as FilterForm['installed'])}
                data={(['any', 'yes', 'no'] as const).map((v) => ({
                  value: v,
                  label: t(`segments.installedOptions.${v}`),
                }))}
              />
            </Stack>
            <NumberInput
              label={t('segments.clickedWithin')}
              description={t('segments.clickedWithinHelp')}
              value={form.clickedWithinDays}
              onChange={(v) => set('clickedWithinDays', typeof v === 'number' ? v : '')}
              allowDecimal={false}
              error={problem('clickedWithinDays')}
              name="clickedWithinDays"
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <SegmentCount count={count.data} updating={count.isFetching} />
            <ErrorNotice error={count.error} shownFields={FILTER_FIELDS} />
            {canSave && (
              <form onSubmit={submit} noValidate>
                <Stack>
                  <TextInput name="name" label={t('segments.name')} required error={err?.fieldProblem('name')} />
                  <Button type="submit" loading={save.isPending} data-action="save-segment">
                    {t('segments.save')}
                  </Button>
                </Stack>
              </form>
            )}
            <ErrorNotice error={save.error} shownFields={['name', ...FILTER_FIELDS]} />
            {save.isSuccess && (
              <Text c="teal.9" role="status" data-saved>
                {t('segments.saved', { name: save.data.name })}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Card>
  );
}
