import type { Config, Field, Plugin } from 'payload'

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
