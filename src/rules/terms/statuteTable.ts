/**
 * Statute articles that terms of this kind cite, with the subject each had and when. A citation
 * is checked against the row in force on the terms' date. 職業安定法 was renumbered on 2022-10-01
 * (令和4年法律第12号): the personal-information article moved from 第5条の4 to 第5条の5, and
 * 第5条の4 became the article on accurate job information. Rows are added as terms cite more.
 */
export type CitationTopic = 'personal-information' | 'job-information' | 'standard-terms'

export interface StatuteArticle {
  statute: string
  /** As cited after 第: "5条の4" style, digits half-width. */
  article: string
  topic: CitationTopic
  /** Japanese, for messages. */
  subject: string
  /** First and last JST date the article had this subject (inclusive); null = open. */
  from: string | null
  until: string | null
}

export const STATUTE_ARTICLES: readonly StatuteArticle[] = [
  {
    statute: '職業安定法',
    article: '5条の4',
    topic: 'personal-information',
    subject: '求職者等の個人情報の取扱い',
    from: null,
    until: '2022-09-30',
  },
  {
    statute: '職業安定法',
    article: '5条の4',
    topic: 'job-information',
    subject: '求人等に関する情報の的確な表示',
    from: '2022-10-01',
    until: null,
  },
  {
    statute: '職業安定法',
    article: '5条の5',
    topic: 'personal-information',
    subject: '求職者等の個人情報の取扱い',
    from: '2022-10-01',
    until: null,
  },
  {
    statute: '民法',
    article: '548条の2',
    topic: 'standard-terms',
    subject: '定型約款の合意',
    from: '2020-04-01',
    until: null,
  },
  {
    statute: '民法',
    article: '548条の3',
    topic: 'standard-terms',
    subject: '定型約款の内容の表示',
    from: '2020-04-01',
    until: null,
  },
  {
    statute: '民法',
    article: '548条の4',
    topic: 'standard-terms',
    subject: '定型約款の変更',
    from: '2020-04-01',
    until: null,
  },
]

/** Words in the citing sentence that say which subject it means. */
export const TOPIC_WORDS: Readonly<Record<CitationTopic, readonly string[]>> = {
  'personal-information': ['個人情報'],
  'job-information': ['求人等に関する情報', '的確な表示'],
  'standard-terms': ['定型約款'],
}
