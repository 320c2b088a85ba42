// The oai_dc fixtures are valid OAI-PMH 2.0 responses, checked offline against the schemas in ../shared/standards.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const STANDARDS = `${ROOT}../shared/standards/oai-pmh`;
const xmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const why = !existsSync(STANDARDS) ? `${STANDARDS} is absent` : !xmllint ? 'xmllint (libxml2-utils) is not installed' : '';

(why ? describe.skip : describe)(`oai_dc fixtures validate against OAI-PMH.xsd${why ? ` (skipped: ${why})` : ''}`, () => {
  it.each(['list-records.xml', 'bad-records.xml'])('%s', (name) => {
    const run = () => execFileSync('xmllint', ['--nonet', '--noout', '--schema', `${STANDARDS}/validate-response.xsd`, `${ROOT}tests/fixtures/records/oai-dc/${name}`], {
      env: { ...process.env, XML_CATALOG_FILES: `${STANDARDS}/catalog.xml` }, stdio: 'pipe',
    });
    expect(run).not.toThrow();
  });
});
