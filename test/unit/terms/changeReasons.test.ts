import { describe, expect, it } from 'vitest'

import {
  changeReasonFactorLabels,
  changeReasonsText,
  missingChangeReasonFactors,
} from '../../../src/rules/terms/changeReasons'

const all = {
  necessity: '相談時間を午前に集約する必要があるためです。',
  appropriateness: '他の事業所と同じ時間帯にそろえます。',
  changeClause: '第12条で、変更の要件と周知の方法を定めています。',
  disadvantage: '午後を希望する方は電話で個別に調整します。',
}

describe('ground-2 change reasons as the factors of 民法548条の4第1項第2号', () => {
  it('accepts a notice that states every factor', () => {
    expect(missingChangeReasonFactors(all)).toEqual([])
  })

  it('names each factor left blank or missing, in the law’s order', () => {
    expect(missingChangeReasonFactors({ ...all, necessity: ' ', disadvantage: undefined })).toEqual(
      ['necessity', 'disadvantage'],
    )
    expect(missingChangeReasonFactors(null)).toEqual([
      'necessity',
      'appropriateness',
      'changeClause',
      'disadvantage',
    ])
  })

  it('writes the stated factors under their names for the notice', () => {
    const text = changeReasonsText({ ...all, appropriateness: '' })
    expect(text.split('\n')).toEqual([
      `【変更の必要性】${all.necessity}`,
      `【変更条項の有無及びその内容】${all.changeClause}`,
      `【利用者の不利益の程度と緩和措置】${all.disadvantage}`,
    ])
  })

  it('names factors in the law’s order, whatever order they are given in', () => {
    expect(changeReasonFactorLabels(['disadvantage', 'necessity'])).toEqual([
      '変更の必要性',
      '利用者の不利益の程度と緩和措置',
    ])
  })
})
