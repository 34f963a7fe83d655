/**
 * Words the synthetic data set is made of: places of 柳州市柳江区, names, employers, courses.
 * Town names and the district's code come from seed 000 附件1 and GB/T 2260; village and 屯
 * names are plausible, not a registry extract.
 */
import type { INDUSTRIES } from '../../src/domain/survey-options';

/**
 * Surnames with weights: the national order (王 李 张 刘 陈 …) with the surnames of Liuzhou's
 * Zhuang and Yao villages (韦 覃 蒙 莫 蓝 陆 廖) raised, as they are in the district's registers.
 */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['韦', 60], ['黄', 55], ['李', 50], ['覃', 45], ['王', 35], ['陈', 35], ['张', 30], ['刘', 30],
  ['莫', 25], ['梁', 25], ['杨', 22], ['罗', 22], ['陆', 20], ['蓝', 18], ['廖', 15], ['吴', 15],
  ['周', 12], ['何', 12], ['蒙', 12], ['潘', 12], ['林', 10], ['唐', 10], ['邓', 10], ['卢', 9],
  ['赵', 8], ['谢', 8], ['朱', 7], ['胡', 7], ['曾', 7], ['徐', 6], ['郭', 6], ['蒋', 6], ['龙', 6],
  ['石', 6], ['孙', 5], ['马', 5], ['高', 5], ['冯', 5], ['甘', 5], ['郑', 5], ['蔡', 5], ['兰', 4],
  ['宋', 4], ['韩', 3], ['银', 3], ['单', 2], ['欧阳', 2], ['吕', 2],
];

/** Given names by sex and by generation: older people carry the names of their decade. */
export const GIVEN_NAMES = {
  男: {
    older: ['建国', '建华', '志强', '国华', '文军', '德明', '永福', '金龙', '世荣', '春生', '福生', '振华', '桂林', '荣光', '秀山', '卫东', '国庆', '胜利', '伟', '强', '军', '勇', '明', '华', '平', '刚', '福'],
    younger: ['家豪', '俊杰', '宇轩', '子豪', '浩然', '明辉', '志勇', '海波', '鹏飞', '嘉诚', '文杰', '俊宇', '浩', '宇', '磊', '杰', '涛', '斌', '辉', '超', '鹏', '峰', '林', '晨'],
  },
  女: {
    older: ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '美玲', '丽华', '春梅', '金凤', '月娥', '秀珍', '桂芳', '凤英', '玉梅', '芳', '娟', '英', '兰', '梅', '琴', '红', '萍'],
    younger: ['海燕', '雪梅', '晓燕', '丽萍', '欣怡', '子涵', '诗琪', '梦瑶', '佳怡', '雨欣', '思琪', '婷婷', '敏', '静', '丽', '艳', '霞', '燕', '玲', '琳', '倩', '颖'],
  },
} as const;

/** Ethnicities in Liujiang's villages (汉 and 壮 the most, then 瑶 苗 侗). */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 52], ['壮族', 41], ['瑶族', 3], ['苗族', 2], ['侗族', 1.5], ['仫佬族', 0.5],
];

export const DISTRICT = { name: '柳江区', code: '450206' } as const;

/**
 * GB/T 2260 codes on the ID numbers of the district's people: most were registered under
 * 柳江县 (450221) before it became 柳江区 (450206) in 2016, and an ID number never changes.
 */
export const NATIVE_ID_REGIONS: readonly (readonly [string, number])[] = [
  ['450221', 88],
  ['450206', 12],
];

/** Where married-in spouses were registered: Liuzhou's other counties and neighbours. */
export const MARRIED_IN_ID_REGIONS: readonly (readonly [string, number])[] = [
  ['450222', 20], // 柳城县
  ['450223', 15], // 鹿寨县
  ['450224', 10], // 融安县
  ['450225', 12], // 融水苗族自治县
  ['450226', 8], // 三江侗族自治县
  ['451322', 10], // 象州县
  ['450202', 4], // 城中区
  ['450203', 6], // 鱼峰区
  ['450204', 6], // 柳南区
  ['450205', 4], // 柳北区
  ['451221', 5], // 南丹县
];

/** The eight towns of seed 000 附件1, with a statistical town code and villages each. */
export const TOWNS: readonly { name: string; code: string; villages: readonly string[] }[] = [
  { name: '百朋镇', code: '101', villages: ['百朋村', '怀洪村', '下伦村', '双龙村', '拉山村', '尚朋村'] },
  { name: '成团镇', code: '102', villages: ['成团村', '龙兴村', '古偿村', '白沙村', '上游村'] },
  { name: '穿山镇', code: '103', villages: ['穿山村', '和平村', '板江村', '四合村', '长塘村', '水洞村'] },
  { name: '进德镇', code: '104', villages: ['进德村', '新华村', '南丹村', '三千村', '龙怀村'] },
  { name: '拉堡镇', code: '105', villages: ['基隆村', '木罗村', '新兴村', '红卫村', '东山村', '山湾村'] },
  { name: '里高镇', code: '106', villages: ['里高村', '江湾村', '古城村', '板塘村', '谷柳村'] },
  { name: '三都镇', code: '107', villages: ['三都村', '觉山村', '里团村', '古塘村', '李家村'] },
  { name: '土博镇', code: '108', villages: ['土博村', '甘前村', '三合村', '广荣村', '思贤村'] },
];

export const HAMLETS = ['岩口屯', '那伏屯', '六谷屯', '板路屯', '大村屯', '新屯', '东门屯', '弄屯', '拉洞屯', '塘头屯', '坡头屯', '江口屯'];

