/**
 * The bodies of the public terms routes, built from an office snapshot. Pure: no I/O.
 */
import { Feed } from 'feed'

import { escapeHtml } from '../../lib/html'
import { addDays, formatEraDate } from '../../lib/tokyoTime'
import {
  compareTerms,
  changedArticles,
  renderArticleText,
  renderCompareHtml,
  renderInlineText,
  renderTermsHtml,
  renderTermsText,
  summarizeChanges,
} from '../../rules/terms'
import type { OfficeTermsSnapshot, PublicEdition, PublicNotice } from './termsSnapshot'

const GROUND_LABELS: Record<'1' | '2', string> = {
  '1': '民法第548条の4第1項第1号（利用者の一般の利益に適合する変更）',
  '2': '民法第548条の4第1項第2号（契約の目的に反せず、合理的な変更）',
}

export class TermsUrls {
  constructor(
    private readonly publicUrl: string,
    private readonly slug: string,
  ) {}

  private base(): string {
    return `${this.publicUrl}/public/v1/offices/${encodeURIComponent(this.slug)}`
  }

  terms(format?: 'html' | 'text'): string {
    return `${this.base()}/terms${format ? `?format=${format}` : ''}`
  }

  edition(number: number, format?: 'html' | 'text'): string {
    return `${this.base()}/terms/editions/${number}${format ? `?format=${format}` : ''}`
  }

  editions(): string {
    return `${this.base()}/terms/editions`
  }

  compare(from: number, to: number, format?: 'html'): string {
    return `${this.base()}/terms/compare?from=${from}&to=${to}${format ? `&format=${format}` : ''}`
  }

  notices(): string {
    return `${this.base()}/notices`
  }

  notice(id: number | string): string {
    return `${this.base()}/notices#notice-${encodeURIComponent(String(id))}`
  }

  atom(): string {
    return `${this.base()}/notices.atom`
  }
}

export function editionView(edition: PublicEdition, urls: TermsUrls) {
  const { content } = edition
  return {
    number: edition.number,
    title: content.title,
    effectiveFrom: edition.effectiveFrom,
    effectiveFromJa: formatEraDate(edition.effectiveFrom),
    preamble: content.preamble,
    preambleText: content.preamble.map((p) => renderInlineText(p.text, content.articles)),
    articles: content.articles.map((article) => ({
      key: article.key,
      number: article.number,
      heading: article.heading,
      paragraphs: article.paragraphs,
      // The article as printed, references resolved: what most clients want.
      text: renderArticleText(article, content.articles),
    })),
    signatory: content.signatory,
    contentHash: edition.contentHash,
    publishedAt: edition.publishedAt,
    links: {
      html: urls.edition(edition.number, 'html'),
      text: urls.edition(edition.number, 'text'),
    },
  }
}

function noticeView(notice: PublicNotice, urls: TermsUrls) {
  if (notice.kind === 'withdrawal') return withdrawalView(notice, urls)
  return {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    // 民法548条の4第2項: that the terms change, the new content, and when.
    statement: noticeStatement(notice),
    ground: notice.ground,
    groundLabel: GROUND_LABELS[notice.ground],
    reasons: notice.reasons,
    summary: notice.summary,
    effectiveFrom: notice.effectiveFrom,
    effectiveFromJa: formatEraDate(notice.effectiveFrom),
    publishedAt: notice.publishedAt,
    changedArticles: notice.changedArticles,
    edition: {
      number: notice.editionNumber,
      url: urls.edition(notice.editionNumber),
      html: urls.edition(notice.editionNumber, 'html'),
    },
    previousEdition:
      notice.previousEditionNumber === null
        ? null
        : { number: notice.previousEditionNumber, url: urls.edition(notice.previousEditionNumber) },
    compare:
      notice.previousEditionNumber === null
        ? null
        : {
            url: urls.compare(notice.previousEditionNumber, notice.editionNumber),
            html: urls.compare(notice.previousEditionNumber, notice.editionNumber, 'html'),
          },
  }
}

/** An announced change called off before its effective date: no new content, so no edition link. */
function withdrawalView(notice: PublicNotice, urls: TermsUrls) {
  return {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    statement:
      `${formatEraDate(notice.effectiveFrom)}（${notice.effectiveFrom}）に予定していた利用規約の変更` +
      `（第${notice.editionNumber}版）は行いません。現在の利用規約が引き続き適用されます。`,
    ground: notice.ground,
    groundLabel: '変更の取りやめ',
    reasons: notice.reasons,
    summary: notice.summary,
    effectiveFrom: notice.effectiveFrom,
    effectiveFromJa: formatEraDate(notice.effectiveFrom),
    publishedAt: notice.publishedAt,
    changedArticles: [],
    edition: { number: notice.editionNumber, url: urls.terms(), html: urls.terms('html') },
    previousEdition: null,
    compare: null,
  }
}

function noticeStatement(notice: PublicNotice): string {
  return (
    `${formatEraDate(notice.effectiveFrom)}（${notice.effectiveFrom}）から利用規約を変更します。` +
    `変更後の内容は第${notice.editionNumber}版のとおりです。`
  )
}

function upcomingView(snapshot: OfficeTermsSnapshot, upcoming: PublicEdition, urls: TermsUrls) {
  const notice = noticeFor(snapshot, upcoming)
  return {
    number: upcoming.number,
    effectiveFrom: upcoming.effectiveFrom,
    effectiveFromJa: formatEraDate(upcoming.effectiveFrom),
    contentHash: upcoming.contentHash,
    url: urls.edition(upcoming.number),
    notice: notice ? noticeView(notice, urls) : null,
  }
}

function noticeFor(snapshot: OfficeTermsSnapshot, edition: PublicEdition): PublicNotice | null {
  return snapshot.notices.find((n) => n.editionNumber === edition.number) ?? null
}

