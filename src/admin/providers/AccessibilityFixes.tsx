'use client'

import { useEffect, type ReactNode } from 'react'

const WORDS = {
  ja: {
    reorder: '並べ替え',
    moreActions: 'その他の操作',
    choose: '選択',
    selectAll: 'すべての行を選択',
    selectRow: '行を選択',
    clearDate: '日付を消去',
    previousPage: '前のページ',
    nextPage: '次のページ',
  },
  en: {
    reorder: 'Reorder',
    moreActions: 'More actions',
    choose: 'Choose',
    selectAll: 'Select all rows',
    selectRow: 'Select row',
    clearDate: 'Clear date',
    previousPage: 'Previous page',
    nextPage: 'Next page',
  },
}

let generatedIds = 0

/**
 * Payload 3.90's stock controls fail a few WCAG checks (axe-core, serious/critical): unnamed
 * icon buttons, react-select inputs without a label, focusable elements inside aria-hidden,
 * sortable chips that nest a button inside role=button, and the document tabs' list markup.
 * In the list views (all collections) and the date fields, Payload 3.90's CheckboxInput
 * (fields/Checkbox/Input.js) renders `aria-label=""`, `aria-labelledby={name}` naming no element
 * and `title={name}`: the select-all box is named only by its title "select-all" (axe
 * label-title-only) and each row's box has no name at all (axe label); the "aria-label" SelectAll
 * passes is dropped. The date picker's clear button (elements/DatePicker, `.date-time-picker__clear-button`)
 * holds only an X icon, and the list paginator's arrows (elements/Pagination/ClickableArrow,
 * `button.clickable-arrow`) only a chevron (axe button-name).
 * This adds the missing names and roles after React renders them, on every screen. It only sets
 * attributes React does not manage, so rendering and hydration are unaffected.
 */
function repair(root: ParentNode): void {
  const words = document.documentElement.lang === 'en' ? WORDS.en : WORDS.ja

  for (const element of root.querySelectorAll<HTMLElement>(
    '[aria-hidden="true"][tabindex="0"], button[aria-hidden="true"]',
  )) {
    element.setAttribute('tabindex', '-1')
  }
  for (const handle of root.querySelectorAll<HTMLElement>(
    '.collapsible__drag[role="button"]:not([aria-label])',
  )) {
    handle.setAttribute('aria-label', words.reorder)
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>(
    'button.popup-button:not([aria-label])',
  )) {
    if (!button.textContent?.trim()) button.setAttribute('aria-label', words.moreActions)
  }
  // A react-select that is not searchable (the dashboard's breadcrumb menu, ModularDashboard
  // DashboardStepNav) renders a read-only dummy input without the rs__input class.
  const unlabelled =
    'input.rs__input:not([aria-labelledby]):not([aria-label]), .react-select input[id^="react-select-"]:not([aria-labelledby]):not([aria-label]), .date-time-picker input:not([id]):not([aria-labelledby]):not([aria-label])'
  for (const input of root.querySelectorAll<HTMLInputElement>(unlabelled)) {
    const label = input.closest('.field-type')?.querySelector<HTMLLabelElement>('label.field-label')
    if (label) {
      if (!label.id) label.id = `kiyaku-label-${++generatedIds}`
      input.setAttribute('aria-labelledby', label.id)
    } else {
      const placeholder = input
        .closest('.rs__control')
        ?.querySelector('.rs__placeholder, .rs__single-value')
        ?.textContent?.trim()
      input.setAttribute('aria-label', placeholder || words.choose)
    }
  }
  // A draggable chip is role=button yet holds its own remove button: make it a plain group.
  for (const chip of root.querySelectorAll<HTMLElement>('.rs__multi-value[role="button"]')) {
    chip.setAttribute('role', 'group')
    chip.removeAttribute('aria-roledescription')
  }
  for (const box of root.querySelectorAll<HTMLInputElement>(
    '.select-all input[type="checkbox"], .select-row input[type="checkbox"]',
  )) {
    const labelledBy = box.getAttribute('aria-labelledby')
    if (labelledBy && !document.getElementById(labelledBy)) box.removeAttribute('aria-labelledby')
    if (box.getAttribute('aria-label')) continue
    if (box.closest('.select-all')) {
      box.setAttribute('aria-label', words.selectAll)
    } else {
      const title = box.closest('tr')?.querySelector('a')?.textContent?.trim()
      box.setAttribute('aria-label', title ? `${words.selectRow}: ${title}` : words.selectRow)
    }
    box.removeAttribute('title')
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>(
    'button.date-time-picker__clear-button:not([aria-label])',
  )) {
    button.setAttribute('aria-label', words.clearDate)
  }
  for (const arrow of root.querySelectorAll<HTMLButtonElement>(
    'button.clickable-arrow:not([aria-label])',
  )) {
    const forward = arrow.classList.contains('clickable-arrow--right')
    arrow.setAttribute('aria-label', forward ? words.nextPage : words.previousPage)
  }
  for (const list of root.querySelectorAll<HTMLElement>('ul.doc-tabs__tabs:not([role])')) {
    list.setAttribute('role', 'none')
  }
}

export function AccessibilityFixes({ children }: { children?: ReactNode }) {
  useEffect(() => {
    let scheduled = 0
    const run = () => {
      scheduled = 0
      repair(document)
    }
    run()
    // Tells the axe tests that the repairs run: before hydration the page is Payload's markup as is.
    document.documentElement.dataset.accessibilityFixes = 'on'
    const observer = new MutationObserver(() => {
      if (!scheduled) scheduled = window.requestAnimationFrame(run)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      if (scheduled) window.cancelAnimationFrame(scheduled)
    }
  }, [])
  return <>{children}</>
}
