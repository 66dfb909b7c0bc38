/**
 * Built-in starting points for the two Dân vận khéo formats. A template produces plain records; the
 * caller stores them. Ids and time are passed in (nothing here reads a clock or a random source).
 */
import type {
  Cluster,
  ClusterId,
  Contest,
  ContestId,
  Criterion,
  CriterionId,
  Issuer,
  Round,
  RoundId,
} from '../model/types';

export interface TemplateOutput {
  readonly contest: Contest;
  readonly rounds: readonly Round[];
  readonly clusters: readonly Cluster[];
  readonly criteria: readonly Criterion[];
}

export interface TemplateContext {
  readonly newId: () => string;
  readonly now: string;
  readonly year: number;
  readonly name?: string;
}

export type TemplateId = 'hoi-thi' | 'binh-xet';

export const TEMPLATES: readonly { id: TemplateId; name: string; description: string }[] = [
  {
    id: 'hoi-thi',
    name: 'Hội thi “Dân vận khéo”',
    description:
      'Sơ khảo 6 cụm thi, chung khảo; ba phần thi: Chào hỏi, Kiến thức, Tiểu phẩm (100 điểm).',
  },
  {
    id: 'binh-xet',
    name: 'Bình xét mô hình “Dân vận khéo”',
    description: 'Chấm hồ sơ mô hình theo 5 tiêu chuẩn (100 điểm); công nhận từ 80 điểm.',
  },
];

export const DEFAULT_PARTY_ISSUER: Issuer = {
  family: 'party',
  superior: 'THÀNH ỦY HÀ NỘI',
  name: 'BAN DÂN VẬN',
  place: 'Hà Nội',
  signerMark: 'T/M BAN TỔ CHỨC',
  signerTitle: 'TRƯỞNG BAN',
  signerName: '',
};

/** Parts: [name, children [name, max points, step points]]. */
type PartSpec = readonly [string, readonly (readonly [string, number, number])[]];

const CONTEST_PARTS: readonly PartSpec[] = [
  [
    'Chào hỏi',
    [
      ['Nội dung giới thiệu', 10, 0.5],
      ['Phong cách, trình bày', 10, 0.5],
    ],
  ],
  [
    'Kiến thức',
    [
      ['Trả lời câu hỏi', 20, 0.5],
      ['Xử lý tình huống', 10, 0.5],
    ],
  ],
  [
    'Tiểu phẩm',
    [
      ['Nội dung kịch bản', 20, 0.5],
      ['Tính thực tiễn tại địa phương', 10, 0.5],
      ['Diễn xuất', 15, 0.5],
      ['Dàn dựng, phục trang', 5, 0.25],
    ],
  ],
];

const AWARD_STANDARDS: readonly PartSpec[] = [
  [
    'Tiêu chuẩn 1: Tính mới, sáng tạo',
    [
      ['Cách làm mới, phù hợp thực tiễn', 10, 0.5],
      ['Phát huy vai trò của nhân dân', 10, 0.5],
    ],
  ],
  [
    'Tiêu chuẩn 2: Hiệu quả',
    [
      ['Hiệu quả kinh tế – xã hội', 10, 0.5],
      ['Được nhân dân đồng tình, ủng hộ', 10, 0.5],
    ],
  ],
  [
    'Tiêu chuẩn 3: Khả năng nhân rộng',
    [
      ['Có thể áp dụng ở nơi khác', 10, 0.5],
      ['Đã được nhân rộng', 10, 0.5],
    ],
  ],
  [
    'Tiêu chuẩn 4: Tính bền vững',
    [
      ['Duy trì thường xuyên', 10, 0.5],
      ['Có nguồn lực bảo đảm', 10, 0.5],
    ],
  ],
  [
    'Tiêu chuẩn 5: Hồ sơ, minh chứng',
    [
      ['Báo cáo đầy đủ, rõ ràng', 10, 0.5],
      ['Số liệu, minh chứng cụ thể', 10, 0.5],
    ],
  ],
];