export function termsJson(
  snapshot: OfficeTermsSnapshot,
  at: string,
  inForce: PublicEdition,
  upcoming: PublicEdition | null,
  urls: TermsUrls,
) {
  return {
    office: snapshot.office,
    at,
    edition: editionView(inForce, urls),
    upcoming: upcoming ? upcomingView(snapshot, upcoming, urls) : null,
  }
}

export function termsHtml(
  snapshot: OfficeTermsSnapshot,
  edition: PublicEdition,
  upcoming: PublicEdition | null,
  urls: TermsUrls,
): string {
  const notice = upcoming ? noticeFor(snapshot, upcoming) : null
  return renderTermsHtml(edition.content, {
    effectiveFrom: edition.effectiveFrom,
    officeName: snapshot.name,
    standalone: true,
    upcoming: upcoming
      ? {
          effectiveFrom: upcoming.effectiveFrom,
          summary: notice?.summary ?? undefined,
          noticeUrl:
            notice && notice.previousEditionNumber !== null
              ? urls.compare(notice.previousEditionNumber, upcoming.number, 'html')
              : urls.edition(upcoming.number, 'html'),
        }
      : null,
  })
}

export function termsText(edition: PublicEdition): string {
  return renderTermsText(edition.content, { effectiveFrom: edition.effectiveFrom })
}

export function editionsJson(snapshot: OfficeTermsSnapshot, today: string, urls: TermsUrls) {
  return {
    office: snapshot.office,
    editions: snapshot.editions.map((edition, index) => {
      const next = snapshot.editions[index + 1]
      return {
        number: edition.number,
        title: edition.content.title,
        effectiveFrom: edition.effectiveFrom,
        effectiveFromJa: formatEraDate(edition.effectiveFrom),
        /** The last day in force, or null while no later edition is published. */
        effectiveUntil: next ? addDays(next.effectiveFrom, -1) : null,
        status:
          edition.effectiveFrom > today
            ? 'upcoming'
            : next && next.effectiveFrom <= today
              ? 'superseded'
              : 'in_force',
        contentHash: edition.contentHash,
        publishedAt: edition.publishedAt,
        url: urls.edition(edition.number),
      }
    }),
  }
}

export function compareJson(snapshot: OfficeTermsSnapshot, from: PublicEdition, to: PublicEdition) {
  const changes = changedArticles(from.content, to.content)
  return {
    office: snapshot.office,
    from: editionRef(from),
    to: editionRef(to),
    summary: summarizeChanges(changes),
    changedArticles: changes,
    articles: compareTerms(from.content, to.content),
  }
}

function editionRef(edition: PublicEdition) {
  return {
    number: edition.number,
    effectiveFrom: edition.effectiveFrom,
    effectiveFromJa: formatEraDate(edition.effectiveFrom),
    contentHash: edition.contentHash,
  }
}

export function compareHtml(
  snapshot: OfficeTermsSnapshot,
  from: PublicEdition,
  to: PublicEdition,
): string {
  return renderCompareHtml(compareTerms(from.content, to.content), {
    officeName: snapshot.name,
    fromLabel: editionLabel(from),
    toLabel: editionLabel(to),
  })
}

function editionLabel(edition: PublicEdition): string {
  return `第${edition.number}版・${formatEraDate(edition.effectiveFrom)}施行`
}

export function noticesJson(snapshot: OfficeTermsSnapshot, urls: TermsUrls) {
  return {
    office: snapshot.office,
    notices: snapshot.notices.map((notice) => noticeView(notice, urls)),
    feed: urls.atom(),
  }
}

/** One Atom entry per published notice; timestamps come from the data, so the bytes are stable. */
export function noticesAtom(snapshot: OfficeTermsSnapshot, urls: TermsUrls): string {
  const latest = snapshot.notices[0]?.publishedAt ?? snapshot.officeUpdatedAt
  const feed = new Feed({
    id: urls.notices(),
    title: `${snapshot.name} 利用規約の変更のお知らせ`,
    description: `${snapshot.name}のオンライン職業相談等利用規約の変更のお知らせ（民法第548条の4第2項）`,
    link: urls.terms('html'),
    language: 'ja',
    updated: new Date(latest),
    generator: 'Kiyaku',
    feedLinks: { atom: urls.atom() },
    author: { name: snapshot.name },
    copyright: snapshot.name,
  })
  for (const notice of snapshot.notices) {
    const view = noticeView(notice, urls)
    const withdrawal = notice.kind === 'withdrawal'
    const lines = [
      `<p>${escapeHtml(view.statement)}</p>`,
      withdrawal ? '' : `<p>変更の根拠: ${escapeHtml(view.groundLabel)}</p>`,
      notice.summary && !withdrawal ? `<p>変更の概要: ${escapeHtml(notice.summary)}</p>` : '',
      notice.reasons
        ? `<p>${withdrawal ? '取りやめの理由' : '変更の理由'}: ${escapeHtml(notice.reasons)}</p>`
        : '',
      withdrawal
        ? `<p><a href="${escapeHtml(view.edition.html)}">現在の利用規約</a></p>`
        : `<p><a href="${escapeHtml(view.edition.html)}">変更後の利用規約（第${notice.editionNumber}版）</a></p>`,
      view.compare ? `<p><a href="${escapeHtml(view.compare.html)}">新旧対照表</a></p>` : '',
    ].filter(Boolean)
    feed.addItem({
      id: urls.notice(notice.id),
      title: notice.title,
      link: view.edition.html,
      date: new Date(notice.publishedAt),
      published: new Date(notice.publishedAt),
      description: view.statement,
      content: lines.join('\n'),
    })
  }
  return feed.atom1()
}
