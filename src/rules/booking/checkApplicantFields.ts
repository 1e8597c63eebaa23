import { applicantFieldLabels, violation } from './messages'
import { fieldNormalisers, isBlank, textFieldMaxLength } from './normaliseApplicant'
import type { ApplicantField, ApplicantInput, ChannelPolicy, RuleViolation } from './types'

const invalidMessages: Record<ApplicantField, string> = {
  name: `氏名は改行を含めず${textFieldMaxLength.name}文字以内で入力してください。`,
  email: 'メールアドレスの形式が正しくありません。',
  phone: '電話番号は0から始まる10桁または11桁の数字で入力してください（ハイフンは省略できます）。',
  jobSeekerNumber:
    '求職番号は5桁の数字と8桁以内の数字をハイフンでつないだ形（例: 12345-67890123）で入力してください。',
  desiredDateTime: `希望日時は改行を含めず${textFieldMaxLength.desiredDateTime}文字以内で入力してください。`,
  note: `備考は${textFieldMaxLength.note}文字以内で入力してください。`,
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
  for (const field of Object.keys(fieldNormalisers) as ApplicantField[]) {
    const value = input[field]
    const path = `applicant.${field}`
    if (isBlank(value)) {
      if (channelPolicy.requiredFields.includes(field)) {
        violations.push(
          violation('missing_field', {
            field: path,
            message: `${applicantFieldLabels[field]}を入力してください。`,
          }),
        )
      }
      continue
    }
    if (typeof value !== 'string' || fieldNormalisers[field](value) === null) {
      violations.push(violation('invalid_field', { field: path, message: invalidMessages[field] }))
    }
  }
  return violations
}
