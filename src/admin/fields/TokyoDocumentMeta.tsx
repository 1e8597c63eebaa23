'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import { formatTokyoDateTime } from '../../lib/tokyoTime'

const TOKYO_META_CLASS = 'kiyaku-tokyo-meta'

/**
 * The edit view's "last modified / created" line in Tokyo time with its zone. Payload 3.90 writes
 * that line inside DocumentControls in the browser's zone and offers no slot for it, so this
 * component sits in the one slot there is (before the document controls), puts its own two items
 * into the same list, and hides Payload's two.
 */
export function TokyoDocumentMeta() {
  const { data, isTrashed } = useDocumentInfo()
  const { i18n } = useTranslation()
  const anchor = useRef<HTMLSpanElement>(null)
  const [metaList, setMetaList] = useState<HTMLElement | null>(null)

  useLayoutEffect(() => {
    const controls = anchor.current?.closest('.doc-controls')
    setMetaList(controls?.querySelector<HTMLElement>('ul.doc-controls__meta') ?? null)
  }, [])

  const updatedAt = tokyoText(data?.updatedAt)
  const createdAt = tokyoText(data?.createdAt)
  const items =
    updatedAt || createdAt ? (
      <>
        <MetaItem label={i18n.t(isTrashed ? 'general:deleted' : 'general:lastModified')}>
          {updatedAt}
        </MetaItem>
        <MetaItem label={i18n.t('general:created')}>{createdAt}</MetaItem>
      </>
    ) : null

  return (
    <span ref={anchor} hidden={!items || Boolean(metaList)}>
      {items ? (
        <style>{`.doc-controls__meta > .doc-controls__value-wrap:not(.${TOKYO_META_CLASS}) { display: none; }`}</style>
      ) : null}
      {items && metaList ? (
        createPortal(items, metaList)
      ) : (
        <ul className="doc-controls__meta">{items}</ul>
      )}
    </span>
  )
}

function MetaItem({ label, children }: { label: string; children: string | null }) {
  return (
    <li
      className={`doc-controls__list-item doc-controls__value-wrap ${TOKYO_META_CLASS}`}
      title={children ?? ''}
    >
      <p className="doc-controls__label">{label}:&nbsp;</p>
      {children ? <p className="doc-controls__value">{children}</p> : null}
    </li>
  )
}

function tokyoText(instant: unknown): string | null {
  if (typeof instant !== 'string' || !instant) return null
  try {
    return formatTokyoDateTime(instant)
  } catch {
    return null
  }
}
