/**
 * The demo headquarters template for online job counselling terms, written for Kiyaku.
 * Everything an office's reservation policy decides (tools, hours, how to book, confirm and
 * cancel, the no-show grace, the court) is a variable or a condition, so an office's edition
 * states exactly what its booking rules enforce.
 *
 * Article keys match the ones the importer gives to the same headings, so an imported edition
 * and a composed one line up in a 新旧対照表.
 */
import type {
  Article,
  ArticleOverride,
  ArticleReference,
  Condition,
  Inline,
  Item,
  Paragraph,
  SubItem,
  TermsDocument,
} from '../rules/terms/types'

type Run = string | Inline

function inlines(runs: readonly Run[]): Inline[] {
  return runs.map((run) => (typeof run === 'string' ? { text: run } : run))
}

function v(variable: string): Inline {
  return { variable }
}

function ref(article: string, at: Omit<ArticleReference, 'article'> = {}): Inline {
  return { ref: { article, ...at } }
}

function paragraph(
  runs: readonly Run[],
  extra: { items?: Item[]; when?: Condition; itemsFrom?: string } = {},
): Paragraph {
  return { text: inlines(runs), ...extra }
}

function item(
  runs: readonly Run[],
  extra: { subItems?: SubItem[]; when?: Condition; subItemsFrom?: string } = {},
): Item {
  return { text: inlines(runs), ...extra }
}

function subItem(runs: readonly Run[]): SubItem {
  return { text: inlines(runs) }
}

const SELF_SERVICE = 'channel:self-service'
const STAFF_SCHEDULED = 'channel:staff-scheduled'

