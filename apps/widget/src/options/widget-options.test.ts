import { describe, expect, it } from 'vitest';
import { languageOf } from './strings.ts';
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
