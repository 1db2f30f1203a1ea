import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * An error not tied to one field: what the server said (its message names the problem), under a heading in the
 * page's language. Errors with `fields` are shown beside those fields by the forms instead; `shownFields` says which.
 */
export function ErrorNotice({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const shown = (field: string) => shownFields.some((s) => field === s || field.startsWith(`${s}.`));
  if (error instanceof ApiError && error.fields.length && error.fields.every((f) => shown(f.field))) return null;
  const title =
    error instanceof ApiError
      ? t(`errors.status.${error.status}`, { defaultValue: t('errors.generic') })
      : t('errors.network');
  return (
    <Alert color="red" title={title} role="alert" data-error>
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
