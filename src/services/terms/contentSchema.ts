import { z } from 'zod'

import type { ComposedTerms, TermsDocument } from '../../rules/terms/types'

/**
 * The structure an edition's `content` must have. The field is JSON, so anything can arrive
 * through REST; an edition is only ever stored and published in this shape.
 */
const referenceSchema = z.object({
  article: z.string().min(1),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
  label: z.string().optional(),
})

const inlineSchema = z.union([
  z.object({ text: z.string() }),
  z.object({ ref: referenceSchema }),
  z.object({ variable: z.string() }),
])

const subItemSchema = z.object({
  text: z.array(inlineSchema),
  when: z.string().optional(),
  bullet: z.boolean().optional(),
})

const itemSchema = z.object({
  text: z.array(inlineSchema),
  subItems: z.array(subItemSchema).optional(),
  when: z.string().optional(),
  subItemsFrom: z.string().optional(),
})

const paragraphSchema = z.object({
  text: z.array(inlineSchema),
  items: z.array(itemSchema).optional(),
  when: z.string().optional(),
  itemsFrom: z.string().optional(),
})

const articleSchema = z.object({
  key: z.string().min(1),
  number: z.number().int().optional(),
  heading: z.string(),
  paragraphs: z.array(paragraphSchema),
  when: z.string().optional(),
})

const documentSchema = z.object({
  title: z.string(),
  preamble: z.array(paragraphSchema),
  articles: z.array(articleSchema),
  signatory: z.string(),
})

export type ContentProblem = string

/**
 * Reads stored or submitted content as ComposedTerms. Articles are numbered by their order:
 * references name articles by key, so numbering from order is what keeps them right when
 * articles are inserted, moved or removed. Returns the problems instead when the shape is wrong.
 */
export function readContent(
  value: unknown,
): { ok: true; content: ComposedTerms } | { ok: false; problems: ContentProblem[] } {
  const parsed = documentSchema.safeParse(value)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(content)'}: ${issue.message}`,
      ),
    }
  }
  const document = parsed.data as TermsDocument
  const keys = document.articles.map((article) => article.key)
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index)
  if (duplicate !== undefined) {
    return { ok: false, problems: [`条のキー「${duplicate}」が重複しています`] }
  }
  return { ok: true, content: numberArticles(document) }
}

export function numberArticles(document: TermsDocument | ComposedTerms): ComposedTerms {
  return {
    title: document.title,
    preamble: document.preamble,
    articles: document.articles.map((article, index) => ({ ...article, number: index + 1 })),
    signatory: document.signatory,
  }
}

/** Variables left in content that was not composed from a template (e.g. pasted in). */
export function leftoverVariables(content: ComposedTerms): string[] {
  const found = new Set<string>()
  const visit = (runs: readonly object[]) => {
    for (const run of runs) if ('variable' in run) found.add(String(run.variable))
  }
  const paragraphs = [...content.preamble, ...content.articles.flatMap((a) => a.paragraphs)]
  for (const paragraph of paragraphs) {
    visit(paragraph.text)
    for (const item of paragraph.items ?? []) {
      visit(item.text)
      for (const sub of item.subItems ?? []) visit(sub.text)
    }
  }
  return [...found]
}
