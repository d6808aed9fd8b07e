/**
 * Defined terms as lawyers write them (issue 8): several names in one parenthesis, a name after a lead-in, an article
 * before or inside the quotes, definitions wrapped over lines (CRLF too); the hover on a use shows the definition
 * itself; a term that is an ordinary word (公司, 机构, 平台, 银行, "Bank", "Company") is used only where it stands as
 * that term. Near misses that must not match sit beside the cases that must.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, hoverAt, lines, markedUses } from './fixture';

/** The definitions of a text: `term ← definition`. */
const definitionsOf = (text: string) => analyse(text).definitions.map((term) => `${term.term} ← ${term.definition}`);

// [what, text, definitions found (term ← what it stands for)]
const definitions: [string, string, string[]][] = [
  // Several names in one parenthesis.
  ['en: two names joined by "or"', 'Acme Capital Limited (the "Issuer" or "we") offers notes.',
    ['Issuer ← Acme Capital Limited', 'we ← Acme Capital Limited']],
  ['en: a list of names', 'Acme Capital Limited (the "Issuer", "we", "us" or "our") offers notes.',
    ['Issuer ← Acme Capital Limited', 'we ← Acme Capital Limited', 'us ← Acme Capital Limited', 'our ← Acme Capital Limited']],
  ['en: each and together, one parenthesis', 'The sponsor banks (each, a "Sponsor Bank" and together, the "Sponsor Banks") act.',
    ['Sponsor Bank ← The sponsor banks', 'Sponsor Banks ← The sponsor banks']],
  ['en: hereinafter with two names', 'Delta Bank Co., Ltd. (hereinafter referred to as the "Bank" or "Delta") shall report.',
    ['Bank ← Delta Bank Co., Ltd.', 'Delta ← Delta Bank Co., Ltd.']],
  ['zh: 或', '深圳某某科技股份有限公司（以下简称“公司”或“本公司”）应当披露。',
    ['公司 ← 深圳某某科技股份有限公司', '本公司 ← 深圳某某科技股份有限公司']],
  ['zh: 、', '某某商业银行股份有限公司（以下简称“本行”、“我行”）承诺。', ['本行 ← 某某商业银行股份有限公司', '我行 ← 某某商业银行股份有限公司']],
  ['en: collectively and individually as', 'Alpha Ltd and Beta Ltd (hereinafter collectively referred to as the "Parties" and individually as a "Party") agree.',
    ['Parties ← Alpha Ltd and Beta Ltd', 'Party ← Alpha Ltd and Beta Ltd']],
  ['en: parts of a parenthesis after a semicolon', 'Acme Group Corporation (together with its subsidiaries, the "Group"; and in its capacity as guarantor, the "Guarantor") signs.',
    ['Group ← Acme Group Corporation', 'Guarantor ← Acme Group Corporation']],
  ['en: "and," before a lead-in', 'Omega Digital Ltd. (the "Subsidiary" and, together with the Bank, the "Omega Group") acts.',
    ['Subsidiary ← Omega Digital Ltd.', 'Omega Group ← Omega Digital Ltd.']],
  ['zh: two short names without quotes', '某某银行股份有限公司（以下简称本行或我行）承诺。', ['本行 ← 某某银行股份有限公司', '我行 ← 某某银行股份有限公司']],
  ['zh: one name with 或 inside it', '其他依法从事金融业务的机构（以下统称金融产品或金融服务经营者）应当遵守。', ['金融产品或金融服务经营者 ← 其他依法从事金融业务的机构']],
  ['zh: 单独称 and 合称 in one parenthesis', '各参与机构（以下单独称“参与方”，合称“各参与方”）签署协议。', ['参与方 ← 参与机构', '各参与方 ← 参与机构']],

  // A name after other words in the parenthesis.
  ['en: together with its affiliates, the', 'ABC Holdings Limited (together with its affiliates, the "Group") shall report.',
    ['Group ← ABC Holdings Limited']],
  ['en: each a', 'Every bank that signs (each a "Participant") shall report.', ['Participant ← Every bank that signs']],
  ['en: collectively, the', 'ICBC and BOC (collectively, the "Lead Banks") shall report.', ['Lead Banks ← ICBC and BOC']],
  ['en: collectively the, without a comma', 'Beta Ltd and its subsidiaries (collectively the "Beta Group") report.', ['Beta Group ← Beta Ltd and its subsidiaries']],
  ['en: referred to in this section as', 'The Secretary of the Treasury (referred to in this section as the "Secretary") shall act.',
    ['Secretary ← The Secretary of the Treasury']],
  ['en: a number and a comma before the name', 'the Measures (PBOC Order [2021] No. 3, the "Measures") apply.', ['Measures ← the Measures']],
  ['zh: 与其子公司合称', '某某证券有限责任公司（与其子公司合称“集团”）披露年报。', ['集团 ← 某某证券有限责任公司']],
  ['zh: 以下统称 over a list with 、', '政策性银行、商业银行、农村信用合作社（以下统称“银行”）应当报告。', ['银行 ← 政策性银行、商业银行、农村信用合作社']],
  ['zh: 下称 naming the whole list it does not abbreviate', '城市商业银行、农村信用合作社（下称银行）之间办理。', ['银行 ← 城市商业银行、农村信用合作社']],
  ['zh: 以下简称 abbreviating the last item of a list', '中国人民银行、国家外汇管理局（以下简称外汇局）负责。', ['外汇局 ← 国家外汇管理局']],
  ['zh: a parenthesis inside the parenthesis', '依据《某某办法》（中国人民银行令（2007）第2号发布，以下简称《办法》）执行。', ['《办法》 ← 《某某办法》']],
  ['zh: the phrase keeps a title whole', '根据《外国驻华使馆、领事馆和国际组织代表机构名录》（以下简称《名录》）办理。', ['《名录》 ← 《外国驻华使馆、领事馆和国际组织代表机构名录》']],

  ['en: single curly quotes, an apostrophe inside', 'Omega Bank Limited (the ‘Bank’) and the Lender’s agent (the ‘Agent’s Office’) act.',
    ['Bank ← Omega Bank Limited', 'Agent\'s Office ← the Lender\'s agent']],
  ['zh: two definitions in one sentence, each its own phrase', '甲公司（以下简称“甲方”）与乙公司（以下简称“乙方”）签订协议。', ['甲方 ← 甲公司', '乙方 ← 乙公司']],

  // An article before or inside the quotes.
  ['en: a before the quote', 'Any person who operates a platform (a "platform operator") shall register.', ['platform operator ← Any person who operates a platform']],
  ['en: an before the quote', 'A person who runs an exchange (an "Exchange Operator") must register.', ['Exchange Operator ← A person who runs an exchange']],
  ['en: the inside the quotes', 'China Merchants Bank Co., Ltd. ("the Bank") shall report.', ['Bank ← China Merchants Bank Co., Ltd.']],
  ['en: "A Shares" keeps its capital A', 'Shares listed in Shanghai ("A Shares") are traded in RMB.', ['A Shares ← Shares listed in Shanghai']],

  // A definition wrapped over lines, CRLF too.
  ['en: the phrase starts on the line before', lines('Shenzhen Example Technology Co., Ltd., a company incorporated', 'under the laws of the PRC (hereinafter referred to as the "Company"), shall report.'),
    ['Company ← Shenzhen Example Technology Co., Ltd., a company incorporated under the laws of the PRC']],
  ['en: the parenthesis wrapped, CRLF', 'Gamma Trust Company Limited,\r\nincorporated in Hong Kong (together with its\r\nsuccessors, the "Trustee"), shall hold the assets.',
    ['Trustee ← Gamma Trust Company Limited, incorporated in Hong Kong']],
  ['en: a parenthesis that starts its line names the line before', lines('ABC HOLDINGS LIMITED', '(together with its affiliates, the "Group")'),
    ['Group ← ABC HOLDINGS LIMITED']],
  ['zh: the phrase starts on the line before', lines('经审查，同意在中华人民共和国境内依法设立的非银行', '支付机构（以下简称“支付机构”）开展业务。'),
    ['支付机构 ← 在中华人民共和国境内依法设立的非银行支付机构']],
  ['zh: the phrase starts on the line before, CRLF', '经审查，同意深圳某某科技\r\n股份有限公司（以下简称“公司”）发行。', ['公司 ← 深圳某某科技股份有限公司']],
  ['en: means, wrapped', lines('"Digital asset" means any digital representation of value', 'that is recorded on a distributed ledger. Other rules.'),
    ['Digital asset ← any digital representation of value that is recorded on a distributed ledger.']],
  ['zh: 是指, wrapped, CRLF', '第二条　本办法所称虚拟货币，是指不由货币当局发行，\r\n不具有法偿性的数字化表示。其他。', ['虚拟货币 ← 不由货币当局发行，不具有法偿性的数字化表示。']],

  // The phrase does not reach back into a heading.
  ['en: not into a title line', lines('Notice on Payment Services', 'Payment institutions (hereinafter "Institutions") shall report.'), ['Institutions ← Payment institutions']],
  ['zh: not into a heading line', lines('第一章　总则', '境外机构（以下简称“机构”）应当登记。'), ['机构 ← 境外机构']],
  ['zh: not into a short line of its own', lines('债券结算代理业务的内容', '结算代理人是指受托办理结算的机构。'), ['结算代理人 ← 受托办理结算的机构。']],
  ['zh: a label and 本办法所称 do not belong to the phrase', '第二条　本办法所称公司信用类债券（以下简称“债券”）包括企业债券。', ['债券 ← 公司信用类债券']],

  // The definition is the words after the verb, to the end of the sentence.
  ['en: means, an enumeration over semicolons', '"Eligible Asset" means: (a) cash; (b) bonds; and (c) shares. "Other" means the rest; "Third" means more.',
    ['Eligible Asset ← (a) cash; (b) bonds; and (c) shares.', 'Other ← the rest;', 'Third ← more.']],
  ['en: single curly quotes before means', '‘Business Day’ means a day on which banks open in Hong Kong.', ['Business Day ← a day on which banks open in Hong Kong.']],
  ['en: two quoted names before means', '"Redomestication" or "transfer" means the move of a domicile.',
    ['Redomestication ← the move of a domicile.', 'transfer ← the move of a domicile.']],
  ['en: X means, unquoted, at a sentence start', 'Rules apply. Customer means a natural person who opens an account.', ['Customer ← a natural person who opens an account.']],
  ['en: the definition in the paragraph after "means"', lines('The term "enterprise" means', '', '(A) the Federal National Mortgage Association; and', '', '(B) the Corporation.', '', 'Other.'),
    ['enterprise ← (A) the Federal National Mortgage Association; and (B) the Corporation.']],
  ['zh: 是指, an enumeration', '“金融机构”是指：（一）银行；（二）证券公司；（三）保险公司。其他。', ['金融机构 ← （一）银行；（二）证券公司；（三）保险公司。']],
  ['zh: 所称X，指', '本办法所称数据处理者，指金融机构以及其他机构。', ['数据处理者 ← 金融机构以及其他机构。']],
  ['zh: 所称X指, without a comma', '本规定所称关联方指与银行存在控制关系的法人。', ['关联方 ← 与银行存在控制关系的法人。']],
  ['zh: X，指 at the start of an item', lines('（三）短期融资，指保险公司的短期借款。'), ['短期融资 ← 保险公司的短期借款。']],
  ['zh: 系指', '再贴现系指金融机构将已贴现票据转让给中国人民银行的行为。', ['再贴现 ← 金融机构将已贴现票据转让给中国人民银行的行为。']],
  ['zh: “A”或“B”是指', '“虚拟资产”或“数字资产”是指以电子形式存在的资产。', ['虚拟资产 ← 以电子形式存在的资产。', '数字资产 ← 以电子形式存在的资产。']],

  // Near misses: no definition.
  ['en: an example is no name', 'Some rules apply (see, e.g., the "Guidelines").', []],
  ['en: a translation is no name', 'The rules (in Chinese, "Guize") apply.', []],
  ['en: such as and e.g. are mentions', 'Stablecoins (such as "USDT") and tokens (e.g. "virtual currency") are banned.', []],
  ['en: a lead-in without an article', 'The rules (issued in 2021, "Guize") apply.', []],
  ['en: words after the names', 'The rules (the "Guize" of the PBOC and "Rules" of others) apply.', []],
  ['en: the noun "means"', 'As a means of payment, banks shall act. Electronic means shall be used. Funds sent by other means are held.', []],
  ['en: a subject that is a pronoun or determiner', 'Such payment means a transfer. Each bank means well.', []],
  ['zh: 俗称 is no definition', '虚拟货币（俗称“币”）不得流通。', []],
  ['zh: 指导, 指使 and 体系指标 are no definitions', '人民银行，指导银行开展工作。控股股东，指使董事违规。评价指标体系指标权重。', []],
];