const articles: Article[] = [
  {
    key: 'purpose',
    heading: '目的',
    paragraphs: [
      paragraph([
        '本規約は、当所が窓口での相談に加えてサービスを提供する方法の一つとして設ける',
        v('servicesName'),
        'について、その利用に必要な事項を定めるものです。',
      ]),
    ],
  },
  {
    key: 'eligibility',
    heading: '対象者',
    paragraphs: [
      paragraph(
        ['次の各号のいずれにも該当する方は、オンライン職業相談等を利用することができます。'],
        {
          when: 'eligibility:any',
          itemsFrom: 'eligibility',
        },
      ),
      paragraph(
        [
          'オンライン職業相談等は、当所に求職の申込みをしている方又はこれから申し込む方が利用できます。',
        ],
        { when: '!eligibility:any' },
      ),
    ],
  },
  {
    key: 'fee',
    heading: '利用料',
    paragraphs: [
      paragraph([
        'オンライン職業相談等は無料で利用できます。ただし、利用に必要な端末、通信機器及び通信回線に係る費用は、' +
          '利用者（オンライン職業相談等を利用する方をいいます。以下同じ。）の負担とします。',
      ]),
    ],
  },
  {
    key: 'tools',
    heading: '通信に使用するアプリケーション',
    paragraphs: [
      paragraph([
        'オンライン職業相談等では、通信用のアプリケーションとして',
        v('toolNames'),
        'を使用します。',
        v('toolsSentence'),
      ]),
      paragraph([
        '利用者は、',
        v('toolNamesEither'),
        'のうち使用するものの提供者が定める利用規約にも同意しなければなりません。' +
          '申込みをしてオンライン職業相談等を受けた利用者は、これらの利用規約にも同意したものとして扱います。',
      ]),
    ],
  },
  {
    key: 'environment',
    heading: '利用環境',
    paragraphs: [
      paragraph(
        ['利用者は、次の条件を満たす端末及び接続環境で', v('servicesName'), 'を利用してください。'],
        {
          items: [
            item([
              'コンピュータウイルスへの感染や不正アクセスなどの被害を受けていない端末を使うこと。',
            ]),
            item([
              '端末をインターネットに接続すること。ただし、提供者や通信の暗号化の有無が分からない公衆無線LANなど、' +
                '安全性を確認できない接続サービスは使わないこと。',
            ]),
            item([
              '製造元によるサポートが続いているOSを使い、公開されているセキュリティ更新を適用しておくこと。' +
                'サポートが終了したOSの端末は使わないこと。',
            ]),
            item([
              'ファイアウォール機能を有効にし、外部との通信の許可は必要最小限にとどめること。',
            ]),
            item([
              'ファイル共有ソフトを端末に導入していないこと。相談中は、相談に必要のないアプリケーションを終了しておくこと。',
            ]),
            item([
              'ウイルス対策ソフト（有償版と同程度の機能を備えたもの）を導入し、定義ファイルを最新の状態に保つこと。',
            ]),
          ],
        },
      ),
    ],
  },
  {
    key: 'booking',
    heading: '利用申込み等',
    paragraphs: [
      paragraph([], {
        items: [
          item([
            '相談は',
            v('hours'),
            'の間に行い、1回の相談時間は',
            v('sessionMinutes'),
            '分です（国民の祝日、12月29日から1月3日まで及び当所が定める休業日を除きます。）。予約は、',
            v('bookingWindowDays'),
            '日先の相談まで受け付けます。',
            v('leadTimeSentence'),
          ]),
          item([v('selfServiceBooking')], {
            when: SELF_SERVICE,
            subItemsFrom: 'selfServiceFields',
          }),
          item([v('selfServiceConfirm')], { when: SELF_SERVICE }),
          item([v('selfServiceCancel')], { when: SELF_SERVICE }),
          item([v('staffScheduledBooking')], {
            when: STAFF_SCHEDULED,
            subItemsFrom: 'staffScheduledFields',
          }),
          item([v('staffScheduledArrange')], { when: STAFF_SCHEDULED }),
          item([v('staffScheduledCancel')], { when: STAFF_SCHEDULED }),
          item(['2回目以降の相談については、相談の際に次回の予約を申し込むこともできます。']),
          item([v('noShowSentence')]),
        ],
      }),
    ],
  },
  {
    key: 'records',
    heading: '利用の記録等',
    paragraphs: [
      paragraph([
        '当所は、オンライン職業相談等の適切な運営、利用状況の把握及び利便性の向上のため、利用した日時、' +
          '当所のウェブページ等へのアクセスの履歴、利用者の端末を識別するための情報等を記録することがあります。',
      ]),
      paragraph([
        '前項の情報は、どの端末のものか分かる形では公表しません。ただし、官公署や捜査機関等から' +
          '法令の規定による開示又は提供の求めがあった場合には、その求めに応じることがあります。',
      ]),
    ],
  },
  {
    key: 'privacy',
    heading: '個人情報保護',
    paragraphs: [
      paragraph([
        '当所は、利用者の個人情報を、窓口で相談を受けた場合と同じく、職業安定法第5条の5の規定に従って取り扱います。',
      ]),
      paragraph([
        '利用者は、',
        ref('notes', { item: 3 }),
        'に定める環境で相談を受けるなどして、相談の内容が他人に知られないよう注意してください。',
      ]),
    ],
  },
  {
    key: 'disclaimer',
    heading: '免責事項',
    paragraphs: [
      paragraph([
        '利用者の端末、回線、ソフトウェア、利用する場所その他利用者側の通信環境が原因で利用者に生じた損害、' +
          '及び利用者が第三者に与えた損害について、当所は賠償の責任を負いません。',
      ]),
      paragraph([
        '通常求められる安全対策を講じても防ぐことのできないサイバー攻撃、災害、停電その他当所の責めに帰することが' +
          'できない事由によって利用者に損害が生じた場合も、前項と同様とします。',
      ]),
    ],
  },
  {
    key: 'damages',
    heading: '損害賠償',
    paragraphs: [
      paragraph([
        '利用者が本規約に反する行為をしたことにより当所に損害が生じたときは、利用者はその損害を賠償しなければなりません。',
      ]),
    ],
  },
  {
    key: 'compliance',
    heading: '法令等の遵守',
    paragraphs: [
      paragraph([
        '利用者は、',
        v('servicesName'),
        'を利用する際は、本規約のほか、関係する法令、条例、規則等を守らなければなりません。',
      ]),
    ],
  },
  {
    key: 'notes',
    heading: 'その他留意事項',
    paragraphs: [
      paragraph(['オンライン職業相談等を利用するときは、次の点に留意してください。'], {
        items: [
          item([
            '相談の場で脅迫的な言動や暴言があったとき、就職以外の目的で利用されたときなど、' +
              '当所がオンライン職業相談等を適正に行えないと判断したときは、その相談を打ち切り、' +
              '又は以後の利用をお断りすることがあります。',
          ]),
          item(['相談の様子は、録画、録音その他いかなる方法によっても記録しないでください。']),
          item([
            '相談は、個室など周りに他の人がいない場所で受け、秘密が守られるようにしてください。' +
              '通訳者、介助者等の同席を希望するときは、あらかじめ当所にお知らせください。',
          ]),
          item(
            [
              '相談の前に、',
              ref('tools'),
              'のアプリケーションを使える状態にし、通信環境に問題がないことを確かめておいてください。' +
                'また、使用する端末については、次の点にも気を付けてください。',
            ],
            {
              subItems: [
                subItem(['サポートが続いているOSを使い、最新のセキュリティ更新を適用すること。']),
                subItem(['ファイアウォール機能を有効にし、許可する通信を必要最小限にすること。']),
                subItem(['ブラウザその他のソフトウェアを常に最新の版に更新しておくこと。']),
              ],
            },
          ),
          item([
            '通信に係る費用は、全て利用者の負担となります。通信量に応じて料金がかかる契約の場合は、特にご注意ください。',
          ]),
        ],
      }),
    ],
  },
  {
    key: 'changes',
    heading: '本利用規約の変更',
    paragraphs: [
      paragraph(
        [
          '当所は、次のいずれかに該当するときは、利用者の個別の同意を得ずに本規約を変更することがあります。',
        ],
        {
          items: [
            item(['利用者の一般の利益に適合する変更であるとき。']),
            item([
              '本規約の目的に反しない変更であって、変更の必要性、変更後の内容の相当性その他の事情に照らして合理的なものであるとき。',
            ]),
          ],
        },
      ),
      paragraph([
        '前項により本規約を変更するときは、当所は、変更の効力が生じる日を定め、本規約を変更すること、' +
          '変更後の本規約の内容及びその効力が生じる日を、効力が生じる日より前に、' +
          '当所のウェブサイトへの掲載その他の適切な方法で周知します。',
      ]),
    ],
  },
  {
    key: 'jurisdiction',
    heading: '準拠法及び合意管轄裁判所',
    paragraphs: [
      paragraph(['本規約は、', v('governingLaw'), 'に従って解釈され、適用されます。']),
      paragraph([
        v('servicesName'),
        'の利用について当所と利用者との間に生じた紛争の第一審の専属的合意管轄裁判所は、',
        v('court'),
        'とします。',
      ]),
    ],
  },
]

