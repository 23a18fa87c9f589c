// Deterministic mixed Chinese/English support text for the knowledge benchmark.

const english = (
  'account billing invoice refund shipping warranty password security storage backup region latency ' +
  'request limit webhook signature team member seat plan upgrade cancel order delivery pickup store ' +
  'gift card balance payment method card customs duty express standard return item package courier ' +
  'tracking number database replica cluster node memory disk network firewall port certificate domain ' +
  'email notification schedule report export import dashboard metric alert threshold incident outage ' +
  'maintenance window release version feature flag rollout migration schema index query cache session ' +
  'token key rotation audit log retention policy compliance privacy consent cookie analytics region'
).split(' ');

const chinese = (
  '账户 账单 发票 退款 配送 保修 密码 安全 存储 备份 地域 延迟 请求 限制 回调 签名 团队 成员 席位 套餐 升级 ' +
  '取消 订单 发货 自提 门店 礼品卡 余额 支付 方式 银行卡 关税 快递 标准 退货 商品 包裹 快递员 物流 单号 ' +
  '数据库 副本 集群 节点 内存 磁盘 网络 防火墙 端口 证书 域名 邮件 通知 计划 报表 导出 导入 仪表盘 指标 ' +
  '告警 阈值 故障 中断 维护 窗口 发布 版本 功能 开关 灰度 迁移 索引 查询 缓存 会话 令牌 密钥 轮换 审计 ' +
  '日志 保留 策略 合规 隐私 同意 分析 积分 优惠券 客服 投诉 工作日 小时 自动 手动 申请 审核 通过'
).split(' ');

// A Zipf-like vocabulary as real text has: the listed words first (frequent), then thousands of
// generated ones (rare), so a query's words match a realistic share of chunks rather than most.
const syllables =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu'.split(
    ' ',
  );
const hanzi =
  '安保备标表部财仓册测查产常场车成程出储处传创存达单档导地点电调订动端队对发法返费分服符付复改告更工公供购故关管规国号合核户化换回活货机积级计记价检建交接结借金进经据开看可客控库快况类理立连量流路码满门密模目能年配批品平期气签前情请区取权确任日入扫商设申审生时实使式市事试收手首售书数税顺送算索态特提条通统投图退外网维位文务系线限详项消销小效协新信型修需序选询压验业页移已议易用优邮有余预元原约云运在账折证支知执值指制质中重主注转装状资自总组最作'.split(
    '',
  );

function zipfVocabulary(listed: readonly string[], generated: readonly string[]): string[] {
  return [...listed, ...generated];
}

function generatedWords(count: number, make: (index: number) => string): string[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

const englishVocabulary = zipfVocabulary(
  english,
  generatedWords(4000, (index) => {
    const a = syllables[index % syllables.length] ?? '';
    const b = syllables[Math.floor(index / syllables.length) % syllables.length] ?? '';
    const c = syllables[(index * 7) % syllables.length] ?? '';
    return `${a}${b}${c}`;
  }),
);
const chineseVocabulary = zipfVocabulary(
  chinese,
  generatedWords(
    4000,
    (index) => `${hanzi[index % hanzi.length] ?? ''}${hanzi[(index * 31 + 7) % hanzi.length] ?? ''}`,
  ),
);

/** An index drawn with probability ∝ 1 / (rank + 10): a Zipf law with a flattened head. */
function zipfIndex(next: () => number, size: number): number {
  const total = Math.log((size + 10) / 10);
  return Math.min(size - 1, Math.floor(10 * Math.exp(next() * total) - 10));
}

/** mulberry32: a tiny seeded generator, so every run ingests the same text. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: readonly string[], chinese: boolean): string {
  const length = 6 + Math.floor(next() * 12);
  const picked = Array.from({ length }, () => words[zipfIndex(next, words.length)] ?? '');
  if (chinese) return `${picked.join('')}。`;
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * Markdown documents (headings, paragraphs of 3–6 sentences, alternating Chinese and English)
 * adding up to about `totalBytes` of UTF-8, each about `documentBytes`.
 */
export function mixedCorpus(totalBytes: number, documentBytes: number): { title: string; text: string }[] {
  const next = random(6);
  const encoder = new TextEncoder();
  const documents: { title: string; text: string }[] = [];
  let total = 0;
  while (total < totalBytes) {
    const parts: string[] = [];
    let size = 0;
    for (let section = 1; size < documentBytes; section += 1) {
      const chineseSection = section % 2 === 0;
      const heading = chineseSection ? `## 第${section}节 说明` : `## Section ${section} notes`;
      const paragraphs = Array.from({ length: 4 }, () =>
        Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
          sentence(next, chineseSection ? chineseVocabulary : englishVocabulary, chineseSection),
        ).join(chineseSection ? '' : ' '),
      );
      const block = [heading, ...paragraphs].join('\n\n');
      parts.push(block);
      size += encoder.encode(block).byteLength + 2;
    }
    const text = parts.join('\n\n');
    documents.push({ title: `Handbook ${documents.length + 1} 手册`, text });
    total += size;
  }
  return documents;
}

/** Queries of two to four words drawn like the text's words, half Chinese and half English. */
export function benchmarkQueries(count: number): string[] {
  const next = random(42);
  return Array.from({ length: count }, (_, index) => {
    const words = index % 2 === 0 ? englishVocabulary : chineseVocabulary;
    const length = 2 + Math.floor(next() * 3);
    return Array.from({ length }, () => words[zipfIndex(next, words.length)] ?? '').join(
      index % 2 === 0 ? ' ' : '',
    );
  });
}
