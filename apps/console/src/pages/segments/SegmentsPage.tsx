import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canChange, useSession } from '../../session';
import { SegmentBuilder } from './SegmentBuilder';
import { SegmentList } from './SegmentList';

/** Segments: the saved audiences, and a builder that counts as you go (saving: operators and admins). */
export function SegmentsPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.segments')}
      </Title>
      <SegmentBuilder canSave={canChange(session)} />
      <SegmentList />
    </Stack>
  );
}
