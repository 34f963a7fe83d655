/**
 * Every option of 河源市贫困劳动力调查表 (seed 002, 附件2) and of the Liuzhou ledger
 * (seed 000, 附件2-1), worded as on paper. The paper's typo 中公预备党员 is 中共预备党员 here.
 */

export const SEXES = ['男', '女'] as const;
export const HOUSEHOLD_REGISTRATIONS = ['农业', '非农'] as const;
export const EDUCATION_LEVELS = ['文盲', '小学', '初中', '高中', '技校', '中专', '大专', '大学', '硕士', '博士'] as const;
export const HEALTH_STATES = ['健康', '体弱', '残疾'] as const;
export const MARITAL_STATES = ['未婚', '已婚', '离异', '丧偶'] as const;
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '群众', '其他'] as const;

/** 接受培训情况: multiple choice; 从未接受过培训 excludes the others. */
export const TRAINING_RECEIVED = ['技能培训', '创业培训', '从未接受过培训'] as const;
export const NEVER_TRAINED = '从未接受过培训';

/** 获得技能证书: multiple choice; 无 excludes the others. */
export const CERTIFICATES = ['初级职业资格证书', '中级职业资格证书', '高级职业资格证书', '技师或高级技师证', '其他', '无'] as const;
export const NO_CERTIFICATE = '无';

/** 就失业状况: 外出务工 and 就近就业 are at work, so the form shows the 已就业 part. */
export const WORK_STATUSES = ['外出务工', '就近就业', '在家务农', '其他'] as const;
export const EMPLOYED_WORK_STATUSES: readonly string[] = ['外出务工', '就近就业'];

export const INDUSTRIES = [
  '农林牧渔业',
  '采矿业',
  '制造业',
  '建筑业',
  '交通运输、物流、仓储和邮政业',
  '批发和零售业',
  '住宿和餐饮业',
  '房地产业',
  '居民服务和商业服务业',
  '电力燃气及水的生产和供应业',
  '信息传输和软件业',
  '金融业、教育业',
  '其他请说明',
] as const;
export const OTHER_PLEASE_SPECIFY = '其他请说明';

/** 外出务工地: a region, then a city inside it, or free 省 / 市 / 县 for 其他地区. */
export const MIGRANT_REGIONS = {
  长三角地区: ['上海', '江苏', '浙江', '安徽省合肥市', '安徽省马鞍山市'],
  珠三角地区: ['广州', '深圳', '珠海', '东莞', '佛山', '惠州', '江门', '肇庆'],
  其他地区: [],
} as const satisfies Record<string, readonly string[]>;
export const MIGRANT_REGION_NAMES = ['长三角地区', '珠三角地区', '其他地区'] as const;
export type MigrantRegion = (typeof MIGRANT_REGION_NAMES)[number];

export const EMPLOYMENT_FORMS = ['单位就业', '自主创业', '个体经营', '灵活就业', '其他就业', '公益性岗位安置'] as const;
export const WAGE_BANDS = ['1000元-2000元', '2000元-3000元', '3000元-4000元', '4000元-5000元', '5000元以上'] as const;
export const MIGRATION_CHANNELS = ['人力资源保障部门组织', '自发', '亲朋好友介绍', '其他部门组织', '其他'] as const;

/** 自主创业人员已经享受的扶持政策: multiple choice. */
export const STARTUP_SUPPORT_POLICIES = ['返乡创业资金帮扶', '小额担保贷款', '创业场地租金补助', '自主创业奖励', '高校毕业生创业奖励', '入住孵化园'] as const;

/** 未转移就业创业原因: multiple choice. */
export const NOT_WORKING_REASONS = ['缺乏技能', '缺少信息', '嫌工资少', '无劳动能力', '不愿就业', '只愿务农', '年龄偏大'] as const;
export const IDEAL_WORKPLACES = ['省外', '省内市外', '市内县外', '县内乡外', '乡内'] as const;
export const DESIRED_EMPLOYMENT_FORMS = ['单位就业', '自主创业', '灵活就业', '务农', '不愿就业'] as const;
export const DESIRED_EMPLOYER_TYPES = ['国有企业就业', '民营企业就业', '个体工商就业', '机关事业单位就业', '其他类型就业', '港澳台投资企业', '外商投资企业'] as const;
export const YES_NO = ['是', '否'] as const;

/** 愿意接受什么样的培训: multiple choice. */
export const DESIRED_TRAINING = ['创业培训', '技能培训'] as const;
/** 最想参加什么工种的培训: multiple choice. */
export const DESIRED_TRADES = [
  '中式烹调师',
  '餐厅服务',
  '家政服务员',
  '电工',
  '焊工',
  '车工',
  '钳工',
  '磨工',
  '汽车驾驶、维修工',
  '建筑工',
  '电器维修',
  '美容美发',
  '计算机操作、维修工',
  '挖掘、装载操作',
  '种植养殖',
  '其他请说明',
] as const;

/** 劳动能力情况 (附件2-1 填表说明: 在校生填「无劳动力」). */
export const LABOUR_ABILITIES = ['普通劳动力', '半劳动力', '弱劳动力', '无劳动力', '丧失劳动力'] as const;
export const NO_LABOUR_ABILITY = '无劳动力';
/** 就业意向单位性质 (附件2-1). */
export const INTENDED_EMPLOYER_TYPES = ['机关事业', '国有企业', '民营企业', '其他'] as const;
/** 无就业意向原因 (附件2-1). */
export const NO_INTENTION_REASONS = ['升学', '重病', '照顾家庭', '务农', '其他'] as const;
