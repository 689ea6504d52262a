export { App } from './components/App.tsx';
export { startEditor } from './startup.ts';