export const FIELDS = [
  'Kinh tế',
  'Văn hóa – xã hội',
  'Quốc phòng – an ninh',
  'Xây dựng hệ thống chính trị',
];

export function buildCriteria(
  roundId: RoundId,
  parts: readonly PartSpec[],
  newId: () => string,
): Criterion[] {
  const out: Criterion[] = [];
  parts.forEach(([partName, children], pi) => {
    const partId = newId() as CriterionId;
    const maxCp = children.reduce((s, [, max]) => s + Math.round(max * 100), 0);
    out.push({
      id: partId,
      roundId,
      parentId: null,
      name: partName,
      order: pi,
      maxCp,
      stepCp: 25,
      weight: 1,
    });
    children.forEach(([name, max, step], ci) => {
      out.push({
        id: newId() as CriterionId,
        roundId,
        parentId: partId,
        name,
        order: ci,
        maxCp: Math.round(max * 100),
        stepCp: Math.round(step * 100),
        weight: 1,
      });
    });
  });
  return out;
}

const defaultLadder = [
  { name: 'Giải Nhất', count: 1 },
  { name: 'Giải Nhì', count: 2 },
  { name: 'Giải Ba', count: 3 },
  { name: 'Giải Khuyến khích', count: 4 },
];

export function instantiateTemplate(id: TemplateId, ctx: TemplateContext): TemplateOutput {
  const contestId = ctx.newId() as ContestId;
  const base = { issuer: DEFAULT_PARTY_ISSUER, fields: FIELDS, createdAt: ctx.now, year: ctx.year };
  if (id === 'hoi-thi') {
    const contest: Contest = {
      ...base,
      id: contestId,
      kind: 'contest',
      name: ctx.name ?? `Hội thi “Dân vận khéo” năm ${ctx.year}`,
    };
    const prelim: Round = {
      id: ctx.newId() as RoundId,
      contestId,
      name: 'Vòng sơ khảo',
      stage: 'preliminary',
      order: 0,
      policy: { kind: 'mean' },
      tieBreak: [],
      prizes: defaultLadder.slice(0, 3).map((t) => ({ ...t, count: 1 })),
      prizesPerCluster: true,
      advancement: { perCluster: 1, overall: 0 },
      locked: false,
    };
    const final: Round = {
      id: ctx.newId() as RoundId,
      contestId,
      name: 'Vòng chung khảo',
      stage: 'final',
      order: 1,
      policy: { kind: 'mean' },
      tieBreak: [],
      prizes: defaultLadder,
      prizesPerCluster: false,
      locked: false,
    };
    const clusters: Cluster[] = Array.from({ length: 6 }, (_, i) => ({
      id: ctx.newId() as ClusterId,
      roundId: prelim.id,
      name: `Cụm ${i + 1}`,
      order: i,
    }));
    const criteria = [
      ...buildCriteria(prelim.id, CONTEST_PARTS, ctx.newId),
      ...buildCriteria(final.id, CONTEST_PARTS, ctx.newId),
    ];
    return { contest, rounds: [prelim, final], clusters, criteria };
  }
  const contest: Contest = {
    ...base,
    id: contestId,
    kind: 'award',
    name: ctx.name ?? `Bình xét mô hình “Dân vận khéo” năm ${ctx.year}`,
  };
  const round: Round = {
    id: ctx.newId() as RoundId,
    contestId,
    name: 'Đợt bình xét',
    stage: 'award',
    order: 0,
    policy: { kind: 'mean' },
    tieBreak: [],
    prizes: [],
    prizesPerCluster: false,
    locked: false,
    // Recognition by pass mark (≥ 80, each standard ≥ 50 %), as official award rounds do.
    passMark: { attribute: 'area', marks: [], defaultCp: 8000, standardFloorPercent: 50 },
    funnel: { exemplary: 0, commended: 0 },
  };
  return {
    contest,
    rounds: [round],
    clusters: [],
    criteria: buildCriteria(round.id, AWARD_STANDARDS, ctx.newId),
  };
}
