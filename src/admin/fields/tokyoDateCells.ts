import type { Config, Field, Plugin, SanitizedConfig } from 'payload'

const TOKYO_DATE_CELL = '/src/admin/fields/TokyoDateCell#TokyoDateCell'

/** Shows every date field without its own cell in Tokyo time with JST in the lists. */
export function tokyoDateCells(): Plugin {
  return (config: Config): Config => ({
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      fields: withTokyoDateCells(collection.fields),
    })),
  })
}

function withTokyoDateCells(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'date') {
      if (field.admin?.components?.Cell) return field
      return {
        ...field,
        admin: {
          ...field.admin,
          components: { ...field.admin?.components, Cell: TOKYO_DATE_CELL },
        },
      }
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withTokyoDateCells(tab.fields) })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return { ...field, fields: withTokyoDateCells(field.fields) } as Field
    }
    return field
  })
}

const TIMESTAMPS = new Set(['createdAt', 'updatedAt'])

/**
 * The same cell for createdAt and updatedAt. Payload adds these fields while it sanitizes, after
 * the plugins ran; setting only their admin cell afterwards leaves the schema as it was.
 */
export function tokyoTimestampCells(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    for (const field of [...collection.fields, ...collection.flattenedFields]) {
      if (field.type !== 'date' || !TIMESTAMPS.has(field.name)) continue
      if (field.admin?.components?.Cell) continue
      field.admin = {
        ...field.admin,
        components: { ...field.admin?.components, Cell: TOKYO_DATE_CELL },
      }
    }
  }
  return config
}
