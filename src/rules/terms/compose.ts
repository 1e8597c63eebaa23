/**
 * An office edition is the HQ template, the office's article overrides and its reservation
 * policy put together: conditions are decided, variables filled in and articles numbered.
 *
 * References in a template or override are written against the articles as authored, before
 * conditional content is left out; composing moves them to the positions in the edition.
 */
import type { BookingPolicy } from '../booking/types'
import type {
  Article,
  ArticleOverride,
  ArticleReference,
  ComposedTerms,
  Condition,
  Inline,
  Item,
  NumberedArticle,
  Paragraph,
  SubItem,
  TermsDocument,
} from './types'
import { termsLists, termsVariables, type TermsOffice } from './variables'

export interface ComposeInput {
  template: TermsDocument
  office: TermsOffice
  policy: BookingPolicy
  overrides?: readonly ArticleOverride[]
}

/** Raised when a template, its overrides and a policy do not fit together; lists every problem. */
export class TermsCompositionError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`利用規約を組み立てられません:\n${problems.map((p) => `- ${p}`).join('\n')}`)
    this.name = 'TermsCompositionError'
    this.problems = problems
  }
}

export function composeTerms(input: ComposeInput): ComposedTerms {
  const variables = termsVariables(input.office, input.policy)
  const lists = termsLists(input.office, input.policy)
  const problems = new Set<string>()
  const holds = (condition: Condition | undefined, where: string): boolean =>
    evaluateCondition(condition, variables, (name) =>
      problems.add(`条件「${condition}」のフラグ「${name}」は定義されていません（${where}）`),
    )
  const listNamed = (name: string, where: string): string[] => {
    const list = lists[name]
    if (!list) problems.add(`リスト変数「${name}」は定義されていません（${where}）`)
    return list ?? []
  }

  const authored = applyOverrides(input.template.articles, input.overrides ?? [])
  const kept = authored.filter((article) =>
    holds(article.when, `「${article.heading}」（${article.key}）`),
  )
  const shaped = new Map<string, ShapedArticle>()
  kept.forEach((article, index) => {
    const where = `第${index + 1}条（${article.heading}）`
    shaped.set(article.key, shapeArticle(article, where, holds, listNamed))
  })
  const authoredKeys = new Set(authored.map((a) => a.key))

  const fill = (text: readonly Inline[], where: string): Inline[] =>
    mergeText(
      text.map((run): Inline => {
        if ('variable' in run) {
          const value = variables[run.variable]
          if (value === undefined)
            problems.add(`変数「${run.variable}」は定義されていません（${where}）`)
          return { text: value ?? '' }
        }
        if ('ref' in run) {
          const moved = moveReference(run.ref, shaped, authoredKeys)
          if (moved === 'dropped') {
            const paragraph = run.ref.paragraph === undefined ? '' : `第${run.ref.paragraph}項`
            const item = run.ref.item === undefined ? '' : `(${run.ref.item})`
            problems.add(
              `${where}が参照する「${run.ref.article}」${paragraph}${item}は、この事務所の予約方針では表示されない箇所です`,
            )
            return run
          }
          return { ref: moved }
        }
        return { text: run.text }
      }),
    )

  const preambleShape = shapeParagraphs(input.template.preamble, '前文', holds, listNamed)
  const preamble = preambleShape.paragraphs.map((p, i) =>
    finishParagraph(p, `前文第${i + 1}段落`, fill),
  )
  const articles = kept.map((article, index): NumberedArticle => {
    const number = index + 1
    const shape = shaped.get(article.key)!
    return {
      key: article.key,
      number,
      heading: article.heading,
      paragraphs: shape.paragraphs.map((p) =>
        finishParagraph(p, `第${number}条（${article.heading}）`, fill),
      ),
    }
  })
  const title = input.template.title.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, name: string) => {
    const value = variables[name]
    if (value === undefined) problems.add(`変数「${name}」は定義されていません（表題）`)
    return value ?? ''
  })

  if (problems.size > 0) throw new TermsCompositionError([...problems])
  return {
    title,
    preamble,
    articles,
    signatory: input.office.signatoryTitle || input.template.signatory,
  }
}