/** 就业所在地 in the Guangxi buckets (广东 / 非广东区外 / 区内市外 / 市内县外 / 县内) and where exactly. */
export const GUANGDONG_CITIES: readonly (readonly [string, number])[] = [
  ['东莞', 30], ['深圳', 20], ['广州', 18], ['佛山', 15], ['惠州', 6], ['江门', 4], ['肇庆', 4], ['珠海', 3],
];
export const YANGTZE_DELTA: readonly (readonly [string, string, number])[] = [
  ['浙江', '浙江省', 40],
  ['江苏', '江苏省', 15],
  ['上海', '上海市', 10],
];
export const OTHER_PROVINCES: readonly (readonly [string, string, string])[] = [
  ['福建省', '厦门市', '思明区'],
  ['福建省', '泉州市', '晋江市'],
  ['湖南省', '长沙市', '雨花区'],
  ['海南省', '海口市', '龙华区'],
  ['云南省', '昆明市', '官渡区'],
];
export const GUANGXI_CITIES: readonly (readonly [string, string])[] = [
  ['南宁市', '西乡塘区'],
  ['桂林市', '七星区'],
  ['来宾市', '兴宾区'],
  ['贵港市', '港北区'],
  ['玉林市', '玉州区'],
  ['钦州市', '钦南区'],
  ['北海市', '海城区'],
];
export const LIUZHOU_DISTRICTS = ['城中区', '鱼峰区', '柳南区', '柳北区'];

export const EMPLOYER_BRANDS = ['华兴', '富达', '鸿运', '信达', '金源', '恒丰', '永盛', '宏达', '正和', '嘉联', '美联', '立信', '顺通', '新宝', '长盈', '汇丰'];

/** Employer kinds: the word in the company name, its 行业 on the form, and its posts. */
export const EMPLOYER_KINDS: readonly { word: string; industry: (typeof INDUSTRIES)[number]; posts: readonly string[]; weight: number }[] = [
  { word: '电子有限公司', industry: '制造业', posts: ['普工', '装配工', '质检员', '操作工'], weight: 24 },
  { word: '精密制造有限公司', industry: '制造业', posts: ['操作工', 'CNC操作员', '质检员'], weight: 10 },
  { word: '汽车零部件有限公司', industry: '制造业', posts: ['装配工', '焊工', '叉车司机'], weight: 9 },
  { word: '服装有限公司', industry: '制造业', posts: ['车缝工', '包装工', '裁床工'], weight: 7 },
  { word: '建筑工程有限公司', industry: '建筑业', posts: ['钢筋工', '砌筑工', '木工', '杂工'], weight: 12 },
  { word: '物流有限公司', industry: '交通运输、物流、仓储和邮政业', posts: ['快递员', '仓管员', '分拣员', '货车司机'], weight: 10 },
  { word: '餐饮管理有限公司', industry: '住宿和餐饮业', posts: ['厨师', '服务员', '洗碗工'], weight: 9 },
  { word: '物业服务有限公司', industry: '居民服务和商业服务业', posts: ['保洁员', '保安', '维修工'], weight: 8 },
  { word: '商贸有限公司', industry: '批发和零售业', posts: ['营业员', '理货员', '收银员'], weight: 6 },
  { word: '农业发展有限公司', industry: '农林牧渔业', posts: ['种植工', '养殖工', '采摘工'], weight: 5 },
];

/** Local work inside the district: workshops, local firms, 公益性岗位. */
export const WORKSHOPS = ['螺蛳粉就业帮扶车间', '竹编就业帮扶车间', '电子元件就业帮扶车间', '服装加工就业帮扶车间', '香菇种植就业帮扶车间'];
export const PUBLIC_POSTS = ['保洁员', '护林员', '护路员', '水管员', '村级就业协理员', '防贫监测信息员'];
/** 补贴资金来源, in the exact wordings seed 000 附件4-1 requires. */
export const FUNDING_SOURCES = ['就业补助资金', '财政衔接推进乡村振兴补助资金', '广东帮扶广西财政协作资金', '光伏收益资金'];
export const FLEXIBLE_JOBS = ['外卖骑手', '网约车司机', '零工（装卸）', '家政服务', '建筑零工', '摆摊经营'];
export const STARTUP_PROJECTS = ['螺蛳粉加工作坊', '沙糖桔种植', '生猪养殖', '农家乐', '电商销售土特产', '摩托车维修店'];

export const SKILL_COURSES = ['中式烹调师培训', '电工培训', '焊工培训', '家政服务员培训', '挖掘机操作培训', '种植养殖技术培训', '电子商务培训', '育婴员培训'];
export const STARTUP_COURSES = ['SYB创业培训', '网络创业培训', '创业意识培训'];
export const INTERNSHIP_PLACES = ['柳江区人力资源和社会保障局见习基地', '柳州市柳江区人民医院', '柳江区拉堡镇人民政府', '柳州市某电子有限公司见习基地'];
export const JOB_FAIRS = ['春风行动专场招聘会', '“点对点”送工招聘会', '就业帮扶车间专场招聘会', '金秋招聘月现场招聘会', '民营企业招聘周'];
export const FOLLOW_UP_RESULTS = ['在岗稳定', '在岗稳定，工资按时发放', '已换工作，仍在岗', '暂时返乡，春节后返岗', '已了解稳岗补贴政策'];
export const VOID_REASONS = ['录入错误', '重复录入', '日期填错'];
export const NEAR_TERM_PLANS = ['等春节后外出务工', '想在附近找工作', '先参加培训再就业', '照顾小孩，明年再出去'];
