import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canChange, useSession } from '../../session';
import { ImportCard } from './ImportCard';
import { SubscriberSearch } from './SubscriberSearch';

/** Subscribers: import a list (operators, admins) and find a number (everyone). */
export function SubscribersPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.subscribers')}
      </Title>
      {canChange(session) && <ImportCard />}
      <SubscriberSearch />
    </Stack>
  );
}