export const hqTemplate: TermsDocument = {
  title: 'オンライン職業相談等利用規約',
  preamble: [
    paragraph([
      v('officeName'),
      '（以下「当所」といいます。）は、ウェブカメラ等を使った通信によって、職業相談、職業紹介、面接、選考その他の' +
        'サービス（以下「オンライン職業相談等」といいます。）を提供しています。' +
        'オンライン職業相談等は、この利用規約（以下「本規約」といいます。）に同意した方に限り利用できます。',
    ]),
    paragraph(
      [
        'また、当所は、オンライン職業相談等の予約をインターネット上の予約サイトで受け付けています' +
          '（以下この予約の仕組みを「予約機能」といいます。）。予約機能の利用にも本規約が適用されます。',
      ],
      { when: SELF_SERVICE },
    ),
    paragraph([
      ref('booking'),
      'に定める方法で利用を申し込んだ方は、本規約に同意したものとして取り扱います。',
    ]),
  ],
  articles,
  // Each office's edition takes its own signatory; this stands in for the template preview.
  signatory: '公共職業安定所長',
}

/**
 * マザーズハローワーク北九州 explains its booking site in an article of its own, placed right
 * after 利用申込み等. Every later article moves down by one and references follow.
 */
export const kitakyushuOverrides: ArticleOverride[] = [
  {
    op: 'add',
    after: 'booking',
    article: {
      key: 'booking-site',
      heading: '予約サイトの利用',
      paragraphs: [
        paragraph(
          [
            '予約サイトは、',
            v('selfServiceTool'),
            'の上で当所が開設している職業相談の予約ページです。' +
              '操作の方法が分からないときは、当所の窓口又は電話でお問い合わせください。',
          ],
          { when: SELF_SERVICE },
        ),
        paragraph([
          '予約サイトで申し込んだ予約の確定及び取消しは、',
          ref('booking', { item: 3 }),
          '及び',
          ref('booking', { item: 4 }),
          'に定めるところによります。',
        ]),
      ],
    },
  },
]
