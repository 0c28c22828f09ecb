/**
 * 简历 PDF: the talent's own résumé in Chinese, from the profile: name and contact (their own, unmasked),
 * desired jobs, education, work history, skills with levels, certificates marked 未核验 / 已核验.
 * A4, Noto Sans Hans subsets (lib/pdf.ts). Every download is audited (sizes only, never the content).
 */
import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { SkillProficiency } from '../../../shared/jobs.js';
import type { Actor, Ctx } from '../../context.js';
import { addFooters, attachmentDisposition, createPdf, PDF_FONT, type PdfDoc, pdfBuffer } from '../../lib/pdf.js';
import { openValue } from '../account/pi.js';
import { recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { educationLevels, occupations, regions } from '../catalog/catalog.tables.js';
import type { TalentProfileRow } from './profiles.tables.js';
import { findProfile } from './profiles.service.js';

const SKILL_LEVEL: Record<SkillProficiency, string> = { aware: '了解', familiar: '熟悉', proficient: '熟练', expert: '精通' };
const COLOR = { text: '#1f1f1f', muted: '#595959', accent: '#1d4e89', rule: '#d9d9d9', ok: '#237804', warn: '#ad6800' };
const CONTENT_WIDTH = 595.28 - 2 * 56;

export interface ResumeData {
  name: string;
  phone: string | null;
  regionName: string | null;
  profile: TalentProfileRow;
  names: { education: Map<string, string>; regions: Map<string, string>; occupations: Map<string, string> };
  generatedAt: Date;
}

const toMap = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]));

async function loadResume(ctx: Ctx & { actor: Actor }): Promise<ResumeData> {
  const profile = await findProfile(ctx, ctx.actor.userId);
  if (!profile) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'profile' } });
  const [user] = await ctx.db
    .select({ displayName: users.displayName, phoneEnc: users.phoneEnc, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError('NOT_FOUND', { status: 404 });
  const regionCodes = [...new Set([user.regionCode, ...profile.desiredCities])];
  const eduCodes = [...new Set(profile.education.map((e) => e.educationCode))];
  const [r, e, o] = await Promise.all([
    ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, regionCodes)),
    eduCodes.length
      ? ctx.db.select({ code: educationLevels.code, name: educationLevels.name }).from(educationLevels).where(inArray(educationLevels.code, eduCodes))
      : [],
    profile.desiredOccupations.length
      ? ctx.db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(inArray(occupations.code, profile.desiredOccupations))
      : [],
  ]);
  const names = { regions: toMap(r), education: toMap(e), occupations: toMap(o) };
  return {
    name: user.displayName,
    phone: openValue(ctx.platform.keys, user.phoneEnc),
    regionName: names.regions.get(user.regionCode) ?? null,
    profile,
    names,
    generatedAt: ctx.now,
  };
}

/** YYYY-MM-DD in China time. */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const monthText = (m: string) => m.replace('-', '.');
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 0 });

function heading(doc: PdfDoc, title: string) {
  if (doc.y > 841.89 - 56 - 60) doc.addPage();
  doc.moveDown(0.8);
  doc.font(PDF_FONT.bold).fontSize(12.5).fillColor(COLOR.accent).text(title);
  const y = doc.y + 2;
  doc
    .moveTo(56, y)
    .lineTo(56 + CONTENT_WIDTH, y)
    .lineWidth(0.8)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y = y + 6;
  doc.font(PDF_FONT.regular).fontSize(10.5).fillColor(COLOR.text);
}

/** A bold left part and a muted right part on one line. */
function entryLine(doc: PdfDoc, left: string, right: string) {
  const y = doc.y;
  doc
    .font(PDF_FONT.bold)
    .fontSize(10.5)
    .fillColor(COLOR.text)
    .text(left, 56, y, { width: CONTENT_WIDTH - 130 });
  const after = doc.y;
  doc
    .font(PDF_FONT.regular)
    .fontSize(9.5)
    .fillColor(COLOR.muted)
    .text(right, 56 + CONTENT_WIDTH - 130, y, { width: 130, align: 'right' });
  doc.x = 56;
  doc.y = Math.max(after, doc.y);
  doc.font(PDF_FONT.regular).fontSize(10.5).fillColor(COLOR.text);
}

function emptyNote(doc: PdfDoc) {
  doc.fillColor(COLOR.muted).text('（未填写）').fillColor(COLOR.text);
}

function header(doc: PdfDoc, d: ResumeData) {
  doc.font(PDF_FONT.bold).fontSize(22).fillColor(COLOR.text).text(d.name);
  doc.moveDown(0.2);
  const contact = [d.phone ? `手机：${d.phone}` : null, d.regionName ? `所在地区：${d.regionName}` : null].filter(Boolean).join('    ');
  doc
    .font(PDF_FONT.regular)
    .fontSize(10)
    .fillColor(COLOR.muted)
    .text(contact || ' ');
}

