// negotiate(): ?format= first, then Accept with q-values, wildcards and specificity; undefined when nothing fits.
import { describe, expect, it } from 'vitest';
import { DOC_FORMATS, negotiate } from '../../src/server/negotiate.ts';

const pick = (accept: string | undefined, format?: string) => negotiate(DOC_FORMATS, accept, format)?.key;

describe('negotiate', () => {
  it.each([
    [undefined, 'html'],
    ['*/*', 'html'],
    ['text/turtle', 'ttl'],
    ['application/n-triples', 'nt'],
    ['application/ld+json', 'jsonld'],
    ['application/json', 'jsonld'],
    ['application/rdf+xml', 'rdf'],
    ['text/html', 'html'],
    ['application/xhtml+xml', 'html'],
    ['text/html;q=0.9, text/turtle', 'ttl'],
    ['text/turtle;q=0.5, application/ld+json;q=0.8', 'jsonld'],
    ['application/rdf+xml;q=1, text/turtle;q=0.2, */*;q=0.1', 'rdf'],
    ['text/turtle;q=0, */*;q=0.1', 'html'],
    ['text/*', 'html'],
    ['application/*', 'nt'],
    ['image/png, text/plain;q=0.5', undefined],
    ['text/turtle;q=0', undefined],
    // Media-type parameters other than q are ignored (our offers carry none): none of these may be a 406.
    ['text/turtle; charset=utf-8', 'ttl'],
    ['application/rdf+xml; charset=UTF-8', 'rdf'],
    ['text/html;level=1', 'html'],
    ['application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', 'jsonld'],
    ['application/ld+json;profile="http://a.example/x,y;z", text/turtle;q=0.5', 'jsonld'],
    ['text/turtle;charset=utf-8;q=0.4, application/n-triples;charset=utf-8;q=0.6', 'nt'],
    ['text/turtle;q=0.4;charset=utf-8, application/n-triples ; q=0.3', 'ttl'],
    ['text/turtle;charset=utf-8;q=0', undefined],
    // A browser's usual header.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', 'html'],
  ])('Accept %j → %s', (accept, expected) => {
    expect(pick(accept)).toBe(expected);
  });

  it.each([
    ['ttl', 'ttl'], ['turtle', 'ttl'], ['text/turtle', 'ttl'], ['nt', 'nt'], ['jsonld', 'jsonld'], ['json-ld', 'jsonld'],
    ['rdf', 'rdf'], ['rdfxml', 'rdf'], ['html', 'html'], ['TTL', 'ttl'], ['csv', undefined],
  ])('?format=%s → %s, whatever Accept says', (format, expected) => {
    expect(pick('text/html', format)).toBe(expected);
  });
});
