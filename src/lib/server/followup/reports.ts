import { actorId, assertMay, auditFollowUp, type FollowUpActor } from './actor.ts';
import { and, desc, eq, isNotNull, max } from 'drizzle-orm';
import { assertCan, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { reportData, type ReportData } from './report-data.ts';
import { reportDocx } from './report-docx.ts';
import { reportPdf } from './report-pdf.ts';
import { councilReports, reportingRounds } from './schema.ts';
import { FollowUpError } from './rounds.ts';

/**
 * Builds the council report of a closed round: reads the data once, makes the Word and PDF
 * files from it and keeps all three as a new version. Earlier versions are kept unchanged, so
 * a report once sent stays as it was even if data changes later.
 */
export async function buildReport(db: Db, actor: FollowUpActor, roundId: string, now = new Date()) {
	assertMay(actor, 'rounds.manage');
	const [round] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId));
	if (!round) throw new FollowUpError('round-not-found', 'No such round');
	if (!round.closedAt)
		throw new FollowUpError('round-open', 'Close the round before building its report');
	const data = await reportData(db, roundId, now);
	const [docx, pdf] = await Promise.all([reportDocx(data), reportPdf(data)]);
	return db.transaction(async (tx) => {
		const [latest] = await tx
			.select({ version: max(councilReports.version) })
			.from(councilReports)
			.where(eq(councilReports.roundId, roundId));
		const [row] = await tx
			.insert(councilReports)
			.values({
				roundId,
				version: (latest?.version ?? 0) + 1,
				content: data,
				docx: Buffer.from(docx),
				pdf: Buffer.from(pdf),
				builtBy: actorId(actor),
				builtAt: now,
				isDemo: data.isDemo
			})
			.returning({ id: councilReports.id, version: councilReports.version });
		const details = { round: roundId, version: row!.version };
		await auditFollowUp(tx, actor, 'report.build', ['report', row!.id], details, false);
		return { id: row!.id, version: row!.version, docx, pdf, data };
	});
}

/** Makes a report public (once the council has met); its files can then be downloaded by anyone. */
export async function publishReport(db: Db, actor: Actor, reportId: string, now = new Date()) {
	assertCan(actor, 'rounds.manage');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(councilReports)
			.set({ publishedAt: now })
			.where(eq(councilReports.id, reportId))
			.returning({ id: councilReports.id });
		if (!row) throw new FollowUpError('report-not-found', 'No such report');
		await recordAudit(tx, {
			actor: actor.id,
			action: 'report.publish',
			entityType: 'report',
			entityId: reportId
		});
	});
}

export interface ReportSummary {
	id: string;
	roundId: string;
	roundName: string;
	version: number;
	builtAt: Date;
	publishedAt: Date | null;
	isDemo: boolean;
}

/** Every built report, newest first; only published ones with `publicOnly`. */
export async function listReports(
	db: Db,
	options: { publicOnly?: boolean } = {}
): Promise<ReportSummary[]> {
	return db
		.select({
			id: councilReports.id,
			roundId: councilReports.roundId,
			roundName: reportingRounds.name,
			version: councilReports.version,
			builtAt: councilReports.builtAt,
			publishedAt: councilReports.publishedAt,
			isDemo: councilReports.isDemo
		})
		.from(councilReports)
		.innerJoin(reportingRounds, eq(reportingRounds.id, councilReports.roundId))
		.where(options.publicOnly ? isNotNull(councilReports.publishedAt) : undefined)
		.orderBy(desc(reportingRounds.closedAt), desc(councilReports.version));
}

/** A report's frozen data and files; undefined when it does not exist, or is not public and `publicOnly`. */
export async function reportById(db: Db, id: string, options: { publicOnly?: boolean } = {}) {
	const [row] = await db
		.select()
		.from(councilReports)
		.where(
			options.publicOnly
				? and(eq(councilReports.id, id), isNotNull(councilReports.publishedAt))
				: eq(councilReports.id, id)
		);
	return row ? { ...row, content: row.content as ReportData } : undefined;
}

/** The newest closed round, for `report build --round latest`. */
export async function latestClosedRoundId(db: Db): Promise<string | undefined> {
	const [row] = await db
		.select({ id: reportingRounds.id })
		.from(reportingRounds)
		.where(isNotNull(reportingRounds.closedAt))
		.orderBy(desc(reportingRounds.closedAt))
		.limit(1);
	return row?.id;
}
