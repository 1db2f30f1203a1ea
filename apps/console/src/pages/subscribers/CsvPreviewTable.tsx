import { Alert, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CsvPreview } from './csv-preview';

/** The first rows of the chosen file under the field each column will be imported as. */
export function CsvPreviewTable({ preview }: { preview: CsvPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{t('import.mappingHelp')}</Text>
      {!preview.hasPhone && (
        <Alert color="orange" role="alert">
          {t('import.noPhone')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={400}>
        <Table withTableBorder withColumnBorders striped data-preview>
          <caption>{t('import.previewCaption', { count: preview.rows.length })}</caption>
          <Table.Thead>
            <Table.Tr>
              {preview.header.map((h, i) => (
                <Table.Th key={i} scope="col">
                  <Text size="sm" fw={600}>
                    {h}
                  </Text>
                  <Badge size="sm" variant={preview.fields[i] === 'attribute' ? 'outline' : 'filled'} data-field>
                    {t(`import.fields.${preview.fields[i]}`)}
                  </Badge>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r, i) => (
              <Table.Tr key={i}>
                {preview.header.map((_, j) => (
                  <Table.Td key={j}>{r[j] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
