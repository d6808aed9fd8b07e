/**
 * Issue 8, notice numbers and agencies, on drafting not seen before:
 * - issuer codes in pinyin as translations print them, in any spacing, case or hyphenation, share the Chinese key;
 * - a line break inside an issuer code is read through only inside a parenthesis that holds nothing but the number;
 * - agencies by the longest name across places and kinds: Hong Kong's regulators are not the mainland's, the
 *   self-regulatory bodies and PBOC units are themselves, local offices (branches, bureaus) of any listed place are
 *   the office and not their parent; ambiguous abbreviations (SFC, SAC, CFA, CBA) count only where the document
 *   names the body in full.
 * Near misses that must not match sit beside each class.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgencyData, IssuerCodeRecord } from '../../server/src/core/knowledge/types';
import { normalizeEnglishIssuer } from '../../server/src/core/knowledge/compile';
import agenciesJson from '../../server/src/knowledge/data/agencies.json';
import issuerCodesJson from '../../server/src/knowledge/data/issuer-codes.json';
import { analyse, annotationsOf, hoverAt, knowledge, lines, noticeKeysOf } from './fixture';

const n = (text: string, key: string, at = '1:1') => `noticeNumber "${text}" → ${key} @${at}`;
const a = (text: string, id: string, at = '1:1') => `agency "${text}" → ${id} @${at}`;

function check(label: string, kinds: ('noticeNumber' | 'agency')[], cases: [string, string, string[]][]): void {
  for (const [what, text, expected] of cases) {
    test(`${label}: ${what}`, () => {
      assert.deepEqual(annotationsOf(text, kinds), expected);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A. Issuer codes in pinyin

check('pinyin issuer code', ['noticeNumber'], [
  ['joined', 'Yinbaojianfa [2021] No. 5', [n('Yinbaojianfa [2021] No. 5', '银保监发〔2021〕5号')]],
  ['one word per syllable', 'Yin Bao Jian Fa [2021] No. 5', [n('Yin Bao Jian Fa [2021] No. 5', '银保监发〔2021〕5号')]],
  ['agency and document type apart', 'under Yinbaojian Fa [2021] No. 5', [n('Yinbaojian Fa [2021] No. 5', '银保监发〔2021〕5号', '1:7')]],
  ['hyphenated, lower case', 'see yinbaojian-fa [2021] No. 5', [n('yinbaojian-fa [2021] No. 5', '银保监发〔2021〕5号', '1:5')]],
  ['camel case', 'GuoShuiFa [2009] No. 3', [n('GuoShuiFa [2009] No. 3', '国税发〔2009〕3号')]],
  ['capitals', 'YINFA [2021] NO. 237 and HUIFA [2015] No. 13', [n('HUIFA [2015] No. 13', '汇发〔2015〕13号', '1:26')]],
  ['a general office code', 'the Yinbaojian Banfa [2020] No. 7 notice', [n('Yinbaojian Banfa [2020] No. 7', '银保监办发〔2020〕7号', '1:5')]],
  ['CSRC, spaced', '(Zheng Jian Fa [2020] No. 53)', [n('Zheng Jian Fa [2020] No. 53', '证监发〔2020〕53号', '1:2')]],
  ['NDRC finance department', 'Fa Gai Cai Jin [2020] No. 1 and Fagai Caijin [2020] No. 1',
    [n('Fa Gai Cai Jin [2020] No. 1', '发改财金〔2020〕1号'), n('Fagai Caijin [2020] No. 1', '发改财金〔2020〕1号', '1:33')]],
  ['Ministry of Finance codes', 'Caijin [2018] No. 23; Cai Shui [2016] No. 36; Caikuai [2017] No. 7',
    [n('Caijin [2018] No. 23', '财金〔2018〕23号'), n('Cai Shui [2016] No. 36', '财税〔2016〕36号', '1:23'), n('Caikuai [2017] No. 7', '财会〔2017〕7号', '1:47')]],
  ['NFRA codes', 'Jin Gui [2024] No. 24 and Jinfa [2024] No. 7',
    [n('Jin Gui [2024] No. 24', '金规〔2024〕24号'), n('Jinfa [2024] No. 7', '金发〔2024〕7号', '1:27')]],
  ['PBOC office and reply codes', 'Yin Ban Fa [2018] No. 130, Yinfu [2014] No. 5', [n('Yin Ban Fa [2018] No. 130', '银办发〔2018〕130号'), n('Yinfu [2014] No. 5', '银复〔2014〕5号', '1:28')]],
  ['SAFE general affairs and replies', 'Hui Zong Fa [2019] No. 1; Huifu [2008] No. 2', [n('Hui Zong Fa [2019] No. 1', '汇综发〔2019〕1号'), n('Huifu [2008] No. 2', '汇复〔2008〕2号', '1:27')]],
  ['an older form of a code', 'Cai Shui Zi [2004] No. 156', [n('Cai Shui Zi [2004] No. 156', '财税字〔2004〕156号')]],
  ['MOFCOM order, pinyin and English', 'Shangwubu Ling [2019] No. 1; Order No. 1 [2019] of the Ministry of Commerce',
    [n('Shangwubu Ling [2019] No. 1', '商务部令〔2019〕1号'), n('Order No. 1 [2019] of the Ministry of Commerce', '商务部令〔2019〕1号', '1:30')]],
  ['tax announcement', 'STA Announcement [2018] No. 28', [n('STA Announcement [2018] No. 28', '国家税务总局公告〔2018〕28号')]],
  // Near misses.
  ['lower-case words that are no code are no issuer', 'in [2021] No. 5 and the yin [2021] No. 5', []],
  ['a lower-case code is read only when known', 'the zhejin [2021] No. 5', []],
  ['an unknown code keeps only its capitalised words', 'as issued by Zhejin [2021] No. 5', [n('Zhejin [2021] No. 5', 'Zhejin〔2021〕5号', '1:14')]],
]);

check('Chinese issuer code added', ['noticeNumber'], [
  ['reply', '根据银复〔2014〕5号', [n('银复〔2014〕5号', '银复〔2014〕5号', '1:3')]],
  ['Shanghai Head Office', '银总部发〔2020〕12号', [n('银总部发〔2020〕12号', '银总部发〔2020〕12号')]],
  ['NDRC order, short name', '国家发展改革委令〔2017〕第9号', [n('国家发展改革委令〔2017〕第9号', '国家发展和改革委员会令〔2017〕9号')]],
  ['MOF finance, not 发改财金', '财金〔2018〕23号与发改财金〔2020〕1号',
    [n('财金〔2018〕23号', '财金〔2018〕23号'), n('发改财金〔2020〕1号', '发改财金〔2020〕1号', '1:13')]],
  ['a local prefix before a new code', '浙金发〔2021〕5号', [n('浙金发〔2021〕5号', '浙金发〔2021〕5号')]],
]);

test('Chinese issuer code added: the new codes are known, the local one is not', () => {
  const numbers = analyse(lines('银保监规〔2020〕5号', '金办发〔2023〕9号', '国税函〔2005〕131号', '浙金发〔2021〕5号')).noticeNumbers;
  assert.deepEqual(numbers.map(({ issuer, issuerKnown }) => `${issuer} ${issuerKnown}`), ['银保监规 true', '金办发 true', '国税函 true', '浙金发 false']);
});

// Every written form of one notice has one key.
const sameNotice: [string, string[]][] = [
  ['银保监发〔2021〕5号', ['银保监发〔2021〕5号', 'Yinbaojianfa [2021] No. 5', 'Yin Bao Jian Fa [2021] No. 5', 'Yinbaojian Fa (2021) No.5', 'yinbaojian-fa [2021] No. 5', 'YINBAOJIANFA [2021] No. 5']],
  ['证监发〔2020〕53号', ['证监发〔2020〕第53号', 'Zhengjianfa [2020] No. 53', 'Zheng Jian Fa [2020] No. 53', 'Zhengjian Fa [2020] No. 53']],
  ['汇发〔2015〕13号', ['汇发[2015]13号', 'Huifa [2015] No. 13', 'Hui Fa [2015] No. 13', 'hui-fa [2015] No. 13']],
  ['发改财金〔2020〕1号', ['发改财金〔2020〕1号', 'Fagai Caijin [2020] No. 1', 'Fa Gai Cai Jin [2020] No. 1', 'FaGai CaiJin [2020] No. 1']],
  ['商务部令〔2019〕1号', ['商务部令〔2019〕第1号', 'Shangwubu Ling [2019] No. 1', 'Shang Wu Bu Ling [2019] No. 1', 'MOFCOM Order [2019] No. 1']],
];
for (const [key, forms] of sameNotice) {
  test(`pinyin issuer code: one key for ${key}`, () => {
    assert.deepEqual(forms.map((form) => `${form} → ${noticeKeysOf(form).join(', ')}`), forms.map((form) => `${form} → ${key}`));
  });
}

test('pinyin issuer code: the hover of a pinyin number names the Chinese number and its issuer', () => {
  const markdown = hoverAt('Yinbaojian$0 Fa [2021] No. 5') ?? '';
  assert.match(markdown, /银保监发〔2021〕5号/);
  assert.match(markdown, /China Banking and Insurance Regulatory Commission/);
});

// ---------------------------------------------------------------------------------------------------------------
// A. A line break inside an issuer code

check('code wrapped in a parenthesis', ['noticeNumber'], [
  ['Chinese, after a title', lines('《关于进一步防范和处置虚拟货币等相关风险的通知》（银', '发〔2026〕42号）'), [n('银⏎发〔2026〕42号', '银发〔2026〕42号', '1:26')]],
  ['Chinese, CRLF', '《通知》（银保监\r\n发〔2021〕5号）', [n('银保监⏎发〔2021〕5号', '银保监发〔2021〕5号', '1:6')]],
  ['Chinese, half-width parenthesis', '《通知》(银办\n发〔2018〕130号)', [n('银办⏎发〔2018〕130号', '银办发〔2018〕130号', '1:6')]],
  ['Chinese, an order', '《办法》（中国人民银行\n令〔2003〕第5号）', [n('中国人民银行⏎令〔2003〕第5号', '中国人民银行令〔2003〕5号', '1:6')]],
  ['Chinese, a local code', '《通知》（京银\n发〔2021〕5号）', [n('京银⏎发〔2021〕5号', '京银发〔2021〕5号', '1:6')]],
  ['Chinese, an unknown code', '《通知》（浙金\n监发〔2021〕5号）', [n('浙金⏎监发〔2021〕5号', '浙金监发〔2021〕5号', '1:6')]],
  ['English, after a title', lines('the Notice on Virtual Currency (Yin', 'fa [2026] No. 42) provides'), [n('Yin⏎fa [2026] No. 42', '银发〔2026〕42号', '1:33')]],
  ['English, between two words of the code', lines('the Notice (Yinbaojian', 'Banfa [2021] No. 7)'), [n('Yinbaojian⏎Banfa [2021] No. 7', '银保监办发〔2021〕7号', '1:13')]],
  // Near misses: a code at the start of a line is not joined to the line above.
  ['a title line, then a bare code', lines('关于印发《办法》的通知', '财金〔2024〕12号'), [n('财金〔2024〕12号', '财金〔2024〕12号', '2:1')]],
  ['a header line, then the number', lines('中国人民银行文件', '银发〔2019〕316号'), [n('银发〔2019〕316号', '银发〔2019〕316号', '2:1')]],
  ['a parenthesis holding more than the code', lines('（这是最新', '银发〔2021〕237号）'), [n('银发〔2021〕237号', '银发〔2021〕237号', '2:1')]],
  ['a parenthesis with a lead-in word', lines('（根据', '银发〔2021〕237号）'), [n('银发〔2021〕237号', '银发〔2021〕237号', '2:1')]],
  ['a list label on the line above', lines('（一）按照', '银发〔2021〕237号'), [n('银发〔2021〕237号', '银发〔2021〕237号', '2:1')]],
  ['English: words in a parenthesis on the line above', lines('(see the Bank', 'Zhejin [2021] No. 5)'), [n('Zhejin [2021] No. 5', 'Zhejin〔2021〕5号', '2:1')]],
  ['English: a code at the start of a line', lines('the Notice', 'Yinfa [2021] No. 237'), [n('Yinfa [2021] No. 237', '银发〔2021〕237号', '2:1')]],
]);

// ---------------------------------------------------------------------------------------------------------------
// B. Agencies: Hong Kong, self-regulatory bodies, PBOC units

check('agency', ['agency'], [
  ['Hong Kong SFC is not the CSRC', '香港证监会与证监会', [a('香港证监会', 'hk-sfc'), a('证监会', 'csrc', '1:7')]],
  ['Hong Kong SFC, full names', '香港证券及期货事务监察委员会；證券及期貨事務監察委員會',
    [a('香港证券及期货事务监察委员会', 'hk-sfc'), a('證券及期貨事務監察委員會', 'hk-sfc', '1:16')]],
  ['Hong Kong SFC in English', 'the Securities and Futures Commission of Hong Kong and the China Securities Regulatory Commission',
    [a('Securities and Futures Commission of Hong Kong', 'hk-sfc', '1:5'), a('China Securities Regulatory Commission', 'csrc', '1:60')]],
  ['HKMA is not the PBOC', '香港金融管理局（金管局）和中国人民银行', [a('香港金融管理局', 'hkma'), a('金管局', 'hkma', '1:9'), a('中国人民银行', 'pboc', '1:14')]],
  ['HKMA in English', 'the Hong Kong Monetary Authority (HKMA)', [a('Hong Kong Monetary Authority', 'hkma', '1:5'), a('HKMA', 'hkma', '1:35')]],
  ['Singapore\'s monetary authority is not the HKMA', '新加坡金管局', []],
  ['fund, futures, banking, securities associations', '中国证券投资基金业协会、中国期货业协会、中国银行业协会、中国证券业协会',
    [a('中国证券投资基金业协会', 'amac'), a('中国期货业协会', 'china-futures-association', '1:13'),
      a('中国银行业协会', 'china-banking-association', '1:21'), a('中国证券业协会', 'securities-association-of-china', '1:29')]],
  ['associations by their short names', '基金业协会、中基协、中证协、中银协', [a('基金业协会', 'amac'), a('中基协', 'amac', '1:7'), a('中证协', 'securities-association-of-china', '1:11'), a('中银协', 'china-banking-association', '1:15')]],
  ['associations in English', 'the Asset Management Association of China (AMAC) and the National Internet Finance Association of China (NIFA)',
    [a('Asset Management Association of China', 'amac', '1:5'), a('AMAC', 'amac', '1:44'),
      a('National Internet Finance Association of China', 'nifa', '1:58'), a('NIFA', 'nifa', '1:106')]],
  ['payment and internet finance associations', '中国支付清算协会和中国互联网金融协会', [a('中国支付清算协会', 'pcac'), a('中国互联网金融协会', 'nifa', '1:10')]],
  ['PBOC units are not the PBOC', '中国反洗钱监测分析中心、中国人民银行征信中心、中国外汇交易中心、中国人民银行清算总中心',
    [a('中国反洗钱监测分析中心', 'camlmac'), a('中国人民银行征信中心', 'pboc-crc', '1:13'), a('中国外汇交易中心', 'cfets', '1:24'), a('中国人民银行清算总中心', 'cncc', '1:33')]],
  ['PBOC units in English', 'the China Anti-Money Laundering Monitoring and Analysis Center (CAMLMAC) and the PBOC Credit Reference Center',
    [a('China Anti-Money Laundering Monitoring and Analysis Center', 'camlmac', '1:5'), a('CAMLMAC', 'camlmac', '1:65'), a('PBOC Credit Reference Center', 'pboc-crc', '1:82')]],
  ['exchanges are not the city they are in', '上海证券交易所、深交所; the Shanghai Stock Exchange',
    [a('上海证券交易所', 'sse'), a('深交所', 'szse', '1:9'), a('Shanghai Stock Exchange', 'sse', '1:18')]],
]);

// ---------------------------------------------------------------------------------------------------------------
// B. Local offices: any listed place, any kind of office its parent has

check('local office', ['agency'], [
  ['PBOC Shanghai Head Office', '中国人民银行上海总部、人民银行上海总部', [a('中国人民银行上海总部', 'pboc-shanghai-head-office'), a('人民银行上海总部', 'pboc-shanghai-head-office', '1:12')]],
  ['PBOC provincial branch', '中国人民银行广东省分行', [a('中国人民银行广东省分行', 'pboc-guangdong-branch')]],
  ['PBOC branch, short place name', '中国人民银行广东分行', [a('中国人民银行广东分行', 'pboc-guangdong-branch')]],
  ['PBOC regional branch in a city', '人民银行广州分行', [a('人民银行广州分行', 'pboc-guangzhou-branch')]],
  ['PBOC central sub-branch', '中国人民银行杭州中心支行、中国人民银行深圳市中心支行',
    [a('中国人民银行杭州中心支行', 'pboc-hangzhou-central-sub-branch'), a('中国人民银行深圳市中心支行', 'pboc-shenzhen-central-sub-branch', '1:14')]],
  ['PBOC branch in an autonomous region', '中国人民银行内蒙古自治区分行', [a('中国人民银行内蒙古自治区分行', 'pboc-inner-mongolia-branch')]],
  ['PBOC business management department', '中国人民银行重庆营业管理部', [a('中国人民银行重庆营业管理部', 'pboc-chongqing-business-management-department')]],
  ['NFRA bureau and sub-bureau', '国家金融监督管理总局北京监管局、金融监管总局苏州监管分局',
    [a('国家金融监督管理总局北京监管局', 'nfra-beijing-bureau'), a('金融监管总局苏州监管分局', 'nfra-suzhou-sub-bureau', '1:17')]],
  ['CSRC bureau, long and short', '中国证监会上海监管局、中国证券监督管理委员会山东监管局、深圳证监局',
    [a('中国证监会上海监管局', 'csrc-shanghai-bureau'), a('中国证券监督管理委员会山东监管局', 'csrc-shandong-bureau', '1:12'), a('深圳证监局', 'csrc-shenzhen-bureau', '1:29')]],
  ['older regulators\' bureaus', '上海银保监局、中国银保监会浙江监管局、北京银监局、广东保监局',
    [a('上海银保监局', 'cbirc-shanghai-bureau'), a('中国银保监会浙江监管局', 'cbirc-zhejiang-bureau', '1:8'),
      a('北京银监局', 'cbrc-beijing-bureau', '1:20'), a('广东保监局', 'circ-guangdong-bureau', '1:26')]],
  ['SAFE branch', '国家外汇管理局深圳市分局', [a('国家外汇管理局深圳市分局', 'safe-shenzhen-branch')]],
  ['English: PBOC head office and branches', 'the Shanghai Head Office of the PBOC, PBOC Guangdong Branch and the Hangzhou Central Sub-branch of the People\'s Bank of China',
    [a('Shanghai Head Office of the PBOC', 'pboc-shanghai-head-office', '1:5'), a('PBOC Guangdong Branch', 'pboc-guangdong-branch', '1:39'),
      a('Hangzhou Central Sub-branch of the People\'s Bank of China', 'pboc-hangzhou-central-sub-branch', '1:69')]],
  ['English: CSRC bureaus', 'the Shenzhen Bureau of the CSRC, CSRC Beijing Bureau, the Shandong Supervision Bureau of the China Securities Regulatory Commission and the Xiamen Securities Regulatory Bureau',
    [a('Shenzhen Bureau of the CSRC', 'csrc-shenzhen-bureau', '1:5'), a('CSRC Beijing Bureau', 'csrc-beijing-bureau', '1:34'),
      a('Shandong Supervision Bureau of the China Securities Regulatory Commission', 'csrc-shandong-bureau', '1:59'),
      a('Xiamen Securities Regulatory Bureau', 'csrc-xiamen-bureau', '1:141')]],
  ['English: a possessive', "the People's Bank of China's Shanghai Branch", [a("People's Bank of China's Shanghai Branch", 'pboc-shanghai-branch', '1:5')]],
  ['English: NFRA and SAFE offices', 'the Beijing Bureau of NFRA and SAFE Shenzhen Branch',
    [a('Beijing Bureau of NFRA', 'nfra-beijing-bureau', '1:5'), a('SAFE Shenzhen Branch', 'safe-shenzhen-branch', '1:32')]],
  ['a name broken across lines', lines('中国人民银行广东', '省分行'), [a('中国人民银行广东⏎省分行', 'pboc-guangdong-branch')]],
  // Near misses.
  ['a place and an office word alone are any bank\'s branch', '广州分行、北京分行营业部', []],
  ['the PBOC\'s branches in general', '中国人民银行各分行、分支机构', [a('中国人民银行', 'pboc')]],
  ['a commercial bank\'s branch is the bank', '工商银行北京分行与Bank of China Beijing Branch', [a('工商银行', 'icbc'), a('Bank of China', 'boc', '1:10')]],
  ['an office word of another agency', '中国证监会广东分行', [a('中国证监会', 'csrc')]],
  ['a city government\'s bureau is not the NFRA\'s', '北京市金融监管局；北京金融监管局', [a('北京金融监管局', 'nfra-beijing-bureau', '1:10')]],
  ['a place and an office word without an agency', 'the Beijing Office and the Guangdong branch', []],
  ['a place\'s own body is not the national agency', '广东省发展改革委、北京市网信办、厦门市金管局、北京人民银行', []],
  ['an unlisted place\'s own body neither', '某某省发展改革委、某某市网信办', []],
]);

// ---------------------------------------------------------------------------------------------------------------
// B. Ambiguous abbreviations count only where the document names the body in full

check('ambiguous abbreviation', ['agency'], [
  ['alone, they are other things', 'a CFA charterholder, the SAC standard, the CBA season and the SFC', []],
  ['SFC, spelled out', 'The Securities and Futures Commission (SFC) licenses platforms. The SFC said so.',
    [a('Securities and Futures Commission', 'hk-sfc', '1:5'), a('SFC', 'hk-sfc', '1:40'), a('SFC', 'hk-sfc', '1:69')]],
  ['SFC after "Hong Kong SFC"', 'the Hong Kong SFC; the SFC', [a('Hong Kong SFC', 'hk-sfc', '1:5'), a('SFC', 'hk-sfc', '1:24')]],
  ['SFC, named in Chinese', '香港证监会（SFC）', [a('香港证监会', 'hk-sfc'), a('SFC', 'hk-sfc', '1:7')]],
  ['SFC, named after the abbreviation', 'The SFC, that is the Securities and Futures Commission', [a('SFC', 'hk-sfc', '1:5'), a('Securities and Futures Commission', 'hk-sfc', '1:22')]],
  ['CFA, spelled out', 'the China Futures Association (CFA) and the CFA', [a('China Futures Association', 'china-futures-association', '1:5'), a('CFA', 'china-futures-association', '1:32'), a('CFA', 'china-futures-association', '1:45')]],
  ['SAC spelled out as another body', 'the Standardization Administration of China (SAC)', []],
  ['lower case is never an abbreviation', 'the Securities Association of China; sac and sfc', [a('Securities Association of China', 'securities-association-of-china', '1:5')]],
  ['unambiguous abbreviations need no full name', 'HKMA, AMAC, CFETS', [a('HKMA', 'hkma'), a('AMAC', 'amac', '1:7'), a('CFETS', 'cfets', '1:13')]],
]);

// ---------------------------------------------------------------------------------------------------------------
// B. Hovers say what the body is and whose office it is

const hovers: [string, string, RegExp[]][] = [
  ['a PBOC branch', '中国人民银行广东$0省分行', [/Guangdong Branch of the People's Bank of China/, /local office/, /A local office of the \*\*People's Bank of China\*\*/]],
  ['a CSRC bureau in English', 'the Shenzhen Bu$0reau of the CSRC', [/Shenzhen Bureau of the China Securities Regulatory Commission/, /A local office of the \*\*China Securities Regulatory Commission\*\*/]],
  ['a short-named bureau', '深圳证$0监局', [/Shenzhen Bureau of the China Securities Regulatory Commission/]],
  ['Hong Kong SFC', '香港证$0监会', [/Securities and Futures Commission/, /Not the China Securities Regulatory Commission/]],
  ['a PBOC unit', '中国反洗钱监测$0分析中心', [/China Anti-Money Laundering Monitoring and Analysis Center/, /Part of the \*\*People's Bank of China\*\*/]],
  ['an association', '中国期货业$0协会', [/China Futures Association/, /industry association — not a regulator/]],
];
for (const [what, fixture, expected] of hovers) {
  test(`agency hover: ${what}`, () => {
    const markdown = hoverAt(fixture) ?? '';
    for (const pattern of expected) assert.match(markdown, pattern);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The data behind both classes

const agencyData = agenciesJson as unknown as AgencyData;
const issuerCodes = (issuerCodesJson as unknown as { issuerCodes: IssuerCodeRecord[] }).issuerCodes;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((value) => seen.has(value) || !seen.add(value)))];
}

test('data: each English rendering of an issuer code is listed once, as the matcher reads it', () => {
  assert.deepEqual(duplicates(issuerCodes.flatMap((record) => record.en.map(normalizeEnglishIssuer))), []);
});

test('data: places, office words and parents are consistent', () => {
  const places = agencyData.places;
  const ids = new Set(agencyData.agencies.map((agency) => agency.id));
  assert.deepEqual(duplicates(places.map((place) => place.id)), []);
  assert.deepEqual(duplicates(places.flatMap((place) => [place.zh, place.zhShort, ...place.en.map((name) => name.toLowerCase())])), []);
  for (const office of agencyData.localOffices) assert.ok(ids.has(office.parent), `local office ${office.id}: no agency ${office.parent}`);
  assert.deepEqual(duplicates(agencyData.localOffices.map((office) => `${office.parent}-${office.id}`)), []);
  for (const agency of agencyData.agencies) if (agency.parent) assert.ok(ids.has(agency.parent), `${agency.id}: no parent ${agency.parent}`);
});

test('data: no place or office word is also an agency name, and no office id is a listed agency id', () => {
  const names = new Set(agencyData.agencies.flatMap((agency) => [agency.zh.name, ...(agency.zh.aliases ?? []), agency.en.name, ...(agency.en.aliases ?? [])].map((name) => name.toLowerCase())));
  const parts = [
    ...agencyData.places.flatMap((place) => [place.zh, place.zhShort, ...place.en]),
    ...agencyData.localOffices.flatMap((office) => [...office.zh, ...(office.zhAlone ?? []), ...office.en, ...(office.enAlone ?? [])]),
  ];
  assert.deepEqual(parts.filter((part) => names.has(part.toLowerCase())), []);
  const listed = new Set(agencyData.agencies.map((agency) => agency.id));
  const officeIds = agencyData.localOffices.flatMap((office) => agencyData.places.map((place) => `${office.parent}-${place.id}-${office.id}`));
  assert.deepEqual(officeIds.filter((id) => listed.has(id)), []);
  assert.ok(officeIds.every((id) => knowledge.agencies.get(id)?.kind === 'local-office'));
});

test('data: an ambiguous abbreviation is no other agency\'s abbreviation', () => {
  const all = agencyData.agencies.flatMap((agency) => [...(agency.abbreviations ?? []), ...(agency.ambiguousAbbreviations ?? [])]);
  assert.deepEqual(duplicates(all), []);
});
