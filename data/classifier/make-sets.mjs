// Builds dev.tsv and test.tsv from the hand-labelled *-base.tsv files by wrapping each title in the kind of
// noise real postings carry (place names, company names, recruiting words, salary and perks in brackets,
// headcount, full-width characters). Deterministic (fixed seed): `node data/classifier/make-sets.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
let seed = 20261127;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const places = [
  '南昌',
  '南昌市',
  '赣州市',
  '赣州',
  '九江',
  '九江市',
  '上饶市',
  '宜春',
  '吉安市',
  '抚州',
  '景德镇',
  '萍乡',
  '新余市',
  '鹰潭',
  '章贡区',
  '南康区',
  '红谷滩区',
  '青山湖区',
  '丰城市',
  '樟树',
  '瑞金市',
  '于都县',
  '进贤县',
  '鄱阳县',
  '婺源',
  '贵溪市',
  '共青城',
  '赣江新区',
  '南昌高新区',
  '深圳',
  '东莞',
  '广州',
  '上海',
  '杭州',
  '长沙',
];
const firms = [
  '某某科技有限公司',
  '某某集团',
  '江西某某实业有限公司',
  '赣鑫电子有限公司',
  '华瑞医疗',
  '恒通物流有限公司',
  '某某酒店',
  '新宇建设集团',
  '某连锁餐饮',
  '某某教育',
  '洪都某某机械有限公司',
  '某某物业服务有限公司',
  '某大型国企',
  '某上市公司',
  '某民营医院',
];
const salaries = [
  '8-12K',
  '5000-8000元',
  '面议',
  '6k-9k·13薪',
  '底薪3000+提成',
  '月薪4500以上',
  '10-15万/年',
  '150元/天',
  '4-6千',
  '薪资面议',
  '3500-5000',
  '12-20K',
  '包吃住 5-7千',
  '五险一金',
];
const perks = ['五险一金', '包吃住', '双休', '长白班', '急', '可实习', '应届生可投', '男女不限', '18-45岁', '无经验可培训', '月结'];
const heads = ['2名', '3人', '若干', '10名', '数名'];

function fullWidth(s) {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function noisy(title) {
  const r = rand();
  if (r < 0.12) return title;
  if (r < 0.25) return `${pick(places)}${pick(firms)}招聘${title}(${pick(salaries)})`;
  if (r < 0.35) return `【急招】${title} ${pick(salaries)}`;
  if (r < 0.45) return `${title}（${pick(places)}）`;
  if (r < 0.54) return `${title}-${pick(salaries)}-${pick(perks)}`;
  if (r < 0.62) return `诚聘${title}${pick(heads)}`;
  if (r < 0.7) return `${title}/${pick(perks)}/${pick(perks)}`;
  if (r < 0.78) return `${pick(places)}|${title}|${pick(salaries)}`;
  if (r < 0.85) return fullWidth(`${title}(${pick(salaries)})`);
  if (r < 0.92) return `${pick(firms)}-${title}【${pick(perks)}】`;
  return `高薪急聘 ${pick(places)} ${title} ${pick(heads)} ${pick(perks)}`;
}

for (const split of ['dev', 'test']) {
  const rows = readFileSync(path.join(dir, `${split}-base.tsv`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
  const out = ['title\tcode\tbase_title'];
  for (const [title, code] of rows) out.push(`${noisy(title)}\t${code}\t${title}`);
  // titles copied as published (already noisy): no extra noise
  if (split === 'test') {
    for (const line of readFileSync(path.join(dir, 'test-public.tsv'), 'utf8').split('\n').filter(Boolean)) {
      const [title, code] = line.split('\t');
      out.push(`${title}\t${code}\t${title}`);
    }
  }
  writeFileSync(path.join(dir, `${split}.tsv`), `${out.join('\n')}\n`);
  console.log(split, out.length - 1);
}
