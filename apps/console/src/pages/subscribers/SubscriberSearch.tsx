import { Badge, Button, Card, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';

/** Find a subscriber by number, in any shape the API accepts (0912…, +84 912…, 84912…). */
export function SubscriberSearch() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const q = useQuery({
    queryKey: ['subscribers', phone],
    queryFn: () => must(api.GET('/api/v1/subscribers', { params: { query: { phone, limit: 20 } } })),
    enabled: phone !== '',
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setPhone(String(new FormData(e.currentTarget).get('phone') ?? '').trim());
  };
  const err = q.error instanceof ApiError ? q.error : null;
  const items = q.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="search-title">
      <Stack>
        <Title order={2} size="h4" id="search-title">
          {t('search.title')}
        </Title>
        <form onSubmit={submit} role="search" noValidate>
          <Group align="flex-end">
            <TextInput
              name="phone"
              label={t('search.phone')}
              placeholder="0912 345 678"
              error={err?.fieldProblem('phone')}
            />
            <Button type="submit" data-action="search">
              {t('search.submit')}
            </Button>
          </Group>
        </form>
        <ErrorNotice error={q.error} shownFields={['phone']} />
        {q.isFetching && <Loading />}
        {q.isSuccess && !items.length && <EmptyState>{t('search.none')}</EmptyState>}
        {items.length > 0 && (
          <Table withTableBorder data-results>
            <Table.Thead>
              <Table.Tr>
                {['phone', 'carrier', 'name', 'tags', 'installed', 'created'].map((c) => (
                  <Table.Th key={c} scope="col">
                    {t(`search.col.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.phone}</Table.Td>
                  <Table.Td>{t(`carriers.${s.carrier}`)}</Table.Td>
                  <Table.Td>{s.name ?? ''}</Table.Td>
                  <Table.Td>
                    {s.tags.map((tag) => (
                      <Badge key={tag} variant="light" mr={4}>
                        {tag}
                      </Badge>
                    ))}
                  </Table.Td>
                  <Table.Td>{s.installedAt ? formatDate(s.installedAt) : t('search.notInstalled')}</Table.Td>
                  <Table.Td>{formatDate(s.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
