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

/** Excel header/footer strings treat "&" as a code prefix; "&&" prints a literal ampersand. */
export function headerFooterText(text: string): string {
  return safeText(text).replace(/&/g, '&&');
}
