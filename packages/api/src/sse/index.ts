export * from './event-stream-error.ts';
export * from './format-server-sent-event.ts';
export * from './parse-chat-completion-chunks.ts';
export * from './parse-run-events.ts';
export * from './parse-server-sent-events.ts';
export * from './server-sent-event-decoder.ts';
