import { Alert, Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber } from '../../format';

const FINAL = new Set(['completed', 'failed', 'cancelled']);

/** An import as the API reports it, asked again every half second until it is over. */
export function ImportProgress({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['import', id],
    queryFn: () => must(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.status) ? false : 500),
  });
  if (q.error) return <ErrorNotice error={q.error} />;
  const imp = q.data;
  if (!imp) return null;
  const done = FINAL.has(imp.status);
  return (
    <Stack gap="xs" data-import={imp.status} aria-live="polite">
      <Text fw={600}>{t(`import.status.${imp.status}`)}</Text>
      {!done && <Progress value={imp.progress * 100} aria-label={t('import.progress')} animated striped size="lg" />}
      <Group gap="xl">
        <Text data-count="total">{t('import.rows', { n: formatNumber(imp.rowsTotal) })}</Text>
        <Text data-count="accepted" c="teal.9">
          {t('import.accepted', { n: formatNumber(imp.rowsAccepted) })}
        </Text>
        <Text data-count="rejected" c={imp.rowsRejected ? 'red.9' : undefined}>
          {t('import.rejected', { n: formatNumber(imp.rowsRejected) })}
        </Text>
        {done && (
          <Text data-count="inserted">
            {t('import.insertedUpdated', { inserted: formatNumber(imp.inserted), updated: formatNumber(imp.updated) })}
          </Text>
        )}
      </Group>
      {imp.error && (
        <Alert color="red" role="alert" title={t('import.failed')}>
          {imp.error}
        </Alert>
      )}
      {done && imp.rowsRejected > 0 && (
        <Anchor href={`/api/v1/imports/${imp.id}/rejections.csv`} download data-action="rejections">
          {t('import.downloadRejections')}
        </Anchor>
      )}
    </Stack>
  );
}
