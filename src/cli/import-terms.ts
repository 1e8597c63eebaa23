/**
 * npm run import:terms -- FILE --office SLUG [--dry-run]
 *
 * Reads an existing terms document (text extracted from PDF or HTML), shows what the importer
 * understood, and saves it as a DRAFT edition of the office (number = next number) for an admin
 * to review and publish. --dry-run only reads and reports; it never opens the database.
 * Exit codes: 0 done, 1 bad arguments, unreadable file or unknown office (or the save failed).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { parseTermsText, type ImportResult } from '../importer'
import { formatEraDate } from '../lib/tokyoTime'

const USAGE =
  '使い方 / Usage: npm run import:terms -- FILE --office SLUG [--dry-run]\n' +
  '  FILE           規約のテキストファイル（PDF・HTMLから抽出したもの） / terms as plain text\n' +
  '  --office SLUG  取り込み先の事業所 / the office to import into (e.g. isesaki)\n' +
  '  --dry-run      解析結果の表示のみ（データベースに保存しない） / report only, no database\n'

class UsageError extends Error {}

function fail(japanese: string, english: string): never {
  throw new UsageError(`エラー: ${japanese}\nError: ${english}`)
}

interface Options {
  file: string
  office: string | undefined
  dryRun: boolean
}

function readOptions(argv: string[]): Options | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        office: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    fail(`引数が正しくありません（${detail}）`, `invalid arguments (${detail})`)
  }
  if (parsed.values.help) return 'help'
  if (parsed.positionals.length !== 1) {
    fail('取り込むファイルを1つ指定してください', 'give exactly one FILE to import')
  }
  const office = parsed.values.office
  const dryRun = parsed.values['dry-run'] === true
  if (!dryRun && (!office || office.trim() === '')) {
    fail('--office で事業所のスラッグを指定してください', 'give the office with --office SLUG')
  }
  return { file: parsed.positionals[0]!, office: office?.trim(), dryRun }
}

function readSource(file: string): string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    fail(`ファイルを読めません: ${file}（${reason}）`, `cannot read ${file} (${reason})`)
  }
  if (text.trim() === '') fail(`ファイルが空です: ${file}`, `${file} is empty`)
  return text
}

function countItems(result: ImportResult['document']['articles'][number]): number {
  return result.paragraphs.reduce((sum, paragraph) => sum + (paragraph.items?.length ?? 0), 0)
}

function importReport(result: ImportResult): string {
  const { document } = result
  const lines: string[] = []
  lines.push(`表題 / Title: ${document.title || '（なし / none）'}`)
  lines.push(`前文 / Preamble: ${document.preamble.length} 段落 / paragraph(s)`)
  lines.push(`条 / Articles: ${document.articles.length}`)
  document.articles.forEach((article, index) => {
    const paragraphs = article.paragraphs.length
    const items = countItems(article)
    lines.push(
      `  第${index + 1}条（${article.heading}） [${article.key}] 項 ${paragraphs} / 号 ${items}` +
        ` (paragraphs ${paragraphs}, items ${items})`,
    )
  })
  lines.push(
    `施行日 / Effective from: ${
      result.effectiveFrom
        ? `${result.effectiveFrom}（${formatEraDate(result.effectiveFrom)}）`
        : '見つかりません / not found'
    }`,
  )
  lines.push(`名義人 / Signatory: ${document.signatory || '見つかりません / not found'}`)
  lines.push(`配置できなかった行 / Unplaced lines: ${result.unplaced.length}`)
  for (const line of result.unplaced) lines.push(`  ${line}`)
  lines.push(`参照先のない条文参照 / Dangling references: ${result.danglingReferences.length}`)
  for (const dangling of result.danglingReferences) {
    const index = document.articles.findIndex((article) => article.key === dangling.article)
    const where = index >= 0 ? `第${index + 1}条（${document.articles[index]!.heading}）` : '前文'
    lines.push(`  ${where}の「${dangling.ref}」 / "${dangling.ref}" in ${dangling.article}`)
  }
  lines.push(`規約の点検 / Terms lint: ${result.lint.length}`)
  for (const finding of result.lint) lines.push(`  [${finding.code}] ${finding.message}`)
  if (result.warnings.length > 0) {
    lines.push(`注意 / Warnings: ${result.warnings.length}`)
    for (const warning of result.warnings) lines.push(`  ${warning}`)
  }
  return `${lines.join('\n')}\n`
}

async function saveDraft(result: ImportResult, officeSlug: string): Promise<string> {
  // Loaded only when saving, so --dry-run needs no environment, database or secret.
  const [
    { getPayload },
    { loadEnv },
    { kiyakuConfig },
    { saveImportedDraft, OfficeNotFoundError },
  ] = await Promise.all([
    import('payload'),
    import('../config/env'),
    import('../config/payloadConfig'),
    import('../services/terms/importDraft'),
  ])
  // The server's config from the same environment, except that a one-off command never alters a
  // live database's schema (a push may even stop to ask about data loss): the server owns migrations.
  const config = await kiyakuConfig({ ...loadEnv(), pushSchema: false, jobsAutoRun: false })
  const payload = await getPayload({ config, cron: false })
  let saved
  try {
    saved = await saveImportedDraft(payload, result, officeSlug)
  } catch (error) {
    if (error instanceof OfficeNotFoundError) {
      fail(`事業所が見つかりません: ${officeSlug}`, `no office with slug "${officeSlug}"`)
    }
    throw error
  } finally {
    await payload.destroy()
  }
  const notes = [
    `下書きとして保存しました / Saved as a draft: ${saved.officeName}（${saved.officeSlug}） 第${saved.number}版, id ${saved.id}`,
  ]
  if (saved.effectiveFromGuessed) {
    notes.push(
      `施行日が見つからないため ${saved.effectiveFrom} を仮に設定しました。公開前に確認してください。` +
        ` / No effective date found: set to ${saved.effectiveFrom}; check it before publishing.`,
    )
  }
  if (result.danglingReferences.length > 0) {
    notes.push(
      '参照先のない条文参照を直すまで公開できません。 / Fix the dangling references before publishing.',
    )
  }
  return `${notes.join('\n')}\n`
}

/**
 * Lexical (inside Payload's config) ships Node entry points that load its build through a
 * top-level await; on Node 20 that module graph intermittently never settles and the process
 * ends with status 13. Resolving lexical's own "development"/"production" export condition skips
 * those entry points, so a run that saves re-executes itself once with the condition set.
 */
function exportConditionSet(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS?.split(/\s+/) ?? [])].some(
    (arg) => arg.startsWith('--conditions') || arg === '-C',
  )
}

function rerunWithExportCondition(): number {
  const condition = process.env.NODE_ENV === 'production' ? 'production' : 'development'
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, `--conditions=${condition}`, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  )
  return run.status ?? 1
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = readOptions(argv)
    if (options === 'help') {
      process.stdout.write(USAGE)
      return 0
    }
    if (!options.dryRun && !exportConditionSet()) return rerunWithExportCondition()
    const text = readSource(options.file)
    const result = parseTermsText(text)
    process.stdout.write(importReport(result))
    if (result.document.articles.length === 0) {
      fail(
        '条（第1条…）が見つかりません。利用規約のファイルか確認してください',
        'no articles found; is this a terms document?',
      )
    }
    if (options.dryRun) {
      process.stdout.write('--dry-run: 保存していません / nothing saved\n')
      return 0
    }
    process.stdout.write(await saveDraft(result, options.office!))
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`)
      return 1
    }
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`エラー: 保存できませんでした / Error: could not save: ${message}\n`)
    return 1
  }
}

// Should the event loop ever drain before main settles, the command must not report success.
process.exitCode = 1
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(1),
)
