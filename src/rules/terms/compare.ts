/**
 * The 新旧対照表 between two editions, and the changed articles a change notice lists.
 *
 * Articles are matched by key. An article counts as changed when its heading or any of its
 * printed text differs, references included: a reference that now prints 第11条 instead of
 * 第12条 changes what the article says. An article whose only difference is its own number
 * is unchanged but flagged `renumbered`, so a notice does not list every article after an
 * insertion while the table still shows the new numbers.
 */
import { diffChars } from 'diff'
import { anchorId, BASE_CSS, htmlPage } from './html'
import { escapeHtml } from '../../lib/html'
import { articleLines } from './render'
import type { ComposedTerms, NumberedArticle } from './types'

type ComparisonStatus = 'unchanged' | 'changed' | 'added' | 'removed'

interface ArticleVersion {
  number: number
  heading: string
  /** The article as printed: （見出し）, 第N条 …, (1) … */
  text: string
}

export interface ArticleComparison {
  key: string
  status: ComparisonStatus
  /** Present in both editions under different numbers. */
  renumbered: boolean
  old?: ArticleVersion
  new?: ArticleVersion
}

export interface ChangedArticle {
  key: string
  status: Exclude<ComparisonStatus, 'unchanged'>
  /** The number in the new edition; for a removed article, its number in the old one. */
  number: number
  heading: string
  /** 第6条（利用申込み等）, or 旧第12条（…） for a removed article. */
  label: string
}

export interface CompareHtmlOptions {
  officeName: string
  fromLabel: string
  toLabel: string
  /** A whole page (default) or a fragment. */
  standalone?: boolean
  /** Leave out rows of unchanged articles (a renumbered one is still shown). */
  onlyChanged?: boolean
}

/** Rows in the new edition's order; a removed article sits where it stood in the old one. */
export function compareTerms(
  oldTerms: ComposedTerms,
  newTerms: ComposedTerms,
): ArticleComparison[] {
  const oldByKey = new Map(oldTerms.articles.map((a) => [a.key, a]))
  const newKeys = new Set(newTerms.articles.map((a) => a.key))

  const rows: ArticleComparison[] = newTerms.articles.map((article) => {
    const previous = oldByKey.get(article.key)
    const current = version(article, newTerms)
    if (!previous) return { key: article.key, status: 'added', renumbered: false, new: current }
    const same =
      previous.heading === article.heading &&
      sameLines(
        articleLines(previous, oldTerms.articles, ''),
        articleLines(article, newTerms.articles, ''),
      )
    return {
      key: article.key,
      status: same ? 'unchanged' : 'changed',
      renumbered: previous.number !== article.number,
      old: version(previous, oldTerms),
      new: current,
    }
  })

  let cursor = -1
  for (const article of oldTerms.articles) {
    if (newKeys.has(article.key)) {
      cursor = rows.findIndex((row) => row.key === article.key)
      continue
    }
    cursor += 1
    rows.splice(cursor, 0, {
      key: article.key,
      status: 'removed',
      renumbered: false,
      old: version(article, oldTerms),
    })
  }
  return rows
}

/** What a change notice lists: every article added, changed or removed, with its number. */
export function changedArticles(
  oldTerms: ComposedTerms,
  newTerms: ComposedTerms,
): ChangedArticle[] {
  return compareTerms(oldTerms, newTerms).flatMap((row): ChangedArticle[] => {
    if (row.status === 'unchanged') return []
    const side = (row.status === 'removed' ? row.old : row.new)!
    const prefix = row.status === 'removed' ? '旧' : ''
    return [
      {
        key: row.key,
        status: row.status,
        number: side.number,
        heading: side.heading,
        label: `${prefix}第${side.number}条（${side.heading}）`,
      },
    ]
  })
}

/** 第6条（利用申込み等）を変更、第15条（…）を新設、旧第12条（…）を削除 */
export function summarizeChanges(changes: readonly ChangedArticle[]): string {
  const verb = { changed: '変更', added: '新設', removed: '削除' } as const
  return changes.map((change) => `${change.label}を${verb[change.status]}`).join('、')
}

const STATUS_LABELS: Record<ComparisonStatus, string> = {
  unchanged: '変更なし',
  changed: '変更',
  added: '新設',
  removed: '削除',
}

const COMPARE_CSS = [
  BASE_CSS,
  'main{max-width:80rem}',
  '.kiyaku-compare-scroll{overflow-x:auto}',
  '.kiyaku-compare{border-collapse:collapse;width:100%;min-width:40rem}',
  '.kiyaku-compare caption{text-align:left;font-weight:bold;padding:.5rem 0}',
  '.kiyaku-compare th,.kiyaku-compare td{border:1px solid #767676;padding:.5rem;vertical-align:top;text-align:left}',
  '.kiyaku-compare thead th{background:#f0f0f0}',
  '.kiyaku-compare td{width:42%}',
  '.kiyaku-status{display:block;font-weight:normal;font-size:.9em}',
  'ins{text-decoration:underline;text-decoration-thickness:2px;background:#e6f4ea;color:inherit}',
  'del{text-decoration:line-through;background:#fdecea;color:inherit}',
].join('\n')