function wishes(doc: PdfDoc, d: ResumeData) {
  heading(doc, '求职意向');
  const p = d.profile;
  const lines = [
    p.desiredOccupations.length ? `期望职业：${p.desiredOccupations.map((c) => `${d.names.occupations.get(c) ?? c}（${c}）`).join('、')}` : null,
    p.desiredCities.length ? `期望城市：${p.desiredCities.map((c) => d.names.regions.get(c) ?? c).join('、')}` : null,
    p.desiredSalaryMinFen !== null ? `期望月薪：${yuan(p.desiredSalaryMinFen)} 元起` : null,
  ].filter((l): l is string => l !== null);
  if (!lines.length) return emptyNote(doc);
  for (const l of lines) doc.text(l, { lineGap: 2 });
}

function education(doc: PdfDoc, d: ResumeData) {
  heading(doc, '教育经历');
  if (!d.profile.education.length) return emptyNote(doc);
  for (const e of [...d.profile.education].sort((a, b) => b.graduationYear - a.graduationYear)) {
    entryLine(doc, [e.school, e.major].filter(Boolean).join(' · '), `${e.graduationYear} 年毕业`);
    doc
      .fillColor(COLOR.muted)
      .text(d.names.education.get(e.educationCode) ?? e.educationCode, { lineGap: 2 })
      .fillColor(COLOR.text);
    doc.moveDown(0.3);
  }
}

function work(doc: PdfDoc, d: ResumeData) {
  heading(doc, '工作经历');
  if (!d.profile.workHistory.length) return emptyNote(doc);
  for (const w of [...d.profile.workHistory].sort((a, b) => b.fromMonth.localeCompare(a.fromMonth))) {
    entryLine(doc, `${w.employerName} · ${w.title}`, `${monthText(w.fromMonth)} – ${w.toMonth ? monthText(w.toMonth) : '至今'}`);
    if (w.description) doc.fontSize(10).text(w.description, { lineGap: 2 }).fontSize(10.5);
    doc.moveDown(0.3);
  }
}

function skills(doc: PdfDoc, d: ResumeData) {
  heading(doc, '专业技能');
  if (!d.profile.skills.length) return emptyNote(doc);
  const text = d.profile.skills.map((s) => (s.level ? `${s.name}（${SKILL_LEVEL[s.level]}）` : s.name)).join('    ');
  doc.text(text, { lineGap: 4 });
}

function certificates(doc: PdfDoc, d: ResumeData) {
  heading(doc, '证书');
  if (!d.profile.certificates.length) return emptyNote(doc);
  for (const c of d.profile.certificates) {
    const verified = (c as { verified: boolean }).verified;
    entryLine(doc, c.name, c.issuedOn ?? '');
    const detail = [c.issuer ? `发证机构：${c.issuer}` : null, c.number ? `证书编号：${c.number}` : null].filter(Boolean).join('    ');
    doc.fontSize(9.5);
    if (detail) doc.fillColor(COLOR.muted).text(detail, { continued: true }).text('    ', { continued: true });
    doc
      .fillColor(verified ? COLOR.ok : COLOR.warn)
      .text(verified ? '已核验' : '未核验（本人填报，平台尚未核验）')
      .fillColor(COLOR.text)
      .fontSize(10.5);
    doc.moveDown(0.3);
  }
}

/** The résumé as PDF bytes. */
export async function renderResume(d: ResumeData): Promise<Buffer> {
  const doc = createPdf({ title: `${d.name} 的简历`, author: d.name, subject: '个人简历' });
  header(doc, d);
  wishes(doc, d);
  education(doc, d);
  work(doc, d);
  skills(doc, d);
  certificates(doc, d);
  const generated = chinaDay(d.generatedAt);
  addFooters(doc, (page, pages) => `赣才 · 江西省数字人才服务平台生成于 ${generated}    第 ${page} / ${pages} 页`);
  return pdfBuffer(doc);
}

/** GET /api/profiles/me/resume.pdf: the bytes and the Content-Disposition; the download is audited. */
export async function downloadResume(ctx: Ctx & { actor: Actor }) {
  const data = await loadResume(ctx);
  const pdf = await renderResume(data);
  await recordAlone(ctx, {
    action: 'profile.resume_download',
    objectType: 'profile',
    objectId: ctx.actor.userId,
    regionCode: data.profile.regionCode,
    detail: { bytes: pdf.length },
  });
  return { pdf, disposition: attachmentDisposition(`${data.name}-简历.pdf`, 'resume.pdf') };
}
