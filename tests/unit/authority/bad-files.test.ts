// Broken authority files are refused with ERR_AUTHORITY naming the file, the line, the field and the entity.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorityFromText, loadAuthority } from '../../../pipeline/authority.ts';
import { formatWhere, ThesisLodError } from '../../../src/core/errors.ts';
import { Iris } from '../../../src/core/iri.ts';

const iris = new Iris('http://localhost:8080/');
const BAD = new URL('../../fixtures/entities/bad/', import.meta.url);

/** Loads a bad fixture and returns the error it must raise. */
function failure(name: string): ThesisLodError {
  const text = readFileSync(new URL(name, BAD), 'utf8');
  try {
    authorityFromText(text, iris, `entities/${name}`);
  } catch (err) {
    if (err instanceof ThesisLodError) return err;
    throw err;
  }
  throw new Error(`${name} loaded without error`);
}

// [fixture, line, field, message fragment]
const CASES: [string, number, string | undefined, RegExp][] = [
  ['duplicate-id.yaml', 7, 'entities[1].id', /entity moscow: duplicate id "moscow" \(first used at entities\/duplicate-id\.yaml:4\)/],
  ['unknown-kind.yaml', 8, 'entities[1].kind', /entity changchun: unknown kind "city"/],
  ['bad-merge-target.yaml', 9, 'merged[0].to', /merge target person\/li-yi is no entity of the file/],
  ['merge-kind-change.yaml', 9, 'merged[0].to', /cannot be merged into a organization: a URI never changes kind/],
  ['withdrawn-live.yaml', 8, 'withdrawn[0].id', /place\/moscow is a live entity/],
  ['unknown-relation-target.yaml', 8, 'entities[0].relations.locatedIn[0]', /entity faw: relation locatedIn points to "changchun", which is no entity/],
  ['wrong-relation-kind.yaml', 7, 'entities[0].relations.locatedIn[0]', /must point to a place; "zil" is a organization/],
  ['bad-wikidata.yaml', 7, 'entities[0].links.wikidata', /"649" is not a wikidata identifier/],
  ['unknown-field.yaml', 7, 'entities[0].altLabel', /entity moscow: unknown field "altLabel"/],
  ['shared-label.yaml', 10, 'entities[1].altLabels[0]', /label "Georgia" is also a label of "georgia-country"/],
  ['bad-id.yaml', 4, 'entities[0].id', /id "Moscow City" must be a lowercase slug/],
  ['yaml-syntax.yaml', 8, undefined, /YAML syntax/],
  ['degree-bad-level.yaml', 7, 'degrees[0].level', /entity doctor-of-philosophy-phd: level must be one of bachelor, master, doctoral, not "graduate"/],
  ['degree-shared-name.yaml', 8, 'degrees[1]', /name "MA" is also a name of degree "master-of-arts-ma" \(entities\/degree-shared-name\.yaml:4\)/],
  ['collection-duplicate-id.yaml', 6, 'collections[1].id', /duplicate collection id "ubc-theses-and-dissertations"/],
];

describe('bad authority files', () => {
  it.each(CASES)('%s → line %i, field %s', (name, line, field, message) => {
    const err = failure(name);
    expect(err.code).toBe('TL_ERR_AUTHORITY');
    expect(err.message).toMatch(message);
    expect(err.where).toMatchObject({ file: `entities/${name}`, line });
    expect(err.where.field).toBe(field);
    expect(formatWhere(err.where)).toContain(`entities/${name}:${line}`);
  });

  it('names the file relative to DATA_DIR when loading a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authority-'));
    try {
      mkdirSync(join(dir, 'entities'));
      cpSync(new URL('duplicate-id.yaml', BAD), join(dir, 'entities', 'people.yaml'));
      await expect(loadAuthority(dir, iris)).rejects.toMatchObject({ code: 'TL_ERR_AUTHORITY', where: { file: 'entities/people.yaml', line: 7 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds duplicates across files of the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authority-'));
    try {
      mkdirSync(join(dir, 'entities'));
      cpSync('data/entities/authority.yaml', join(dir, 'entities', 'a.yaml'));
      cpSync('data/entities/authority.yaml', join(dir, 'entities', 'b.yaml'));
      await expect(loadAuthority(dir, iris)).rejects.toThrow(/duplicate id "thesis-topics" \(first used at entities\/a\.yaml:\d+\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
