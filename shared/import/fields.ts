/**
 * The columns each import target understands: a key, the Vietnamese header the app itself writes
 * when exporting (so export → import maps back unaided), whether a value is required, and the
 * header spellings seen in real lists. Synonyms are written folded (no tones, lowercase); one
 * starting with "=" only matches the whole header, because short words like "mã" or "cụm" would
 * otherwise match inside unrelated headers.
 * Not here: the matching itself (mapping.ts) or how values are parsed (row-parsers.ts).
 */
export type ImportTarget = 'entrants' | 'judges' | 'criteria';

export type EntrantField =
  | 'code'
  | 'kind'
  | 'name'
  | 'unit'
  | 'cluster'
  | 'field'
  | 'level'
  | 'lead'
  | 'summary'
  | 'members'
  | 'group'
  | 'area';
export type JudgeField = 'code' | 'name' | 'title' | 'unit' | 'role' | 'clusters' | 'fields';
export type CriterionField =
  'part' | 'name' | 'max' | 'step' | 'weight' | 'order' | 'objective' | 'description';

export interface FieldOf {
  entrants: EntrantField;
  judges: JudgeField;
  criteria: CriterionField;
}
export type FieldKey = FieldOf[ImportTarget];

export interface FieldSpec<F extends string = string> {
  readonly key: F;
  /** Header the app writes on export; also how messages name the column when the file has none. */
  readonly header: string;
  readonly required: boolean;
  readonly synonyms: readonly string[];
}

/** Headers that never carry data to import: running numbers and free notes. */
const IGNORED: readonly string[] = [
  '=stt',
  '=tt',
  '=so tt',
  '=so thu tu',
  '=ghi chu',
  '=ky ten',
  '=ky xac nhan',
];

const ENTRANT_FIELDS: readonly FieldSpec<EntrantField>[] = [
  {
    key: 'code',
    header: 'Mã',
    required: false,
    synonyms: [
      '=ma',
      'ma so',
      'ma mo hinh',
      'ma doi',
      'ma doi thi',
      'ma dang ky',
      'ma ho so',
      '=so bao danh',
      '=sbd',
      '=code',
    ],
  },
  {
    key: 'kind',
    header: 'Loại',
    required: false,
    synonyms: ['=loai', 'loai hinh', 'loai du thi', 'loai mo hinh', '=kind'],
  },
  {
    key: 'name',
    header: 'Tên mô hình / đội thi',
    required: true,
    synonyms: [
      '=ten',
      'ten mo hinh',
      'ten doi',
      'ten doi thi',
      'ten dien hinh',
      'ten mo hinh dien hinh',
      '=mo hinh',
      '=doi thi',
      '=doi',
      '=dien hinh',
      '=name',
    ],
  },
  {
    key: 'unit',
    header: 'Đơn vị',
    required: false,
    synonyms: [
      'don vi',
      'don vi cong tac',
      'don vi thuc hien',
      'don vi du thi',
      'don vi de nghi',
      'ten don vi',
      'co quan don vi',
      '=co quan',
      '=dia phuong',
      '=unit',
    ],
  },
  {
    key: 'cluster',
    header: 'Cụm thi',
    required: false,
    synonyms: ['=cum', 'cum thi', 'cum thi dua', 'thuoc cum', 'bang thi', '=cluster'],
  },
  { key: 'field', header: 'Lĩnh vực', required: false, synonyms: ['linh vuc', '=field'] },
  {
    key: 'level',
    header: 'Cấp',
    required: false,
    synonyms: ['=cap', 'cap do', 'cap mo hinh', 'cap cong nhan', 'cap quan ly', '=level'],
  },
  {
    key: 'lead',
    header: 'Người phụ trách',
    required: false,
    synonyms: [
      'nguoi phu trach',
      'chu nhiem',
      'chu mo hinh',
      'nguoi dai dien',
      '=dai dien',
      'truong nhom',
      'doi truong',
      'nguoi thuc hien',
      'ho va ten',
      '=ho ten',
      'tac gia',
      '=lead',
    ],
  },
  {
    key: 'summary',
    header: 'Tóm tắt',
    required: false,
    synonyms: [
      'tom tat',
      '=noi dung',
      'noi dung tom tat',
      'mo ta',
      'gioi thieu',
      'tom tat noi dung',
      'ket qua dat duoc',
      '=summary',
    ],
  },
  {
    key: 'members',
    header: 'Thành viên',
    required: false,
    synonyms: ['thanh vien', 'danh sach thanh vien', 'cac thanh vien', '=members'],
  },
  {
    key: 'group',
    header: 'Khối',
    required: false,
    synonyms: ['=khoi', 'khoi thi', 'khoi thi dua', '=group'],
  },
  // The attribute an award round's pass mark can depend on (đô thị / miền núi, hải đảo …).
  {
    key: 'area',
    header: 'Địa bàn',
    required: false,
    synonyms: ['=dia ban', 'loai dia ban', 'dia ban thuc hien', 'khu vuc', '=area'],
  },
];

