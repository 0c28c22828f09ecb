/**
 * Demo training classes of 赣州市数字技能职业培训学校 (provider.ganzhou): a subsidised 数字技术工程师
 * (人工智能工程技术人员, 初级) class, an 人工智能训练师 (四级) skills class, a 数字赣商 seminar, a
 * 数字素养提升月 online course, and a finished 人工智能训练师 (五级) class that the demo talent and a
 * dozen generated talents took (most completed, two did not; some rated it). Dates are relative to the
 * seeding day (China time); the subsidy standard comes from the catalogue in force on each start date,
 * so run after seedSkillCatalogues and seedProviders. Runs once: nothing is added when classes exist.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, like, sql } from 'drizzle-orm';
import type { CreateClassInput } from '../../../shared/training.js';
import { CreateClass } from '../../../shared/training.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { users } from '../auth/auth.tables.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import { organisations } from '../organisations/organisations.tables.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { classFields, writeSessions } from './training.service.js';
import { trainingAttendance, trainingClasses, trainingEnrolments, trainingSessions } from './training.tables.js';
import { newTicketNonce, ticketCode } from './training.tickets.js';

const DAY_MS = 86_400_000;
const PROVIDER_USCC = '52360702MJD47651XR';

/** An instant `day` days from the seeding day at China local hour `hour`. */
function at(now: Date, day: number, hour: number): string {
  const chinaMidnight = Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
  return new Date(chinaMidnight + day * DAY_MS + hour * 3_600_000).toISOString();
}

/** `n` sessions on consecutive Saturdays-like steps (`every` days apart), 09:00–12:00 and 14:00–17:00. */
function schedule(now: Date, firstDay: number, days: number, every: number, topics: string[]) {
  const out: CreateClassInput['sessions'] = [];
  for (let d = 0; d < days; d++) {
    const day = firstDay + d * every;
    out.push({ startsAt: at(now, day, 9), endsAt: at(now, day, 12), topic: topics[(2 * d) % topics.length] ?? '课程' });
    out.push({ startsAt: at(now, day, 14), endsAt: at(now, day, 17), topic: topics[(2 * d + 1) % topics.length] ?? '实训' });
  }
  return out;
}

interface DemoClass {
  input: CreateClassInput;
  status: 'published' | 'finished';
}

