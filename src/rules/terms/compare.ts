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
  /**
   * The language of the table's own words (the admin's); the articles stay as the terms print
   * them. Japanese by default, and always on the public pages.
   */
  language?: 'ja' | 'en'
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

interface CompareText {
  heading: (office: string) => string
  caption: (heading: string, from: string, to: string) => string
  article: string
  newColumn: (to: string) => string
  oldColumn: (from: string) => string
  noRows: string
  legend: string
  status: Record<ComparisonStatus, string>
  renumbered: string
  addedCell: string
  removedCell: string
  /** Marks the rows, which quote the Japanese terms, and the status inside them, in English. */
  rowLang: string
  statusLang: string
}

/** The comparison table's own words; the article labels and texts are the terms' own. */
const COMPARE_TEXTS = {
  ja: {
    heading: (office: string) => `${office} 利用規約 新旧対照表`,
    caption: (heading: string, from: string, to: string) => `${heading}（旧: ${from}／新: ${to}）`,
    article: '条',
    newColumn: (to: string) => `新（${to}）`,
    oldColumn: (from: string) => `旧（${from}）`,
    noRows: '変更された条はありません。',
    legend:
      '新の欄の<ins>下線部</ins>は追加又は変更された部分、' +
      '旧の欄の<del>取消線部</del>は削除又は変更された部分です。',
    status: { unchanged: '変更なし', changed: '変更', added: '新設', removed: '削除' },
    renumbered: '条番号の変更',
    addedCell: '（新設）',
    removedCell: '（削除）',
    rowLang: '',
    statusLang: '',
  },
  en: {
    heading: (office: string) => `${office}: terms of use, old and new`,
    caption: (heading: string, from: string, to: string) => `${heading} (old: ${from}; new: ${to})`,
    article: 'Article',
    newColumn: (to: string) => `New (${to})`,
    oldColumn: (from: string) => `Old (${from})`,
    noRows: 'No article has changed.',
    legend:
      'In the new column, <ins>underlined</ins> text is added or changed; ' +
      'in the old column, <del>struck-through</del> text is removed or changed.',
    status: { unchanged: 'Unchanged', changed: 'Changed', added: 'Added', removed: 'Removed' },
    renumbered: 'Renumbered',
    addedCell: '(added)',
    removedCell: '(removed)',
    rowLang: ' lang="ja"',
    statusLang: ' lang="en"',
  },
} satisfies Record<'ja' | 'en', CompareText>

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
  const language = options.language ?? 'ja'
  const text: CompareText = COMPARE_TEXTS[language]
  const heading = text.heading(options.officeName)
  const rows = comparison
    .filter((row) => !options.onlyChanged || row.status !== 'unchanged' || row.renumbered)
    .map((row) => compareRowHtml(row, text))

  const table = [
    '<div class="kiyaku-compare-scroll" role="region" aria-labelledby="kiyaku-compare-caption" tabindex="0">',
    '<table class="kiyaku-compare">',
    `<caption id="kiyaku-compare-caption">${text.caption(escapeHtml(heading), escapeHtml(options.fromLabel), escapeHtml(options.toLabel))}</caption>`,
    '<thead><tr>',
    `<th scope="col">${text.article}</th>`,
    `<th scope="col">${text.newColumn(escapeHtml(options.toLabel))}</th>`,
    `<th scope="col">${text.oldColumn(escapeHtml(options.fromLabel))}</th>`,
    '</tr></thead>',
    '<tbody>',
    rows.length > 0 ? rows.join('\n') : `<tr><td colspan="3">${text.noRows}</td></tr>`,
    '</tbody>',
    '</table>',
    '</div>',
  ].join('\n')
  const legend = `<p class="kiyaku-compare-legend">${text.legend}</p>`
  const headingLevel = standalone ? 1 : 2
  const body = [
    `<section class="kiyaku-compare-section" lang="${language}">`,
    `<h${headingLevel}>${escapeHtml(heading)}</h${headingLevel}>`,
    legend,
    table,
    '</section>',
  ].join('\n')
  if (!standalone) return `${body}\n`
  return htmlPage({ title: heading, css: COMPARE_CSS, body })
}

function compareRowHtml(row: ArticleComparison, text: CompareText): string {
  const side = (row.new ?? row.old)!
  const prefix = row.status === 'removed' ? '旧' : ''
  const status =
    row.status === 'unchanged' && row.renumbered ? text.renumbered : text.status[row.status]
  const header =
    `<th scope="row" id="${anchorId('kiyaku-compare', row.key)}">` +
    `${prefix}第${side.number}条（${escapeHtml(side.heading)}）` +
    `<span class="kiyaku-status"${text.statusLang}>${status}</span></th>`

  let newCell: string
  let oldCell: string
  if (row.old && row.new) {
    const { before, after } = markedDiff(row.old.text, row.new.text)
    newCell = after
    oldCell = before
  } else if (row.new) {
    newCell = `<ins>${multiline(row.new.text)}</ins>`
    oldCell = text.addedCell
  } else {
    newCell = text.removedCell
    oldCell = `<del>${multiline(row.old!.text)}</del>`
  }
  return `<tr class="kiyaku-row-${row.status}"${text.rowLang}>${header}<td>${newCell}</td><td>${oldCell}</td></tr>`
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
