// Field value checks shared by the readers: dates typed at their precision, DOIs, URIs.
import { ERR_FIELD_DATE, ERR_FIELD_VALUE, type Where } from '../../src/core/errors.ts';
import type { TypedDate } from '../types.ts';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Days in a month (1–12) of a year, leap years included. */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads a date at the precision written (2025 gYear, 2025-11 gYearMonth, 2025-08-22 date, …T…Z dateTime), checked for real. */
export function parseDate(text: string, where: Where): TypedDate {
  const value = text.trim();
  const m = DATE.exec(value);
  if (!m) throw ERR_FIELD_DATE(`"${value}" is not YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time`, where);
  const [, y, mo, d, h, mi, s, tz] = m;
  const year = Number(y);
  const fail = (why: string) => ERR_FIELD_DATE(`"${value}": ${why}`, where);
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) throw fail(`month ${mo} does not exist`);
  if (d !== undefined && (Number(d) < 1 || Number(d) > daysIn(year, Number(mo)))) throw fail(`day ${d} does not exist in ${y}-${mo}`);
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)) throw fail('time of day out of range');
  if (tz !== undefined && tz !== 'Z' && (Number(tz.slice(1, 3)) > 14 || Number(tz.slice(4)) > 59)) throw fail('time zone out of range');
  const datatype = h !== undefined ? 'dateTime' : d !== undefined ? 'date' : mo !== undefined ? 'gYearMonth' : 'gYear';
  return { value, datatype };
}

const DOI_PREFIX = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** True when a string is a DOI, bare or as doi:/https://doi.org/ form. */
export function looksLikeDoi(text: string): boolean {
  return DOI.test(text.trim().replace(DOI_PREFIX, ''));
}

/** The bare DOI (10.14288/1.0449833) from any usual spelling; anything else throws ERR_FIELD_VALUE. */
export function normaliseDoi(text: string, where: Where): string {
  const doi = text.trim().replace(DOI_PREFIX, '');
  if (!DOI.test(doi)) throw ERR_FIELD_VALUE(`"${text.trim()}" is not a DOI (10.NNNN/suffix)`, where);
  return doi;
}

/** Checks an absolute http(s) URI and returns it as written (trimmed); anything else throws ERR_FIELD_VALUE. */
export function checkHttpUri(text: string, where: Where): string {
  const value = text.trim();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || /\s/.test(value)) {
    throw ERR_FIELD_VALUE(`"${value}" is not an absolute http(s) URI`, where);
  }
  return value;
}
