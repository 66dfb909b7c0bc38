/** Create a contest from a template ("Hội thi" with 6 clusters, or "Bình xét mô hình"). */
import { Button, Card, Group, NumberInput, Select, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestId } from '@shared/model/types';
import { TEMPLATES, instantiateTemplate, type TemplateId } from '@shared/templates/templates';
import { useServices } from '../../app/services';

export function NewContestForm({ onCreated }: { onCreated: (id: ContestId) => void }) {
  const { t } = useTranslation();
  const { repos, newId, now } = useServices();
  const [template, setTemplate] = useState<TemplateId>('hoi-thi');
  const [year, setYear] = useState<number>(now().getFullYear());
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setError(null);
    try {
      const out = instantiateTemplate(template, {
        newId,
        now: now().toISOString(),
        year,
        name: name.trim() || undefined,
      });
      onCreated(await repos.setup.createContest(out));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('home.create')}
      </Title>
      <Group align="end">
        <Select
          label={t('home.template')}
          data={TEMPLATES.map((x) => ({ value: x.id, label: x.name }))}
          value={template}
          onChange={(v) => v && setTemplate(v as TemplateId)}
          allowDeselect={false}
          w={300}
        />
        <TextInput
          label={t('home.name')}
          placeholder={TEMPLATES.find((x) => x.id === template)?.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={360}
        />
        <NumberInput
          label={t('home.year')}
          value={year}
          onChange={(v) => setYear(Number(v) || year)}
          min={2000}
          max={2100}
          w={100}
        />
        <Button onClick={create}>{t('home.createButton')}</Button>
      </Group>
      {error && <TextInput error={error} readOnly value="" variant="unstyled" />}
    </Card>
  );
}
