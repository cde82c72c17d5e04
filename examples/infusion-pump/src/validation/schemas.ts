// Request schemas for the infusion API. Validation is strict and happens before any business logic: unknown
// fields, wrong types, non-finite or over-precise numbers and over-long strings are all rejected with 400.
// Ranges here are the plausibility limits of the pump hardware; the drug library's limits come later.
// @implements MIT-3, SR-4
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type Field<T> = (value: unknown, path: string, errors: string[]) => T | undefined;

function text(pattern: RegExp, maxLength: number): Field<string> {
  return (value, path, errors) => {
    if (typeof value !== 'string') errors.push(`${path} must be a string`);
    else if (value.length > maxLength || !pattern.test(value)) errors.push(`${path} has an invalid format`);
    else return value;
    return undefined;
  };
}

/** A finite number within [min, max] with at most two decimals (the pump's resolution is 0.01). */
function quantity(min: number, max: number): Field<number> {
  return (value, path, errors) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${path} must be a number`);
    else if (value < min || value > max) errors.push(`${path} must be between ${min} and ${max}`);
    else if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) errors.push(`${path} allows at most two decimals`);
    else return value;
    return undefined;
  };
}

function object<T extends object>(fields: { [K in keyof T]: Field<T[K]> }): (input: unknown) => Validation<T> {
  return (input) => {
    const errors: string[] = [];
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['body must be a JSON object'] };
    const record = input as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!Object.hasOwn(fields, key)) errors.push(`${key} is not allowed`);
    const value: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      if (!Object.hasOwn(record, key)) errors.push(`${key} is required`);
      else value[key] = fields[key](record[key], key, errors);
    }
    return errors.length ? { ok: false, errors } : { ok: true, value: value as T };
  };
}

export interface StartInfusion {
  pumpId: string;
  drugCode: string;
  rateMlPerHour: number;
  volumeMl: number;
  patientRef: string;
}

export interface ChangeRate {
  rateMlPerHour: number;
}

export const startInfusionSchema = object<StartInfusion>({
  pumpId: text(/^[a-z0-9][a-z0-9-]*$/, 32),
  drugCode: text(/^[A-Z0-9]{2,8}$/, 8),
  rateMlPerHour: quantity(0.1, 1200),
  volumeMl: quantity(0.1, 5000),
  patientRef: text(/^[A-Za-z0-9]{4,20}$/, 20),
});

export const changeRateSchema = object<ChangeRate>({
  rateMlPerHour: quantity(0.1, 1200),
});

const INFUSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function validateBody<T>(schema: (input: unknown) => Validation<T>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const result = schema(req.body);
    if (!result.ok) {
      res.status(400).json({ error: 'invalid request', details: result.errors });
      return;
    }
    res.locals.body = result.value;
    next();
  };
}

export const validateInfusionId: RequestHandler = (req, res, next) => {
  if (!INFUSION_ID.test(req.params.id ?? '')) {
    res.status(400).json({ error: 'invalid infusion id' });
    return;
  }
  next();
};
