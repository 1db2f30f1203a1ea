import { Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatNumber } from '../../format';

type Count = Schemas['SegmentCountResponse'];

/** The audience of a filter as the API counts it: the total, what suppression removed, by carrier and by unit. */
export function SegmentCount({ count, updating }: { count?: Count; updating: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" aria-live="polite" aria-busy={updating}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('segments.audience')}
          </Title>
          {updating && <Loader size="xs" aria-label={t('common.loading')} />}
        </Group>
        {count && (
          <>
            <Text size="xl" fw={700} data-count="total">
              {formatNumber(count.total)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('segments.excluded', {
                matched: formatNumber(count.matched),
                optedOut: formatNumber(count.excluded.optedOut),
                dnc: formatNumber(count.excluded.dnc),
              })}
            </Text>
            <Table withTableBorder data-breakdown="carrier">
              <caption>{t('segments.byCarrier')}</caption>
              <Table.Tbody>
                {Object.entries(count.byCarrier).map(([carrier, n]) => (
                  <Table.Tr key={carrier}>
                    <Table.Th scope="row">{t(`carriers.${carrier}`, { defaultValue: carrier })}</Table.Th>
                    <Table.Td ta="right">{formatNumber(n)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table withTableBorder data-breakdown="unit">
              <caption>{t('segments.byUnit')}</caption>
              <Table.Tbody>
                {count.byUnit.map((u) => (
                  <Table.Tr key={u.unitId ?? 'none'}>
                    <Table.Th scope="row">{u.name ? `${u.name} (${u.code})` : t('segments.noUnit')}</Table.Th>
                    <Table.Td ta="right">{formatNumber(u.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
