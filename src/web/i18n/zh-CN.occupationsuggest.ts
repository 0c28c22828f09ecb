/** Chinese texts of the occupation suggestion from a job title (part of zh-CN.ts). */
export const zhCNOccupationSuggest = {
  heading: '按岗位名称推荐的职业',
  loading: '正在分析岗位名称…',
  none: '暂无把握推荐职业，请在上方自行选择',
  suggestion: '{name}（{code}）',
  score: '匹配度 {score}%',
  adopt: '采用',
  adopted: '已采用',
  others: '其他可能：',
  adoptOther: '采用 {name}（{code}）',
  why: '依据：{terms}',
  unavailable: '职业推荐暂不可用，请自行选择',
};
