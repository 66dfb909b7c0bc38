/**
 * Formula-injection guard for every text cell Giám khảo writes to a spreadsheet: text that Excel or
 * LibreOffice could take for a formula (=, +, -, @, tab, CR, NUL first) gets a leading apostrophe.
 * Numbers pass through untouched, so a −0,5 penalty stays a number. This is not a sanitiser for
 * other contexts (HTML, CSV quoting); it only covers what a spreadsheet evaluates.
 */

const FORMULA_LEAD = /^[=+\-@\t\r\0]/;

export function safeText(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

// Control characters XML 1.0 cannot carry (all but tab, LF, CR), lone surrogates, U+FFFE/U+FFFF.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes what would make the .xlsx itself corrupt: exceljs writes such characters raw and Excel
 * then refuses ("We found a problem with some content") the whole file. Run after safeText so a
 * leading NUL still earns the apostrophe.
 */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Excel header/footer strings treat "&" as a code prefix; "&&" prints a literal ampersand. */
export function headerFooterText(text: string): string {
  return safeText(text).replace(/&/g, '&&');
}
