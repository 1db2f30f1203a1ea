import { AppShell, Button, Group, NavLink, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client';
import { Language, LANGUAGES, setLanguage } from '../i18n';
import { useSession } from '../session';

/** The frame of every signed-in page: who is signed in, the pages, the language switch and sign-out. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession().data!;
  const queries = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.DELETE('/api/v1/session');
    queries.clear();
    navigate('/signin', { replace: true });
  };
  const where = session.unit ? `${session.unit.name} (${session.unit.code})` : t('shell.national');
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            {t('app.title')}
          </Title>
          <Group gap="md" wrap="nowrap">
            <Text size="sm" data-who>
              {session.name} · {t(`roles.${session.role}`)} · {where}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={t('shell.language')}
              value={i18n.language}
              onChange={(v) => setLanguage(v as Language)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
            <Button variant="default" size="xs" onClick={signOut}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.pages')}>
        <Stack gap={4}>
          <NavLink component={RouterLink} to="/subscribers" label={t('nav.subscribers')} variant="filled" />
          <NavLink component={RouterLink} to="/segments" label={t('nav.segments')} variant="filled" />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
