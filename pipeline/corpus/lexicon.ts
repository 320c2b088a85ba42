// Word lists of the corpus: topic fields (concept heads and modifiers), and the phrases the abstract grammar combines.

/** A field group: the heads of its topics, and the modifiers that make narrower topics of them ("coastal groundwater"). */
export interface Field {
  name: string;
  heads: readonly string[];
  modifiers: readonly string[];
}

/** The eight field groups programs belong to (Program.field indexes this list). */
export const FIELDS: readonly Field[] = [
  { name: 'humanities',
    heads: ['oral history', 'collective memory', 'archival practice', 'literary modernism', 'literary translation', 'visual culture', 'religious practice', 'print culture', 'labour history', 'diaspora writing', 'material culture', 'colonial archives', 'musical performance', 'life writing', 'heritage conservation'],
    modifiers: ['early modern', 'postwar', 'transpacific', 'colonial-era', 'twentieth-century', 'vernacular', 'comparative', 'diasporic', 'Victorian', 'interwar', 'medieval', 'settler', 'Cold War', 'Francophone', 'Indigenous-language'] },
  { name: 'social sciences',
    heads: ['migration policy', 'land use', 'urban governance', 'housing affordability', 'social movements', 'income inequality', 'public opinion', 'trade policy', 'electoral politics', 'kinship networks', 'food security', 'Indigenous rights', 'labour markets', 'citizenship regimes', 'resource extraction'],
    modifiers: ['rural', 'urban', 'northern', 'transnational', 'municipal', 'provincial', 'gendered', 'informal', 'regional', 'cross-border', 'postcolonial', 'community-based', 'suburban', 'coastal', 'youth'] },
  { name: 'earth and environment',
    heads: ['groundwater recharge', 'glacier retreat', 'sediment transport', 'wildfire regimes', 'soil carbon', 'permafrost thaw', 'sea-level rise', 'air quality', 'watershed management', 'coastal erosion', 'seismic hazard', 'ocean acidification', 'forest regeneration', 'snowpack dynamics', 'river restoration'],
    modifiers: ['alpine', 'subarctic', 'estuarine', 'boreal', 'montane', 'coastal', 'interior', 'Holocene', 'post-glacial', 'semi-arid', 'temperate', 'deltaic', 'tidal', 'urban', 'long-term'] },
  { name: 'life sciences',
    heads: ['salmon populations', 'gene expression', 'pollinator decline', 'plant immunity', 'microbial communities', 'bird migration', 'protein folding', 'host–pathogen interactions', 'seed dispersal', 'coral bleaching', 'insect herbivory', 'stem cell differentiation', 'antibiotic resistance', 'cell signalling', 'species richness'],
    modifiers: ['marine', 'freshwater', 'soil-borne', 'mitochondrial', 'wild', 'intertidal', 'juvenile', 'larval', 'invasive', 'endemic', 'nocturnal', 'thermal', 'experimental', 'island', 'seasonal'] },
  { name: 'engineering',
    heads: ['structural health monitoring', 'battery degradation', 'wireless sensing', 'machine learning', 'power electronics', 'traffic flow', 'fatigue cracking', 'heat transfer', 'mineral processing', 'robotic grasping', 'signal processing', 'wastewater treatment', 'composite materials', 'timber construction', 'feedback control'],
    modifiers: ['distributed', 'low-power', 'adaptive', 'high-temperature', 'real-time', 'multi-scale', 'data-driven', 'modular', 'seismic-resistant', 'autonomous', 'probabilistic', 'energy-efficient', 'embedded', 'networked', 'lightweight'] },
  { name: 'health',
    heads: ['chronic pain', 'maternal health', 'vaccine uptake', 'mental health services', 'physical activity', 'dementia care', 'health literacy', 'opioid use', 'sleep quality', 'dietary patterns', 'patient safety', 'health equity', 'stroke rehabilitation', 'disease surveillance', 'primary care'],
    modifiers: ['paediatric', 'adolescent', 'older adult', 'perinatal', 'community', 'hospital-based', 'rural', 'Indigenous', 'workplace', 'postoperative', 'long-term care', 'school-based', 'virtual', 'population-level', 'culturally safe'] },
  { name: 'education',
    heads: ['literacy instruction', 'teacher education', 'early childhood education', 'science curriculum', 'inclusive education', 'second language learning', 'student engagement', 'mathematics anxiety', 'classroom assessment', 'educational leadership', 'online learning', 'school choice', 'arts education', 'land-based learning', 'adult learning'],
    modifiers: ['elementary', 'secondary', 'post-secondary', 'bilingual', 'multilingual', 'rural', 'urban', 'place-based', 'inquiry-based', 'francophone', 'remote', 'community', 'trauma-informed', 'outdoor', 'immigrant'] },
  { name: 'business and law',
    heads: ['corporate governance', 'consumer behaviour', 'supply chains', 'financial regulation', 'contract law', 'environmental law', 'human rights law', 'entrepreneurship', 'labour relations', 'tax policy', 'intellectual property', 'risk management', 'securities markets', 'family law', 'international arbitration'],
    modifiers: ['cross-border', 'small-firm', 'family-owned', 'Indigenous', 'comparative', 'constitutional', 'digital', 'maritime', 'sustainable', 'cooperative', 'multinational', 'public-sector', 'platform', 'transpacific', 'regulatory'] },
];

