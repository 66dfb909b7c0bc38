/** Test data builders with sensible defaults (aContest(), aJudge() …); override what a test cares about. */
import type {
  Cluster,
  ClusterId,
  Contest,
  ContestId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  Round,
  RoundId,
  Score,
} from '@shared/model/types';
import { DEFAULT_PARTY_ISSUER } from '@shared/templates/templates';
import type { UnsealedEvent } from '@shared/journal/event';

export const aContest = (o: Partial<Contest> = {}): Contest => ({
  id: 'c1' as ContestId,
  name: 'Hội thi “Dân vận khéo” năm 2026',
  kind: 'contest',
  year: 2026,
  issuer: DEFAULT_PARTY_ISSUER,
  fields: [],
  createdAt: '2026-11-23T00:00:00.000Z',
  ...o,
});
export const aRound = (o: Partial<Round> = {}): Round => ({
  id: 'r1' as RoundId,
  contestId: 'c1' as ContestId,
  name: 'Vòng chung khảo',
  stage: 'final',
  order: 0,
  policy: { kind: 'mean' },
  tieBreak: [],
  prizes: [],
  prizesPerCluster: false,
  locked: false,
  ...o,
});
export const aCluster = (o: Partial<Cluster> = {}): Cluster => ({
  id: 'k1' as ClusterId,
  roundId: 'r1' as RoundId,
  name: 'Cụm 1',
  order: 0,
  ...o,
});
export const aCriterion = (o: Partial<Criterion> = {}): Criterion => ({
  id: 'q1' as CriterionId,
  roundId: 'r1' as RoundId,
  parentId: null,
  name: 'Nội dung',
  order: 0,
  maxCp: 1000,
  stepCp: 50,
  weight: 1,
  ...o,
});
export const aJudge = (o: Partial<Judge> = {}): Judge => ({
  id: 'j1' as JudgeId,
  contestId: 'c1' as ContestId,
  name: 'Nguyễn Thị Hằng',
  title: 'Phó Trưởng ban',
  unit: 'Ban Dân vận Thành ủy',
  role: 'member',
  clusterIds: [],
  fields: [],
  order: 0,
  ...o,
});
export const anEntrant = (o: Partial<Entrant> = {}): Entrant => ({
  id: 'e1' as EntrantId,
  roundId: 'r1' as RoundId,
  code: 'D001',
  kind: 'team',
  name: 'Đội Phường Hoàn Kiếm',
  unit: 'Đảng ủy phường Hoàn Kiếm',
  clusterId: null,
  order: 0,
  ...o,
});
export const aScore = (o: Partial<Score> = {}): Score => ({
  roundId: 'r1' as RoundId,
  judgeId: 'j1' as JudgeId,
  entrantId: 'e1' as EntrantId,
  criterionId: 'q1' as CriterionId,
  steps: 17,
  ...o,
});
export const aScoreEvent = (o: Partial<UnsealedEvent> = {}): UnsealedEvent => ({
  v: 1,
  contestId: 'c1',
  roundId: 'r1',
  judgeId: 'j1',
  entrantId: 'e1',
  criterionId: 'q1',
  kind: 'enter',
  steps: 17,
  pass: null,
  by: { role: 'secretary', name: 'Thư ký' },
  at: '2026-11-23T08:00:00.000Z',
  reason: null,
  ...o,
});
