/** 存档证明 PDF: who holds the person's archive since when, with the verification code and a QR to the public check. */
import QRCode from 'qrcode';
import { A4, addFooters, createPdf, PDF_FONT, pdfBuffer } from '../../lib/pdf.js';

export async function renderCustodyCertificate(
  c: { code: string; personName: string; custodianName: string; archiveNo: string; since: string; issuedAt: Date },
  verifyUrl: string,
): Promise<Buffer> {
  const doc = createPdf({ title: '流动人员人事档案存档证明', subject: c.code });
  doc.font(PDF_FONT.bold).fontSize(20).text('流动人员人事档案存档证明', { align: 'center' });
  doc.moveDown(1.5);
  doc.font(PDF_FONT.regular).fontSize(12);
  doc.text(`兹证明 ${c.personName} 的人事档案（档案编号 ${c.archiveNo}）自 ${c.since} 起由 ${c.custodianName} 保管。`, { lineGap: 6 });
  doc.moveDown();
  doc.text(`出具时间：${c.issuedAt.toISOString().slice(0, 10)}`);
  doc.text(`验证码：${c.code}`);
  doc.moveDown();
  doc.fontSize(10).fillColor('#595959').text(`可在 ${verifyUrl} 核验本证明的真伪及档案是否仍由该机构保管。`);
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  doc.image(qr, A4.width - A4.margin - 110, doc.y + 12, { width: 110 });
  addFooters(doc, (p, n) => `赣才 · 江西省数字人才服务平台  第 ${p} / ${n} 页`);
  return pdfBuffer(doc);
}
