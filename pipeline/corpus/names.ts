// Personal names for the synthetic corpus, from several cultures, with the native-script form where there is one.
import type { Random } from './random.ts';

/** A personal name: family and given name in Latin script, and the name as written in its own script, if any. */
export interface PersonName {
  family: string;
  given: string;
  /** "Li, Yi": the catalogue form records and prefLabels use. */
  inverted: string;
  /** "Yi Li" (or "Li Yi" where the family name comes first): the form running text uses. */
  natural: string;
  /** The name in its own script, with its language tag: {value: 李毅, lang: zh}. */
  native?: { value: string; lang: string };
}

type Pair = readonly [latin: string, native: string];

// Latin-script cultures: family names and given names, diacritics as the names are written.
const LATIN: readonly { family: readonly string[]; given: readonly string[] }[] = [
  { family: ['Smith', 'Campbell', 'MacDonald', 'Thompson', 'Wilson', 'Fraser', 'Robertson', 'Harris', 'Clarke', 'Morrison', 'Bennett', 'Hughes', 'Fletcher', 'Grant', 'Sutherland', 'Douglas', 'Reid', 'Walsh', 'Doyle', 'Murphy'],
    given: ['Sarah', 'James', 'Emily', 'Michael', 'Rachel', 'David', 'Laura', 'Andrew', 'Hannah', 'Colin', 'Megan', 'Graham', 'Fiona', 'Patrick', 'Claire', 'Ian', 'Heather', 'Stuart', 'Alison', 'Neil'] },
  { family: ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Bélanger', 'Pelletier', 'Lévesque', 'Bergeron', 'Leblanc'],
    given: ['Marie-Ève', 'Élise', 'Jean-François', 'Geneviève', 'Mathieu', 'Hélène', 'Benoît', 'Chloé', 'François', 'Joëlle', 'Luc', 'Amélie', 'Stéphane', 'Josée', 'Rémi'] },
  { family: ['García', 'Martínez', 'Rodríguez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Flores', 'Castillo', 'Ortega'],
    given: ['José', 'María', 'Andrés', 'Lucía', 'Javier', 'Sofía', 'Tomás', 'Inés', 'Raúl', 'Ana', 'Diego', 'Valentina'] },
  { family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Krüger'],
    given: ['Jürgen', 'Anke', 'Matthias', 'Katrin', 'Stefan', 'Jörg', 'Ulrike', 'Tobias', 'Friederike', 'Lukas', 'Birgit', 'Günter'] },
  { family: ['Singh', 'Sharma', 'Patel', 'Gupta', 'Kumar', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Banerjee', 'Chatterjee', 'Rao'],
    given: ['Priya', 'Arjun', 'Ananya', 'Rahul', 'Kavya', 'Vikram', 'Deepa', 'Sanjay', 'Meera', 'Rohan', 'Lakshmi', 'Amit'] },
  { family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'],
    given: ['Thị Lan', 'Văn Minh', 'Thu Hà', 'Quốc Bảo', 'Ngọc Anh', 'Đức Huy', 'Minh Châu', 'Hải Yến'] },
  { family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Mensah', 'Owusu', 'Kamau', 'Odhiambo'],
    given: ['Adaeze', 'Chinedu', 'Ngozi', 'Oluwaseun', 'Kwame', 'Ama', 'Wanjiru', 'Emeka', 'Folake', 'Kofi'] },
  { family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Dąbrowski'],
    given: ['Łukasz', 'Agnieszka', 'Paweł', 'Małgorzata', 'Krzysztof', 'Zofia', 'Michał', 'Joanna'] },
  { family: ['Ahmadi', 'Hosseini', 'Karimi', 'Rezaei', 'Moradi', 'Jafari', 'Yılmaz', 'Kaya', 'Demir', 'Çelik', 'Şahin', 'Öztürk'],
    given: ['Reza', 'Leila', 'Dariush', 'Shirin', 'Navid', 'Parisa', 'Emre', 'Elif', 'Burak', 'Zeynep', 'Mehmet', 'Ayşe'] },
  { family: ['Johansson', 'Andersen', 'Nielsen', 'Lindqvist', 'Håkansson', 'Sørensen', 'Virtanen', 'Korhonen'],
    given: ['Søren', 'Ingrid', 'Magnus', 'Åsa', 'Henrik', 'Sigrid', 'Mikko', 'Aino'] },
  { family: ['O’Neil', 'O’Brien', 'McCarthy', 'Ní Bhriain', 'Ó Súilleabháin', 'Byrne', 'Kavanagh'],
    given: ['Seán', 'Siobhán', 'Aoife', 'Niamh', 'Ciarán', 'Órla', 'Pádraig'] },
];

// Chinese: pinyin with the Han characters; the family name comes first in both scripts.
const ZH_FAMILY: readonly Pair[] = [['Li', '李'], ['Wang', '王'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Huang', '黄'], ['Zhao', '赵'], ['Wu', '吴'], ['Zhou', '周'], ['Xu', '徐'], ['Sun', '孙'], ['Ma', '马'], ['Zhu', '朱'], ['Hu', '胡'], ['Guo', '郭'], ['He', '何'], ['Gao', '高'], ['Lin', '林'], ['Luo', '罗'], ['Zheng', '郑'], ['Liang', '梁'], ['Xie', '谢'], ['Song', '宋']];
const ZH_GIVEN: readonly Pair[] = [['Wei', '伟'], ['Fang', '芳'], ['Min', '敏'], ['Jing', '静'], ['Lei', '磊'], ['Yang', '洋'], ['Yong', '勇'], ['Jie', '杰'], ['Tao', '涛'], ['Ming', '明'], ['Hui', '慧'], ['Qiang', '强'], ['Xin', '欣'], ['Yan', '燕'], ['Hong', '红'], ['Jun', '军'], ['Ping', '平'], ['Hua', '华'], ['Bo', '波'], ['Ning', '宁'], ['Xiao', '晓'], ['Yu', '宇'], ['Chen', '晨'], ['Lan', '兰'], ['Feng', '峰'], ['Yi', '毅']];

// Japanese: romaji with kanji, family name first in Japanese.
const JA_FAMILY: readonly Pair[] = [['Sato', '佐藤'], ['Suzuki', '鈴木'], ['Takahashi', '高橋'], ['Tanaka', '田中'], ['Watanabe', '渡辺'], ['Ito', '伊藤'], ['Yamamoto', '山本'], ['Nakamura', '中村'], ['Kobayashi', '小林'], ['Kato', '加藤'], ['Yoshida', '吉田'], ['Yamada', '山田'], ['Matsumoto', '松本'], ['Inoue', '井上']];
const JA_GIVEN: readonly Pair[] = [['Hiroshi', '博'], ['Yuki', '由紀'], ['Takeshi', '武'], ['Akira', '明'], ['Keiko', '恵子'], ['Naoko', '直子'], ['Kenji', '健二'], ['Haruka', '遥'], ['Satoshi', '聡'], ['Emi', '恵美'], ['Daisuke', '大輔'], ['Aya', '彩']];

// Korean: revised romanisation as commonly written, with Hangul.
const KO_FAMILY: readonly Pair[] = [['Kim', '김'], ['Lee', '이'], ['Park', '박'], ['Choi', '최'], ['Jung', '정'], ['Kang', '강'], ['Cho', '조'], ['Yoon', '윤'], ['Jang', '장'], ['Lim', '임']];
const KO_GIVEN: readonly Pair[] = [['Min-jun', '민준'], ['Seo-yeon', '서연'], ['Ji-ho', '지호'], ['Ha-eun', '하은'], ['Do-yoon', '도윤'], ['Su-bin', '수빈'], ['Ye-jin', '예진'], ['Hyun-woo', '현우'], ['Ji-won', '지원'], ['Sung-min', '성민']];

// Russian: transliteration with Cyrillic; women's family names take the feminine ending (Ivanov → Ivanova).
const RU_FAMILY: readonly Pair[] = [['Ivanov', 'Иванов'], ['Petrov', 'Петров'], ['Smirnov', 'Смирнов'], ['Kuznetsov', 'Кузнецов'], ['Popov', 'Попов'], ['Sokolov', 'Соколов'], ['Lebedev', 'Лебедев'], ['Kozlov', 'Козлов'], ['Novikov', 'Новиков'], ['Morozov', 'Морозов'], ['Volkov', 'Волков'], ['Vasiliev', 'Васильев'], ['Zaitsev', 'Зайцев'], ['Pavlov', 'Павлов'], ['Golubev', 'Голубев'], ['Vinogradov', 'Виноградов'], ['Bogdanov', 'Богданов'], ['Orlov', 'Орлов'], ['Belov', 'Белов'], ['Fedorov', 'Федоров']];
const RU_MEN: readonly Pair[] = [['Ivan', 'Иван'], ['Sergei', 'Сергей'], ['Dmitri', 'Дмитрий'], ['Alexei', 'Алексей'], ['Nikolai', 'Николай'], ['Mikhail', 'Михаил'], ['Andrei', 'Андрей'], ['Pavel', 'Павел'], ['Yuri', 'Юрий'], ['Boris', 'Борис'], ['Oleg', 'Олег'], ['Viktor', 'Виктор']];
const RU_WOMEN: readonly Pair[] = [['Anna', 'Анна'], ['Olga', 'Ольга'], ['Natalia', 'Наталья'], ['Elena', 'Елена'], ['Irina', 'Ирина'], ['Tatiana', 'Татьяна'], ['Maria', 'Мария'], ['Svetlana', 'Светлана'], ['Vera', 'Вера'], ['Galina', 'Галина']];

function latinName(rng: Random): PersonName {
  const culture = rng.pick(LATIN);
  const family = rng.pick(culture.family);
  const given = rng.pick(culture.given);
  return { family, given, inverted: `${family}, ${given}`, natural: `${given} ${family}` };
}

// East Asian names: the family name first in the native script and, for Chinese, in running English text too.
function eastAsianName(rng: Random, families: readonly Pair[], givens: readonly Pair[], lang: string, twoSyllables: boolean, familyFirst: boolean): PersonName {
  const [family, familyNative] = rng.pick(families);
  let [given, givenNative] = rng.pick(givens);
  if (twoSyllables && rng.chance(0.6)) {
    const [g2, n2] = rng.pick(givens);
    given = `${given}${g2.toLowerCase()}`;
    givenNative = `${givenNative}${n2}`;
  }
  return {
    family, given, inverted: `${family}, ${given}`,
    natural: familyFirst ? `${family} ${given}` : `${given} ${family}`,
    native: { value: `${familyNative}${givenNative}`, lang },
  };
}

function russianName(rng: Random): PersonName {
  const woman = rng.chance(0.5);
  const [familyBase, familyBaseNative] = rng.pick(RU_FAMILY);
  const [given, givenNative] = rng.pick(woman ? RU_WOMEN : RU_MEN);
  const family = woman ? `${familyBase}a` : familyBase;
  const familyNative = woman ? `${familyBaseNative}а` : familyBaseNative;
  return { family, given, inverted: `${family}, ${given}`, natural: `${given} ${family}`, native: { value: `${givenNative} ${familyNative}`, lang: 'ru' } };
}

/** A personal name: mostly Latin-script cultures, about a third Chinese, Japanese, Korean or Russian with the native form. */
export function personName(rng: Random): PersonName {
  const x = rng.next();
  if (x < 0.16) return eastAsianName(rng, ZH_FAMILY, ZH_GIVEN, 'zh', true, true);
  if (x < 0.22) return eastAsianName(rng, JA_FAMILY, JA_GIVEN, 'ja', false, false);
  if (x < 0.27) return eastAsianName(rng, KO_FAMILY, KO_GIVEN, 'ko', false, false);
  if (x < 0.34) return russianName(rng);
  return latinName(rng);
}
