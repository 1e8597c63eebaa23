/** The two demo offices, taken from the seeds' names; contact details are fictitious. */
export const demoOffices = [
  {
    slug: 'kitakyushu-mothers',
    name: 'マザーズハローワーク北九州',
    signatoryTitle: '小倉公共職業安定所長',
    prefecture: '福岡県',
    phone: '093-000-0000',
    email: 'kitakyushu-mothers@demo.test',
    // Both offices' real terms were in force before Kiyaku (seed 001 is dated 令和5年4月1日).
    hadTermsBeforeKiyaku: true,
  },
  {
    slug: 'isesaki',
    name: 'ハローワーク伊勢崎',
    signatoryTitle: '伊勢崎公共職業安定所長',
    prefecture: '群馬県',
    phone: '0270-00-0000',
    email: 'isesaki@demo.test',
    hadTermsBeforeKiyaku: true,
  },
] as const

export const demoUsers = [
  { email: 'hq@demo.test', name: '本部 管理者', role: 'hq-admin', office: null },
  {
    email: 'kitakyushu-admin@demo.test',
    name: '北九州 管理者',
    role: 'office-admin',
    office: 'kitakyushu-mothers',
  },
  {
    email: 'isesaki-admin@demo.test',
    name: '伊勢崎 管理者',
    role: 'office-admin',
    office: 'isesaki',
  },
  {
    email: 'kitakyushu-staff@demo.test',
    name: '北九州 職員',
    role: 'office-staff',
    office: 'kitakyushu-mothers',
  },
  {
    email: 'isesaki-staff@demo.test',
    name: '伊勢崎 職員',
    role: 'office-staff',
    office: 'isesaki',
  },
] as const
