/** Shared by the profiles and applications tests: a valid profile body. */
export function profileBody(overrides: Record<string, unknown> = {}) {
  return {
    education: [{ educationCode: '21', school: '江西理工大学', major: '计算机科学与技术', graduationYear: 2020 }],
    workHistory: [{ employerName: '赣州某科技有限公司', title: '数据分析师', fromMonth: '2020-07', toMonth: '2024-06', description: '负责业务报表。' }],
    skills: [
      { name: 'python', level: 'proficient' },
      { name: '需求分析', level: 'familiar' },
    ],
    certificates: [{ name: '数据分析师（三级）', number: 'S0000000001', issuer: '某评价机构', issuedOn: '2023-05-01' }],
    desiredOccupations: ['2-02-30-09'],
    desiredCities: ['360700', '360100'],
    desiredSalaryMinFen: 800_000,
    visibility: 'employers',
    ...overrides,
  };
}
