/**
 * Demo skill evaluation (江西省数字技术工程师评价中心, evaluator.nanchang): an open 数字技术工程师 session
 * (人工智能工程技术人员 初级/五级) after the provider's 数字技术工程师 class ends — the demo talent earns her
 * certificate there in the journey, none is seeded for her —, a past 人工智能训练师 (五级) session for the
 * graduates of the finished training class (results published, certificates issued, one revoked), and a
 * 软考 qualification declared by a 赣州 talent, waiting for official.ganzhou. Runs through the services
 * (accreditation checks, signatures, audit), after seedProviders and seedTraining. Runs once.
 */
import { and, asc, count, eq, like, ne } from 'drizzle-orm';
import type { Actor, Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { findAccreditation } from '../providers/providers.accreditation.js';
import { addTrainees, eligibleTrainees, enterResults, issueForSession } from './certificates.candidates.js';
import { getSession, createPlan, createSession, transitionSession } from './certificates.sessions.js';
import { chinaDay } from './certificates.names.js';
import { declareQualification, uploadEvidence } from './certificates.qualifications.js';
import { revokeCertificate } from './certificates.service.js';
import { certificates, evaluationPlans } from './certificates.tables.js';

const DAY_MS = 86_400_000;
const EVALUATOR_USCC = '12360000MB1C856219';
/** A one-page PDF standing in for a scanned 软考 certificate. */
const DEMO_EVIDENCE = Buffer.from('%PDF-1.4\n% 赣才演示：软考证书扫描件\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'utf8');

function actorOf(u: { id: string; username: string; role: string; regionCode: string; orgId: string | null; department: string | null }): Actor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role as Actor['role'],
    regionCode: u.regionCode,
    department: u.department as Actor['department'],
    orgId: u.orgId,
    sessionId: 'seed',
  };
}

export async function seedCertificates(ctx: Ctx): Promise<{ sessions: number; certificates: number }> {
  const [existing] = await ctx.db.select({ n: count() }).from(evaluationPlans);
  if ((existing?.n ?? 0) > 0) return { sessions: 0, certificates: 0 };
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.uscc, EVALUATOR_USCC));
  const [user] = org ? await ctx.db.select().from(users).where(eq(users.orgId, org.id)) : [];
  if (!org || !user) return { sessions: 0, certificates: 0 };
  const today = chinaDay(ctx.now);
  const accredited = (occupationCode: string, levelCode: string) =>
    findAccreditation(ctx.db, { organisationId: org.id, purpose: 'evaluation', occupationCode, levelCode, on: today });
  const actor = actorOf(user);
  const at = (days: number) => ({ ...ctx, actor, now: new Date(ctx.now.getTime() + days * DAY_MS) });
  const day = (days: number) => chinaDay(new Date(ctx.now.getTime() + days * DAY_MS));
  let sessions = 0;
  let issuedCount = 0;

  // 数字技术工程师: open, after the provider's class (days 12–22) ends
  if (await accredited('2-02-38-01', '5')) {
    const plan = await createPlan(at(0), {
      name: '2026年数字技术工程师培育项目·人工智能工程技术人员（初级）评价',
      occupationCode: '2-02-38-01',
      levelCode: '5',
      theoryPassScore: 60,
      practicalPassScore: 60,
      description: '理论知识考试（机考，90 分钟）与专业能力考核（实操，120 分钟），两项均达到 60 分为合格。',
    });
    await createSession(at(0), plan.id, { examOn: day(30), venue: '南昌市青山湖区高新大道 1888 号 评价中心第一考场', capacity: 60 });
    sessions++;
  }

  // 人工智能训练师 五级: the graduates of the finished class (not the demo talent) were evaluated a month ago
  if (await accredited('4-04-05-05', '5')) {
    const plan = await createPlan(at(-45), {
      name: '人工智能训练师（五级/初级工）职业技能等级认定',
      occupationCode: '4-04-05-05',
      levelCode: '5',
      theoryPassScore: 60,
      practicalPassScore: 60,
    });
    const past = await createSession(at(-45), plan.id, { examOn: day(-30), venue: '赣州市章贡区长征大道 8 号 数字技能实训楼 301 考场', capacity: 40 });
    sessions++;
    const [demo] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'talent.ganzhou'));
    const trainees = (await eligibleTrainees(at(-45), past.id)).filter((e) => e.userId !== demo?.id);
    if (trainees.length > 0) {
      await addTrainees(at(-45), past.id, { enrolmentIds: trainees.map((e) => e.enrolmentId) });
      await transitionSession(at(-30), past.id, 'close', {});
      const detail = await getSession(at(-30), past.id);
      await enterResults(at(-29), past.id, {
        results: detail.candidateList.map((c, i) =>
          i % 9 === 5
            ? { candidateId: c.id, absent: true, theoryScore: null, practicalScore: null }
            : { candidateId: c.id, absent: false, theoryScore: 68 + ((i * 7) % 25), practicalScore: i % 7 === 3 ? 52 : 71 + ((i * 5) % 22) },
        ),
      });
      await transitionSession(at(-28), past.id, 'publish_results', {});
      const { issued } = await issueForSession(at(-27), past.id, undefined);
      issuedCount = issued.length;
      const first = issued[0];
      if (first) {
        const [row] = await ctx.db.select({ id: certificates.id }).from(certificates).where(eq(certificates.number, first.number));
        if (row) await revokeCertificate(at(-5), row.id, '经复核，该考生实操考核记录有误，成绩无效，证书予以撤销', '');
      }
    }
    // the next sitting, open: the demo talent (a graduate too) can be added or register
    await createSession(at(0), plan.id, { examOn: day(21), venue: '赣州市章贡区长征大道 8 号 数字技能实训楼 301 考场', capacity: 40 });
    sessions++;
  }

  // a 软考 qualification waiting for official.ganzhou (a generated 赣州 talent, not the demo one)
  const [declarant] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.role, 'talent'), like(users.regionCode, '3607%'), ne(users.username, 'talent.ganzhou'), eq(users.status, 'active')))
    .orderBy(asc(users.username))
    .limit(1);
  if (declarant) {
    const t = { ...ctx, actor: actorOf(declarant) };
    const ev = await uploadEvidence(t, { fileName: '软考中级证书.pdf', contentType: 'application/pdf', body: DEMO_EVIDENCE });
    await declareQualification(t, {
      kind: 'ruankao',
      title: '软件设计师',
      level: 'intermediate',
      certificateNo: '2024RKZJ36070215',
      issuedOn: '2024-12-20',
      authority: '人力资源社会保障部 工业和信息化部',
      evidenceId: ev.id,
      occupationCode: '2-02-10-03',
    });
  }
  return { sessions, certificates: issuedCount };
}
