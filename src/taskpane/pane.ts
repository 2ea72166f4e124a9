/** The task pane's face, for a door that hosts it (the browser preview): the pane over a session. */
export { App } from './App';
