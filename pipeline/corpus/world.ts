// The real places, organisations and events the corpus uses as hubs, with their names in other scripts.
import type { CorpusEntity, CorpusLabel } from './model.ts';

type Alt = string | readonly [value: string, lang: string];
type Hub = readonly [id: string, type: string, prefLabel: string, alts: readonly Alt[], extra?: Partial<CorpusEntity>];

const label = (a: Alt): CorpusLabel => (typeof a === 'string' ? { value: a } : { value: a[0], lang: a[1] });

// Most mentioned first: the order is the Zipf rank among the hubs of each kind.
const PLACES: readonly Hub[] = [
  ['canada', 'schema:Country', 'Canada', [['加拿大', 'zh'], ['Канада', 'ru'], ['カナダ', 'ja']]],
  ['british-columbia', 'schema:State', 'British Columbia', ['B.C.', ['Colombie-Britannique', 'fr'], ['不列颠哥伦比亚省', 'zh'], ['Британская Колумбия', 'ru']], { relations: { containedInPlace: ['canada'] } }],
  ['vancouver', 'schema:City', 'Vancouver', [['温哥华', 'zh'], ['Ванкувер', 'ru'], ['バンクーバー', 'ja']], { relations: { containedInPlace: ['british-columbia'] } }],
  ['china', 'schema:Country', 'China', ['People’s Republic of China', 'PRC', ['中国', 'zh'], ['Китай', 'ru']]],
  ['united-states', 'schema:Country', 'United States', ['United States of America', 'USA', ['美国', 'zh'], ['США', 'ru']]],
  ['pacific-ocean', 'schema:Place', 'Pacific Ocean', ['North Pacific', ['太平洋', 'zh']]],
  ['japan', 'schema:Country', 'Japan', [['日本', 'ja'], ['Япония', 'ru']]],
  ['fraser-river', 'schema:Place', 'Fraser River', [], { relations: { containedInPlace: ['british-columbia'] } }],
  ['soviet-union', 'schema:Country', 'Soviet Union', ['USSR', ['СССР', 'ru'], ['Советский Союз', 'ru']]],
  ['vancouver-island', 'schema:Place', 'Vancouver Island', [], { relations: { containedInPlace: ['british-columbia'] } }],
  ['india', 'schema:Country', 'India', [['भारत', 'hi'], ['Индия', 'ru']]],
  ['united-kingdom', 'schema:Country', 'United Kingdom', ['Britain', 'UK', ['Великобритания', 'ru']]],
  ['russia', 'schema:Country', 'Russia', ['Russian Federation', ['Россия', 'ru'], ['俄罗斯', 'zh']]],
  ['beijing', 'schema:City', 'Beijing', ['Peking', ['北京', 'zh']], { relations: { containedInPlace: ['china'] } }],
  ['okanagan-valley', 'schema:Place', 'Okanagan Valley', ['Okanagan'], { relations: { containedInPlace: ['british-columbia'] } }],
  ['victoria-bc', 'schema:City', 'Victoria', [], { relations: { containedInPlace: ['british-columbia'] } }],
  ['shanghai', 'schema:City', 'Shanghai', [['上海', 'zh']], { relations: { containedInPlace: ['china'] } }],
  ['moscow', 'schema:City', 'Moscow', [['Москва', 'ru']], { relations: { containedInPlace: ['russia'] } }],
  ['tokyo', 'schema:City', 'Tokyo', [['東京', 'ja']], { relations: { containedInPlace: ['japan'] } }],
  ['south-korea', 'schema:Country', 'South Korea', ['Republic of Korea', ['대한민국', 'ko']]],
  ['seoul', 'schema:City', 'Seoul', [['서울', 'ko']], { relations: { containedInPlace: ['south-korea'] } }],
  ['hong-kong', 'schema:City', 'Hong Kong', [['香港', 'zh']], { relations: { containedInPlace: ['china'] } }],
  ['taipei', 'schema:City', 'Taipei', [['臺北', 'zh-Hant']]],
  ['toronto', 'schema:City', 'Toronto', [], { relations: { containedInPlace: ['canada'] } }],
  ['montreal', 'schema:City', 'Montreal', [['Montréal', 'fr']], { relations: { containedInPlace: ['canada'] } }],
  ['haida-gwaii', 'schema:Place', 'Haida Gwaii', ['Queen Charlotte Islands'], { relations: { containedInPlace: ['british-columbia'] } }],
  ['salish-sea', 'schema:Place', 'Salish Sea', []],
  ['yukon', 'schema:State', 'Yukon', [], { relations: { containedInPlace: ['canada'] } }],
  ['alberta', 'schema:State', 'Alberta', [], { relations: { containedInPlace: ['canada'] } }],
  ['mexico', 'schema:Country', 'Mexico', [['México', 'es']]],
  ['germany', 'schema:Country', 'Germany', [['Deutschland', 'de'], ['Германия', 'ru']]],
  ['france', 'schema:Country', 'France', [['Франция', 'ru']]],
  ['siberia', 'schema:Place', 'Siberia', [['Сибирь', 'ru']], { relations: { containedInPlace: ['russia'] } }],
  ['saint-petersburg', 'schema:City', 'Saint Petersburg', ['St. Petersburg', ['Санкт-Петербург', 'ru']], { relations: { containedInPlace: ['russia'] } }],
  ['harbin', 'schema:City', 'Harbin', [['哈尔滨', 'zh']], { relations: { containedInPlace: ['china'] } }],
  ['osaka', 'schema:City', 'Osaka', [['大阪', 'ja']], { relations: { containedInPlace: ['japan'] } }],
  ['cairo', 'schema:City', 'Cairo', [['القاهرة', 'ar']]],
  ['athens', 'schema:City', 'Athens', [['Αθήνα', 'el']]],
  ['delhi', 'schema:City', 'Delhi', [['दिल्ली', 'hi']], { relations: { containedInPlace: ['india'] } }],
  ['tibetan-plateau', 'schema:Place', 'Tibetan Plateau', [['青藏高原', 'zh']]],
];

