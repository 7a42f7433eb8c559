/**
 * Case tracking codes a person can read aloud over the phone: "KRM-1405-00042" =
 * working group KRM, Jalali year 1405, 42nd case of that year.
 */
import { normalizeInput } from "./text";

export interface TrackingCode {
  workingGroupCode: string;
  jalaliYear: number;
  sequence: number;
}

// Letters only: the year is always 4 digits, so a code typed without dashes stays unambiguous.
const WORKING_GROUP_CODE = /^[A-Z]{2,10}$/;
const SEQUENCE_WIDTH = 5;

export function formatTrackingCode(workingGroupCode: string, jalaliYear: number, sequence: number): string {
  const group = workingGroupCode.trim().toUpperCase();
  if (!WORKING_GROUP_CODE.test(group)) throw new RangeError(`Bad working-group code "${workingGroupCode}"`);
  if (!Number.isInteger(jalaliYear) || jalaliYear < 1000 || jalaliYear > 9999) {
    throw new RangeError(`Bad Jalali year ${jalaliYear}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `${group}-${jalaliYear}-${String(sequence).padStart(SEQUENCE_WIDTH, "0")}`;
}

/**
 * Reads a tracking code as typed: any case, Persian/Arabic digits, spaces, missing or
 * doubled dashes ("krm 1405 42", "KRM-۱۴۰۵-۰۰۰۴۲", "KRM140500042"). Returns the canonical parts.
 */
export function parseTrackingCode(input: string): TrackingCode | null {
  const s = normalizeInput(input)
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212_\u0640]+/g, "-");
  const match = /^-?([A-Z]{2,10})-?([1-9][0-9]{3})-?([0-9]{1,15})-?$/.exec(s);
  if (!match) return null;
  const sequence = Number(match[3]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
  return { workingGroupCode: match[1] ?? "", jalaliYear: Number(match[2]), sequence };
}
