/**
 * The booking form, its answer and the pages around it. The form asks for what the office's
 * self-service channel requires and allows, nothing more; every check on what is sent is the
 * bookings collection's (see createPublicBooking), and the form only shows its answers.
 */
import {
  APPLICANT_FIELD_NAMES,
  applicantField,
  applicantFieldLabel,
} from '../../rules/booking/applicantFields'
import type {
  ApplicantField,
  ChannelPolicy,
  OpenSlot,
  BookingPolicy,
} from '../../rules/booking/types'
import { formatJapaneseDateTime } from '../../mail/bookingMails'
import { formatEraDate } from '../../lib/tokyoTime'
import { renderTermsHtml } from '../../rules/terms'
import type { PublicBookingView } from '../../services/bookings/publicBookings'
import type { PublicEdition } from '../public/termsSnapshot'
import { paragraphs, type SitePage } from './layout'
import { escapeHtml } from '../../lib/html'
import type { SiteOffice } from './officeData'
import { contactHtml, officeUrl, toolLabel } from './officePages'
import { dayLabel, timeOf } from './slotPages'

/** The honeypot's name: a field people never see, which form-filling bots fill in. */
export const TRAP_FIELD = 'website'

interface InputShape {
  type: 'text' | 'email' | 'tel' | 'textarea'
  autocomplete?: string
  inputmode?: string
  hint: string
}

/** How each field is entered: input type and a hint on the format the rules accept. */
const INPUTS: Record<ApplicantField, InputShape> = {
  name: {
    type: 'text',
    autocomplete: 'name',
    hint: `${applicantField('name').maxLength}文字以内（例：厚労 花子）`,
  },
  email: {
    type: 'email',
    autocomplete: 'email',
    hint: '確認のメールをお送りします（例：hanako@example.jp）',
  },
  phone: {
    type: 'tel',
    autocomplete: 'tel',
    hint: '0から始まる10桁または11桁。ハイフンは省略できます（例：090-1234-5678）',
  },
  jobSeekerNumber: {
    type: 'text',
    autocomplete: 'off',
    inputmode: 'numeric',
    hint: 'ハローワーク受付票の番号（例：12345-67890123）',
  },
  desiredDateTime: {
    type: 'text',
    autocomplete: 'off',
    hint: `${applicantField('desiredDateTime').maxLength}文字以内`,
  },
  note: { type: 'textarea', hint: `${applicantField('note').maxLength}文字以内` },
}

interface FieldError {
  field?: string
  message: string
}

export interface FormState {
  /** The chosen slot (ISO with +09:00), or null when the applicant must choose again. */
  slotStart: string | null
  slotEnd: string | null
  /** Other open times, offered when the chosen one was taken meanwhile. */
  alternatives?: readonly OpenSlot[]
  applicant: Partial<Record<ApplicantField, string>>
  eligibility: Record<string, boolean>
  agreed: boolean
  errors: readonly FieldError[]
}

export function emptyFormState(slot: OpenSlot): FormState {
  return {
    slotStart: slot.start,
    slotEnd: slot.end,
    applicant: {},
    eligibility: {},
    agreed: false,
    errors: [],
  }
}

