/**
 * Judge PINs: a small lock so a judge at a shared laptop opens only their own sheet. Stored as a
 * salted SHA-256, never in clear. Not a security boundary against the secretariat (who sets it).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const hashPin = (judgeId: string, pin: string): string =>
  bytesToHex(sha256(utf8ToBytes(`giamkhao-pin:${judgeId}:${pin.trim()}`)));

export function pinMatches(
  judge: { readonly id: string; readonly pinHash?: string },
  pin: string,
): boolean {
  return !judge.pinHash || judge.pinHash === hashPin(judge.id, pin);
}

export function pinProblem(pin: string): string | null {
  return /^\d{4,8}$/.test(pin.trim()) ? null : 'Mã PIN gồm 4 đến 8 chữ số.';
}