function demoClasses(now: Date): DemoClass[] {
  return [
    {
      status: 'published',
      input: {
        name: '2026年数字技术工程师培育项目·人工智能工程技术人员（初级）赣州班',
        programmeType: 'digital_engineer',
        engineerGrade: 'junior',
        occupationCode: '2-02-38-01',
        levelCode: '5',
        skillIds: ['python', 'machine-learning', 'deep-learning', 'pytorch', 'computer-vision'],
        sessions: schedule(now, 12, 6, 2, [
          '人工智能概论与Python编程',
          'NumPy与pandas数据处理',
          '机器学习基础',
          '模型评估与调参',
          '深度学习与PyTorch',
          '卷积神经网络',
          '计算机视觉项目实训',
          '模型部署',
          '综合项目答辩',
          '理论复习',
          '考前辅导',
          '结业考核',
        ]),
        capacity: 40,
        mode: 'offline',
        venue: '赣州市章贡区长征大道8号 数字技能实训楼301',
        regionCode: '360702',
        feeFen: 380_000,
        hasExam: true,
        attendanceThreshold: 80,
        description:
          '按照人社部数字技术工程师培育项目国家职业标准组织教学，理论与实训结合，共12次课。结业考核合格者可参加初级数字技术工程师专业技术等级考试。列入职业培训补贴目录，符合条件的学员可申请培训补贴。',
      },
    },
    {
      status: 'published',
      input: {
        name: '人工智能训练师（四级/中级工）职业技能培训班',
        programmeType: 'digital_skills',
        occupationCode: '4-04-05-05',
        levelCode: '4',
        skillIds: ['label-studio', 'cvat', 'python', 'llm', 'prompt-engineering'],
        sessions: schedule(now, 6, 5, 1, [
          '数据采集与清洗',
          '数据标注规范',
          '标注工具实操（Label Studio）',
          '图像标注质检',
          '文本与语音标注',
          '大模型提示词工程',
          '智能系统运维',
          '业务数据分析',
          '模拟考核',
          '结业考核',
        ]),
        capacity: 50,
        mode: 'offline',
        venue: '赣州市章贡区长征大道8号 数字技能实训楼204',
        regionCode: '360702',
        feeFen: 240_000,
        hasExam: true,
        attendanceThreshold: 80,
        description: '面向从事数据标注、智能客服训练等岗位的在职人员和求职者，培训合格可参加人工智能训练师四级职业技能等级认定。企业可为员工委托报名。',
      },
    },
    {
      status: 'published',
      input: {
        name: '“数字赣商”赣州市中小企业主数字化转型研修班',
        programmeType: 'entrepreneur',
        skillIds: ['data-governance', 'powerbi', 'aliyun'],
        sessions: schedule(now, 20, 2, 1, ['数字经济政策解读', '企业数字化转型路径', '数据驱动经营决策', '上云用数赋智案例']),
        capacity: 60,
        mode: 'offline',
        venue: '赣州市章贡区 赣州数字经济产业园 报告厅',
        regionCode: '360702',
        feeFen: 0,
        hasExam: false,
        attendanceThreshold: 75,
        description: '落实“数字赣商”培育行动，面向中小企业主和经营管理人员，讲授数字化转型方法并组织企业互访，免费参加。',
      },
    },
    {
      status: 'published',
      input: {
        name: '全民数字素养与技能提升月·老年人智能手机与反诈公益课',
        programmeType: 'literacy_month',
        skillIds: [],
        sessions: [
          { startsAt: at(now, 4, 15), endsAt: at(now, 4, 16.5), topic: '智能手机基础与健康码、医保电子凭证' },
          { startsAt: at(now, 11, 15), endsAt: at(now, 11, 16.5), topic: '识别电信网络诈骗' },
        ],
        capacity: 200,
        mode: 'online',
        onlineUrl: 'https://live.gancai.example.cn/literacy-month',
        regionCode: '360702',
        feeFen: 0,
        hasExam: false,
        attendanceThreshold: 50,
        description: '数字素养提升月公益直播课，面向社区居民和老年人，讲解智能手机常用操作和防范电信网络诈骗。',
      },
    },
    {
      status: 'finished',
      input: {
        name: '人工智能训练师（五级/初级工）职业技能培训班（第一期）',
        programmeType: 'digital_skills',
        occupationCode: '4-04-05-05',
        levelCode: '5',
        skillIds: ['label-studio', 'labelme', 'python'],
        sessions: schedule(now, -60, 3, 1, ['人工智能训练师职业认知', '数据采集', '数据标注工具', '标注质检', '模拟考核', '结业考核']),
        capacity: 30,
        mode: 'offline',
        venue: '赣州市章贡区长征大道8号 数字技能实训楼204',
        regionCode: '360702',
        feeFen: 160_000,
        hasExam: true,
        attendanceThreshold: 80,
        description: '第一期人工智能训练师（五级）培训班，已结业。合格学员可参加五级职业技能等级认定。',
      },
    },
  ];
}

const COMMENTS = ['老师讲得很细，实操机会多。', '标注工具练得比较扎实，找工作用得上。', '', '课程安排紧凑，希望增加大模型内容。'];

