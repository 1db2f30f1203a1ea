import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CsvPreview, previewCsv } from './csv-preview';
import { CsvPreviewTable } from './CsvPreviewTable';
import { ImportProgress } from './ImportProgress';

const CSV_TYPES = ['text/csv', 'application/vnd.ms-excel', 'text/plain'];

/** Upload a CSV of subscribers: drop it, check the columns the import will read, start it, follow it. */
export function ImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const start = useMutation({
    mutationFn: (f: { file: File; unitCode: string; tags: string }) => {
      const form = new FormData();
      form.append('file', f.file);
      if (f.unitCode) form.append('unitCode', f.unitCode);
      if (f.tags) form.append('tags', f.tags);
      return must(
        api.POST('/api/v1/imports/subscribers', {
          body: { file: '' },
          bodySerializer: () => form,
        }),
      );
    },
  });
  const choose = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    start.reset();
    setFile(f);
    setPreview(previewCsv(await f.slice(0, 64 * 1024).text()));
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    if (file)
      start.mutate({ file, unitCode: String(data.get('unitCode') ?? '').trim(), tags: String(data.get('tags') ?? '') });
  };
  const err = start.error instanceof ApiError ? start.error : null;
  return (
    <Card withBorder component="section" aria-labelledby="import-title">
      <Stack>
        <Title order={2} size="h4" id="import-title">
          {t('import.title')}
        </Title>
        <Dropzone
          onDrop={choose}
          accept={CSV_TYPES}
          multiple={false}
          maxFiles={1}
          aria-label={t('import.drop')}
          inputProps={{ 'aria-label': t('import.drop') }}
        >
          <Stack align="center" gap={4} p="md" style={{ pointerEvents: 'none' }}>
            <Text fw={600}>{t('import.drop')}</Text>
            <Text size="sm" c="dimmed">
              {file ? t('import.chosen', { name: file.name }) : t('import.dropHelp')}
            </Text>
          </Stack>
        </Dropzone>
        {preview && <CsvPreviewTable preview={preview} />}
        {file && (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Group grow align="flex-start">
                <TextInput
                  name="unitCode"
                  label={t('import.unitCode')}
                  description={t('import.unitCodeHelp')}
                  error={err?.fieldProblem('unitCode')}
                />
                <TextInput
                  name="tags"
                  label={t('import.tags')}
                  description={t('import.tagsHelp')}
                  error={err?.fieldProblem('tags')}
                />
              </Group>
              <Group>
                <Button type="submit" loading={start.isPending} data-action="import">
                  {t('import.start')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <ErrorNotice error={start.error} shownFields={['unitCode', 'tags']} />
        {start.data && <ImportProgress id={start.data.id} />}
      </Stack>
    </Card>
  );
}
