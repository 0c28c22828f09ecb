/**
 * 职业技能等级证书 as a Chinese PDF (A4, lib/pdf.ts faces): holder (in full: the holder, the issuer or an
 * official of the region downloads it), occupation, level, issuer, date, number, status, the QR code of
 * the public verification page and its address. Downloads are audited (sizes only).
 */
import QRCode from 'qrcode';
import { formatCertificateNumber } from '../../../shared/certificates.js';
import type { Actor, Ctx } from '../../context.js';
import { A4, addFooters, attachmentDisposition, createPdf, PDF_FONT, pdfBuffer } from '../../lib/pdf.js';
import { recordAlone } from '../audit/audit.service.js';
import { levelNames, occupationNames } from './certificates.names.js';
import { loadCertificateFor, verifyPath } from './certificates.service.js';
import type { CertificateRow } from './certificates.tables.js';

const COLOR = { text: '#1f1f1f', muted: '#595959', accent: '#8c1d18', rule: '#d4b106' };

export async function renderCertificate(row: CertificateRow, names: { occupation: string; level: string }, verifyUrl: string, now: Date): Promise<Buffer> {
  const doc = createPdf({ title: `职业技能等级证书 ${formatCertificateNumber(row.number)}`, subject: '职业技能等级证书', author: row.issuerName });
  const width = A4.width - 2 * A4.margin;
  doc
    .rect(A4.margin - 16, A4.margin - 16, width + 32, 560)
    .lineWidth(2)
    .strokeColor(COLOR.rule)
    .stroke();
  doc
    .font(PDF_FONT.bold)
    .fontSize(28)
    .fillColor(COLOR.accent)
    .text('职业技能等级证书', A4.margin, A4.margin + 20, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font(PDF_FONT.regular).fontSize(11).fillColor(COLOR.muted).text('Vocational Skill Level Certificate', { width, align: 'center' });
  doc.moveDown(1.5);
  const lines: [string, string][] = [
    ['姓　　名', row.holderName],
    ['职业（工种）', `${names.occupation}（${row.occupationCode}）`],
    ['等　　级', names.level],
    ['评价机构', row.issuerName],
    ['发证日期', row.issuedOn],
    ['证书编号', formatCertificateNumber(row.number)],
  ];
  for (const [label, value] of lines) {
    const y = doc.y;
    doc
      .font(PDF_FONT.bold)
      .fontSize(13)
      .fillColor(COLOR.text)
      .text(label, A4.margin + 40, y, { width: 110 });
    doc
      .font(PDF_FONT.regular)
      .fontSize(13)
      .text(value, A4.margin + 160, y, { width: width - 200 });
    doc.moveDown(0.9);
  }
  if (row.status === 'revoked') {
    doc.moveDown(0.5);
    doc
      .font(PDF_FONT.bold)
      .fontSize(16)
      .fillColor('#cf1322')
      .text(`本证书已撤销${row.revokedReason ? `：${row.revokedReason}` : ''}`, A4.margin + 40, doc.y, { width: width - 80 });
  }
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 5 });
  const qrY = A4.margin + 400;
  doc.image(qr, A4.margin + width - 150, qrY, { width: 120 });
  doc
    .font(PDF_FONT.regular)
    .fontSize(9.5)
    .fillColor(COLOR.muted)
    .text('扫描二维码或访问以下地址，核验证书真伪与状态（无需登录）：', A4.margin + 20, qrY + 10, { width: width - 200 })
    .text(verifyUrl, { width: width - 200 })
    .moveDown(0.5)
    .text('本证书内容经平台密钥签名（HMAC-SM3），任何改动都会导致核验失败。', { width: width - 200 });
  addFooters(doc, () => `赣才 · 江西省数字人才服务平台　生成于 ${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}`);
  return pdfBuffer(doc);
}

export async function downloadCertificatePdf(ctx: Ctx & { actor: Actor }, id: string, origin: string) {
  const row = await loadCertificateFor(ctx, id);
  const [occ, lvl] = await Promise.all([occupationNames(ctx.db, [row.occupationCode]), levelNames(ctx.db)]);
  const pdf = await renderCertificate(
    row,
    { occupation: occ.get(row.occupationCode) ?? row.occupationCode, level: lvl.get(row.levelCode) ?? row.levelCode },
    `${origin}${verifyPath(row.number)}`,
    ctx.now,
  );
  await recordAlone(ctx, { action: 'certificate.pdf', objectType: 'certificate', objectId: row.id, regionCode: row.regionCode, detail: { bytes: pdf.length } });
  return { pdf, disposition: attachmentDisposition(`职业技能等级证书-${formatCertificateNumber(row.number)}.pdf`, `certificate-${row.number}.pdf`) };
}
