import { Button, Center, Paper, PasswordInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, must } from '../../api/client';
import { Language, LANGUAGES, setLanguage } from '../../i18n';

/**
 * Sign-in with an API key. The key goes from the form straight into one request and the form is emptied: the page
 * keeps no copy (no state, no storage); the api answers with an HttpOnly session cookie that scripts cannot read.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const signIn = useMutation({
    mutationFn: (key: string) => must(api.POST('/api/v1/session', { body: { key } })),
    onSuccess: async () => {
      // Forget "nobody is signed in" (not just mark it stale), so the pages wait for who it is now.
      await queries.resetQueries({ queryKey: ['session'] });
      navigate('/subscribers', { replace: true });
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const key = String(new FormData(form).get('key') ?? '').trim();
    form.reset();
    if (key) signIn.mutate(key);
  };
  const error = signIn.error;
  const keyError =
    error instanceof ApiError && error.status === 401
      ? t('signin.badKey')
      : error instanceof ApiError
        ? (error.fieldProblem('key') ?? error.message)
        : error
          ? t('errors.network')
          : undefined;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('app.title')}
            </Title>
            <Text size="sm">{t('signin.intro')}</Text>
            <PasswordInput
              name="key"
              label={t('signin.key')}
              description={t('signin.keyHelp')}
              autoComplete="off"
              required
              error={keyError}
            />
            <Button type="submit" loading={signIn.isPending}>
              {t('signin.submit')}
            </Button>
            <SegmentedControl
              size="xs"
              aria-label={t('shell.language')}
              value={i18n.language}
              onChange={(v) => setLanguage(v as Language)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
