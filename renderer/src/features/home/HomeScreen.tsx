/** Start screen: the contests on this machine and creating a new one from a built-in template. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { ContestId } from '@shared/model/types';
import { useServices } from '../../app/services';
import { DiskContests } from './DiskContests';
import { NewContestForm } from './NewContestForm';
import { SampleData } from './SampleData';

export function HomeScreen({ onOpen }: { onOpen: (id: ContestId) => void }) {
  const { t } = useTranslation();
  const { repos } = useServices();
  const contests = useLiveQuery(() => repos.setup.listContests(), []);
  return (
    <Stack>
      <DiskContests onOpen={onOpen} />
      <NewContestForm onCreated={onOpen} />
      <SampleData onOpen={onOpen} />
      <Title order={4}>{t('home.contests')}</Title>
      {contests?.length === 0 && <Text c="dimmed">{t('home.empty')}</Text>}
      {contests?.map((c) => (
        <Card key={c.id} withBorder padding="sm" data-testid="contest-card">
          <Group justify="space-between">
            <Group>
              <Badge color={c.kind === 'contest' ? 'red' : 'teal'}>
                {c.kind === 'contest' ? t('home.kindContest') : t('home.kindAward')}
              </Badge>
              <Text fw={600}>{c.name}</Text>
              <Text c="dimmed" size="sm">
                {c.year}
              </Text>
            </Group>
            <Button
              size="xs"
              onClick={() => onOpen(c.id)}
              aria-label={`${t('home.open')} ${c.name}`}
            >
              {t('home.open')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