/** The template's articles after an office's additions, replacements and removals, in order. */
function applyOverrides(
  articles: readonly Article[],
  overrides: readonly ArticleOverride[],
): Article[] {
  const result = [...articles]
  const problems: string[] = []
  const duplicates = result.map((a) => a.key).filter((key, i, keys) => keys.indexOf(key) !== i)
  for (const key of new Set(duplicates)) problems.push(`条のキー「${key}」が重複しています`)

  const indexOf = (key: string): number => result.findIndex((a) => a.key === key)
  for (const override of overrides) {
    if (override.op === 'remove') {
      const index = indexOf(override.key)
      if (index < 0)
        problems.push(`削除しようとした条「${override.key}」はテンプレートにありません`)
      else result.splice(index, 1)
    } else if (override.op === 'replace') {
      const index = indexOf(override.article.key)
      if (index < 0) {
        problems.push(`置き換えようとした条「${override.article.key}」はテンプレートにありません`)
      } else result[index] = override.article
    } else {
      if (indexOf(override.article.key) >= 0) {
        problems.push(`追加しようとした条のキー「${override.article.key}」は既に使われています`)
        continue
      }
      const anchor = override.after ?? override.before
      if (anchor === undefined) {
        result.push(override.article)
        continue
      }
      const index = indexOf(anchor)
      if (index < 0) problems.push(`追加位置として指定された条「${anchor}」はありません`)
      else result.splice(override.after !== undefined ? index + 1 : index, 0, override.article)
    }
  }
  if (problems.length > 0) throw new TermsCompositionError(problems)
  return result
}

/**
 * Decides a `when` condition against the policy flags. Every term is evaluated so that each
 * unknown flag is reported, not only the first one reached.
 */
export function evaluateCondition(
  condition: Condition | undefined,
  flags: Readonly<Record<string, string>>,
  onUnknown: (name: string) => void = () => {},
): boolean {
  if (condition === undefined || condition.trim() === '') return true
  return condition
    .split('|')
    .map((alternative) =>
      alternative
        .split('&')
        .map((term) => {
          const trimmed = term.trim()
          const negated = trimmed.startsWith('!')
          const name = (negated ? trimmed.slice(1) : trimmed).trim()
          const value = flags[name]
          if (value !== 'true' && value !== 'false') {
            onUnknown(name)
            return false
          }
          return (value === 'true') !== negated
        })
        .every(Boolean),
    )
    .some(Boolean)
}

interface ShapedItem {
  text: readonly Inline[]
  subItems: SubItem[]
}

interface ShapedParagraph {
  text: readonly Inline[]
  items: ShapedItem[]
  /** Authored item position (1-based) → position in the edition, or null when left out. */
  itemPositions: (number | null)[]
}

interface ShapedArticle {
  paragraphs: ShapedParagraph[]
  paragraphPositions: (number | null)[]
}

type Holds = (condition: Condition | undefined, where: string) => boolean
type ListNamed = (name: string, where: string) => string[]

function shapeArticle(
  article: Article,
  where: string,
  holds: Holds,
  listNamed: ListNamed,
): ShapedArticle {
  const { paragraphs, positions } = shapeParagraphs(article.paragraphs, where, holds, listNamed)
  return { paragraphs, paragraphPositions: positions }
}

function shapeParagraphs(
  paragraphs: readonly Paragraph[],
  where: string,
  holds: Holds,
  listNamed: ListNamed,
): { paragraphs: ShapedParagraph[]; positions: (number | null)[] } {
  const shaped: ShapedParagraph[] = []
  const positions = paragraphs.map((paragraph) => {
    if (!holds(paragraph.when, where)) return null
    shaped.push(shapeParagraph(paragraph, where, holds, listNamed))
    return shaped.length
  })
  return { paragraphs: shaped, positions }
}

