// The university's departments, schools and faculties as authority organisations, keyed by the affiliation strings records use.
import { PROGRAMS } from './catalogues.ts';
import type { CorpusEntity } from './model.ts';

// UBC writes units inverted ("History, Department of"); the natural form is the preferred label.
function naturalForm(affiliation: string): string {
  const m = /^(.+), ((?:.+ )?(?:Department|School|Faculty|College) of)$/.exec(affiliation);
  return m ? `${m[2]} ${m[1]}` : affiliation;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * One unmatched organisation per distinct unit or faculty (their labels are ordinary phrases, so the linker does
 * not look for them): faculties are part of the university, units part of their faculty. A unit that is its own
 * faculty ("Land and Food Systems, Faculty of") is one entity.
 */
export function unitEntities(universityId: string): Map<string, CorpusEntity> {
  const byName = new Map<string, CorpusEntity>();
  const byAffiliation = new Map<string, CorpusEntity>();
  const entityFor = (affiliation: string, parent: string): CorpusEntity => {
    const name = naturalForm(affiliation);
    let e = byName.get(name);
    if (!e) {
      e = {
        id: `ubc-${slug(name)}`, kind: 'organization', types: ['schema:Organization'], prefLabel: { value: name },
        altLabels: [], match: false, relations: { parentOrganization: [parent] },
        description: `A unit of the University of British Columbia, as the synthetic records name it.`,
      };
      byName.set(name, e);
    }
    if (affiliation !== name && !e.altLabels.some((l) => l.value === affiliation)) e.altLabels.push({ value: affiliation });
    byAffiliation.set(affiliation, e);
    return e;
  };
  for (const p of PROGRAMS) {
    const faculty = entityFor(p.faculty, universityId);
    if (p.unit !== p.faculty) entityFor(p.unit, faculty.id);
  }
  return byAffiliation;
}
