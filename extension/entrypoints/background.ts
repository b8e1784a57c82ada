import { defineBackground } from 'wxt/utils/define-background';
import { setUpCommands } from '../background/commands';
import { setUpContextMenus } from '../background/context-menus';
import { setUpSync } from '../background/sync';

export default defineBackground(() => {
  setUpContextMenus();
  setUpCommands();
  setUpSync();
});
