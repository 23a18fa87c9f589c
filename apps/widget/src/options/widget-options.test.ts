import { describe, expect, it } from 'vitest';
import { languageOf, stringsFor } from './strings.ts';
import { readOptions } from './widget-options.ts';
import { textColorOn, widgetSettings } from './widget-settings.ts';

const src = 'https://runtime.example/widget.js?v=1';
const required = { appId: 'app_1', key: 'pk_1' };

function options(data: Record<string, string>, language = 'en-GB') {
  const result = readOptions({ ...required, ...data }, src, language);
  if (!result.ok) throw new Error(result.problem);
  return result.options;
}

describe('readOptions', () => {
  it('reads the script tag, with the runtime at the origin widget.js came from', () => {
    expect(
      options({
        title: ' Help ',
        greeting: 'Hello!',
        color: '#0F766E',
        position: 'bottom-left',
        theme: 'dark',
        lang: 'zh-CN',
        open: '',
      }),
    ).toEqual({
      appId: 'app_1',
      key: 'pk_1',
      baseUrl: 'https://runtime.example',
      title: 'Help',
      greeting: 'Hello!',
      color: '#0F766E',
      position: 'bottom-left',
      theme: 'dark',
      language: 'zh-CN',
      open: true,
    });
  });

  it('ignores values it does not understand rather than passing them on', () => {
    const read = options({ color: 'red;background:url(x)', position: 'top', theme: 'neon', open: 'false' });
    expect([read.color, read.position, read.theme, read.open]).toEqual([null, null, null, false]);
  });

  it('needs an app id and a key', () => {
    expect(readOptions({ appId: 'app_1' }, src, 'en').ok).toBe(false);
    expect(readOptions({ ...required, key: ' ' }, src, 'en').ok).toBe(false);
  });

  it("speaks Simplified Chinese when asked or when it is the browser's language, else English", () => {
    expect(options({}, 'zh-CN').language).toBe('zh-CN');
    expect(options({ lang: 'en' }, 'zh-CN').language).toBe('en');
    expect(['zh', 'zh-Hans-CN', 'ZH-cn', 'zh-TW', 'fr'].map(languageOf)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'en',
      'en',
    ]);
  });
});

describe('widgetSettings', () => {
  const config = {
    name: 'Shop bot',
    greeting: 'Welcome',
    primaryColor: '#fde047',
    position: 'bottom-left',
    mode: 'light',
  };

  it("takes the script tag first, then the app's settings, then defaults", () => {
    expect(widgetSettings(options({}), config)).toEqual({
      title: 'Shop bot',
      greeting: 'Welcome',
      color: '#fde047',
      colorText: '#000000',
      position: 'bottom-left',
      theme: 'light',
    });
    expect(widgetSettings(options({ title: 'Mine', color: '#1e3a8a' }), config)).toMatchObject({
      title: 'Mine',
      color: '#1e3a8a',
      colorText: '#ffffff',
    });
    expect(widgetSettings(options({}, 'zh-CN'), null)).toEqual({
      title: '在线咨询',
      greeting: '您好！有什么可以帮您？',
      color: '#2563eb',
      colorText: '#ffffff',
      position: 'bottom-right',
      theme: 'auto',
    });
  });

  it('picks readable text on the accent colour', () => {
    expect([textColorOn('#ffffff'), textColorOn('#000000'), textColorOn('#2563eb')]).toEqual([
      '#000000',
      '#ffffff',
      '#ffffff',
    ]);
  });
});

describe('the rate-limit notice', () => {
  it('says how long to wait in a readable unit, in both languages', () => {
    const english = stringsFor('en');
    expect([1, 30, 89, 90, 3600, 5400, 36_000].map(english.wait)).toEqual([
      '1 second',
      '30 seconds',
      '89 seconds',
      '2 minutes',
      '60 minutes',
      '2 hours',
      '10 hours',
    ]);
    expect(stringsFor('zh-CN').rateLimited.replace('{wait}', stringsFor('zh-CN').wait(30))).toBe(
      '消息太多了，请在 30 秒后重试；您的消息仍保留在输入框中。',
    );
  });
});