const attr = (name: string, value: string | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`

function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

function errorsFor(state: FormState, ...paths: string[]): FieldError[] {
  return state.errors.filter((error) => error.field && paths.includes(error.field))
}

function errorHtml(id: string, errors: readonly FieldError[]): string {
  if (errors.length === 0) return ''
  return errors
    .map(
      (error, i) =>
        `<p class="site-error" id="${id}-error${i ? `-${i}` : ''}">${escapeHtml(error.message)}</p>`,
    )
    .join('')
}

function describedBy(id: string, hint: boolean, errors: readonly FieldError[]): string {
  const ids = [
    ...(hint ? [`${id}-hint`] : []),
    ...errors.map((_, i) => `${id}-error${i ? `-${i}` : ''}`),
  ]
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''
}

function applicantFieldHtml(field: ApplicantField, required: boolean, state: FormState): string {
  const id = fieldId(`applicant.${field}`)
  const input = INPUTS[field]
  const errors = errorsFor(state, `applicant.${field}`)
  const value = state.applicant[field] ?? ''
  const common =
    ` id="${id}" name="applicant.${field}"` +
    (required ? ' aria-required="true"' : '') +
    (errors.length ? ' aria-invalid="true"' : '') +
    describedBy(id, true, errors)
  const control =
    input.type === 'textarea'
      ? `<textarea${common} rows="5">${escapeHtml(value)}</textarea>`
      : `<input type="${input.type}"${common}${attr('autocomplete', input.autocomplete)}${attr('inputmode', input.inputmode)} value="${escapeHtml(value)}">`
  return [
    '<div class="site-field">',
    `<label for="${id}">${escapeHtml(applicantFieldLabel(field))}${
      required
        ? '<span class="site-required">必須</span>'
        : '<span class="site-optional">任意</span>'
    }</label>`,
    `<p class="site-hint" id="${id}-hint">${escapeHtml(input.hint)}</p>`,
    errorHtml(id, errors),
    control,
    '</div>',
  ].join('\n')
}

function checkboxHtml(
  name: string,
  path: string,
  text: string,
  checked: boolean,
  state: FormState,
  extraErrorPaths: string[] = [],
): string {
  const id = fieldId(path)
  const errors = errorsFor(state, path, ...extraErrorPaths)
  return [
    `<div class="site-check">`,
    `<input type="checkbox" id="${id}" name="${escapeHtml(name)}" value="yes"${checked ? ' checked' : ''}${
      errors.length ? ' aria-invalid="true"' : ''
    }${describedBy(id, false, errors)}>`,
    `<div><label for="${id}">${escapeHtml(text)}</label>${errorHtml(id, errors)}</div>`,
    '</div>',
  ].join('\n')
}

/** The edition as HTML inside the page; its lists' inline styles become a class (no inline styles here). */
function editionHtml(office: SiteOffice, edition: PublicEdition): string {
  return renderTermsHtml(edition.content, {
    effectiveFrom: edition.effectiveFrom,
    officeName: office.name,
    standalone: false,
  }).replaceAll(' style="list-style:none;padding-left:0"', ' class="kiyaku-plain-list"')
}

function slotSection(office: SiteOffice, state: FormState): string {
  const slotErrors = state.errors.filter(
    (error) => !error.field || error.field === 'slotStart' || error.field === 'tool',
  )
  if (state.alternatives) {
    const options = state.alternatives.map((slot, i) => {
      const id = `slot-option-${i}`
      return `<div class="site-check"><input type="radio" id="${id}" name="slotStart" value="${escapeHtml(slot.start)}"${
        slot.start === state.slotStart ? ' checked' : ''
      }><label for="${id}">${escapeHtml(dayLabel(slot.start.slice(0, 10)))} ${timeOf(slot.start)}〜${timeOf(slot.end)}（残り${slot.remaining}席）</label></div>`
    })
    return [
      '<fieldset class="site-field" id="field-slotStart">',
      '<legend>相談の日時<span class="site-required">必須</span></legend>',
      errorHtml('field-slotStart', slotErrors),
      options.length
        ? `<p class="site-hint">ほかの空いている時間から選んでください。</p>${options.join('\n')}`
        : paragraphs('近い日に空いている時間はありません。'),
      `<p><a href="${officeUrl(office.slug, '/slots')}">カレンダーからほかの日を選ぶ</a></p>`,
      '</fieldset>',
    ].join('\n')
  }
  return [
    '<div class="site-field" id="field-slotStart">',
    '<h2>相談の日時</h2>',
    errorHtml('field-slotStart', slotErrors),
    `<p><strong>${escapeHtml(dayLabel(state.slotStart!.slice(0, 10)))} ${timeOf(state.slotStart!)}〜${timeOf(state.slotEnd ?? state.slotStart!)}</strong>（日本時間）</p>`,
    `<input type="hidden" name="slotStart" value="${escapeHtml(state.slotStart!)}">`,
    `<p><a href="${officeUrl(office.slug, `/slots?week=${state.slotStart!.slice(0, 10)}`)}">日時を選び直す</a></p>`,
    '</div>',
  ].join('\n')
}

function errorSummary(state: FormState): string {
  if (state.errors.length === 0) return ''
  const items = state.errors.map((error) => {
    const target = error.field?.startsWith('consent.')
      ? fieldId('consent.agreed')
      : error.field && error.field !== 'tool'
        ? fieldId(error.field)
        : 'field-slotStart'
    return `<li><a href="#${target}">${escapeHtml(error.message)}</a></li>`
  })
  return [
    '<div class="site-alert" role="alert" aria-labelledby="error-summary-title" tabindex="-1">',
    `<h2 id="error-summary-title">お申込みできませんでした（${state.errors.length}件）</h2>`,
    `<ul>${items.join('')}</ul>`,
    '</div>',
  ].join('\n')
}

export function formPage(
  office: SiteOffice,
  policy: BookingPolicy,
  channel: ChannelPolicy,
  edition: PublicEdition,
  state: FormState,
  formToken: string,
): SitePage {
  const fields = APPLICANT_FIELD_NAMES.filter(
    (field) => channel.requiredFields.includes(field) || channel.optionalFields.includes(field),
  )
  const body = [
    errorSummary(state),
    paragraphs(
      `${toolLabel(channel.tools[0] ?? '')}を使ったオンライン相談（${policy.sessionMinutes}分）のお申込みです。お申込みの後、確認のメールが届きます。${policy.confirmWindowMinutes}分以内にメールのリンクから確定してください。`,
    ),
    `<form method="post" action="${officeUrl(office.slug, '/book')}" novalidate>`,
    `<input type="hidden" name="formToken" value="${escapeHtml(formToken)}">`,
    slotSection(office, state),
    '<h2>申込者の情報</h2>',
    ...fields.map((field) =>
      applicantFieldHtml(field, channel.requiredFields.includes(field), state),
    ),
    `<div class="site-trap" aria-hidden="true"><label for="field-${TRAP_FIELD}">この欄には何も入力しないでください</label>` +
      `<input type="text" id="field-${TRAP_FIELD}" name="${TRAP_FIELD}" tabindex="-1" autocomplete="off" value=""></div>`,
    policy.eligibility.length
      ? [
          '<fieldset class="site-field">',
          '<legend>ご利用の条件（利用規約第2条）<span class="site-required">必須</span></legend>',
          '<p class="site-hint">次のすべてに当てはまることを確認してください。</p>',
          ...policy.eligibility.map((statement) =>
            checkboxHtml(
              `eligibility.${statement.id}`,
              `eligibility.${statement.id}`,
              statement.text,
              state.eligibility[statement.id] === true,
              state,
            ),
          ),
          '</fieldset>',
        ].join('\n')
      : '',
    '<h2 id="terms-heading">利用規約</h2>',
    `<p>第${edition.number}版（${escapeHtml(formatEraDate(edition.effectiveFrom))}から適用）。最後までお読みください。</p>`,
    `<section class="site-scroll" tabindex="0" aria-labelledby="terms-heading">${editionHtml(office, edition)}</section>`,
    `<input type="hidden" name="termsEdition" value="${edition.number}">`,
    '<div class="site-field">',
    checkboxHtml(
      'agreed',
      'consent.agreed',
      `利用規約（第${edition.number}版）に同意します`,
      state.agreed,
      state,
      ['consent.termsEdition'],
    ),
    '</div>',
    '<p><button type="submit" class="site-button">申し込む</button></p>',
    '</form>',
  ]
  return {
    title: '予約の申込み',
    office: { slug: office.slug, name: office.name },
    body: body.join('\n'),
  }
}

export function submittedPage(
  office: SiteOffice,
  booking: PublicBookingView,
  confirmWindowMinutes: number,
): SitePage {
  const deadline = booking.confirmBy ? formatJapaneseDateTime(new Date(booking.confirmBy)) : null
  return {
    title: 'お申込みを受け付けました（まだ確定していません）',
    office: { slug: office.slug, name: office.name },
    body: [
      '<div class="site-notice">',
      paragraphs(
        '入力されたメールアドレスに確認のメールをお送りしました。',
        `メールのリンクを開き、表示されるページで「予約を確定する」を押してください。${
          deadline
            ? `${deadline}まで（お申込みから${confirmWindowMinutes}分以内）に確定されなかった場合、このお申込みは取り消されます。`
            : ''
        }`,
      ),
      '</div>',
      `<dl class="site-facts"><dt>予約番号</dt><dd>${escapeHtml(booking.reference)}</dd>` +
        `<dt>日時（日本時間）</dt><dd>${escapeHtml(formatJapaneseDateTime(new Date(booking.slotStart)))}〜${timeOf(booking.slotEnd ?? booking.slotStart)}</dd>` +
        (booking.tool
          ? `<dt>使用する通信アプリ</dt><dd>${escapeHtml(toolLabel(booking.tool))}</dd>`
          : '') +
        '</dl>',
      '<h2>メールが届かない場合</h2>',
      paragraphs(
        '迷惑メールのフォルダーをご確認ください。届かない場合は事業所へお問い合わせください。',
      ),
      contactHtml(office),
    ].join('\n'),
  }
}
