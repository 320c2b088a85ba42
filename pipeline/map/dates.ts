// Dates and the other plain literals of a record: typed at the precision the source states.
import type { NamedNode } from 'n3';
import type { Located, TypedDate } from '../types.ts';
import { Emitter, type Subject } from './emit.ts';

/** Writes a date under each predicate, typed xsd:gYear / gYearMonth / date / dateTime as ingest read it. */
export function emitDate(out: Emitter, s: Subject, ps: NamedNode[], date: Located<TypedDate> | undefined): void {
  if (!date) return;
  for (const p of ps) out.text(s, p, date.value.value, date.value.datatype);
}

/** Writes every value of a repeatable text field under each predicate, in order. */
export function emitTexts(out: Emitter, s: Subject, ps: NamedNode[], values: Located<string>[] | Located<string> | undefined): void {
  if (!values) return;
  for (const v of Array.isArray(values) ? values : [values]) {
    for (const p of ps) out.text(s, p, v.value);
  }
}
