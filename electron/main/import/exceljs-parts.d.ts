/**
 * Types for the two exceljs modules the import worker loads directly instead of the package entry
 * (see xlsx-read.ts for why). They are the same classes the package entry exports.
 */
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}

declare module 'exceljs/lib/doc/enums.js' {
  import type { ValueType } from 'exceljs';
  const enums: { readonly ValueType: typeof ValueType };
  export default enums;
}
