/** The knowledge regtext ships with: the JSON data files beside this module, bundled into the server and CLI. */
import type { KnowledgeData } from '../core';
import agencies from './data/agencies.json';
import bannedTerms from './data/banned-terms.json';
import issuerCodes from './data/issuer-codes.json';
import notices from './data/notices.json';
import glossary from './data/glossary.json';

export const builtinKnowledgeData: KnowledgeData = {
  agencies: agencies as KnowledgeData['agencies'],
  issuerCodes: issuerCodes.issuerCodes as KnowledgeData['issuerCodes'],
  localIssuerPrefixes: issuerCodes.localPrefixes,
  notices: notices.notices as KnowledgeData['notices'],
  bannedTerms: bannedTerms.lists as KnowledgeData['bannedTerms'],
  glossary: glossary.entries,
};
