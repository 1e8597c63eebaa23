'use client'

import type { DefaultCellComponentProps } from 'payload'
import { DefaultCell } from '@payloadcms/ui'

import { formatTokyoDateTime } from '../../lib/tokyoTime'

/**
 * A date column in Tokyo time with its zone: Payload's own date cell formats in the browser's
 * zone. The text goes through Payload's DefaultCell so the first column still links to the
 * document.
 */
export function TokyoDateCell(props: DefaultCellComponentProps) {
  const { cellData, field } = props
  if (cellData === null || cellData === undefined || cellData === '')
    return <DefaultCell {...props} />
  let text: string
  try {
    text = formatTokyoDateTime(cellData as string)
  } catch {
    text = String(cellData)
  }
  return (
    <DefaultCell {...props} cellData={text} field={{ ...field, type: 'text' } as typeof field} />
  )
}
