import type { WidgetConfig } from '../api/widget-api.ts';
import { stringsFor } from './strings.ts';
import {
  colorOf,
  type Position,
  positions,
  type ThemeMode,
  themeModes,
  type WidgetOptions,
} from './widget-options.ts';

/** How the widget looks and greets, once the script tag and the app's settings are combined. */
export interface WidgetSettings {
  readonly title: string;
  readonly greeting: string;
  readonly color: string;
  /** Text colour that reads on `color`. */
  readonly colorText: string;
  readonly position: Position;
  readonly theme: ThemeMode;
}

const defaultColor = '#2563eb';

/** Black or white, whichever contrasts more with `color` (WCAG relative luminance). */
export function textColorOn(color: string): string {
  const channels = [1, 3, 5].map((start) => {
    const value = Number.parseInt(color.slice(start, start + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [red = 0, green = 0, blue = 0] = channels;
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/**
 * The script tag wins over the app's settings (`GET /v1/apps/{appId}/widget`), which win over the
 * widget's defaults; `config` is null until it has arrived, or when it could not be read.
 * @example widgetSettings(options, { name: 'Support', greeting: null, primaryColor: '#0f766e', position: null, mode: null })
 */
export function widgetSettings(options: WidgetOptions, config: WidgetConfig | null): WidgetSettings {
  const strings = stringsFor(options.language);
  const color = options.color ?? colorOf(config?.primaryColor) ?? defaultColor;
  return {
    title: options.title ?? (config?.name || strings.defaultTitle),
    greeting: options.greeting ?? (config?.greeting || strings.defaultGreeting),
    color,
    colorText: textColorOn(color),
    position: options.position ?? positions.find((entry) => entry === config?.position) ?? 'bottom-right',
    theme: options.theme ?? themeModes.find((entry) => entry === config?.mode) ?? 'auto',
  };
}
