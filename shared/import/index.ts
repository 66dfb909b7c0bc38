/**
 * The import/export API for lists of entrants, judges and criteria, pure and shared by the
 * renderer and tests. Flow: the main side reads a file into a RawWorkbook (electron/main/import);
 * previewFile / guessSheetMapping + buildPreview turn it into records and problems; planUpsert
 * says what would change; the renderer writes it. entrantsToSheet & co. go the other way.
 */
export type { RawCell, RawFormula, RawSheet, RawWorkbook } from './types';
export type {
  CriterionField,
  EntrantField,
  FieldKey,
  FieldOf,
  FieldSpec,
  ImportTarget,
  JudgeField,
} from './fields';
export { FIELDS } from './fields';
export { columnLetter, cellText } from './cells';
export { foldVietnamese, viCollator, derivedCode, DERIVED_CODE_PREFIX } from './text';
export {
  guessMapping,
  findHeader,
  guessSheetMapping,
  type ColumnMapping,
  type SheetMapping,
} from './mapping';
export type { ImportProblem, ProblemCode } from './problems';
export {
  criteriaToRecords,
  entrantFields,
  entrantToRecord,
  existingEntrants,
  existingJudges,
  judgeFields,
  judgeToRecord,
  type CriterionRecord,
  type EntrantRecord,
  type Existing,
  type ImportRecord,
  type JudgeRecord,
  type RecordOf,
} from './records';
export {
  buildPreview,
  previewFile,
  type ImportPreview,
  type MappingInput,
  type PreviewContext,
  type PreviewRow,
} from './preview';
export { planUpsert, type FieldChange, type PlannedUpdate, type UpsertPlan } from './upsert';
export {
  criteriaToSheet,
  entrantsToSheet,
  judgesToSheet,
  type SheetModel,
  type SheetValue,
} from './export-sheet';
