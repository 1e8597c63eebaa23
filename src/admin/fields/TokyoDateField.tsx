'use client'

import { getTranslation } from '@payloadcms/translations'
import {
  DatePicker,
  FieldDescription,
  FieldError,
  FieldLabel,
  RenderCustomComponent,
  useConfig,
  useField,
  useTranslation,
  withCondition,
} from '@payloadcms/ui'
import type { DateField, DateFieldClientComponent, Validate } from 'payload'
import { useCallback, useMemo } from 'react'

import { isDayOnlyAppearance, pickerDateOf, storedValueOf } from './tokyoPickerDates'

type DateAdmin = NonNullable<DateField['admin']>

/**
 * A date field whose picker shows and stores Tokyo time whatever the browser's zone. Payload's
 * own field converts only for fields declared with `timezone: true`, which adds a stored
 * `<name>_tz` column and property to every such field; this keeps the stored value (an instant)
 * and the REST contract as they are. Markup and class names follow Payload's date field.
 */
const TokyoDateFieldComponent: DateFieldClientComponent = (props) => {
  const { field, path: pathFromProps, readOnly, validate } = props
  const { admin, label, localized, required } = field
  // Payload's client type of these two is `{}` (a Pick from an optional type); the values are these.
  const pickerProps = admin?.date as DateAdmin['date']
  const placeholder = admin?.placeholder as DateAdmin['placeholder']
  const appearance = pickerProps?.pickerAppearance
  const dayOnly = isDayOnlyAppearance(appearance)
  const { config } = useConfig()
  const { i18n } = useTranslation()

  const memoizedValidate = useCallback<Validate>(
    (value, options) =>
      typeof validate === 'function'
        ? validate(value, { ...options, required } as Parameters<typeof validate>[1])
        : true,
    [validate, required],
  )
  const {
    customComponents: { AfterInput, BeforeInput, Description, Error, Label } = {},
    disabled,
    path,
    setValue,
    showError,
    value,
  } = useField<string | null>({ potentiallyStalePath: pathFromProps, validate: memoizedValidate })

  const shownValue = useMemo(() => {
    if (!value) return undefined
    try {
      return pickerDateOf(value, appearance)
    } catch {
      return undefined
    }
  }, [value, appearance])

  const isReadOnly = Boolean(readOnly || disabled)
  const onChange = useCallback(
    (picked: Date | null) => {
      if (isReadOnly) return
      setValue(picked instanceof Date ? storedValueOf(picked, appearance) : null)
    },
    [isReadOnly, setValue, appearance],
  )

  const fieldId = `field-${path.replace(/\./g, '__')}`
  const inputId = `${fieldId}__input`
  const zoneId = `${fieldId}__zone`
  return (
    <div
      className={[
        'field-type',
        'date-time-field',
        admin?.className,
        showError && 'date-time-field--has-error',
        isReadOnly && 'read-only',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <RenderCustomComponent
        CustomComponent={Label}
        Fallback={
          <FieldLabel
            htmlFor={inputId}
            label={label}
            localized={localized}
            path={path}
            required={required}
          />
        }
      />
      <div className="field-type__wrap" id={fieldId}>
        <RenderCustomComponent
          CustomComponent={Error}
          Fallback={<FieldError path={path} showError={showError} />}
        />
        {BeforeInput}
        <DatePicker
          {...pickerProps}
          displayFormat={
            pickerProps?.displayFormat ?? (dayOnly ? undefined : config.admin.dateFormat)
          }
          onChange={onChange}
          timeFormat={pickerProps && 'timeFormat' in pickerProps ? pickerProps.timeFormat : 'HH:mm'}
          overrides={{
            ...pickerProps?.overrides,
            id: inputId,
            ...(value || !isReadOnly ? { ariaDescribedBy: zoneId } : {}),
          }}
          placeholder={placeholder ? getTranslation(placeholder, i18n) : undefined}
          readOnly={isReadOnly}
          value={shownValue}
        />
        {value || !isReadOnly ? (
          <p className="field-description kiyaku-date-zone" id={zoneId}>
            {i18n.language === 'en' ? 'Japan time (JST)' : '日本時間 (JST)'}
          </p>
        ) : null}
        {AfterInput}
      </div>
      <RenderCustomComponent
        CustomComponent={Description}
        Fallback={<FieldDescription description={admin?.description} path={path} />}
      />
    </div>
  )
}

export const TokyoDateField = withCondition(TokyoDateFieldComponent)