function shapeParagraph(
  paragraph: Paragraph,
  where: string,
  holds: Holds,
  listNamed: ListNamed,
): ShapedParagraph {
  const items: ShapedItem[] = []
  const itemPositions = (paragraph.items ?? []).map((item) => {
    if (!holds(item.when, where)) return null
    items.push(shapeItem(item, where, holds, listNamed))
    return items.length
  })
  if (paragraph.itemsFrom !== undefined) {
    for (const entry of listNamed(paragraph.itemsFrom, where)) {
      items.push({ text: [{ text: entry }], subItems: [] })
      itemPositions.push(items.length)
    }
  }
  return { text: paragraph.text, items, itemPositions }
}

function shapeItem(item: Item, where: string, holds: Holds, listNamed: ListNamed): ShapedItem {
  const subItems = (item.subItems ?? []).filter((sub) => holds(sub.when, where))
  if (item.subItemsFrom !== undefined) {
    for (const entry of listNamed(item.subItemsFrom, where))
      subItems.push({ text: [{ text: entry }] })
  }
  return { text: item.text, subItems }
}

function finishParagraph(
  paragraph: ShapedParagraph,
  where: string,
  fill: (text: readonly Inline[], where: string) => Inline[],
): Paragraph {
  const result: Paragraph = { text: fill(paragraph.text, where) }
  if (paragraph.items.length > 0) {
    result.items = paragraph.items.map((item): Item => {
      const finished: Item = { text: fill(item.text, where) }
      if (item.subItems.length > 0) {
        finished.subItems = item.subItems.map((sub): SubItem => {
          const filled: SubItem = { text: fill(sub.text, where) }
          if (sub.bullet) filled.bullet = true
          return filled
        })
      }
      return finished
    })
  }
  return result
}

/**
 * Moves a reference from authored positions to edition positions. A reference to an unknown
 * article or position is kept out of range so that publishing reports it; one to content
 * the policy leaves out is a template error.
 */
function moveReference(
  ref: ArticleReference,
  shaped: ReadonlyMap<string, ShapedArticle>,
  authoredKeys: ReadonlySet<string>,
): ArticleReference | 'dropped' {
  const article = shaped.get(ref.article)
  if (!article) return authoredKeys.has(ref.article) ? 'dropped' : { ...ref }
  if (ref.paragraph === undefined && ref.item === undefined) return { ...ref }

  const authoredParagraph = ref.paragraph ?? 1
  const paragraph = movePosition(
    authoredParagraph,
    article.paragraphPositions,
    article.paragraphs.length,
  )
  if (paragraph === null) return 'dropped'
  const moved: ArticleReference = { ...ref }
  // An omitted paragraph means the first one; spell it out if that one moved.
  if (ref.paragraph !== undefined || paragraph !== 1) moved.paragraph = paragraph
  if (ref.item !== undefined) {
    const target = article.paragraphs[paragraph - 1]
    if (target) {
      const item = movePosition(ref.item, target.itemPositions, target.items.length)
      if (item === null) return 'dropped'
      moved.item = item
    }
  }
  return moved
}

function movePosition(
  authored: number,
  positions: readonly (number | null)[],
  keptCount: number,
): number | null {
  if (!Number.isInteger(authored) || authored < 1) return authored
  if (authored > positions.length) return keptCount + (authored - positions.length)
  return positions[authored - 1] ?? null
}

/** Adjacent text runs are joined and empty ones dropped, so equal text has one shape. */
export function mergeText(text: readonly Inline[]): Inline[] {
  const merged: Inline[] = []
  for (const run of text) {
    const last = merged[merged.length - 1]
    if ('text' in run) {
      if (run.text === '') continue
      if (last && 'text' in last) merged[merged.length - 1] = { text: last.text + run.text }
      else merged.push({ text: run.text })
    } else merged.push(run)
  }
  return merged
}