export function renderCompareHtml(
  comparison: readonly ArticleComparison[],
  options: CompareHtmlOptions,
): string {
  const standalone = options.standalone ?? true
  const heading = `${options.officeName} 利用規約 新旧対照表`
  const rows = comparison
    .filter((row) => !options.onlyChanged || row.status !== 'unchanged' || row.renumbered)
    .map(compareRowHtml)

  const table = [
    '<div class="kiyaku-compare-scroll" role="region" aria-labelledby="kiyaku-compare-caption" tabindex="0">',
    '<table class="kiyaku-compare">',
    `<caption id="kiyaku-compare-caption">${escapeHtml(heading)}（旧: ${escapeHtml(options.fromLabel)}／新: ${escapeHtml(options.toLabel)}）</caption>`,
    '<thead><tr>',
    '<th scope="col">条</th>',
    `<th scope="col">新（${escapeHtml(options.toLabel)}）</th>`,
    `<th scope="col">旧（${escapeHtml(options.fromLabel)}）</th>`,
    '</tr></thead>',
    '<tbody>',
    rows.length > 0 ? rows.join('\n') : '<tr><td colspan="3">変更された条はありません。</td></tr>',
    '</tbody>',
    '</table>',
    '</div>',
  ].join('\n')
  const legend =
    '<p class="kiyaku-compare-legend">新の欄の<ins>下線部</ins>は追加又は変更された部分、' +
    '旧の欄の<del>取消線部</del>は削除又は変更された部分です。</p>'
  const headingLevel = standalone ? 1 : 2
  const body = [
    `<section class="kiyaku-compare-section" lang="ja">`,
    `<h${headingLevel}>${escapeHtml(heading)}</h${headingLevel}>`,
    legend,
    table,
    '</section>',
  ].join('\n')
  if (!standalone) return `${body}\n`
  return htmlPage({ title: heading, css: COMPARE_CSS, body })
}

function compareRowHtml(row: ArticleComparison): string {
  const side = (row.new ?? row.old)!
  const prefix = row.status === 'removed' ? '旧' : ''
  const status =
    row.status === 'unchanged' && row.renumbered ? '条番号の変更' : STATUS_LABELS[row.status]
  const header =
    `<th scope="row" id="${anchorId('kiyaku-compare', row.key)}">` +
    `${prefix}第${side.number}条（${escapeHtml(side.heading)}）` +
    `<span class="kiyaku-status">${status}</span></th>`

  let newCell: string
  let oldCell: string
  if (row.old && row.new) {
    const { before, after } = markedDiff(row.old.text, row.new.text)
    newCell = after
    oldCell = before
  } else if (row.new) {
    newCell = `<ins>${multiline(row.new.text)}</ins>`
    oldCell = '（新設）'
  } else {
    newCell = '（削除）'
    oldCell = `<del>${multiline(row.old!.text)}</del>`
  }
  return `<tr class="kiyaku-row-${row.status}">${header}<td>${newCell}</td><td>${oldCell}</td></tr>`
}

interface Segment {
  text: string
  marked: boolean
}

/**
 * Character diff of the two texts, as HTML for the old column (<del>) and the new one (<ins>).
 * A single unchanged character between two changes is folded into them: Japanese text
 * otherwise breaks into fragments that are harder to read than the whole changed phrase.
 */
export function markedDiff(oldText: string, newText: string): { before: string; after: string } {
  const parts = diffChars(oldText, newText)
  const before: Segment[] = []
  const after: Segment[] = []
  parts.forEach((part, i) => {
    if (part.added) after.push({ text: part.value, marked: true })
    else if (part.removed) before.push({ text: part.value, marked: true })
    else {
      const previous = parts[i - 1]
      const next = parts[i + 1]
      const squeezed =
        part.value.length === 1 &&
        part.value !== '\n' &&
        previous !== undefined &&
        next !== undefined &&
        (previous.added || previous.removed) &&
        (next.added || next.removed)
      before.push({ text: part.value, marked: squeezed })
      after.push({ text: part.value, marked: squeezed })
    }
  })
  return { before: segmentsHtml(before, 'del'), after: segmentsHtml(after, 'ins') }
}

function segmentsHtml(segments: readonly Segment[], tag: 'ins' | 'del'): string {
  const merged: Segment[] = []
  for (const segment of segments) {
    const last = merged[merged.length - 1]
    if (last && last.marked === segment.marked) last.text += segment.text
    else merged.push({ ...segment })
  }
  return merged
    .map((s) => (s.marked ? `<${tag}>${multiline(s.text)}</${tag}>` : multiline(s.text)))
    .join('')
}

function multiline(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n')
}

function version(article: NumberedArticle, terms: ComposedTerms): ArticleVersion {
  return {
    number: article.number,
    heading: article.heading,
    text: articleLines(article, terms.articles, `第${article.number}条`).join('\n'),
  }
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i])
}
