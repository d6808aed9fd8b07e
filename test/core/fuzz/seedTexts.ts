/**
 * Texts and fragments the fuzz tests start from and paste: short regulatory documents in both languages with what
 * every recogniser looks for (clause labels of each style, notice numbers, agencies, defined terms and their uses,
 * references to clauses, banned terms, citations by title), written with the line ends and characters editors meet
 * (CRLF, lone CR, U+3000 indents, emoji, full-width brackets).
 */

/** A Chinese notice: 一、（一）1. labels, 第（二）项 references, a 以下简称 definition, 银发〔…〕 numbers, banned terms. */
const zhNotice = [
  '中国人民银行 国家金融监督管理总局关于防范虚拟货币交易风险的通知（银发〔2021〕237号）',
  '',
  '各省、自治区、直辖市人民政府；中国人民银行上海总部，各分行：',
  '　　为防范虚拟货币交易炒作风险，依据《中华人民共和国中国人民银行法》《非银行支付机构监督管理条例》（国务院令第768号，以下简称《条例》）等规定，现就有关事项通知如下：',
  '　　一、明确虚拟货币的本质属性',
  '　　（一）虚拟货币不具有与法定货币等同的法律地位。稳定币、加密资产不得作为货币在市场上流通使用。',
  '　　（二）虚拟货币相关业务活动属于非法金融活动。本通知所称支付机构（以下简称“机构”），是指依法取得支付业务许可的非银行支付机构。',
  '　　（三）机构违反第（二）项规定的，由中国人民银行依照《条例》处理。🙂',
  '　　二、建立健全工作机制',
  '　　（一）部门协同。中国人民银行会同中国证监会、国家外汇管理局建立协调机制。',
  '　　（二）强化监测。机构应当按照本通知第一条第（一）项的要求报送数据：',
  '　　1. 报送内容。',
  '　　2. 报送频率。前款规定的数据按季度报送。',
  '　　三、本通知自印发之日起施行。《关于进一步防范和处置虚拟货币交易炒作风险的通知》（银发〔2021〕237号）同时废止。',
].join('\n');

/** An English notice with CRLF line ends: (I) and (5) labels, Clause (IX) references, hereinafter definitions. */
const enNotice = [
  'Notice of the People\'s Bank of China on Preventing Risks of Stablecoin Trading (Yinfa [2026] No. 42)',
  '',
  'I. General Provisions',
  '(I) Scope. This Notice applies to non-bank payment institutions (hereinafter "payment institutions") 🚀.',
  '(II) Definitions. "Virtual asset service" means any service for virtual currency or stablecoin trading.',
  'Payment institutions shall comply with Clause (I) and paragraph 2 of Clause (II).',
  'II. Supervision',
  '(5) The PBOC, the CSRC and the NFRA shall cooperate as required by Yinfa [2021] No. 237.',
  '(6) The People\'s Bank',
  'of China shall publish the list; see Clause (IX) of this Notice and Article 5 of the Regulations.',
  '(IX) Penalties. A payment institution that breaches Clause (5) or Clause (VI) shall be fined by the SAFE.',
  'Article 5 Entry into force. This Notice takes effect on the date of issuance. Order of the People\'s Bank of China [2003] No. 5 is repealed.',
].join('\r\n');

/** A Chinese regulation: 第一章 / 第一条 / （一） / 前款, mixed line ends (a lone CR too), full-width spaces. */
const zhRegulation = [
  '非银行支付机构数字钱包业务管理办法',
  '　　　　　　第一章　总　　则',
  '　　第一条　为了规范数字钱包业务，根据《中华人民共和国中国人民银行法》制定本办法。',
  '　　第二条　本办法所称数字钱包，是指非银行支付机构（以下简称支付机构）为客户开立的账户。',
  '　　第五条　支付机构应当对数字钱包实行分类管理：\r',
  '　　（一）仅通过一个外部渠道核验客户身份的，余额不超过1000元；',
  '　　（三）以面对面方式核验客户身份的，不超过20万元。',
  '　　前款规定的累计金额，不包括向客户本人银行账户转回的资金。支付机构违反本办法第五条第（三）项的，依照第九条处理。',
  '　　　　　　第二章　附　　则',
  '　　第六条　本办法由中国人民银行负责解释。证监会公告〔2023〕5号、中国人民银行令〔2003〕第5号同时废止。💡',
  '　　第六条　本办法自2026年7月1日起施行。',
].join('\r\n');

