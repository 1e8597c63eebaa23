'use client'

import { useTranslation } from '@payloadcms/ui'

import { adminText } from '../shared/text'

export function PrintButton() {
  const { i18n } = useTranslation()
  return (
    <button
      type="button"
      className="kiyaku-button kiyaku-button--primary"
      onClick={() => window.print()}
    >
      {adminText(i18n.language).print.print}
    </button>
  )
}
