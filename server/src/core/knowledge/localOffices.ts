/**
 * Local offices (中国人民银行广东省分行, 深圳证监局, "PBOC Guangdong Branch", "the Shenzhen Bureau of the CSRC") as
 * knowledge: the data lists places and kinds of office, never one office per place. Compiling adds every place and
 * every office word to the one dictionary as a phrase of its own, and makes the record of every office (a kind of
 * office in a place) for hovers. The dictionary pass finds the parts side by side; scan/localOffices.ts joins them.
 * So the trie grows by the sum of places and words, not their product, and the text is still walked once.
 */
import type { PhraseMatcher } from '../scan/phraseMatcher';
import type { DictionaryValue, OfficeWord } from './compile';
import type { AgencyData, AgencyRecord, LocalOfficeRecord, PlaceRecord } from './types';

export function addLocalOffices(dictionary: PhraseMatcher<DictionaryValue>, data: AgencyData, agencies: Map<string, AgencyRecord>): void {
  for (const place of data.places) {
    dictionary.add(place.zh, { kind: 'place', placeId: place.id, short: false });
    for (const name of [place.zhShort, ...place.en]) dictionary.add(name, { kind: 'place', placeId: place.id, short: true });
  }
  // One entry per word: "Bureau" and 监管局 name the bureaus of several agencies; the join picks the one named beside it.
  const words = new Map<string, { form: string; offices: OfficeWord[] }>();
  const addWord = (form: string, office: OfficeWord) => {
    const key = form.toLowerCase().replace(/-/g, ' ');
    const entry = words.get(key) ?? { form, offices: [] };
    entry.offices.push(office);
    words.set(key, entry);
  };
  for (const office of data.localOffices) {
    const parent = agencies.get(office.parent);
    if (!parent) continue;
    for (const form of [...office.zh, ...office.en]) addWord(form, { parent: office.parent, office: office.id, alone: false });
    for (const form of [...(office.zhAlone ?? []), ...(office.enAlone ?? [])]) addWord(form, { parent: office.parent, office: office.id, alone: true });
    for (const place of data.places) {
      const record = localOfficeRecord(office, place, parent);
      agencies.set(record.id, record);
    }
  }
  for (const { form, offices } of words.values()) dictionary.add(form, { kind: 'officeWord', offices });
}

/** The agency id of a kind of office in a place: "pboc-guangdong-branch". */
export function localOfficeId(parent: string, placeId: string, office: string): string {
  return `${parent}-${placeId}-${office}`;
}

function localOfficeRecord(office: LocalOfficeRecord, place: PlaceRecord, parent: AgencyRecord): AgencyRecord {
  const placeName = place.en[0]!;
  return {
    id: localOfficeId(office.parent, place.id, office.id),
    kind: 'local-office',
    en: { name: `${placeName} ${office.en[0]!} of the ${parent.en.name}` },
    zh: { name: `${parent.zh.name}${office.placeInName === 'full' ? place.zh : place.zhShort}${office.zh[0]!}` },
    parent: office.parent,
    role: office.role.replaceAll('{place}', placeName),
  };
}