export async function seedTraining(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(trainingClasses);
  if ((existing?.n ?? 0) > 0) return 0;
  const [provider] = await ctx.db.select().from(organisations).where(eq(organisations.uscc, PROVIDER_USCC));
  const [providerUser] = provider ? await ctx.db.select().from(users).where(eq(users.orgId, provider.id)) : [];
  if (!provider || !providerUser) return 0;
  const [demoTalent] = await ctx.db.select().from(users).where(eq(users.username, 'talent.ganzhou'));
  const generated = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'talent'), like(users.regionCode, '3607%'), sql`${users.username} ~ '^t[0-9]+$'`))
    .orderBy(asc(users.username))
    .limit(12);
  let made = 0;
  await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    for (const demo of demoClasses(ctx.now)) {
      const input = CreateClass.parse(demo.input);
      const { sessions, values } = await classFields(t, input);
      const id = randomUUID();
      const publishedAt = new Date(values.startsAt.getTime() - 20 * DAY_MS);
      const finishedAt = demo.status === 'finished' ? new Date(values.endsAt.getTime() + 3_600_000) : null;
      await tx.insert(trainingClasses).values({
        ...values,
        id,
        providerOrgId: provider.id,
        status: demo.status,
        createdBy: providerUser.id,
        createdAt: publishedAt,
        updatedAt: finishedAt ?? publishedAt,
        publishedAt,
        finishedAt,
      });
      await writeSessions(t, id, sessions);
      const flow = [{ action: 'publish', from: 'draft', to: 'published', at: publishedAt }];
      if (finishedAt) flow.push({ action: 'finish', from: 'published', to: 'finished', at: finishedAt });
      await tx.insert(workflowEvents).values(
        flow.map((f) => ({
          workflow: 'training_class',
          entityId: id,
          action: f.action,
          fromState: f.from,
          toState: f.to,
          actorId: providerUser.id,
          actorRole: 'provider',
          reason: null,
          requestId: ctx.requestId,
          at: f.at,
        })),
      );
      made++;
      if (demo.status !== 'finished') continue;
      const sessionRows = await tx.select().from(trainingSessions).where(eq(trainingSessions.classId, id)).orderBy(asc(trainingSessions.seq));
      const people = [...(demoTalent ? [demoTalent.id] : []), ...generated.map((g) => g.id)];
      for (const [i, talentId] of people.entries()) {
        const enrolmentId = randomUUID();
        const nonce = newTicketNonce();
        // with enough generated trainees, the last one missed sessions and the one before failed the exam
        const someFail = generated.length >= 2;
        const attended = someFail && i === people.length - 1 ? 3 : sessionRows.length;
        const passed = !(someFail && i === people.length - 2);
        const completed = attended * 100 >= values.attendanceThreshold * sessionRows.length && passed;
        const enrolledAt = new Date(publishedAt.getTime() + (i + 1) * 3_600_000);
        await tx.insert(trainingEnrolments).values({
          id: enrolmentId,
          classId: id,
          talentId,
          regionCode: values.regionCode,
          status: completed ? 'completed' : 'not_completed',
          ticketNonce: nonce,
          ticketCode: ticketCode(ctx.platform.keys, enrolmentId, nonce),
          enrolledAt,
          seatedAt: enrolledAt,
          examPassed: passed,
          examScore: passed ? 72 + ((i * 7) % 25) : 48,
          attendedSessions: attended,
          totalSessions: sessionRows.length,
          outcomeReason: completed ? null : attended < sessionRows.length ? 'attendance_below_threshold' : 'exam_failed',
          completedAt: finishedAt,
          ratingStars: completed && i > 0 && i % 3 !== 0 ? 4 + (i % 2) : null,
          ratingComment: completed && i > 0 && i % 3 !== 0 ? COMMENTS[i % COMMENTS.length] || null : null,
          ratedAt: completed && i > 0 && i % 3 !== 0 ? finishedAt : null,
          updatedAt: finishedAt ?? ctx.now,
        });
        await tx
          .insert(trainingAttendance)
          .values(
            sessionRows.slice(0, attended).map((s) => ({ enrolmentId, sessionId: s.id, checkedInAt: s.startsAt, checkedInBy: providerUser.id, method: 'qr' })),
          );
        const fact = { regionCode: values.regionCode, occupationCode: values.occupationCode, dimension: values.programmeType, digital: values.digital };
        await recordMetric(tx as unknown as Db, { metric: 'training.enrolled', subjectId: enrolmentId, occurredAt: enrolledAt, ...fact });
        if (completed && finishedAt)
          await recordMetric(tx as unknown as Db, {
            metric: 'training.completed',
            subjectId: enrolmentId,
            occurredAt: finishedAt,
            amountFen: values.subsidyFen,
            ...fact,
          });
      }
    }
  });
  return made;
}
