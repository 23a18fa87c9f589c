import { nodeKinds } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { initialLanguage, isMessageKey, translate } from './translate.ts';
import { zh } from './zh.ts';

describe('i18n catalogues', () => {
  it('have the same keys, and no empty message', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const message of [...Object.values(en), ...Object.values(zh)]) expect(message.trim()).not.toBe('');
  });

  it('keep every parameter in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(params(zh[key])).toEqual(params(en[key]));
  });

  it('name every node kind', () => {
    for (const kind of nodeKinds) {
      expect(isMessageKey(`kind.${kind}`)).toBe(true);
      expect(isMessageKey(`kindHelp.${kind}`)).toBe(true);
    }
  });

  it('fills parameters and picks a language', () => {
    expect(translate('zh-CN', 'apps.published', { version: 3 })).toBe('已发布 v3');
    expect(translate('en', 'apps.published', {})).toBe('Published v{version}');
    expect(initialLanguage(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('fr', ['fr-FR'])).toBe('en');
  });
});
