/**
 * The task pane's face, for a door that hosts it (the web app): the pane over a session, and its
 * message bar, so the host's own messages look like the pane's.
 */
export { App } from './App';
export { NoticeBar } from './shared/NoticeBar';
export type { Notice } from './shared/types';
