// The code comment scanner: which files are code, where their comments are, and which traces they hold.
export { languageForPath, type LanguageId } from './languages';
export { lexComments, type CommentSpan } from './lexer';
export { scanCode, type CodeScanResult } from './scan';