const JUDGE_FIELDS: readonly FieldSpec<JudgeField>[] = [
  {
    key: 'code',
    header: 'Mã',
    required: false,
    synonyms: ['=ma', 'ma so', 'ma giam khao', 'ma gk', '=code'],
  },
  {
    key: 'name',
    header: 'Họ và tên',
    required: true,
    synonyms: [
      'ho va ten',
      '=ho ten',
      '=ten',
      'ten giam khao',
      '=giam khao',
      'thanh vien ban giam khao',
      '=name',
    ],
  },
  {
    key: 'title',
    header: 'Chức vụ',
    required: false,
    synonyms: ['chuc vu', '=chuc danh', 'chuc vu chuc danh', '=title'],
  },
  {
    key: 'unit',
    header: 'Đơn vị công tác',
    required: false,
    synonyms: [
      'don vi',
      'don vi cong tac',
      '=co quan',
      'co quan cong tac',
      'noi cong tac',
      '=unit',
    ],
  },
  {
    key: 'role',
    header: 'Vai trò',
    required: false,
    synonyms: [
      'vai tro',
      'nhiem vu',
      'chuc danh trong ban giam khao',
      'chuc danh trong bgk',
      '=phan cong',
      '=role',
    ],
  },
  {
    key: 'clusters',
    header: 'Cụm chấm',
    required: false,
    synonyms: ['=cum', 'cum thi', 'cum cham', 'cum phu trach', 'cham cum', '=clusters'],
  },
  {
    key: 'fields',
    header: 'Lĩnh vực chấm',
    required: false,
    synonyms: ['linh vuc', 'linh vuc cham', 'linh vuc phu trach', 'to tham dinh', '=fields'],
  },
];

const CRITERION_FIELDS: readonly FieldSpec<CriterionField>[] = [
  {
    key: 'part',
    header: 'Phần thi',
    required: false,
    synonyms: ['phan thi', '=phan', 'tieu chuan', 'noi dung thi', 'nhom tieu chi', '=muc', '=part'],
  },
  {
    key: 'name',
    header: 'Tiêu chí',
    // Not required on its own: a row with only "Phần thi" filled is the part's own row.
    required: false,
    synonyms: [
      'tieu chi',
      'ten tieu chi',
      'noi dung tieu chi',
      'noi dung cham',
      'noi dung danh gia',
      '=noi dung',
      '=criterion',
    ],
  },
  {
    key: 'max',
    header: 'Điểm tối đa',
    required: true,
    synonyms: ['diem toi da', '=diem', 'thang diem', 'diem chuan', '=toi da', '=so diem', '=max'],
  },
  {
    key: 'step',
    header: 'Bước điểm',
    required: false,
    synonyms: ['buoc diem', '=buoc', 'buoc nhay', 'buoc cham', '=step'],
  },
  {
    key: 'weight',
    header: 'Trọng số',
    required: false,
    synonyms: ['trong so', 'he so', '=weight'],
  },
  {
    key: 'order',
    header: 'Thứ tự',
    required: false,
    synonyms: ['=thu tu', 'thu tu hien thi', '=order'],
  },
  {
    key: 'objective',
    header: 'Chấm khách quan',
    required: false,
    synonyms: ['cham khach quan', '=khach quan', 'hinh thuc cham', '=objective'],
  },
  {
    key: 'description',
    header: 'Mô tả',
    required: false,
    synonyms: [
      'mo ta',
      'yeu cau',
      'huong dan cham',
      '=huong dan',
      '=ghi chu',
      'dien giai',
      '=description',
    ],
  },
];

export const FIELDS: { readonly [T in ImportTarget]: readonly FieldSpec<FieldOf[T]>[] } = {
  entrants: ENTRANT_FIELDS,
  judges: JUDGE_FIELDS,
  criteria: CRITERION_FIELDS,
};

/** Ignored headers per target; a criteria list keeps "Ghi chú" as its description. */
export function ignoredHeaders(target: ImportTarget): readonly string[] {
  return target === 'criteria' ? IGNORED.filter((s) => s !== '=ghi chu') : IGNORED;
}

export function fieldSpec<T extends ImportTarget>(
  target: T,
  key: FieldOf[T],
): FieldSpec<FieldOf[T]> {
  const spec = FIELDS[target].find((f) => f.key === key);
  if (!spec) throw new Error(`unknown field ${target}.${key}`);
  return spec;
}

/** Whether a mapping has the columns a target cannot do without. */
export function hasRequiredColumns(
  target: ImportTarget,
  columns: readonly (string | null)[],
): boolean {
  // A criteria sheet may list only parts (one row per part with its maximum), so "Phần thi" stands in for "Tiêu chí".
  if (target === 'criteria') return columns.includes('name') || columns.includes('part');
  return columns.includes('name');
}
