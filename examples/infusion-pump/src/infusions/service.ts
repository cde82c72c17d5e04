// Infusion commands, behind the HTTP layer. Whatever reaches this point is authenticated, authorised and
// well-formed; here the dose is checked against the drug library before anything is sent to the pump, and
// every outcome, accepted or not, goes to the audit trail.
import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditLog } from '../audit/auditLog';
import type { Identity } from '../auth/auth';
import { encodeSetRate, encodeStart, FrameType, type PumpStatus } from '../devicelink/frame';
import type { PumpChannel } from '../devicelink/link';
import { checkDose, type DrugLibrary } from '../dosing/drugLibrary';
import type { Logger } from '../logging/logger';
import type { ChangeRate, StartInfusion } from '../validation/schemas';

export interface Infusion {
  readonly id: string;
  readonly pumpId: string;
  readonly drugCode: string;
  readonly patientRef: string;
  rateMlPerHour: number;
  readonly volumeMl: number;
  state: 'running' | 'stopped';
  readonly startedBy: string;
  readonly startedAt: string;
}

export interface InfusionView extends Infusion {
  readonly pump?: PumpStatus;
}

/** A command refused for a reason the caller can act on; `status` is the HTTP status to answer with. */
export class CommandRejected extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface InfusionServiceDependencies {
  readonly pumps: ReadonlyMap<string, PumpChannel>;
  /** The drug library in force; a function because a signed update can replace it at run time. */
  readonly library: () => DrugLibrary;
  readonly audit: AuditLog;
  readonly logger: Logger;
  readonly now?: () => Date;
}

const centi = (value: number) => Math.round(value * 100);

export class InfusionService {
  private readonly infusions = new Map<string, Infusion>();

  constructor(private readonly deps: InfusionServiceDependencies) {}

  async start(actor: Identity, command: StartInfusion): Promise<Infusion> {
    const base = { actor: actor.subject, role: actor.role, action: 'start', pumpId: command.pumpId } as const;
    const pump = this.deps.pumps.get(command.pumpId);
    if (!pump) throw this.reject(base, 404, `unknown pump ${command.pumpId}`);
    if ([...this.infusions.values()].some((i) => i.pumpId === command.pumpId && i.state === 'running')) {
      throw this.reject(base, 409, `pump ${command.pumpId} is already infusing`);
    }
    const dose = checkDose(this.deps.library(), command.drugCode, command.rateMlPerHour, command.volumeMl);
    if (!dose.ok) throw this.reject(base, 422, dose.reason);

    const infusion: Infusion = {
      id: randomUUID(),
      ...command,
      state: 'running',
      startedBy: actor.subject,
      startedAt: (this.deps.now?.() ?? new Date()).toISOString(),
    };
    await this.deliver(base, infusion.id, () =>
      pump.send(FrameType.Start, encodeStart({ drugCode: command.drugCode, rateCentiMlPerHour: centi(command.rateMlPerHour), volumeCentiMl: centi(command.volumeMl) })),
    );
    this.infusions.set(infusion.id, infusion);
    this.deps.audit.record({ ...base, infusionId: infusion.id, outcome: 'accepted' });
    this.deps.logger.info('infusion started', { infusionId: infusion.id, pumpId: infusion.pumpId, patientRef: infusion.patientRef });
    return infusion;
  }

  // Stopping is never refused for dose reasons: a stop must always reach the pump if the link is up.
  async stop(actor: Identity, infusionId: string): Promise<Infusion> {
    const infusion = this.running(infusionId);
    const base = { actor: actor.subject, role: actor.role, action: 'stop', pumpId: infusion.pumpId, infusionId } as const;
    await this.deliver(base, infusionId, () => this.pumpOf(infusion).send(FrameType.Stop, Buffer.alloc(0)));
    infusion.state = 'stopped';
    this.deps.audit.record({ ...base, outcome: 'accepted' });
    return infusion;
  }

  // Only the rate of a running infusion can change. Bolus doses on top of a running infusion are not
  // offered until SR-99 says how they are limited.
  async changeRate(actor: Identity, infusionId: string, command: ChangeRate): Promise<Infusion> {
    const infusion = this.running(infusionId);
    const base = { actor: actor.subject, role: actor.role, action: 'change-rate', pumpId: infusion.pumpId, infusionId } as const;
    const dose = checkDose(this.deps.library(), infusion.drugCode, command.rateMlPerHour, infusion.volumeMl);
    if (!dose.ok) throw this.reject(base, 422, dose.reason);
    await this.deliver(base, infusionId, () => this.pumpOf(infusion).send(FrameType.SetRate, encodeSetRate(centi(command.rateMlPerHour))));
    infusion.rateMlPerHour = command.rateMlPerHour;
    this.deps.audit.record({ ...base, outcome: 'accepted' });
    return infusion;
  }

  status(infusionId: string): InfusionView | undefined {
    const infusion = this.infusions.get(infusionId);
    if (!infusion) return undefined;
    return { ...infusion, pump: this.deps.pumps.get(infusion.pumpId)?.lastStatus() };
  }

  private running(infusionId: string): Infusion {
    const infusion = this.infusions.get(infusionId);
    if (!infusion) throw new CommandRejected(404, 'unknown infusion');
    if (infusion.state !== 'running') throw new CommandRejected(409, 'infusion is not running');
    return infusion;
  }

  private pumpOf(infusion: Infusion): PumpChannel {
    const pump = this.deps.pumps.get(infusion.pumpId);
    if (!pump) throw new CommandRejected(503, `pump ${infusion.pumpId} is not connected`);
    return pump;
  }

  private async deliver(base: Omit<AuditEvent, 'outcome'>, infusionId: string, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.deps.audit.record({ ...base, infusionId, outcome: 'failed', reason: (error as Error).message });
      throw new CommandRejected(502, 'the pump did not confirm the command');
    }
  }

  private reject(base: Omit<AuditEvent, 'outcome'>, status: number, reason: string): CommandRejected {
    this.deps.audit.record({ ...base, outcome: 'rejected', reason });
    return new CommandRejected(status, reason);
  }
}