/** English rules with many term uses, Article / paragraph references and banned terms in and out of quotes. */
const enRules = [
  'Measures for the Administration of Digital Wallets',
  'Article 1 These Measures (the "Measures") are formulated under the "Regulations on Non-bank Payment Institutions".',
  'Article 2 "Digital wallet" refers to an account opened by a payment provider. A Digital Wallet holder may close it.',
  '(a) A digital wallet shall not hold virtual currency, crypto asset or stable coin balances;',
  '(b) under paragraph (a) of Article 2, the names shall not contain "stablecoin" or "RWA".',
  'Article 3 The State Administration of Foreign Exchange (SAFE) and the NDRC supervise under NDRC Energy-saving Building [2021] No. 1283.',
  'Article 4 Breaches of Article 2 or Article 7 of these Measures are handled under Article 3.',
].join('\n');

/** Little structure, many odd characters: emoji sequences, CJK extension B, combining marks, tabs, NBSP. */
const oddities = [
  '👍🏽 🇨🇳 𠀀𠀁 The PBOC\u00a0said\tso. e\u0301 银发〔2021〕237号😀（一）',
  '\u3000\u3000（二）稳定币\u200b交易；见第（一）项。',
  '',
  '(I) Clause (II) (II) Clause (I) 第五条 第（二）项 Article 5',
].join('\n');

export const SEED_TEXTS: readonly { name: string; text: string }[] = [
  { name: 'zh notice', text: zhNotice },
  { name: 'en notice (CRLF)', text: enNotice },
  { name: 'zh regulation (mixed line ends)', text: zhRegulation },
  { name: 'en rules', text: enRules },
  { name: 'oddities', text: oddities },
];

/** Fragments typed or pasted into a document: labels, numbers, names, references, terms, line ends, odd characters. */
export const FRAGMENTS: readonly string[] = [
  // clause labels
  '一、', '二、', '十一、', '（一）', '（二）', '（十）', '第五条', '第一章', '第二节', '(I)', '(II)', '(IX)', '(5)', '(a)', '1.', '2. ',
  'Article 5 ', 'I. ', 'V. ', '第五条　', '　　（三）',
  // attachments' headings, and references into them
  '附件', '附件1', '附件2：名单', 'Annex 1', '## Annex 2', '附件1第三条', 'Article 3 of Annex 1',
  // notice numbers and citations
  '银发〔2021〕237号', 'Yinfa [2021] No. 237', '银发〔2026〕42号', '国务院令第768号', '证监会公告〔2023〕5号', '〔2021〕', '[2021] No. ',
  '《关于进一步防范和处置虚拟货币交易炒作风险的通知》', '《条例》', '"Regulations"',
  // agencies
  '中国人民银行', '人民银行', '中国证监会', 'PBOC', 'CSRC', 'the People\'s Bank of China', 'People\'s Bank\nof China', 'SAFE',
  // defined terms and their uses
  '（以下简称“机构”）', '机构', '(hereinafter "payment institutions")', 'payment institutions', '"Digital wallet" refers to', '是指',
  // references
  '第（二）项', '第（一）项', '本通知第一条', '前款', 'Clause (IX)', 'Clause (I)', 'paragraph 2 of Clause (II)', 'Article 5 of these Measures',
  // banned terms
  '虚拟货币', '稳定币', 'stablecoin', 'virtual currency', 'RWA', 'crypto asset',
  // line ends and white space
  '\n', '\r\n', '\r', '\n\n', '\u3000', '\u3000\u3000', ' ', '\t',
  // characters that trip offsets and recognisers
  '😀', '🚀', '👍🏽', '𠀀', '，', '。', '；', '：', '“', '”', '"', '(', ')', '（', '）', '〔', '〕', '[', ']', '《', '》',
];