for (const [what, text, expected] of definitions) {
  test(`accuracy, defined terms: ${what}`, () => {
    assert.deepEqual(definitionsOf(text), expected);
  });
}


const COMPANY = '深圳某某科技股份有限公司（以下简称“公司”）成立。';
const INSTITUTION = '境外某某投资管理有限公司（以下简称“机构”）申请。';
const PLATFORM = '北京某某网络科技有限公司（以下简称“平台”）负责运营。';
const BANK_ZH = '某某农村商业银行股份有限公司（以下简称“银行”）承诺。';
const BANK_EN = 'China Merchants Bank Co., Ltd. (the "Bank") shall report. ';
const COMPANY_EN = 'Shenzhen Example Technology Co., Ltd. (the "Company") shall report. ';

// [what, definition, text after it with its uses in brackets]
const uses: [string, string, string][] = [
  // Chinese, left edge: a modifier in front makes another noun; a function word, punctuation or a governing verb does not.
  ['公司: the head of a longer noun is no use', COMPANY, '子公司、证券公司、母公司、分公司、基金管理公司和控股公司均不是。'],
  ['公司: after a function word, punctuation or a determiner', COMPANY, '[公司]应当报告。该[公司]的股东、本[公司]、其[公司]章程，由[公司]及[公司]与上述[公司]；其他公司、任何公司不是。'],
  ['公司: after a governing verb', COMPANY, '监管部门要求[公司]整改，督促[公司]落实。'],
  ['公司: at the start of a line, after a clause label with a U+3000 space', COMPANY, '\n第五条\u3000[公司]应当报告。\n[公司]不得。'],
  ['机构: financial and other institutions are not it', INSTITUTION, '金融机构、中介机构、分支机构、监管机构不是。[机构]应当向外汇局报告，对[机构]的检查。'],
  ['平台: 电商平台 is not it, nor 其他平台 (other platforms)', PLATFORM, '电商平台、交易平台、其他平台不是。[平台]应当核验，[平台]提供的服务。'],
  ['银行: kinds of banks are not it', BANK_ZH, '商业银行、政策性银行、外资银行不是。[银行]应当报告，该[银行]的客户。'],
  // Chinese, right edge: a bound morpheme or fixed compound after the term makes a new word; a verb or a possessed noun does not.
  ['公司: 公司债券 and 公司法 are other words, 公司应当 and 公司章程 are uses', COMPANY, '公司债券、公司法不是。[公司]应当报告，[公司]章程规定，[公司]法定代表人签字。'],
  ['银行: 银行业 and 银行间 are other words, 银行业务 is the Bank\'s business', BANK_ZH, '银行业、银行间市场、银行卡不是。[银行]业务，[银行]间接持有。'],
  ['机构: 机构投资者 is another word', INSTITUTION, '机构投资者不是。[机构]投资于债券。'],
  ['平台: 平台化 is another word', PLATFORM, '平台化不是。[平台]经营者。'],
  ['a longer term is used after a verb and a grade', '“网络安全事件”是指影响系统运行的事件。',
    '发生[网络安全事件]的，应当报告。一般[网络安全事件]和特别重大[网络安全事件]。'],
  // English: never inside a word; a hyphenated prefix makes another word, a hyphenated suffix does not.
  ['Bank: not inside a word nor after a hyphenated prefix', BANK_EN, 'Bankers, Bankrupt and non-Bank lenders are not. The [Bank]\'s staff, [Bank]-wide rules, the [Bank].'],
  ['Company: not inside a word', COMPANY_EN, 'Companywide, intercompany, sub-Company, the company. The [Company] reports.'],
  ['en: a name as defined wins over the plural of another', 'Alpha Ltd and Beta Ltd (collectively the "Parties" and each a "Party") agree. ',
    'Each [Party] signs; the [Parties] agree.'],
  ['zh: 其他 names others, whatever the length of the term', '某某基金管理有限公司（以下简称“基金管理人”）订立合同。', '[基金管理人]应当披露。其他基金管理人不是。'],
  ['a lower-case short name is used as written or capitalised, never in capitals', 'Acme Capital Limited (the "Issuer" or "we") offers notes. ',
    '[We] will pay and [we] report; US law and WE are not.'],
];

