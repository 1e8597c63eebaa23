import type { Config, Field, Plugin } from 'payload'

const JSON_TEXT_FIELD = '/src/admin/fields/JsonTextField#JsonTextField'

/** Gives every JSON field without its own component the text-area editor (see JsonTextField). */
export function textareaJsonFields(): Plugin {
  return (config: Config): Config => ({
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      fields: withTextareaJson(collection.fields),
    })),
    globals: config.globals?.map((global) => ({
      ...global,
      fields: withTextareaJson(global.fields),
    })),
  })
}

function withTextareaJson(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'json') {
      if (field.admin?.components?.Field) return field
      return {
        ...field,
        admin: {
          ...field.admin,
          components: { ...field.admin?.components, Field: JSON_TEXT_FIELD },
        },
      }
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withTextareaJson(tab.fields) })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return { ...field, fields: withTextareaJson(field.fields) } as Field
    }
    return field
  })
}
