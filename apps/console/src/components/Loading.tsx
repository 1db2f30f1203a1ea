import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader aria-hidden size="sm" mr="sm" />
      {t('common.loading')}
    </Center>
  );
}
