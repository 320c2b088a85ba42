// Region names that, after a place name and a comma, say which of several places of that name is meant ("Paris, Texas").

/**
 * First-level subdivisions where many towns reuse the names of world cities (the United States, Canada, Australia,
 * the United Kingdom's nations), with the abbreviations texts use. After a place label and a comma, one of these means
 * a namesake (Moscow, Idaho; Vancouver, Washington), unless the authority entry lists it among its qualifiers.
 */
export const REGIONS: readonly string[] = [
  // United States
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington',
  'West Virginia', 'Wisconsin', 'Wyoming', 'D.C.',
  'Ala.', 'Ariz.', 'Ark.', 'Calif.', 'Colo.', 'Conn.', 'Del.', 'Fla.', 'Ga.', 'Ida.', 'Ill.', 'Ind.', 'Kans.', 'Ky.',
  'La.', 'Md.', 'Mass.', 'Mich.', 'Minn.', 'Miss.', 'Mo.', 'Mont.', 'Nebr.', 'Nev.', 'N.H.', 'N.J.', 'N.M.', 'N.Y.',
  'N.C.', 'N.D.', 'Okla.', 'Ore.', 'Pa.', 'R.I.', 'S.C.', 'S.D.', 'Tenn.', 'Tex.', 'Vt.', 'Va.', 'Wash.', 'W.Va.',
  'Wis.', 'Wyo.',
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  // Canada
  'British Columbia', 'Alberta', 'Saskatchewan', 'Manitoba', 'Ontario', 'Quebec', 'Québec', 'New Brunswick', 'Nova Scotia',
  'Prince Edward Island', 'Newfoundland', 'Newfoundland and Labrador', 'Yukon', 'Northwest Territories', 'Nunavut',
  'B.C.', 'Alta.', 'Sask.', 'Man.', 'Ont.', 'Que.', 'N.B.', 'N.S.', 'P.E.I.', 'Nfld.', 'N.W.T.',
  'BC', 'AB', 'SK', 'MB', 'ON', 'QC', 'NB', 'NS', 'PE', 'NL', 'YT', 'NT', 'NU',
  // Australia
  'New South Wales', 'Queensland', 'South Australia', 'Tasmania', 'Victoria', 'Western Australia', 'Northern Territory',
  'NSW', 'Qld', 'Tas.', 'Vic.', 'WA',
  // United Kingdom
  'England', 'Scotland', 'Wales', 'Northern Ireland',
];