/** People and communities a study is about. */
export const GROUPS: readonly string[] = [
  'fishers', 'teachers', 'nurses', 'farmers', 'migrant workers', 'graduate students', 'engineers', 'residents', 'elders',
  'young people', 'small business owners', 'municipal officials', 'clinicians', 'patients', 'families', 'volunteers',
  'miners', 'forest workers', 'artists', 'caregivers', 'newcomers', 'land managers', 'community health workers', 'librarians',
];

/** What a study reads or measures. */
export const SOURCES: readonly string[] = [
  'archival records', 'oral history interviews', 'field measurements', 'survey data', 'court records', 'newspaper coverage',
  'satellite imagery', 'hospital records', 'company correspondence', 'census returns', 'laboratory experiments',
  'sediment cores', 'policy documents', 'photographs', 'government reports', 'longitudinal data', 'sensor logs', 'diaries and letters',
];

/** How a study works. */
export const METHODS: readonly string[] = [
  'mixed methods', 'discourse analysis', 'a randomized controlled trial', 'finite element modelling', 'ethnographic fieldwork',
  'Bayesian hierarchical models', 'participatory mapping', 'close reading', 'network analysis', 'numerical simulation',
  'a case-control design', 'geospatial analysis', 'thematic analysis', 'controlled laboratory experiments',
  'comparative case studies', 'time-series analysis', 'life-cycle assessment', 'grounded theory', 'a cohort design',
  'semi-structured interviews', 'machine-learning classifiers', 'isotope analysis',
];

export const EXAMINES: readonly string[] = ['examines', 'investigates', 'explores', 'traces', 'analyses', 'reconsiders', 'documents', 'maps', 'evaluates', 'revisits'];
/** Verbs of a finding; an adverb goes before them, or after "was" ("was quietly sustained by"). */
export const SHAPED: readonly string[] = ['shaped', 'constrained', 'accelerated', 'reshaped', 'depended on', 'was undermined by', 'responded to', 'was sustained by', 'anticipated', 'outlasted', 'was transformed by'];
export const RESPONDED: readonly string[] = ['responded', 'adapted', 'resisted', 'contributed', 'turned', 'objected'];
export const DEGREES_OF: readonly string[] = ['markedly', 'slowly', 'unevenly', 'decisively', 'quietly', 'measurably', 'repeatedly'];
export const VIEWS: readonly string[] = [
  'a matter of policy alone', 'a purely technical problem', 'a local concern', 'a settled question',
  'marginal to the wider story', 'the product of national decisions', 'a short-lived episode',
];
export const ACTIONS: readonly string[] = [
  'share data more openly', 'plan over longer horizons', 'support community monitoring', 'revise their guidelines',
  'fund follow-up studies', 'work with affected communities', 'coordinate their responses', 'keep better records',
];
/** What a finding is about when it names no entity. */
export const GENERIC_SUBJECTS: readonly string[] = ['local {group}', 'these institutions', 'the {group} interviewed', 'small communities', 'regional agencies', 'existing practice', 'informal networks of {group}'];
export const GENERIC_OBJECTS: readonly string[] = ['public policy', 'everyday practice', 'the regional economy', 'local decision-making', 'the way risks were shared', 'long-standing routines', 'what counted as evidence'];
export const TAILS: readonly string[] = [
  'more than earlier accounts suggest', 'in ways that official records rarely show', 'well into the following decades',
  'at a lower cost than expected', 'across every site studied', 'despite considerable local variation',
  'long after the original programmes ended', 'even where resources were scarce',
];
export const COUNTS: readonly string[] = ['Twelve', 'Fifteen', 'Eighteen', 'Twenty-four', 'Thirty-one', 'Forty', 'Fifty-six', 'Sixty-two', 'Eighty', 'One hundred and twelve'];
export const ORDINALS: readonly string[] = ['Two', 'Three', 'Four', 'Five'];

