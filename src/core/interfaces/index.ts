// Interfaces without security context (IEC 81001-5-1 §5.4.3): detection at scan time, resolution and
// findings at check time.
export * from './model';
export { detectInterfaces, isOpenApiJsonPath, symbolOf, type InterfaceScanContext } from './detect';
export { checkInterfaces, resolveInterfaces, exposureOf, type ResolvedInterface, type ResolvedField, type InterfaceCheckInput, type InterfaceEmit } from './check';
export { readInterfacesConfig, type ConfigFail } from './config';
export { patternProblem, MAX_PATTERN_LENGTH } from './safety';
export { annotationFix, annotationFixSnippet, annotationFixText, firstValueRange, EXPOSURE_CHOICES, TEMPLATE_NOTES, type AnnotationFix, type AnnotationFixLine, type LineAt } from './fix';
