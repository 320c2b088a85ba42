// The map stage: one ingested ThesisRecord becomes the RDF of its thesis (dcterms, schema.org, bibo and our ontology).
import type { Quad } from 'n3';
import type { Problem } from '../src/core/errors.ts';
import type { Iris } from '../src/core/iri.ts';
import { rdf, dcterms, dcmitype, schema, bibo } from '../src/core/vocab.ts';
import type { Authority, ThesisRecord } from './types.ts';
import { emitAbstract } from './map/abstract.ts';
import { emitCollection } from './map/collection.ts';
import { emitDate, emitTexts } from './map/dates.ts';
import { emitDegree } from './map/degree.ts';
import { Emitter } from './map/emit.ts';
import { emitTypesAndGenres } from './map/genre.ts';
import { emitIdentifiers } from './map/identifiers.ts';
import { bcp47FromIso6392, locLanguageIri } from './map/languages.ts';
import { organizationFor, type OrgRole } from './map/organizations.ts';
import { emitList, emitPeople } from './map/people.ts';
import { licenceFromRights, licenceFromUri } from './map/rights.ts';
import { ownTerms } from './map/terms.ts';

/**
 * Maps one record to its triples, in the default graph (the runner puts them in the record's named graph).
 * Pure: the same record, base and authority always give the same quads in the same order; an empty field gives none.
 * Notices that reject nothing (a degree or collection the authority file does not list) are pushed to `warnings`.
 */
export function map(record: ThesisRecord, iris: Iris, authority: Authority, warnings?: Problem[]): Quad[] {
  const out = new Emitter();
  const tl = ownTerms(iris.base);
  const id = record.id;
  const thesis = iris.thesis(id);

  // What it is: a thesis for schema.org and BIBO, a text for Dublin Core.
  out.add(thesis, rdf('type'), schema('Thesis'));
  out.add(thesis, rdf('type'), bibo('Thesis'));
  out.add(thesis, dcterms('type'), dcmitype('Text'));
  out.text(thesis, dcterms('identifier'), id);
  emitTypesAndGenres(out, thesis, record.types, record.genres);

  // Titles, byte for byte as published (typographic quotes kept).
  emitTexts(out, thesis, [dcterms('title'), schema('name')], record.title);
  emitTexts(out, thesis, [dcterms('alternative'), schema('alternateName')], record.alternativeTitles);

  // People: creators in order (and as an ordered list), supervisors under our own property, contributors.
  const creators = emitPeople(out, iris, authority, id, 'creator', record.creators);
  for (const c of creators) out.each(thesis, [dcterms('creator'), schema('author')], c);
  if (creators.length > 0) out.add(thesis, bibo('authorList'), emitList(out, id, 'authors', creators));
  for (const s of emitPeople(out, iris, authority, id, 'supervisor', record.supervisors)) {
    // tl:supervisor ⊑ dcterms:contributor; the super-property is written too for consumers that do not infer.
    out.each(thesis, [tl.supervisor, dcterms('contributor'), schema('contributor')], s);
  }
  for (const c of emitPeople(out, iris, authority, id, 'contributor', record.contributors)) {
    out.each(thesis, [dcterms('contributor'), schema('contributor')], c);
  }

  // Organisations: publisher (dcterms + schema), degree grantor, provider (not a publisher), affiliations.
  const orgs = (role: OrgRole, labels: { value: string }[]) =>
    labels.filter((l) => l.value.trim() !== '').map((l, i) => organizationFor(out, iris, authority, id, role, i + 1, l.value.trim()));
  for (const o of orgs('publisher', record.publishers)) out.each(thesis, [dcterms('publisher'), schema('publisher')], o);
  for (const o of orgs('grantor', record.degreeGrantor ? [record.degreeGrantor] : [])) out.add(thesis, tl.degreeGrantor, o);
  for (const o of orgs('provider', record.provider ? [record.provider] : [])) out.add(thesis, tl.provider, o);
  for (const o of orgs('affiliation', record.affiliations)) out.add(thesis, schema('sourceOrganization'), o);

  // Dates at their stated precision.
  emitDate(out, thesis, [dcterms('issued'), schema('datePublished')], record.dateIssued);
  emitDate(out, thesis, [dcterms('available')], record.dateAvailable);
  emitDate(out, thesis, [tl.graduationDate], record.graduationDate);

  // Languages: the LOC ISO 639-2 IRI for Dublin Core, the BCP 47 tag for schema.org.
  for (const { value } of record.languages) {
    const iri = locLanguageIri(value.trim());
    if (iri) out.add(thesis, dcterms('language'), iri);
    out.text(thesis, schema('inLanguage'), bcp47FromIso6392(value.trim()) ?? value.trim());
  }

  // Rights as text; the licence IRI from the Rights URI field, else from the rights text when it names a CC licence.
  emitTexts(out, thesis, [dcterms('rights')], record.rights);
  const licence = (record.rightsUri && licenceFromUri(record.rightsUri.value)) || (record.rights && licenceFromRights(record.rights.value)) || undefined;
  if (licence) out.each(thesis, [dcterms('license'), schema('license')], licence);

  // Abstract (literal and resource) and description.
  if (record.abstract) emitAbstract(out, iris, tl, id, thesis, record.abstract.value, licence);
  emitTexts(out, thesis, [dcterms('description')], record.description);

  // Identifiers and pages of the item (where the record came from is the record graph's provenance, not the thesis's).
  emitIdentifiers(out, thesis, record);

  // The degree: its name as schema.org wants it, and the degree resource.
  if (record.degree && record.degree.value.trim() !== '') {
    out.text(thesis, schema('inSupportOf'), record.degree.value);
    out.add(thesis, bibo('degree'), emitDegree(out, iris, authority, record, record.degree, warnings));
  }
  emitTexts(out, thesis, [tl.program], record.program);
  emitTexts(out, thesis, [tl.campus], record.campus);
  emitTexts(out, thesis, [tl.scholarlyLevel], record.scholarLevel);
  emitTexts(out, thesis, [tl.aggregatedSourceRepository], record.aggregatedSource);

  // The collection it belongs to.
  if (record.collection && record.collection.value.trim() !== '') {
    out.each(thesis, [dcterms('isPartOf'), schema('isPartOf')], emitCollection(out, iris, authority, record, record.collection, warnings));
  }

  // Subjects: an authority concept when the label is one, else the keyword as text.
  for (const { value } of record.subjects) {
    const concept = value.trim() === '' ? undefined : authority.conceptByLabel(value.trim());
    if (concept) out.each(thesis, [dcterms('subject'), schema('about')], iris.entity(concept.kind, concept.id));
    else emitTexts(out, thesis, [dcterms('subject'), schema('keywords')], { value });
  }
  return out.unique();
}
