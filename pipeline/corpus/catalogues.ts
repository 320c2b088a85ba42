// The corpus's fixed catalogues: degrees, collections, programs with their departments and faculties, licences.
import type { CorpusCollection, CorpusDegree, Program } from './model.ts';

const degree = (prefLabel: string, abbreviation: string, level: CorpusDegree['level'], alt: string): CorpusDegree => ({
  id: `${prefLabel} ${abbreviation}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'), prefLabel, abbreviation, level, altLabels: [alt],
});

/** The degrees theses support; ids follow the slugs the seed's authority file uses (doctor-of-philosophy-phd). */
export const DEGREES: readonly CorpusDegree[] = [
  degree('Doctor of Philosophy', 'PhD', 'doctoral', 'Ph.D.'),
  degree('Doctor of Education', 'EdD', 'doctoral', 'Ed.D.'),
  degree('Doctor of Musical Arts', 'DMA', 'doctoral', 'D.M.A.'),
  degree('Master of Arts', 'MA', 'master', 'M.A.'),
  degree('Master of Science', 'MSc', 'master', 'M.Sc.'),
  degree('Master of Applied Science', 'MASc', 'master', 'M.A.Sc.'),
  degree('Master of Engineering', 'MEng', 'master', 'M.Eng.'),
  degree('Master of Education', 'MEd', 'master', 'M.Ed.'),
  degree('Master of Fine Arts', 'MFA', 'master', 'M.F.A.'),
  degree('Master of Music', 'MMus', 'master', 'M.Mus.'),
  degree('Master of Laws', 'LLM', 'master', 'LL.M.'),
  degree('Master of Social Work', 'MSW', 'master', 'M.S.W.'),
  degree('Master of Science in Nursing', 'MSN', 'master', 'M.S.N.'),
  degree('Master of Business Administration', 'MBA', 'master', 'M.B.A.'),
  degree('Master of Architecture', 'MArch', 'master', 'M.Arch.'),
  degree('Master of Public Health', 'MPH', 'master', 'M.P.H.'),
  degree('Master of Library and Information Studies', 'MLIS', 'master', 'M.L.I.S.'),
  degree('Bachelor of Arts', 'BA', 'bachelor', 'B.A.'),
  degree('Bachelor of Science', 'BSc', 'bachelor', 'B.Sc.'),
];

/** A degree by its abbreviation. */
export const DEGREE_BY_ABBREVIATION: ReadonlyMap<string, CorpusDegree> = new Map(DEGREES.map((d) => [d.abbreviation, d]));

/** The collections: recent theses, older ones digitised from print, and honours theses. */
export const COLLECTIONS: readonly CorpusCollection[] = [
  { id: 'ubc-theses-and-dissertations', prefLabel: 'UBC Theses and Dissertations', description: 'Theses and dissertations of the University of British Columbia, in UBC Library’s Open Collections.' },
  { id: 'ubc-retrospective-theses-digitization-project', prefLabel: 'UBC Retrospective Theses Digitization Project', description: 'Older UBC theses digitised from print by UBC Library, in Open Collections.' },
  { id: 'ubc-undergraduate-research', prefLabel: 'UBC Undergraduate Research', description: 'Honours theses and other undergraduate research of the University of British Columbia.' },
];

/** Theses issued up to this year were digitised from print (the Retrospective collection). */
export const LAST_RETROSPECTIVE_YEAR = 2007;

// Field groups (index into lexicon FIELDS): 0 humanities, 1 social sciences, 2 earth and environment,
// 3 life sciences, 4 engineering, 5 health, 6 education, 7 business and law.
const p = (name: string, unit: string, faculty: string, field: number, degrees: string[], campus?: string): Program =>
  ({ name, unit, faculty, field, degrees, campus });

/** Programs, largest first: the order is their Zipf rank, so Education and Engineering programs dominate as at UBC. */
export const PROGRAMS: readonly Program[] = [
  p('Curriculum Studies', 'Curriculum and Pedagogy, Department of', 'Education, Faculty of', 6, ['MA', 'MEd', 'PhD', 'EdD']),
  p('Mechanical Engineering', 'Mechanical Engineering, Department of', 'Applied Science, Faculty of', 4, ['MASc', 'MEng', 'PhD']),
  p('Electrical and Computer Engineering', 'Electrical and Computer Engineering, Department of', 'Applied Science, Faculty of', 4, ['MASc', 'PhD', 'MEng']),
  p('History', 'History, Department of', 'Arts, Faculty of', 0, ['MA', 'PhD', 'BA']),
  p('Civil Engineering', 'Civil Engineering, Department of', 'Applied Science, Faculty of', 4, ['MASc', 'PhD', 'MEng']),
  p('Forestry', 'Forest Resources Management, Department of', 'Forestry, Faculty of', 2, ['MSc', 'PhD']),
  p('Computer Science', 'Computer Science, Department of', 'Science, Faculty of', 4, ['MSc', 'PhD', 'BSc']),
  p('Geography', 'Geography, Department of', 'Arts, Faculty of', 1, ['MA', 'MSc', 'PhD']),
  p('Experimental Medicine', 'Medicine, Department of', 'Medicine, Faculty of', 5, ['MSc', 'PhD']),
  p('Educational Studies', 'Educational Studies, Department of', 'Education, Faculty of', 6, ['MA', 'EdD', 'PhD']),
  p('Earth and Ocean Sciences', 'Earth, Ocean and Atmospheric Sciences, Department of', 'Science, Faculty of', 2, ['MSc', 'PhD', 'BSc']),
  p('Psychology', 'Psychology, Department of', 'Arts, Faculty of', 5, ['MA', 'PhD', 'BA']),
  p('Political Science', 'Political Science, Department of', 'Arts, Faculty of', 1, ['MA', 'PhD']),
  p('Zoology', 'Zoology, Department of', 'Science, Faculty of', 3, ['MSc', 'PhD', 'BSc']),
  p('Chemistry', 'Chemistry, Department of', 'Science, Faculty of', 3, ['MSc', 'PhD']),
  p('Population and Public Health', 'Population and Public Health, School of', 'Medicine, Faculty of', 5, ['MSc', 'MPH', 'PhD']),
  p('English', 'English Language and Literatures, Department of', 'Arts, Faculty of', 0, ['MA', 'PhD', 'BA']),
  p('Economics', 'Vancouver School of Economics', 'Arts, Faculty of', 1, ['MA', 'PhD']),
  p('Anthropology', 'Anthropology, Department of', 'Arts, Faculty of', 1, ['MA', 'PhD']),
  p('Botany', 'Botany, Department of', 'Science, Faculty of', 3, ['MSc', 'PhD']),
  p('Nursing', 'Nursing, School of', 'Applied Science, Faculty of', 5, ['MSN', 'PhD']),
  p('Business Administration', 'Business, Sauder School of', 'Sauder School of Business', 7, ['MSc', 'PhD', 'MBA']),
  p('Law', 'Law, Peter A. Allard School of', 'Peter A. Allard School of Law', 7, ['LLM', 'PhD']),
  p('Sociology', 'Sociology, Department of', 'Arts, Faculty of', 1, ['MA', 'PhD']),
  p('Materials Engineering', 'Materials Engineering, Department of', 'Applied Science, Faculty of', 4, ['MASc', 'PhD']),
  p('Social Work', 'Social Work, School of', 'Arts, Faculty of', 1, ['MSW', 'PhD']),
  p('Soil Science', 'Land and Food Systems, Faculty of', 'Land and Food Systems, Faculty of', 2, ['MSc', 'PhD']),
  p('Kinesiology', 'Kinesiology, School of', 'Education, Faculty of', 5, ['MSc', 'MA', 'PhD']),
  p('Language and Literacy Education', 'Language and Literacy Education, Department of', 'Education, Faculty of', 6, ['MA', 'MEd', 'PhD']),
  p('Mining Engineering', 'Mining Engineering, Department of', 'Applied Science, Faculty of', 4, ['MASc', 'PhD']),
  p('Music', 'Music, School of', 'Arts, Faculty of', 0, ['MMus', 'MA', 'DMA', 'PhD']),
  p('Asian Studies', 'Asian Studies, Department of', 'Arts, Faculty of', 0, ['MA', 'PhD']),
  p('Linguistics', 'Linguistics, Department of', 'Arts, Faculty of', 0, ['MA', 'PhD']),
  p('Community and Regional Planning', 'Community and Regional Planning, School of', 'Applied Science, Faculty of', 1, ['MA', 'MSc', 'PhD']),
  p('Microbiology and Immunology', 'Microbiology and Immunology, Department of', 'Science, Faculty of', 3, ['MSc', 'PhD']),
  p('Library, Archival and Information Studies', 'Information, School of', 'Arts, Faculty of', 0, ['MLIS', 'MA']),
  p('Architecture', 'Architecture and Landscape Architecture, School of', 'Applied Science, Faculty of', 4, ['MArch']),
  p('Creative Writing', 'Creative Writing, School of', 'Arts, Faculty of', 0, ['MFA']),
  p('Philosophy', 'Philosophy, Department of', 'Arts, Faculty of', 0, ['MA', 'PhD']),
  p('Interdisciplinary Studies', 'Graduate Studies, College of', 'Graduate Studies, College of', 1, ['MA', 'MSc', 'PhD'], 'UBCO'),
  p('Environmental Sciences', 'Earth, Environmental and Geographic Sciences, Department of', 'Irving K. Barber Faculty of Science', 2, ['MSc', 'PhD'], 'UBCO'),
];

/** Licence statements as the item pages write them, with their deeds; 4.0 for recent theses, 2.5 Canada for older ones. */
export const LICENCES_RECENT: readonly (readonly [string, string])[] = [
  ['Attribution-NonCommercial-NoDerivatives 4.0 International', 'http://creativecommons.org/licenses/by-nc-nd/4.0/'],
  ['Attribution-NonCommercial-NoDerivatives 4.0 International', 'http://creativecommons.org/licenses/by-nc-nd/4.0/'],
  ['Attribution-NonCommercial-NoDerivatives 4.0 International', 'http://creativecommons.org/licenses/by-nc-nd/4.0/'],
  ['Attribution 4.0 International', 'http://creativecommons.org/licenses/by/4.0/'],
  ['Attribution-NonCommercial 4.0 International', 'http://creativecommons.org/licenses/by-nc/4.0/'],
  ['Attribution-ShareAlike 4.0 International', 'http://creativecommons.org/licenses/by-sa/4.0/'],
];
export const LICENCES_OLDER: readonly (readonly [string, string])[] = [
  ['Attribution-NonCommercial-NoDerivs 2.5 Canada', 'http://creativecommons.org/licenses/by-nc-nd/2.5/ca/'],
];
