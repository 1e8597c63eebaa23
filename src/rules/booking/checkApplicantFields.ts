import {
  APPLICANT_FIELDS,
  type ApplicantFieldDefinition,
  type ApplicantFieldFormat,
} from './applicantFields'
import { violation } from './messages'
import { isBlank, normaliseField } from './normaliseApplicant'
import type { ApplicantInput, ChannelPolicy, RuleViolation } from './types'

const invalidMessages: Readonly<
  Record<ApplicantFieldFormat, (field: ApplicantFieldDefinition) => string>
> = {
  singleLineText: ({ label, maxLength }) =>
    `${label.ja}は改行を含めず${maxLength}文字以内で入力してください。`,
  multilineText: ({ label, maxLength }) => `${label.ja}は${maxLength}文字以内で入力してください。`,
  email: () => 'メールアドレスの形式が正しくありません。',
  phone: () =>
    '電話番号は0から始まる10桁または11桁の数字で入力してください（ハイフンは省略できます）。',
  jobSeekerNumber: () =>
    '求職番号は5桁の数字と8桁以内の数字をハイフンでつないだ形（例: 12345-67890123）で入力してください。',
}

/** What an applicant is told when a field's value is malformed. */
function invalidApplicantFieldMessage(field: ApplicantFieldDefinition): string {
  return invalidMessages[field.format](field)
}

/**
 * missing_field for each required field left blank and invalid_field for each filled-in field
 * that is malformed, with `field` set to "applicant.<name>". Fields the channel does not ask for
 * are still checked when given, so nothing malformed is ever stored.
 */
export function checkApplicantFields(
  channelPolicy: Pick<ChannelPolicy, 'requiredFields'>,
  input: ApplicantInput,
): RuleViolation[] {
  const violations: RuleViolation[] = []
  for (const field of APPLICANT_FIELDS) {
    const value = input[field.name]
    const path = `applicant.${field.name}`
    if (isBlank(value)) {
      if (channelPolicy.requiredFields.includes(field.name)) {
        violations.push(
          violation('missing_field', {
            field: path,
            message: `${field.label.ja}を入力してください。`,
          }),
        )
      }
      continue
    }
    if (typeof value !== 'string' || normaliseField(field, value) === null) {
      violations.push(
        violation('invalid_field', { field: path, message: invalidApplicantFieldMessage(field) }),
      )
    }
  }
  return violations
}
