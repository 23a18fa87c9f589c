export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

/** Everything the widget says, in each language it speaks. `{wait}` and `{message}` are filled in. */
export interface Strings {
  readonly defaultTitle: string;
  readonly defaultGreeting: string;
  readonly openChat: string;
  readonly closeChat: string;
  readonly messages: string;
  readonly messageLabel: string;
  readonly placeholder: string;
  readonly send: string;
  readonly you: string;
  readonly assistant: string;
  readonly typing: string;
  readonly noAnswer: string;
  readonly rateLimited: string;
  readonly refused: string;
  readonly unavailable: string;
  readonly notFound: string;
  readonly rejected: string;
  readonly interrupted: string;
  readonly runFailed: string;
  /** A wait of `seconds`, in the largest unit that keeps it readable (a daily budget's can be hours). */
  readonly wait: (seconds: number) => string;
}

/** `[amount, unit]` with unit 0 = seconds, 1 = minutes, 2 = hours, rounded up. */
function waitParts(seconds: number): [number, 0 | 1 | 2] {
  if (seconds < 90) return [seconds, 0];
  if (seconds < 90 * 60) return [Math.ceil(seconds / 60), 1];
  return [Math.ceil(seconds / 3600), 2];
}

const english: Strings = {
  defaultTitle: 'Chat',
  defaultGreeting: 'Hi! How can I help you today?',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  messages: 'Messages',
  messageLabel: 'Your message',
  placeholder: 'Type a message…',
  send: 'Send',
  you: 'You:',
  assistant: 'Assistant:',
  typing: 'The assistant is typing',
  noAnswer: 'No answer.',
  rateLimited: 'Too many messages right now. Please try again in {wait}; your message is still in the box.',
  refused: 'This chat is not available on this website.',
  unavailable:
    'The chat service cannot be reached right now. Your message is still in the box; please try again shortly.',
  notFound: 'This chat is not available right now.',
  rejected: 'Your message could not be sent: {message}',
  interrupted: 'The answer was cut off. Please ask again.',
  runFailed: 'Sorry, something went wrong while answering. Please try again.',
  wait: (seconds) => {
    const [amount, unit] = waitParts(seconds);
    return `${amount} ${['second', 'minute', 'hour'][unit]}${amount === 1 ? '' : 's'}`;
  },
};

const simplifiedChinese: Strings = {
  defaultTitle: '在线咨询',
  defaultGreeting: '您好！有什么可以帮您？',
  openChat: '打开聊天',
  closeChat: '关闭聊天',
  messages: '消息',
  messageLabel: '您的消息',
  placeholder: '输入消息…',
  send: '发送',
  you: '您：',
  assistant: '助手：',
  typing: '助手正在输入',
  noAnswer: '没有回答。',
  rateLimited: '消息太多了，请在 {wait}后重试；您的消息仍保留在输入框中。',
  refused: '此网站无法使用该聊天。',
  unavailable: '暂时无法连接聊天服务。您的消息仍保留在输入框中，请稍后重试。',
  notFound: '该聊天暂时不可用。',
  rejected: '消息未能发送：{message}',
  interrupted: '回答被中断了，请重新提问。',
  runFailed: '抱歉，回答时出了问题，请重试。',
  wait: (seconds) => {
    const [amount, unit] = waitParts(seconds);
    return `${amount} ${['秒', '分钟', '小时'][unit]}`;
  },
};

/** The strings of `language`. */
export function stringsFor(language: Language): Strings {
  return language === 'zh-CN' ? simplifiedChinese : english;
}

/** `zh`, `zh-CN`, `zh-Hans…` → Simplified Chinese; anything else → English. */
export function languageOf(tag: string | undefined): Language {
  return /^zh(-cn|-sg|-hans.*)?$/i.test(tag?.trim() ?? '') ? 'zh-CN' : 'en';
}
