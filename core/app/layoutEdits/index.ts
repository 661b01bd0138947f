// Visual layout commands: pure functions from the app model to minimal file changes.
export { type DropCheck, type DropTarget, canDrop, canInsert } from './targets';
export type { SlotAddress } from './slots';
export { type InsertResult, insertComponent } from './insert';
export { type MoveResult, moveComponents } from './move';
export { type DeleteResult, deleteComponents } from './delete';
export { type LayoutClipboard, type PasteResult, copyComponents, duplicateComponents, pasteComponents } from './clipboard';
export { type DeletePageResult, type PageResult, addPage, deletePage, duplicatePage, renamePage } from './pages';
export { renameComponent } from './rename';
export { setPageOrder } from '../model/appEdits';
