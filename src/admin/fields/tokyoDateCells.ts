import type { Config, Field, Plugin, SanitizedConfig } from 'payload'

const TOKYO_DATE_CELL = '/src/admin/fields/TokyoDateCell#TokyoDateCell'
const TOKYO_DATE_FIELD = '/src/admin/fields/TokyoDateField#TokyoDateField'
const TOKYO_DOCUMENT_META = '/src/admin/fields/TokyoDocumentMeta#TokyoDocumentMeta'

/**
 * Tokyo time in the admin whatever the browser's zone: every date field without its own
 * components gets a Tokyo list cell and a Tokyo date picker, and every collection's edit view a
 * Tokyo "last modified / created" line. Admin components only: fields and stored values stay.
 */
export function tokyoDateCells(): Plugin {
  return (config: Config): Config => ({
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      admin: {
        ...collection.admin,
        components: {
          ...collection.admin?.components,
          edit: {
            ...collection.admin?.components?.edit,
            beforeDocumentControls: [
              ...(collection.admin?.components?.edit?.beforeDocumentControls ?? []),
              TOKYO_DOCUMENT_META,
            ],
          },
        },
      },
      fields: withTokyoDateCells(collection.fields),
    })),
  })
}

function withTokyoDateCells(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'date') {
      const components = field.admin?.components
      return {
        ...field,
        admin: {
          ...field.admin,
          components: {
            ...components,
            Cell: components?.Cell ?? TOKYO_DATE_CELL,
            Field: components?.Field ?? TOKYO_DATE_FIELD,
          },
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
