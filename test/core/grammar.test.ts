/**
 * The TextMate grammar (syntaxes/regtext.tmLanguage.json) is colouring only, but its regexes must stay valid and
 * must keep recognising the label and notice-number forms users see first. VS Code runs them with Oniguruma; the
 * grammar is written so that every regex also compiles as a JavaScript RegExp with the same meaning on these
 * inputs, which lets this test run without a native or wasm regex engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import grammar from '../../syntaxes/regtext.tmLanguage.json';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: Rule[];
}

interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const g = grammar as unknown as Grammar;

/** Oniguruma constructs that JavaScript lacks or reads differently. A regex using one is skipped, not compiled. */
const ONIGURUMA_ONLY: RegExp[] = [/\\[GAzZhH]/, /\(\?[imx-]+[):]/, /\(\?>/, /\\[pP]\{/, /\\x\{/, /[*+?}]\+/];

interface Source {
  where: string;
  key: 'match' | 'begin' | 'end' | 'while';
  source: string;
}

function collectSources(value: unknown, where: string, into: Source[] = []): Source[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectSources(item, `${where}[${index}]`, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof child === 'string') {
        into.push({ where, key, source: child });
      } else {
        collectSources(child, `${where}.${key}`, into);
      }
    }
  }
  return into;
}

/** The `match` regexes of a repository entry, including those reached through `include`. */
function matchRegexes(key: string, seen = new Set<string>()): RegExp[] {
  const rule = g.repository[key];
  assert.ok(rule, `repository entry #${key} exists`);
  if (seen.has(key)) return [];
  seen.add(key);
  const out: RegExp[] = [];
  const visit = (r: Rule): void => {
    if (r.match) out.push(new RegExp(r.match));
    if (r.include?.startsWith('#')) out.push(...matchRegexes(r.include.slice(1), seen));
    r.patterns?.forEach(visit);
  };
  visit(rule);
  return out;
}

/** The earliest match of any of the regexes, as TextMate picks it (first rule wins a tie). */
function firstMatch(regexes: RegExp[], line: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const regex of regexes) {
    const found = regex.exec(line);
    if (found && (!best || found.index < best.index)) best = found;
  }
  return best;
}

test('grammar: identity and top-level structure', () => {
  assert.equal(g.scopeName, 'text.regtext');
  for (const include of g.patterns.map((p) => p.include)) {
    assert.ok(include?.startsWith('#'), `top-level pattern is an include: ${include}`);
    assert.ok(g.repository[include!.slice(1)], `${include} is defined`);
  }
  const includes = collectIncludes(g);
  for (const include of includes) assert.ok(g.repository[include.slice(1)], `${include} is defined`);
});

function collectIncludes(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectIncludes(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'include' && typeof child === 'string' && child.startsWith('#')) into.add(child);
      else collectIncludes(child, into);
    }
  }
  return into;
}

test('grammar: every match/begin/end regex compiles as a JavaScript RegExp', () => {
  const sources = collectSources(g, 'grammar');
  assert.ok(sources.length > 20, `found ${sources.length} regexes`);
  const skipped: Source[] = [];
  for (const source of sources) {
    if (ONIGURUMA_ONLY.some((construct) => construct.test(source.source))) {
      skipped.push(source);
      continue;
    }
    assert.doesNotThrow(() => new RegExp(source.source), `${source.where}.${source.key}: ${source.source}`);
  }
  // The grammar is written to be portable; a skipped regex is untested, so keep the list visible and short.
  assert.deepEqual(skipped.map((s) => `${s.where}.${s.key}`), []);
});

test('grammar: clause labels at the start of a line', () => {
  const labels = matchRegexes('clause-label');
  const labelOf = (line: string): string | undefined => {
    const found = firstMatch(labels, line);
    return found && found.index === 0 ? found[2] : undefined;
  };
  const cases: Array<[string, string]> = [
    ['（一）部门协同联动。', '（一）'],
    ['　第五条　支付机构应当根据客户身份核验方式', '第五条'],
    ['　　第十三条之一　本条所称', '第十三条之一'],
    ['\u2003\u2003（十二）跨境业务管理。', '（十二）'],
    ['(IX) Risk Monitoring. The People\'s Bank', '(IX)'],
    ['(X)Information Sharing. Through', '(X)'],
    ['(15) Industry Self-discipline.', '(15)'],
    ['(5) No Services for Virtual Currency-related Business.', '(5)'],
    ['　　1.报送内容。', '1.'],
    ['1．报送频率', '1．'],
    ['　　（1）依照本通知第（五）项', '（1）'],
    ['Article 5 These Measures apply', 'Article 5'],
    ['　　二、这是一段较长的正文，不是标题。', '二、'],
  ];
  for (const [line, label] of cases) assert.equal(labelOf(line), label, line);

  for (const line of ['依照第五条规定', 'RWA2 and xRWA remain unchanged.', '2021年9月15日', '(hereinafter referred to as', '第十三条第一款所称']) {
    assert.equal(labelOf(line), undefined, line);
  }
});