const ORGANIZATIONS: readonly Hub[] = [
  ['ubc', 'schema:CollegeOrUniversity', 'University of British Columbia', ['The University of British Columbia', 'UBC'], { relations: { locatedIn: ['vancouver'] }, description: 'Public research university in British Columbia, Canada; publisher and degree grantor of the theses.' }],
  ['ubc-library', 'schema:Library', 'University of British Columbia Library', ['The University of British Columbia Library', 'UBC Library'], { relations: { parentOrganization: ['ubc'], locatedIn: ['vancouver'] }, description: 'The library of the University of British Columbia; provider of the theses in Open Collections.' }],
  ['government-of-canada', 'schema:GovernmentOrganization', 'Government of Canada', [['Gouvernement du Canada', 'fr']], { relations: { locatedIn: ['canada'] } }],
  ['province-of-bc', 'schema:GovernmentOrganization', 'Government of British Columbia', [], { relations: { locatedIn: ['british-columbia'] } }],
  ['united-nations', 'schema:NGO', 'United Nations', ['UN', ['联合国', 'zh'], ['Организация Объединённых Наций', 'ru']]],
  ['who', 'schema:NGO', 'World Health Organization', ['WHO', ['世界卫生组织', 'zh']]],
  ['hudsons-bay-company', 'schema:Corporation', 'Hudson’s Bay Company', ['Hudson’s Bay Co.', ['Compagnie de la Baie d’Hudson', 'fr']]],
  ['canadian-pacific-railway', 'schema:Corporation', 'Canadian Pacific Railway', ['CPR']],
  ['bc-hydro', 'schema:Corporation', 'BC Hydro', ['British Columbia Hydro and Power Authority'], { relations: { locatedIn: ['british-columbia'] } }],
  ['royal-bc-museum', 'schema:Museum', 'Royal BC Museum', ['Royal British Columbia Museum'], { relations: { locatedIn: ['victoria-bc'] } }],
  ['vancouver-general-hospital', 'schema:Hospital', 'Vancouver General Hospital', ['VGH'], { relations: { locatedIn: ['vancouver'] } }],
  ['fisheries-and-oceans-canada', 'schema:GovernmentOrganization', 'Fisheries and Oceans Canada', ['DFO', ['Pêches et Océans Canada', 'fr']], { relations: { locatedIn: ['canada'] } }],
  ['toyota', 'schema:Corporation', 'Toyota', ['Toyota Motor Corporation', ['トヨタ自動車', 'ja']]],
  ['chinese-academy-of-sciences', 'schema:ResearchOrganization', 'Chinese Academy of Sciences', ['CAS', ['中国科学院', 'zh']], { relations: { locatedIn: ['beijing'] } }],
  ['russian-academy-of-sciences', 'schema:ResearchOrganization', 'Russian Academy of Sciences', ['RAS', ['Российская академия наук', 'ru']], { relations: { locatedIn: ['moscow'] } }],
];

