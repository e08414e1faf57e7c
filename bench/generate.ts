/**
 * Deterministic generator of large Chinese interview transcripts for the benchmark, in the shape of
 * test/fixtures/zh-interview.txt:
 *
 *     <title line with a colon>
 *     　　<lead paragraph>
 *     　　以下为访谈实录：
 *     　　提问：…？
 *     　　周明远：…。
 *     　　林晓岚：…。            (occasionally a second answer)
 *     　　……                    (occasionally a continuation line without a label)
 *
 * with occasional exact repeats of an earlier question, occasional near-duplicates (one small
 * edit), occasional `（笑）` annotations and rare unanswered questions. Everything comes from a
 * seeded PRNG and the word lists below, so the same seed and size always give the same text.
 */

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (written for this benchmark).

const SURNAMES = [
  '周', '林', '王', '陈', '李', '张', '刘', '赵', '黄', '吴', '徐', '孙', '胡', '朱', '高', '何',
  '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁',
];
const GIVEN = [
  '明远', '晓岚', '建国', '海燕', '志强', '雨桐', '子涵', '国栋', '丽华', '文博', '思源', '嘉怡',
  '振华', '秋实', '安然', '慧敏', '立新', '云帆', '静怡', '浩然', '春生', '若溪', '德胜', '一鸣',
];
const OCCUPATIONS = [
  '书店店主', '出版人', '民宿老板', '非遗传承人', '社区图书馆馆长', '咖啡馆主理人', '乡村教师',
  '纪录片导演', '老字号掌柜', '城市规划师', '农场主', '独立设计师', '剧团团长', '博物馆研究员',
];
const TOPICS = [
  '实体书店', '社区图书馆', '独立出版', '城市更新', '乡村旅游', '短视频平台', '老字号餐馆', '非遗手艺',
  '校园阅读', '养老服务', '咖啡连锁', '文创产品', '农产品电商', '夜间经济', '二手交易', '共享办公',
  '露营经济', '传统戏曲', '民宿行业', '跨境物流', '儿童绘本', '有声读物', '地方志编纂', '纪录片制作',
  '社区菜市场', '城市骑行', '旧厂房改造', '公共艺术', '县城商业', '手工造纸', '茶叶种植', '古籍修复',
];
const ASPECTS = [
  '租金', '人手', '资金', '客流', '定价', '选品', '宣传', '供应链', '会员运营', '品牌建设', '人才培养',
  '政策支持', '线上渠道', '库存管理', '服务质量', '空间设计', '成本控制', '用户口碑', '合作伙伴', '内容策划',
];
const FACTORS = [
  '短视频', '直播带货', '人口流动', '房租上涨', '人工智能', '年轻人的审美', '地铁开通', '老城改造',
  '外卖平台', '移动支付', '周末经济', '返乡创业', '网红打卡', '会员制度', '社区团购', '文旅融合',
];
const PEOPLE = [
  '年轻读者', '老顾客', '网友', '家长', '投资人', '同行', '外地游客', '退休老人', '大学生', '上班族',
  '附近居民', '志愿者', '合作方', '供货商', '新员工', '小朋友',
];
const TIMES = ['明年', '未来三年', '接下来', '等到年底', '五年之后', '今年下半年', '疫情之后', '开业之初', '最近两年'];
const PLANS = [
  '开分店', '扩大规模', '转向线上', '引入投资', '调整定位', '和学校合作', '办更多活动', '缩减门店',
  '推出自有品牌', '开设培训班', '做会员订阅', '进驻商场',
];
const PLACES = [
  '老城区', '新区', '县城', '大学城', '地铁站旁边', '商场里', '景区附近', '工业园区', '城中村', '江边',
  '古镇', '高铁站', '菜市场楼上', '胡同里', '小区门口', '滨海新城',
];
const NOUNS = [
  '空间', '读者', '顾客', '房租', '收入', '活动', '书架', '咖啡', '门店', '社群', '口碑', '作品', '作者',
  '选题', '手艺', '师傅', '徒弟', '订单', '包裹', '仓库', '菜单', '食材', '节目', '展览', '讲座', '课程',
  '场地', '设备', '样品', '账本', '招牌', '街坊', '老街', '院子', '二楼', '窗台', '灯光', '音乐', '气味',
  '茶叶', '纸张', '颜料', '木料', '布料', '陶土', '剧本', '演员', '观众', '票价', '摊位', '补贴', '贷款',
  '合同', '规矩', '习惯', '记忆', '故事', '照片', '档案', '地图', '目录', '清单', '报表', '数据', '流量',
];
const VERBS = [
  '留住', '吸引', '改造', '经营', '维持', '调整', '尝试', '坚持', '放弃', '补贴', '整理', '策划', '推荐',
  '收集', '修复', '培养', '招募', '联系', '开发', '优化', '记录', '讲述', '展示', '分享', '组织', '搭建',
  '算清', '压缩', '扩充', '更新', '保留', '打磨', '陪伴', '照顾', '请教', '说服', '感谢', '比较',
];
const ADVERBS = ['一直', '慢慢', '其实', '确实', '基本上', '几乎', '始终', '还是', '反而', '偶尔', '经常', '刚好', '只好', '终于', '一下子'];
const ADJECTIVES = ['安静', '热闹', '便宜', '昂贵', '稳定', '辛苦', '简单', '复杂', '新鲜', '普通', '特别', '温暖', '踏实', '灵活', '长久'];
const CONNECTIVES = ['说实话', '一开始', '后来', '其实', '所以', '不过', '另外', '比如说', '总的来说', '我记得', '坦白讲', '换句话说', '当然'];
const SUBJECTS = ['我们', '我', '大家', '很多人', '读者', '店里的伙伴', '街坊邻居', '年轻人', '老主顾', '合作方', '我们团队', '家里人'];
const CLOSINGS = ['效果很好', '这条路走得通', '压力不小', '还在摸索', '慢慢有了起色', '没有想象中难', '比预想的慢', '值得坚持', '算是站稳了脚跟', '心里踏实多了'];
const NUMBERS = ['两', '三', '五', '八', '十', '十二', '二十', '三十', '一百', '两百'];
const UNITS = ['年', '个月', '家店', '位作者', '场活动', '个会员', '种产品', '个城市'];
const LEAD_OPENERS = ['本报讯', '本刊记者', '据报道', '日前'];
const INTRO = '以下为访谈实录：';

