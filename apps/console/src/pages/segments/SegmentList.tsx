import { Card, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format';

/** The saved segments the key may see (its unit subtree). */
export function SegmentList() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['segments'], queryFn: () => must(api.GET('/api/v1/segments')) });
  return (
    <Card withBorder component="section" aria-labelledby="list-title">
      <Stack>
        <Title order={2} size="h4" id="list-title">
          {t('segments.list')}
        </Title>
        {q.isPending && <Loading />}
        <ErrorNotice error={q.error} />
        {q.data && !q.data.length && <EmptyState>{t('segments.none')}</EmptyState>}
        {q.data && q.data.length > 0 && (
          <Table withTableBorder data-segments>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('segments.name')}</Table.Th>
                <Table.Th scope="col">{t('segments.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{formatDateTime(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
