/** One contest: pick a round, then the tabs for setup, entrants, judges, scoring and results. */
import { Button, Group, Loader, SegmentedControl, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestId, Judge, RoundId } from '@shared/model/types';
import { duplicateForYear } from '@shared/templates/duplicate';
import { useServices } from '../../app/services';
import { useContestBundle } from './useContestBundle';
import { useJournalRecovery } from './useJournalRecovery';
import { SetupPanel } from '../setup/SetupPanel';
import { EntrantsPanel } from '../entrants/EntrantsPanel';
import { JudgesPanel } from '../judges/JudgesPanel';
import { ScoringPanel } from '../scoring/ScoringPanel';
import { ResultsPanel } from '../results/ResultsPanel';
import { AuditPanel } from '../audit/AuditPanel';
import { ExtrasPanel } from '../extras/ExtrasPanel';
import { JudgeSession } from '../judge-session/JudgeSession';
import { JudgeSignIn } from '../judge-session/JudgeSignIn';

export function ContestScreen({
  contestId,
  onOpen,
}: {
  contestId: ContestId;
  onOpen: (id: ContestId) => void;
}) {
  const { t } = useTranslation();
  const { repos, newId, now } = useServices();
  const bundle = useContestBundle(contestId);
  const recovery = useJournalRecovery(bundle ?? undefined);
  const [roundId, setRoundId] = useState<RoundId | null>(null);
  const [judge, setJudge] = useState<Judge | null>(null);
  useEffect(() => {
    if (bundle && !roundId) setRoundId(bundle.rounds[0]?.id ?? null);
  }, [bundle, roundId]);

  if (bundle === undefined) return <Loader />;
  if (bundle === null) return <Text>{t('contest.notFound')}</Text>;
  const round = bundle.rounds.find((r) => r.id === roundId) ?? bundle.rounds[0];
  if (judge)
    return (
      <JudgeSession bundle={bundle} round={round} judge={judge} onExit={() => setJudge(null)} />
    );
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{bundle.contest.name}</Title>
        <JudgeSignIn judges={bundle.judges} onSignIn={setJudge} />
        <Button
          size="xs"
          variant="default"
          onClick={async () =>
            onOpen(
              await repos.setup.createContest(
                duplicateForYear(bundle, bundle.contest.year + 1, newId, now().toISOString()),
              ),
            )
          }
        >
          Nhân bản cho năm {bundle.contest.year + 1}
        </Button>
        {bundle.rounds.length > 1 && (
          <SegmentedControl
            aria-label={t('contest.round')}
            value={round.id}
            onChange={(v) => setRoundId(v as RoundId)}
            data={bundle.rounds.map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
      </Group>
      {recovery}
      <Tabs defaultValue="entrants" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="setup">{t('contest.tabSetup')}</Tabs.Tab>
          <Tabs.Tab value="entrants">{t('contest.tabEntrants')}</Tabs.Tab>
          <Tabs.Tab value="judges">{t('contest.tabJudges')}</Tabs.Tab>
          <Tabs.Tab value="scoring">{t('contest.tabScoring')}</Tabs.Tab>
          <Tabs.Tab value="extras">Điểm thư ký</Tabs.Tab>
          <Tabs.Tab value="results">{t('contest.tabResults')}</Tabs.Tab>
          <Tabs.Tab value="audit">Nhật ký</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="setup" pt="md">
          <SetupPanel bundle={bundle} round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="entrants" pt="md">
          <EntrantsPanel bundle={bundle} round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="judges" pt="md">
          <JudgesPanel bundle={bundle} round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="scoring" pt="md">
          <ScoringPanel bundle={bundle} round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="extras" pt="md">
          <ExtrasPanel bundle={bundle} round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsPanel bundle={bundle} round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel bundle={bundle} round={round} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
