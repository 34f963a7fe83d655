/**
 * A rule's verdict on one field of one record. Codes are stable (../shared/CONTRACTS.md);
 * messages are Chinese and say what is wrong and what is expected.
 */
export interface Finding {
  code: string;
  level: 'error' | 'warning';
  /** The record field the finding is about, as the form names it. */
  field: string;
  message: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.level === 'error');
}
