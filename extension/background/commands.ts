import { browser } from 'wxt/browser';
import { openCaptureForm } from './open-capture-form';

/** Alt+Shift+S clips the selection; Alt+Shift+D is the toolbar popup itself (`_execute_action`). */
export function setUpCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'capture-selection' && tab?.id !== undefined) void openCaptureForm(tab.id, { mode: 'selection' });
  });
}