const EVENTS: readonly Hub[] = [
  ['second-world-war', 'schema:Event', 'Second World War', ['World War II', ['Вторая мировая война', 'ru'], ['第二次世界大战', 'zh']], { startDate: '1939', endDate: '1945' }],
  ['cold-war', 'schema:Event', 'Cold War', [['Холодная война', 'ru'], ['冷战', 'zh']], { startDate: '1947', endDate: '1991' }],
  ['covid-19-pandemic', 'schema:Event', 'COVID-19 pandemic', ['coronavirus pandemic', ['新冠肺炎疫情', 'zh']], { startDate: '2019-12', endDate: '2023-05' }],
  ['great-depression', 'schema:Event', 'Great Depression', [], { startDate: '1929', endDate: '1939' }],
  ['first-world-war', 'schema:Event', 'First World War', ['World War I', 'Great War', ['Первая мировая война', 'ru']], { startDate: '1914', endDate: '1918' }],
  ['sino-soviet-split', 'schema:Event', 'Sino-Soviet split', [['中苏交恶', 'zh']], { period: 'late 1950s to May 1989', endDate: '1989-05', relations: { involves: ['china', 'soviet-union'] } }],
  ['cultural-revolution', 'schema:Event', 'Cultural Revolution', [['文化大革命', 'zh']], { startDate: '1966', endDate: '1976', relations: { involves: ['china'] } }],
  ['great-leap-forward', 'schema:Event', 'Great Leap Forward', [['大跃进', 'zh']], { startDate: '1958', endDate: '1962', relations: { involves: ['china'] } }],
  ['fraser-canyon-gold-rush', 'schema:Event', 'Fraser Canyon Gold Rush', ['Fraser Gold Rush'], { startDate: '1858', relations: { involves: ['fraser-river'] } }],
  ['klondike-gold-rush', 'schema:Event', 'Klondike Gold Rush', [], { startDate: '1896', endDate: '1899', relations: { involves: ['yukon'] } }],
  ['october-revolution', 'schema:Event', 'October Revolution', [['Октябрьская революция', 'ru']], { startDate: '1917', relations: { involves: ['russia'] } }],
  ['meiji-restoration', 'schema:Event', 'Meiji Restoration', [['明治維新', 'ja']], { startDate: '1868', relations: { involves: ['japan'] } }],
  ['chernobyl-disaster', 'schema:Event', 'Chernobyl disaster', [['Чернобыльская авария', 'ru']], { startDate: '1986-04-26', relations: { involves: ['soviet-union'] } }],
  ['expo-86', 'schema:Event', 'Expo 86', ['1986 World Exposition'], { startDate: '1986', relations: { involves: ['vancouver'] } }],
  ['komagata-maru-incident', 'schema:Event', 'Komagata Maru incident', [], { startDate: '1914', relations: { involves: ['vancouver'] } }],
  ['1918-influenza-pandemic', 'schema:Event', '1918 influenza pandemic', ['Spanish flu'], { startDate: '1918', endDate: '1920' }],
  ['oka-crisis', 'schema:Event', 'Oka Crisis', [['Crise d’Oka', 'fr']], { startDate: '1990' }],
];

function toEntities(kind: CorpusEntity['kind'], hubs: readonly Hub[]): CorpusEntity[] {
  return hubs.map(([id, type, pref, alts, extra]) => ({
    id, kind, types: type === 'schema:Event' ? [] : [type], prefLabel: { value: pref }, altLabels: alts.map(label), match: true, ...extra,
  }));
}

/** The real hubs by kind, most mentioned first. */
export const WORLD = {
  places: toEntities('place', PLACES),
  organizations: toEntities('organization', ORGANIZATIONS),
  events: toEntities('event', EVENTS),
};