/** Words for titles: "Beyond the harbour", "The unsettled ledger". */
export const TITLE_NOUNS: readonly string[] = [
  'river', 'archive', 'border', 'field', 'frontier', 'network', 'margin', 'threshold', 'commons', 'signal', 'ledger',
  'harbour', 'horizon', 'grid', 'map', 'current', 'canopy', 'tide', 'circuit', 'watershed', 'crossing', 'inheritance',
];
export const TITLE_ADJECTIVES: readonly string[] = [
  'long', 'quiet', 'unsettled', 'shifting', 'hidden', 'shared', 'contested', 'fragile', 'enduring', 'invisible', 'moving', 'layered',
];

// Syllables for invented place names: "Ash" + "ford", "Kel" + "mere".
export const PLACE_STARTS: readonly string[] = [
  'Ash', 'Bel', 'Cor', 'Dun', 'Elm', 'Fen', 'Glen', 'Hal', 'Ivy', 'Kel', 'Lor', 'Mar', 'Nor', 'Oak', 'Pem', 'Quin',
  'Ros', 'Sil', 'Tam', 'Ul', 'Ver', 'Wil', 'Yar', 'Zel', 'Brae', 'Carn', 'Dal', 'Ester', 'Fair', 'Gran', 'Hollin', 'Kings',
];
export const PLACE_ENDS: readonly string[] = ['ford', 'vale', 'brook', 'ton', 'mere', 'wick', 'by', 'haven', 'field', 'stead', 'more', 'wood', 'ridge', 'port', 'dale', 'burn'];
export const PLACE_FORMS: readonly (readonly [pattern: string, type: string])[] = [
  ['{}', 'schema:City'], ['{}', 'schema:City'], ['Port {}', 'schema:City'], ['{} River', 'schema:Place'], ['Lake {}', 'schema:Place'],
  ['Mount {}', 'schema:Place'], ['{} Valley', 'schema:Place'], ['{} Island', 'schema:Place'], ['{} Bay', 'schema:Place'], ['North {}', 'schema:City'],
];
// Native-script place names: Chinese (pinyin, Han), Japanese (romaji, kanji), Russian (Latin, Cyrillic) syllables.
export const ZH_SYLLABLES: readonly (readonly [string, string])[] = [
  ['An', '安'], ['Ping', '平'], ['Qing', '清'], ['He', '河'], ['Xin', '新'], ['Hua', '华'], ['Tian', '天'], ['Long', '龙'], ['Feng', '丰'],
  ['Sheng', '盛'], ['Kang', '康'], ['Tai', '泰'], ['Yun', '云'], ['Shan', '山'], ['Jiang', '江'], ['Ning', '宁'], ['Dong', '东'], ['Nan', '南'],
];
export const JA_STARTS: readonly (readonly [string, string])[] = [
  ['Taka', '高'], ['Naka', '中'], ['Kita', '北'], ['Minami', '南'], ['Higashi', '東'], ['Nishi', '西'], ['Matsu', '松'], ['Fuku', '福'], ['Oka', '岡'], ['Shira', '白'],
];
export const JA_ENDS: readonly (readonly [string, string])[] = [['yama', '山'], ['kawa', '川'], ['shima', '島'], ['hara', '原'], ['mura', '村'], ['saki', '崎'], ['ta', '田'], ['no', '野']];
export const RU_STARTS: readonly (readonly [string, string])[] = [
  ['Kras', 'Крас'], ['Bel', 'Бел'], ['Zelen', 'Зелен'], ['Sosnov', 'Соснов'], ['Kamen', 'Камен'], ['Lesn', 'Лесн'], ['Rechn', 'Речн'], ['Gorn', 'Горн'], ['Yasn', 'Ясн'], ['Svetl', 'Светл'],
];
export const RU_ENDS: readonly (readonly [string, string])[] = [['ogorsk', 'огорск'], ['oyarsk', 'оярск'], ['ovka', 'овка'], ['ograd', 'оград'], ['ovo', 'ово'], ['insk', 'инск']];
