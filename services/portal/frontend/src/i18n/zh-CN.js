// Message catalogue (简体中文 zh-CN). Keep the same keys as the other language: tests/i18n.test.js checks it.
// Curly braces are vue-i18n placeholders; a literal @ { } | must be written {'@'} etc.
export default {
  "app": {
    "title": "五社联动枢纽",
    "skip": "跳到主要内容",
    "workspaces": "工作台",
    "language": "语言",
    "signOut": "退出登录"
  },
  "ws": {
    "community": "社区工作台",
    "provider": "组织/捐赠方工作台",
    "volunteer": "志愿者",
    "worker": "社工",
    "station": "站点工作台",
    "centre": "中心报表",
    "admin": "平台管理"
  },
  "landing": {
    "denied": "您无权打开{ws}。",
    "none": "您的账号还没有可用的工作台，请联系平台管理员。"
  },
  "notFound": {
    "title": "找不到这个页面",
    "home": "返回首页"
  },
  "admin": {
    "title": "平台管理",
    "intro": "各方的工作台：",
    "note": "居民个人信息只对其社区和服务该社区的站点开放，平台管理员也看不到。",
    "for": {
      "community": "社区工作人员：发布需求、导入需求清单、居民名册",
      "provider": "社会组织与捐赠方：资源、服务能力、项目",
      "volunteer": "志愿者：任务、时长、积分",
      "worker": "社工：探访、个案、小组",
      "station": "站点工作人员：推荐与匹配",
      "centre": "中心负责人：报表"
    }
  },
  "common": {
    "loading": "加载中…",
    "retry": "重试",
    "refresh": "刷新",
    "save": "保存",
    "cancel": "取消",
    "confirm": "确定",
    "close": "关闭",
    "choose": "请选择",
    "all": "全部",
    "actions": "操作",
    "next": "下一步",
    "back": "上一步",
    "edit": "编辑",
    "withdraw": "撤回",
    "submit": "提交",
    "none": "无",
    "yes": "是",
    "no": "否",
    "page": "第 {page} 页，共 {pages} 页",
    "prev": "上一页",
    "nextPage": "下一页",
    "optional": "（可选）",
    "saved": "已保存"
  },
  "error": {
    "generic": "出了点问题，请重试。",
    "network": "无法连接服务，请检查网络后重试。",
    "unauthorized": "登录已失效，正在重新登录…",
    "forbidden": "无权访问 Forbidden",
    "notFound": "找不到，可能已被删除或撤回。",
    "conflict": "已有人先处理过了，列表已刷新。",
    "server": "服务暂时出错，请稍后重试。",
    "status": "请求未成功（{status}）。",
    "required": "必填"
  },
  "history": {
    "title": "需求历史",
    "open": "历史",
    "empty": "暂无记录。"
  },
  "enum": {
    "category": {
      "HOME_REPAIR": "上门维修",
      "SAFETY_CHECK": "安全检查",
      "DAILY_GOODS": "生活物资",
      "MEAL_ASSISTANCE": "助餐",
      "HEALTH": "健康服务",
      "ESCORT": "陪诊",
      "COMPANIONSHIP": "陪伴探访",
      "HAIRCUT": "义剪",
      "LEGAL_ADVICE": "法律咨询",
      "ANTI_FRAUD": "反诈宣传",
      "MEDIATION": "矛盾调解",
      "PSYCHOLOGICAL_SUPPORT": "心理疏导",
      "TUTORING": "课业辅导",
      "STUDY_SPACE": "学习空间改造",
      "CULTURAL_EVENT": "文化与邻里活动",
      "OTHER": "其他",
      "UNKNOWN": "未知"
    },
    "urgency": {
      "ROUTINE": "常规",
      "SOON": "近期",
      "URGENT": "加急",
      "IMMEDIATE": "立即",
      "UNKNOWN": "未知"
    },
    "group": {
      "ELDERLY_ALONE": "独居老人",
      "VERY_OLD": "高龄老人",
      "CHILDLESS_ELDERLY": "孤寡老人",
      "DISABLED": "残疾人",
      "CHILD_IN_HARDSHIP": "困境儿童",
      "LOW_INCOME_FAMILY": "低保/低收入家庭",
      "NEWCOMER": "新市民",
      "FOREIGN_RESIDENT": "外籍居民",
      "ALL_RESIDENTS": "全体居民",
      "OTHER": "其他",
      "UNKNOWN": "未知"
    },
    "flag": {
      "ELDERLY_ALONE": "独居老人",
      "VERY_OLD": "高龄老人",
      "CHILDLESS_ELDERLY": "孤寡老人",
      "DISABLED": "残疾人",
      "CHILD_IN_HARDSHIP": "困境儿童",
      "LOW_INCOME": "低保/低收入",
      "NEWCOMER": "新市民",
      "FOREIGN_RESIDENT": "外籍居民"
    },
    "source": {
      "NEED_LIST": "需求清单",
      "HARDSHIP_LIST": "困难群众清单",
      "MICRO_WISH": "微心愿",
      "VISIT": "探访发现",
      "CASE_WORK": "个案工作",
      "GRID_REPORT": "网格上报",
      "OTHER": "其他",
      "UNKNOWN": "未知"
    },
    "unit": {
      "PIECE": "件",
      "SET": "套",
      "BOX": "箱",
      "BAG": "袋",
      "BOTTLE": "瓶",
      "KILOGRAM": "公斤",
      "JIN": "斤",
      "LITRE": "升",
      "PORTION": "份",
      "OTHER": "其他单位",
      "UNKNOWN": "未知"
    },
    "skill": {
      "HOME_REPAIR": "家居维修",
      "ELECTRICAL": "电工",
      "PLUMBING": "水暖",
      "GAS_SAFETY": "燃气安全",
      "HAIRDRESSING": "理发",
      "MEDICAL": "医疗",
      "NURSING": "护理",
      "ELDER_CARE": "养老照护",
      "PSYCHOLOGICAL_COUNSELLING": "心理咨询",
      "LEGAL": "法律",
      "ANTI_FRAUD_EDUCATION": "反诈宣传",
      "MEDIATION": "调解",
      "INTERPRETING": "翻译",
      "SIGN_LANGUAGE": "手语",
      "TUTORING": "辅导",
      "CHILD_CARE": "儿童照护",
      "DRIVING": "驾驶",
      "COOKING": "烹饪",
      "CLEANING": "保洁",
      "DIGITAL_LITERACY": "数字技能",
      "CARPENTRY_ASSEMBLY": "木工组装",
      "CULTURAL_ARTS": "文艺",
      "SPORTS_FITNESS": "体育健身",
      "EVENT_ORGANIZING": "活动组织",
      "SOCIAL_WORK": "社会工作",
      "OTHER": "其他",
      "UNKNOWN": "未知"
    },
    "day": {
      "MONDAY": "周一",
      "TUESDAY": "周二",
      "WEDNESDAY": "周三",
      "THURSDAY": "周四",
      "FRIDAY": "周五",
      "SATURDAY": "周六",
      "SUNDAY": "周日"
    },
    "needStatus": {
      "PUBLISHED": "已发布",
      "MATCHED": "已匹配",
      "ACCEPTED": "已接单",
      "IN_SERVICE": "服务中",
      "FULFILLED": "已完成",
      "CANCELLED": "已取消",
      "EXPIRED": "已过期"
    },
    "frequency": {
      "DAILY": "每天",
      "WEEKLY": "每周",
      "MONTHLY": "每月"
    },
    "offerKind": {
      "GOODS": "物资",
      "SERVICE": "服务",
      "FUND": "资金",
      "VENUE": "场地"
    },
    "offerStatus": {
      "ACTIVE": "有效",
      "EXPIRED": "已过期",
      "WITHDRAWN": "已撤回"
    },
    "reservationStatus": {
      "RESERVED": "已预留",
      "RELEASED": "已释放",
      "CONSUMED": "已使用"
    },
    "matchStatus": {
      "PROPOSED": "待确认",
      "ESCALATED": "已上报中心",
      "ACCEPTED": "已接受",
      "RESERVED": "资源已预留",
      "COMPLETED": "已完成",
      "DECLINED": "已拒绝",
      "LAPSED": "已超时",
      "FAILED": "预留失败",
      "WITHDRAWN": "已撤回"
    },
    "declineReason": {
      "NOT_SUITABLE": "不合适",
      "TOO_FAR": "距离太远",
      "TIME_CONFLICT": "时间冲突",
      "VOLUNTEER_UNAVAILABLE": "志愿者无法参加",
      "RESOURCE_UNAVAILABLE": "资源不可用",
      "NEED_ALREADY_MET": "需求已满足",
      "RESIDENT_DECLINED": "居民谢绝",
      "OTHER": "其他原因"
    },
    "candidateKind": {
      "VOLUNTEER": "志愿者",
      "OFFER": "资源",
      "CAPACITY": "机构服务"
    },
    "level": {
      "DISTRICT_CENTRE": "区级指导中心",
      "STREET_CENTRE": "街镇社工服务中心",
      "COMMUNITY_STATION": "社区社工站"
    },
    "component": {
      "skill": "技能匹配",
      "skills": "技能匹配",
      "category": "服务类别",
      "distance": "距离",
      "urgency": "紧急程度",
      "priority": "优先照顾",
      "time": "时间",
      "timeWindow": "时间",
      "expiry": "保质期",
      "fairness": "公平轮换",
      "languages": "语言",
      "language": "语言",
      "capacity": "名额",
      "stock": "库存"
    },
    "withdrawal": {
      "NO_LONGER_OFFERED": "不再提供",
      "CAPACITY_EXHAUSTED": "人手已满",
      "PERIOD_ENDED": "服务期结束",
      "OTHER": "其他"
    },
    "capacityStatus": {
      "OFFERED": "提供中",
      "WITHDRAWN": "已撤回"
    },
    "projectStatus": {
      "ACTIVE": "进行中",
      "CLOSED": "已结项"
    },
    "projectOutcome": {
      "COMPLETED": "按期完成",
      "ENDED_EARLY": "提前结束"
    },
    "visitKind": {
      "PHONE": "电话探访",
      "HOME": "入户探访"
    },
    "visitOutcome": {
      "WELL": "状况良好",
      "NEED_FOUND": "发现需求",
      "FOLLOW_UP": "需要回访",
      "REFERRED": "已转介",
      "NOT_REACHED": "未联系上"
    },
    "caseStatus": {
      "OPEN": "在案",
      "CLOSED": "已结案"
    },
    "caseOutcome": {
      "GOALS_MET": "目标达成",
      "REFERRED": "已转介",
      "CLIENT_WITHDREW": "服务对象退出",
      "CLIENT_MOVED": "服务对象迁出",
      "OTHER": "其他"
    },
    "noteKind": {
      "ASSESSMENT": "预估",
      "SESSION": "会谈记录",
      "CLOSING": "结案小结"
    },
    "preset": {
      "THIS_MONTH": "本月",
      "LAST_MONTH": "上月",
      "THIS_YEAR": "今年"
    },
    "txKind": {
      "AWARD": "服务奖励",
      "REDEMPTION": "兑换",
      "GIFT": "转赠",
      "EXPIRY": "过期"
    },
    "assignmentStatus": {
      "PROPOSED": "待确认",
      "CONFIRMED": "已确认",
      "DECLINED": "已谢绝",
      "ACCEPTED": "已安排",
      "COMPLETED": "已完成"
    },
    "live": {
      "idle": "未连接",
      "connecting": "连接中",
      "live": "已连接",
      "reconnecting": "重新连接中",
      "offline": "连接中断，稍后重试",
      "denied": "无权访问"
    },
    "importState": {
      "QUEUED": "排队中",
      "RUNNING": "处理中",
      "COMPLETED": "已完成",
      "FAILED": "失败"
    }
  },
  "need": {
    "title": "需求标题",
    "category": "服务类别",
    "urgency": "紧急程度",
    "beneficiaryGroup": "服务对象",
    "beneficiaryCount": "服务人数",
    "start": "开始时间（北京时间）",
    "end": "结束时间（北京时间）",
    "source": "需求来源",
    "estimatedMinutes": "预计时长（分钟）",
    "quantity": "数量（物资）",
    "unit": "单位",
    "languages": "所需语言",
    "languagesHint": "如 en, ja（用逗号分隔）",
    "resident": "居民",
    "skills": "所需技能",
    "publish": "发布需求",
    "status": "状态",
    "statusSteps": "需求进度",
    "endBeforeStart": "结束时间须晚于开始时间"
  },
  "community": {
    "choose": "社区",
    "pickFirst": "请先选择社区。",
    "importLink": "导入需求清单",
    "tabPublish": "发布需求",
    "tabNeeds": "需求列表",
    "tabSeries": "周期需求",
    "tabResidents": "居民名册",
    "published": "已发布：{title}",
    "autoRefresh": "每 15 秒自动刷新",
    "noNeeds": "还没有需求。",
    "occurrence": "周期第 {n} 次",
    "cancelNeed": "取消需求",
    "cancelConfirm": "确定取消“{title}”吗？"
  },
  "series": {
    "create": "创建周期需求",
    "created": "周期需求已创建",
    "frequency": "重复频率",
    "interval": "间隔",
    "count": "次数",
    "until": "截止",
    "list": "已有的周期需求",
    "none": "还没有周期需求。",
    "next": "下一次为第 {n} 次",
    "first": "首次",
    "active": "进行中",
    "stopped": "已停止",
    "stop": "停止"
  },
  "resident": {
    "fromRegister": "从名册选择居民",
    "none": "不关联居民",
    "or": "或",
    "idNumber": "身份证号",
    "lookup": "按身份证号查找",
    "lookupReason": "发布需求时查找居民",
    "found": "已找到居民：{ref}",
    "logged": "每次查看居民信息都会记录查看人和原因。",
    "register": "登记居民",
    "registerSubmit": "登记",
    "name": "姓名",
    "number": "居民编号",
    "phone": "电话",
    "address": "地址",
    "flags": "照顾类别",
    "privacy": "名册只显示编号；查看个人信息需说明原因并记录。",
    "empty": "名册为空。",
    "ref": "匿名编号",
    "registered": "登记时间",
    "view": "查看信息",
    "accessLog": "查看记录",
    "accessLogJson": "记录原文",
    "details": "居民信息",
    "reason": "查看原因",
    "reasonHint": "如：入户探访前核对地址",
    "reasonRequired": "请填写查看原因",
    "read": "查看",
    "logEmpty": "暂无查看记录。"
  },
  "import": {
    "title": "导入需求清单",
    "back": "返回社区工作台",
    "stepUpload": "上传文件",
    "stepMapping": "对应列",
    "stepPreview": "预览与修改",
    "stepReport": "发布结果",
    "file": "需求清单文件（.xlsx 或 .csv）",
    "fileHint": "中文或英文表头均可。模板：",
    "templateZh": "中文模板",
    "templateEn": "英文模板",
    "upload": "上传",
    "mappingIntro": "“{file}”的各列对应到哪一项？已自动识别的可以修改。",
    "column": "表格列",
    "field": "对应项",
    "how": "识别方式",
    "ignore": "不导入",
    "auto": "自动识别",
    "byHand": "手动指定",
    "missing": "以下必填项还没有对应的列：",
    "duplicate": "以下项对应了多列：",
    "restart": "重新上传",
    "counts": "共 {total} 行，{bad} 行有问题。",
    "onlyProblems": "只看有问题的行",
    "row": "行号",
    "problems": "问题",
    "rowOk": "可以发布",
    "fix": "修改",
    "publish": "发布 {n} 行",
    "running": "正在发布：{done}/{total}",
    "result": "已发布 {published} 条，退回 {rejected} 条（共 {total} 行）。",
    "failed": "导入失败，请查看退回原因。",
    "rejectionsCsv": "下载退回原因（CSV）",
    "again": "再导入一份",
    "toNeeds": "查看需求列表",
    "fields": {
      "title": "需求标题",
      "category": "服务类别",
      "urgency": "紧急程度",
      "beneficiaryGroup": "服务对象",
      "start": "开始时间",
      "end": "结束时间",
      "communityId": "社区",
      "stationId": "站点",
      "gridId": "网格",
      "residentId": "居民编号",
      "source": "需求来源",
      "beneficiaryCount": "服务人数",
      "quantity_amount": "数量",
      "quantity_unit": "单位",
      "requiredSkills": "所需技能",
      "requiredLanguages": "所需语言",
      "estimatedMinutes": "预计时长(分钟)",
      "geohash": "位置编码"
    }
  }
};