for (const [what, definition, rest] of uses) {
  test(`accuracy, defined term uses: ${what}`, () => {
    assert.equal(markedUses(definition, rest.replace(/[[\]]/g, '')), rest);
  });
}

// The hover on a use shows what the term stands for: [what, fixture with the cursor on a use, the quoted definition].
const hovers: [string, string, string][] = [
  ['en: X means, across a wrapped line', lines('"Digital asset" means any digital representation of value', 'that is recorded on a distributed ledger. Other rules.', 'Digital as$0sets are risky.'),
    '> any digital representation of value that is recorded on a distributed ledger.'],
  ['en: X refers to, across a wrapped line', lines('Virtual currency refers to a digital representation of value that is', 'not issued by a monetary authority. Virtual cur$0rency is banned.'),
    '> a digital representation of value that is not issued by a monetary authority.'],
  ['en: X means, unquoted', 'Customer means a natural person who opens an account. The Custo$0mer shall.', '> a natural person who opens an account.'],
  ['en: hereinafter, the phrase starting on the line before', lines('Shenzhen Example Technology Co., Ltd., a company incorporated',
    'under the laws of the PRC (hereinafter referred to as the "Company"), shall report.', 'The Com$0pany reports.'),
  '> Shenzhen Example Technology Co., Ltd., a company incorporated under the laws of the PRC'],
  ['en: (the "X") after a lead-in', lines('ABC Holdings Limited (together with its affiliates, the "Group") shall report.', 'The Gr$0oup reports.'), '> ABC Holdings Limited'],
  ['en: an acronym names the words it spells', 'Members of the National Association of Insurance Commissioners ("NAIC") vote. The NA$0IC decides.',
    '> National Association of Insurance Commissioners'],
  ['zh: 是指, across wrapped lines', lines('第二条　本办法所称虚拟货币，是指不由货币当局发行，', '不具有法偿性的数字化表示。其他。', '虚拟$0货币不得流通。'),
    '> 不由货币当局发行，不具有法偿性的数字化表示。'],
  ['zh: X是指', '“数字钱包”是指支付机构开立的账户。数字$0钱包应当核验。', '> 支付机构开立的账户。'],
  ['zh: 以下简称, the phrase starting on the line before', lines('经审查，同意在中华人民共和国境内依法设立的非银行', '支付机构（以下简称“支付机构”）开展业务。支付$0机构应当报告。'),
    '> 在中华人民共和国境内依法设立的非银行支付机构'],
  ['zh: 以下统称 over a list', '各银行业金融机构、非银行支付机构（以下统称“机构”）应当报告。机$0构应当。', '> 银行业金融机构、非银行支付机构'],
];

for (const [what, fixture, expected] of hovers) {
  test(`accuracy, defined term hover: ${what}`, () => {
    const hover = hoverAt(fixture) ?? '';
    assert.ok(hover.split('\n').includes(expected), `hover:\n${hover}\nexpected the line:\n${expected}`);
  });
}
