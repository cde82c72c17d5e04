// Shared helpers for report tests: trace a workspace through the real engine and build its report with
// a fixed date, version and commit, so renderings are byte-stable.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { createTraceService, type TraceSnapshot, type Workspace } from '../../../src/core';
import { buildReport, type ReportContext, type ReportModel } from '../../../src/core/report';
import { createNodeWorkspace } from '../../../src/cli/nodeWorkspace';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';

export const TODAY = new Date('2026-06-15T12:00:00Z');

export const CONTEXT: ReportContext = {
  toolName: 'sectrace',
  toolVersion: '0.0.0-test',
  date: TODAY,
  commit: '0123456789abcdef0123456789abcdef01234567',
};

export async function traceWorkspace(workspace: Workspace): Promise<TraceSnapshot> {
  const service = createTraceService({ workspace, now: () => TODAY });
  await service.index();
  return service.snapshot();
}

export function traceFiles(files: Record<string, string>, name = 'demo'): Promise<TraceSnapshot> {
  return traceWorkspace(createMemoryWorkspace(files, name));
}

export function traceFolder(dir: string): Promise<TraceSnapshot> {
  return traceWorkspace(createNodeWorkspace(dir));
}

export async function reportOf(files: Record<string, string>, context: Partial<ReportContext> = {}): Promise<ReportModel> {
  return buildReport(await traceFiles(files), { ...CONTEXT, ...context });
}

export const ROOT = path.resolve(__dirname, '../../..');

function readSchema(name: string): object {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as object;
}

/** Validates against schemas/report.schema.json; returns ajv's errors as text, or '' when valid. */
export function reportSchemaErrors(value: unknown): string {
  reportValidator ??= new Ajv({ allErrors: true, strict: true }).compile(readSchema('report.schema.json'));
  return reportValidator(value) ? '' : new Ajv().errorsText(reportValidator.errors);
}

// Compiled once per run: compiling the SARIF schema takes longer than validating many logs.
let reportValidator: ValidateFunction | undefined;
let sarifValidator: ValidateFunction | undefined;

/**
 * Validates against the official SARIF 2.1.0 schema. It is draft-04, which ajv 8 does not load as such:
 * its draft-04 header (`$schema`, and `id` where later drafts say `$id`) is set aside and meta-schema
 * validation is off. The keywords it uses mean the same in draft-07, and its formats are checked by the
 * small validators below, so no extra dependency is needed.
 */
export function sarifSchemaErrors(value: unknown): string {
  if (!sarifValidator) {
    const { $schema: _draft, id: _id, ...schema } = readSchema('sarif-schema-2.1.0.json') as Record<string, unknown>;
    sarifValidator = new Ajv({ allErrors: true, strict: false, validateSchema: false, formats: SARIF_FORMATS }).compile(schema);
  }
  return sarifValidator(value) ? '' : new Ajv().errorsText(sarifValidator.errors);
}

const SARIF_FORMATS = {
  // RFC 3986 characters only, with well-formed percent escapes: what consumers resolve without guessing.
  'uri-reference': (s: string) => /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s),
  uri: (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s),
  'date-time': (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
};

/** A minimal RFC 4180 parser, to check that CSV output reads back into the cells it was made from. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