test('grammar: whole-line headings', () => {
  const headings = matchRegexes('heading');
  const isHeading = (line: string): boolean => headings.some((regex) => regex.test(line));
  for (const line of ['第一章　总　　则', '　　　　　　第一节　开立与使用', '　　一、明确数字支付服务范围和机构责任',
    'I. Clarifying the Scope of Digital Payment Services', 'Chapter II Business Management']) {
    assert.ok(isHeading(line), line);
  }
  for (const line of ['　　二、这是一段较长的正文，不是标题。', '(I) Scope of Digital Payment Services.', '第三章规定的情形。']) {
    assert.ok(!isHeading(line), line);
  }
});

test('grammar: notice numbers in both languages', () => {
  const numbers = matchRegexes('notice-number');
  const forms = [
    '银发〔2021〕237号',
    '银发[2021]237号',
    '银发［2021］237号',
    '银发（2021）237号',
    '银发【2021】237号',
    '银发 〔2021〕 237 号',
    '发改运行〔2021〕1283号',
    '中国人民银行令〔2003〕第5号',
    '证监发〔2020〕第 53 号',
    '国务院令第752号',
    '国家金融监督管理总局令2023年第5号',
    '〔2026〕42号',
    'Yinfa [2021] No. 237',
    'Yinfa [2026] No. 42',
    'NDRC Energy-saving Building [2021] No. 1283',
    'Order of the State Council No. 768',
    "Order of the People's Bank of China [2003] No. 5",
  ];
  for (const form of forms) {
    for (const line of [form, `依据${form}的规定`, `the "Notice" (${form}) is hereby repealed`]) {
      assert.equal(firstMatch(numbers, line)?.[0], form, line);
    }
  }
  for (const line of ['RWA2', '2021', 'in 2021 the PBOC', 'xRWA and RWA2', '（2024年版）', 'Article 5', '第（二）项', 'Plot No. 12']) {
    assert.equal(firstMatch(numbers, line), undefined, line);
  }
});

test('grammar: in-text references, defined terms, quoted titles, repeals', () => {
  const references = matchRegexes('reference');
  for (const [line, expected] of [
    ['依照本办法第十三条第一款被责令', '本办法第十三条第一款'],
    ['违反本通知第（二）项第二款规定', '本通知第（二）项第二款'],
    ['前款规定的身份核验', '前款'],
    ['identified under Clause (IX), and', 'Clause (IX)'],
    ['in violation of paragraph 2 of Clause (II), processes', 'paragraph 2 of Clause (II)'],
    ['under Clause (III) of this Notice, the', 'Clause (III) of this Notice'],
    ['see Article 5 of this Notice.', 'Article 5 of this Notice'],
  ] as const) {
    assert.equal(firstMatch(references, line)?.[0], expected, line);
  }
  assert.equal(firstMatch(references, '本条例所称'), undefined);

  const terms = matchRegexes('defined-term');
  assert.equal(firstMatch(terms, '其他机构（以下简称“支付机构”），应当')?.[3], '支付机构');
  assert.equal(firstMatch(terms, '非银行支付机构（以下简称支付机构）为客户')?.[5], '支付机构');
  assert.equal(firstMatch(terms, '“数字钱包”是指支付机构')?.[2], '数字钱包');
  assert.equal(firstMatch(terms, '(hereinafter referred to as "digital payment service providers") shall')?.[3],
    'digital payment service providers');
  assert.equal(firstMatch(terms, '"Digital wallet" refers to an account')?.[2], 'Digital wallet');

  const quoted = matchRegexes('quoted');
  assert.equal(firstMatch(quoted, '按照《关于整治虚拟货币“挖矿”活动的通知》（发改运行〔2021〕1283号）')?.[0],
    '《关于整治虚拟货币“挖矿”活动的通知》');
  assert.equal(firstMatch(quoted, 'The "Notice on Further Preventing and Dealing with the Risks of Virtual Currency Trading Speculation" (Yinfa')?.[0],
    '"Notice on Further Preventing and Dealing with the Risks of Virtual Currency Trading Speculation"');

  const repeal = matchRegexes('repeal');
  assert.equal(firstMatch(repeal, '(Yinfa [2021] No. 237) is hereby repealed.')?.[0], 'is hereby repealed');
  assert.equal(firstMatch(repeal, '（银发〔2021〕237号）同时废止。')?.[0], '同时废止');
});
