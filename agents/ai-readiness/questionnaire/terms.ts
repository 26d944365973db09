import MiniSearch from 'minisearch';

/**
 * Words that carry no evidence: English function words, questionnaire phrasing ("please
 * describe"), and "AI", which nearly every question of an AI questionnaire says.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does done for from had has have how i if in into is it its ' +
    'may me might must my no not of on or our ours shall should so such than that the their them then there these they ' +
    'this those to under up us was we were what when where which who whom why will with would yes you your yours ' +
    'about also any all each other per via etc eg ie please describe provide explain list detail details ' +
    'ai organisation organization company vendor'
  ).split(' '),
);

const STEM_DOUBLED = /([bdgmnprt])\1$/;

/**
 * How a word is indexed and looked up: lower case, stop words and numbers dropped, and a light
 * stemmer so "tests", "testing" and "tested" meet at "test".
 */
export function searchTerm(word: string): string | null {
  const term = word.toLowerCase();
  if (term.length < 2 || STOP_WORDS.has(term) || /^\d+$/.test(term)) return null;
  return stem(term);
}

function stem(term: string): string {
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed']) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 3) return term.slice(0, -suffix.length).replace(STEM_DOUBLED, '$1');
  }
  if (term.endsWith('s') && !/(ss|us|is)$/.test(term) && term.length > 3) return term.slice(0, -1);
  return term;
}

/** A question's distinct search terms. */
export function questionTerms(question: string): string[] {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  return [...new Set(tokenize(question).map(searchTerm).filter((term): term is string => term !== null))];
}
