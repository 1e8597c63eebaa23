/**
 * Stable article keys for imported articles. Headings the standard terms use get the same
 * key as in the template, so an imported edition lines up with it article by article.
 */

const KEY_BY_HEADING: Record<string, string> = {
  目的: 'purpose',
  対象者: 'eligibility',
  利用料: 'fee',
  利用料金: 'fee',
  通信に使用するアプリケーションソフト: 'tools',
  利用環境: 'environment',
  利用申込み等: 'booking',
  利用申込等: 'booking',
  利用の申込み等: 'booking',
  利用の記録等: 'records',
  個人情報保護: 'privacy',
  個人情報の保護: 'privacy',
  免責事項: 'disclaimer',
  損害賠償: 'damages',
  法令等の遵守: 'compliance',
  その他留意事項: 'notes',
  その他の留意事項: 'notes',
  本利用規約の変更: 'changes',
  本規約の変更: 'changes',
  利用規約の変更: 'changes',
  準拠法及び合意管轄裁判所: 'jurisdiction',
  準拠法及び管轄裁判所: 'jurisdiction',
}

/** The known key for a heading such as 目的 or （目 的）, or null. */
function knownKeyForHeading(heading: string): string | null {
  const bare = heading.replace(/[\s（）()]/g, '')
  return KEY_BY_HEADING[bare] ?? null
}

/**
 * Keys for articles in order: the known key of the heading, else article-N (N as numbered
 * in the source). A key already taken falls back to article-N, then article-N-2, …
 */
export function assignArticleKeys(articles: { number: number; heading: string }[]): string[] {
  const taken = new Set<string>()
  return articles.map(({ number, heading }) => {
    const candidates = [knownKeyForHeading(heading), `article-${number}`].filter(
      (key): key is string => key !== null,
    )
    let key = candidates.find((candidate) => !taken.has(candidate))
    for (let suffix = 2; key === undefined; suffix++) {
      const numbered = `article-${number}-${suffix}`
      if (!taken.has(numbered)) key = numbered
    }
    taken.add(key)
    return key
  })
}
