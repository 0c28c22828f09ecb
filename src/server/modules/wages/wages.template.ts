/** The survey template: the expected columns, one example row and a sheet of instructions (填写说明). */
import ExcelJS from 'exceljs';
import { SURVEY_COLUMNS } from './wages.survey-parse.js';

let cached: Promise<Buffer> | undefined;

/** Built once per process: the template never changes while the server runs. */
export function surveyTemplate(): Promise<Buffer> {
  cached ??= buildTemplate();
  return cached;
}

async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('薪酬调查');
  sheet.addRow([SURVEY_COLUMNS.occupation, '职业名称', SURVEY_COLUMNS.region, SURVEY_COLUMNS.period, SURVEY_COLUMNS.pay]);
  sheet.addRow(['2-02-10-03', '计算机软件工程技术人员', '360702', '月', 9500]);
  sheet.columns.forEach((c) => {
    c.width = 22;
  });
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一名职工，不填写姓名、身份证号等个人信息。',
    '职业代码：《职业分类大典（2022年版）》细类代码，如 2-02-10-03；非数字职业（S）的行不计入，导入结果会显示跳过的行数。',
    '地区代码：职工工作地的区县或设区市代码（6 位），须在上传人所在地区内。',
    '计薪周期：月、年、日或小时。年薪 ÷ 12；日薪 × 21.75；时薪 × 174（劳社部发〔2008〕3号）。',
    '工资（元）：应发工资，最多两位小数；折算后月工资须在 500 元至 100 万元之间。',
    '有任何一行不符合要求时，整个文件不导入，并列出每个错误的行号、列名和原因。',
    '每个文件最多 50,000 行；更多的数据请按区县分成几个文件上传。',
    '同一文件（相同年份和相同各行内容）重复上传不会重复计算。',
  ]) {
    help.addRow([line]);
  }
  help.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