// ---------------------------------------------------------------------------------------------

export interface GenerateOptions {
  /** Target size in UTF-8 bytes; generation stops at the first line that reaches it. */
  targetBytes: number;
  seed?: number;
}

export interface GeneratedTranscript {
  text: string;
  /** Actual UTF-8 size of `text`. */
  bytes: number;
  lines: number;
  questions: number;
  /** Exact repeats of an earlier question that were planted. */
  repeatedQuestions: number;
  /** Near-duplicates (one small edit) of an earlier question that were planted. */
  nearDuplicateQuestions: number;
  unansweredQuestions: number;
  speakers: string[];
}

const INDENT = '\u3000\u3000';
const QUESTION_LABEL = '提问';

export function generateTranscript(options: GenerateOptions): GeneratedTranscript {
  const random = createRandom(options.seed ?? 20240601);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  /** Skewed towards the start of the list, as word frequencies are. */
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() * random())];
  const chance = (p: number): boolean => random() < p;

  // 2-4 named speakers with distinct surnames.
  const speakerCount = 2 + int(3);
  const speakers: string[] = [];
  const usedSurnames = new Set<string>();
  while (speakers.length < speakerCount) {
    const surname = pick(SURNAMES);
    if (usedSurnames.has(surname)) continue;
    usedSurnames.add(surname);
    speakers.push(surname + pick(GIVEN));
  }
  const occupations = speakers.map(() => pick(OCCUPATIONS));
  const mainTopic = pick(TOPICS);

  const address = (): string => {
    const i = int(speakers.length);
    const forms = ['老师', '总', '老板', '先生', '女士'];
    return speakers[i][0] + pick(forms);
  };
  const detail = (): string => {
    switch (int(6)) {
      case 0:
        return `${pick(NUMBERS)}${pick(UNITS)}`;
      case 1:
        return `${pick(PLACES)}的${pickSkewed(NOUNS)}`;
      case 2:
        return `${pickSkewed(NOUNS)}和${pickSkewed(NOUNS)}`;
      case 3:
        return `${pick(PEOPLE)}的${pickSkewed(NOUNS)}`;
      case 4:
        return `《${pickSkewed(NOUNS)}${pickSkewed(NOUNS)}》`;
      default:
        return `${pick(ADJECTIVES)}的${pickSkewed(NOUNS)}`;
    }
  };

  /** An optional opening clause, so that the same body is seldom asked twice by chance. */
  const context = (): string => {
    switch (int(5)) {
      case 0:
        return `${pick(TIMES)}，`;
      case 1:
        return `在${pick(PLACES)}，`;
      case 2:
        return `${pick(PEOPLE)}常说${pickSkewed(NOUNS)}很${pick(ADJECTIVES)}，`;
      case 3:
        return `说到${pick(FACTORS)}，`;
      default:
        return `您刚才提到${pickSkewed(NOUNS)}，`;
    }
  };

  const question = (): string => {
    const topic = pick(TOPICS);
    let body: string;
    switch (int(12)) {
      case 0:
        body = `${topic}这几年变化很大，${pick(PEOPLE)}怎么看${pick(ASPECTS)}的问题`;
        break;
      case 1:
        body = `${topic}在${pick(PLACES)}的${pick(ASPECTS)}压力大吗`;
        break;
      case 2:
        body = `您觉得${pick(FACTORS)}对${topic}的${pick(ASPECTS)}有影响吗`;
        break;
      case 3:
        body = `${pick(PEOPLE)}在${topic}的${pick(ASPECTS)}里扮演什么角色`;
        break;
      case 4:
        body = `${topic}会${pick(PLANS)}吗`;
        break;
      case 5:
        body = `如果${pick(FACTORS)}继续发展，您会怎么调整${topic}的${pick(ASPECTS)}`;
        break;
      case 6:
        body = `很多${pick(PEOPLE)}关心${topic}的${pick(ASPECTS)}，您能具体说说吗`;
        break;
      case 7:
        body = `${topic}和${pick(TOPICS)}在${pick(ASPECTS)}上有什么联系`;
        break;
      case 8:
        body = `您当初为什么选择在${pick(PLACES)}做${topic}，${pick(PEOPLE)}支持吗`;
        break;
      case 9:
        body = `在${pick(PLACES)}做${topic}，和在${pick(PLACES)}有什么不同`;
        break;
      case 10:
        body = `${pick(NUMBERS)}年来，${topic}的${pick(ASPECTS)}最大的变化是什么`;
        break;
      default:
        body = `您怎么${pick(VERBS)}${pick(PEOPLE)}，让他们愿意${pick(VERBS)}${pickSkewed(NOUNS)}`;
        break;
    }
    if (chance(0.5)) body = context() + body;
    if (chance(0.4)) body += `，比如${detail()}`;
    if (chance(0.3)) body = `${address()}，${body}`;
    if (chance(0.01)) body += '（笑）';
    return body + '？';
  };

  const clause = (): string => {
    switch (int(7)) {
      case 0:
        return `${pick(SUBJECTS)}${pick(ADVERBS)}在${pick(VERBS)}${pickSkewed(NOUNS)}`;
      case 1:
        return `${pick(CONNECTIVES)}，${pick(SUBJECTS)}把${pickSkewed(NOUNS)}${pick(VERBS)}成了${pickSkewed(NOUNS)}`;
      case 2:
        return `${pickSkewed(NOUNS)}${pick(ADVERBS)}很${pick(ADJECTIVES)}`;
      case 3:
        return `${pick(SUBJECTS)}用${pickSkewed(NOUNS)}的收入${pick(VERBS)}${pickSkewed(NOUNS)}`;
      case 4:
        return `前后做了${pick(NUMBERS)}${pick(UNITS)}，${pick(CLOSINGS)}`;
      case 5:
        return `在${pick(PLACES)}，${detail()}${pick(ADVERBS)}${pick(CLOSINGS)}`;
      default:
        return `${pick(CONNECTIVES)}，${pick(CLOSINGS)}`;
    }
  };
  const sentence = (): string => {
    const parts: string[] = [];
    const clauses = 1 + int(3);
    for (let i = 0; i < clauses; i++) parts.push(clause());
    let result = parts.join('，');
    if (chance(0.04)) result += '（笑）';
    return result + '。';
  };
  const answerText = (): string => {
    const sentences = 1 + int(4);
    let result = '';
    for (let i = 0; i < sentences; i++) result += sentence();
    return result;
  };

  const lines: string[] = [];
  let bytes = 0;
  const push = (line: string): void => {
    lines.push(line);
    bytes += Buffer.byteLength(line, 'utf8') + 1; // + '\n'
  };

  // Preamble: title, lead paragraph, intro.
  push(`${pick(PLACES)}${occupations[0]}${speakers[0]}访谈：${mainTopic}还能走多远`);
  push(
    `${INDENT}${pick(LEAD_OPENERS)} 记者近日走访了${pick(PLACES)}，${occupations[0]}${speakers[0]}与${occupations[1]}${speakers[1]}` +
      `一起，谈了${mainTopic}的经营之道。他们在${pick(PLACES)}${pick(VERBS)}${pickSkewed(NOUNS)}已经${pick(NUMBERS)}年，` +
      `${pick(SUBJECTS)}${pick(ADVERBS)}${pick(CLOSINGS)}。`,
  );
  push(INDENT + INTRO);

  const asked: string[] = [];
  let repeated = 0;
  let nearDuplicates = 0;
  let unanswered = 0;
  const answer = (): void => {
    push(`${INDENT}${pick(speakers)}：${answerText()}`);
    if (chance(0.1)) {
      const continuation = 1 + int(2);
      for (let i = 0; i < continuation; i++) push(INDENT + answerText());
    }
  };

  while (bytes < options.targetBytes) {
    let q: string;
    const roll = random();
    if (asked.length > 20 && roll < 0.02) {
      // The same question again, asked a little later.
      q = asked[asked.length - 1 - int(Math.min(asked.length, 200))];
      repeated++;
    } else if (asked.length > 20 && roll < 0.04) {
      q = nearDuplicate(asked[asked.length - 1 - int(Math.min(asked.length, 200))], int);
      nearDuplicates++;
    } else {
      q = question();
    }
    asked.push(q);
    push(`${INDENT}${QUESTION_LABEL}：${q}`);
    if (chance(0.01)) {
      unanswered++;
      continue;
    }
    answer();
    if (chance(0.15)) answer();
  }

  // One join (with an empty last element for the final line break), not `join + '\n'`: the text is
  // then one flat string, as a file read from disk or a document received over JSON-RPC is, rather
  // than a concatenation V8 must flatten and then reach through on every character access.
  lines.push('');
  const text = lines.join('\n');
  lines.pop();
  return {
    text,
    bytes,
    lines: lines.length,
    questions: asked.length,
    repeatedQuestions: repeated,
    nearDuplicateQuestions: nearDuplicates,
    unansweredQuestions: unanswered,
    speakers,
  };
}

/** One small edit: a particle added, `您` for `你`, a word inserted or a clause dropped. */
function nearDuplicate(question: string, int: (n: number) => number): string {
  const body = question.slice(0, -1); // without the question mark
  switch (int(4)) {
    case 0:
      return body + '呢？';
    case 1:
      return body.includes('您') ? body.replace('您', '你') + '？' : '那' + body + '？';
    case 2: {
      const comma = body.indexOf('，');
      return comma > 0 ? body.slice(0, comma) + '，现在' + body.slice(comma + 1) + '？' : '现在' + body + '？';
    }
    default: {
      const comma = body.lastIndexOf('，');
      return comma > 0 ? body.slice(0, comma) + '？' : body + '吧？';
    }
  }
}
