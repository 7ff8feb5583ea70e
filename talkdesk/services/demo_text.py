"""Made-up names and talk text for the demo workspace, composed from phrase lists.

Nothing here is about real people: surnames and given-name characters are
combined at random, and talk records are stitched from stock phrases an office
would write, so the demo reads like a real ledger (谈心谈话记录) at any size.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from talkdesk.domain.values import Topic

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林晨阳峰建国志文博"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英慧婷玉萍红琳雪梅兰倩颖洁欣怡佳悦瑶璐晶莉燕丹蓉薇琪"
NEUTRAL_CHARS = "小晓春海云清思嘉子新一可安文雨天宏远泽"

TOP_DEPARTMENTS = (
    "办公室",
    "组织人事科",
    "政策法规科",
    "财务审计科",
    "综合业务科",
    "行政审批科",
    "督查考核科",
    "信息中心",
    "机关党委办公室",
    "宣传教育科",
    "规划发展科",
    "执法监督科",
    "安全监管科",
    "后勤服务中心",
    "档案室",
    "信访接待科",
)
SUB_DEPARTMENTS = ("综合组", "业务一组", "业务二组", "秘书组", "技术组", "服务组", "调研组")
CHINESE_NUMERALS = "一二三四五六七八九十"

LEADER_TITLES = ("局长", "副局长", "副局长", "党组成员、副局长", "纪检组长", "总工程师")
MIDDLE_TITLES = ("科长", "主任", "副科长", "副主任")
STAFF_TITLES = (
    "一级科员",
    "二级科员",
    "一级主任科员",
    "二级主任科员",
    "三级主任科员",
    "四级主任科员",
    "办事员",
    "科员",
)
PLACES = ("局长办公室", "小会议室", "三楼谈话室", "党员活动室", "副局长办公室", "二楼接待室")

OPENINGS = (
    "谈话在轻松坦诚的氛围中进行，双方围绕近期工作和思想状况作了深入交流。",
    "按照年度谈心谈话计划，本次谈话重点了解近期工作进展和个人想法。",
    "谈话开门见山，本人态度诚恳，对提出的问题逐一作了回应。",
    "本次谈话以听为主，鼓励本人敞开心扉，把想法和困难说出来。",
    "结合近期单位重点工作安排，与本人进行了一对一谈心谈话。",
)
TOPIC_SENTENCES: dict[Topic, tuple[str, ...]] = {
    Topic.WORK: (
        "本人介绍了{task}的进展情况，目前已完成阶段性任务，{month}前可以全部收尾。",
        "近期主要承担{task}工作，任务量较大，但能够按时保质完成。",
        "在{task}中主动作为，协调了多个科室，得到了同事们的认可。",
        "对照年初工作目标，本人认为{task}推进偏慢，原因是前期调研不够充分。",
        "本人表示今年的工作节奏比去年快，{task}和日常事务交织，需要合理安排时间。",
    ),
    Topic.BUSINESS: (
        "谈到业务问题，本人提出{task}的流程环节较多，材料重复报送的情况仍然存在。",
        "本人对新出台的政策文件学习还不够深入，希望多参加业务培训。",
        "在办理群众诉求时，本人能够耐心细致地解释政策，没有出现投诉。",
        "本人建议把{task}的经验做法整理成工作规范，便于新同志上手。",
    ),
    Topic.IDEOLOGY: (
        "思想动态总体稳定，能够自觉学习党的理论，积极参加支部组织生活。",
        "本人坦言前一阶段工作热情有所下降，经过交流，表示会尽快调整状态。",
        "本人政治立场坚定，对单位的各项改革措施表示理解和支持。",
        "谈到理想信念，本人表示要以身边的先进典型为榜样，把本职工作做好。",
        "本人对近期开展的主题教育体会较深，认为学习要和解决实际问题结合起来。",
    ),
    Topic.LIFE: (
        "家庭方面，{family}，本人表示能够兼顾工作和家庭。",
        "本人提到{family}，家庭负担有所加重，但没有影响正常工作。",
        "生活上总体顺利，{family}，心态比较平和。",
        "本人住处离单位较远，每天通勤时间较长，家庭事务主要由配偶承担。",
    ),
    Topic.CAREER: (
        "关于职业发展，本人希望能到业务岗位多锻炼，提升综合能力。",
        "本人对职级晋升有一定期待，同时表示会踏实干好当前工作。",
        "本人计划报考在职研究生，希望单位在时间安排上给予支持。",
        "谈到今后打算，本人表示愿意到基层一线或者急难险重岗位接受历练。",
    ),
    Topic.CONCERNS: (
        "本人有些困惑，感觉工作压力较大，担心完不成{task}的任务。",
        "本人反映科室之间职责边界不清，遇到交叉事项容易推诿。",
        "本人对年度考核结果有些想法，希望考核标准更加公开透明。",
        "本人的主要困惑是工作时间长、学习时间少，个人成长遇到瓶颈。",
    ),
    Topic.HEALTH: (
        "身体状况一般，{health}，已按医嘱治疗。",
        "本人近期睡眠不太好，精神压力较大，已建议适当调整作息。",
        "本人注意劳逸结合，坚持每周锻炼，精力比较充沛。",
        "谈话中了解到本人{health}，提醒其注意休息，必要时可以请假。",
    ),
}
TASKS = (
    "年度重点项目推进",
    "文件起草和信息报送",
    "专项督查",
    "行政审批事项办理",
    "预算编制",
    "档案数字化",
    "信访件办理",
    "安全生产检查",
    "政务公开",
    "干部教育培训",
    "党建工作考核",
    "数据统计上报",
    "营商环境优化",
    "巡察整改",
)
FAMILY = (
    "孩子今年上小学，接送有些困难",
    "家中老人身体不好，需要经常照顾",
    "配偶在外地工作，夫妻两地分居",
    "孩子面临中考，学习压力大",
    "刚刚买了房子，正在装修",
    "二孩出生不久，家务较多",
    "父母年事已高，独自在老家生活",
    "家庭和睦，孩子学习自觉",
)
HEALTH = (
    "腰椎间盘突出时有复发",
    "血压偏高",
    "体检发现甲状腺结节",
    "胃病反复发作",
    "颈椎不适",
)
CLOSINGS = (
    "最后，谈话人对本人的工作给予肯定，希望其继续发挥好骨干作用。",
    "谈话人勉励本人放下包袱、轻装上阵，有困难及时向组织反映。",
    "双方约定下次谈话时再回顾相关事项的落实情况。",
    "谈话人要求本人加强学习，严守纪律规矩，在平凡岗位上做出成绩。",
)


@dataclass(frozen=True)
class Problem:
    """A problem a person raises, and how the office follows it up."""

    said: str
    title: str
    handler: str
    progress: str
    resolution: str
    feedback: str


PROBLEMS = (
    Problem(
        "科室人手紧张，加班较多，希望补充人员。",
        "协调补充科室人员",
        "组织人事科",
        "已纳入年度招录计划统筹考虑。",
        "已从其他科室借调一名同志协助工作。",
        "已当面告知借调安排，本人表示满意。",
    ),
    Problem(
        "孩子入学遇到困难，希望单位帮助协调。",
        "协助解决子女入学问题",
        "办公室",
        "已与教育部门联系，等待答复。",
        "经协调，孩子已在就近学校入学。",
        "已电话告知本人办理结果。",
    ),
    Problem(
        "办公电脑老旧，运行缓慢，影响工作效率。",
        "更换老旧办公电脑",
        "信息中心",
        "已列入设备更新清单。",
        "已更换新电脑并完成数据迁移。",
        "已当面反馈，本人表示满意。",
    ),
    Problem(
        "对职称评定政策不清楚，希望有人讲解。",
        "讲解职称评定政策",
        "组织人事科",
        "已收集同类问题，准备集中答疑。",
        "已组织政策解读会，本人参加。",
        "已书面答复相关政策要点。",
    ),
    Problem(
        "食堂饭菜品种单一，晚上加班没有饭吃。",
        "改进食堂供餐",
        "后勤服务中心",
        "已征求职工意见，正在调整菜单。",
        "食堂已增加晚餐供应。",
        "已在职工大会上通报改进情况。",
    ),
    Problem(
        "业务培训机会少，新政策掌握不够。",
        "安排业务培训",
        "组织人事科",
        "已与上级部门沟通培训名额。",
        "已安排参加市级业务培训班。",
        "已通知本人培训时间和地点。",
    ),
    Problem(
        "老人住院需要照顾，希望调整休假时间。",
        "协调休假安排",
        "办公室",
        "已与科室负责人沟通工作交接。",
        "已批准分段休假。",
        "已当面告知，本人表示感谢。",
    ),
    Problem(
        "材料重复报送，基层负担重。",
        "清理重复报送材料",
        "督查考核科",
        "已梳理各类报表，拟合并同类事项。",
        "已取消三类重复报表。",
        "已向本人反馈清理结果。",
    ),
    Problem(
        "办公场所拥挤，没有安静的谈话和接待空间。",
        "调整办公用房",
        "后勤服务中心",
        "正在研究办公用房调整方案。",
        "受条件限制，暂时无法调整，已改用共享会议室。",
        "已说明原因，本人表示理解。",
    ),
    Problem(
        "加班调休难以落实，希望明确规定。",
        "落实加班调休制度",
        "办公室",
        "已起草加班调休管理办法。",
        "管理办法已印发执行。",
        "已书面告知本人。",
    ),
    Problem(
        "通勤距离远，希望考虑班车或弹性上班。",
        "研究通勤困难问题",
        "后勤服务中心",
        "已调查职工通勤情况。",
        "因经费原因暂不能开通班车，已允许错峰上班。",
        "已当面反馈，本人部分满意。",
    ),
    Problem(
        "科室之间职责交叉，遇事相互推诿。",
        "厘清科室职责边界",
        "组织人事科",
        "已梳理职责交叉事项清单。",
        "已印发科室职责分工补充规定。",
        "已在科务会上反馈。",
    ),
)
SUGGESTIONS = (
    "建议定期组织青年干部交流座谈，促进相互学习。",
    "建议优化请休假审批流程，减少纸质材料。",
    "建议加强科室之间的信息共享，避免重复劳动。",
    "建议完善绩效考核办法，把实绩作为主要依据。",
    "建议多组织一些文体活动，丰富职工业余生活。",
    "建议对新入职同志实行导师帮带。",
    "建议精简会议，把时间用在抓落实上。",
    "建议建立常态化的职工谈心谈话机制，及时掌握思想动态。",
)
CARE_REASONS = (
    "家中老人重病住院，近期精神压力较大，需要持续关心。",
    "孩子升学压力大，本人情绪焦虑，睡眠不好。",
    "本人身体欠佳，正在治疗，工作上需要适当照顾。",
    "配偶异地工作，家庭负担重，情绪有些低落。",
    "工作任务繁重，连续加班，出现明显疲惫和压力。",
)
PRIVATE_NOTES = (
    "谈话中情绪有些低落，几次欲言又止，需持续关注。",
    "提及与同事关系紧张，本人不希望记入正式记录。",
    "本人透露家庭经济较为困难，可考虑困难帮扶。",
    "私下提到有调动的想法，暂不宜公开。",
    "本人对个别领导的工作方式有意见，已做好解释疏导。",
)
BOX_ITEMS = (
    ("建议增加职工健身设施", "建议在机关大院内增设健身器材，方便职工锻炼身体。"),
    ("建议食堂延长供餐时间", "加班同志经常赶不上晚饭，建议食堂延长晚餐供应时间。"),
    ("建议优化车辆使用审批", "公务用车审批环节多，外出办事常常耽误时间。"),
    ("反映停车位紧张", "单位停车位不足，建议合理规划或与周边单位协调。"),
    ("建议开展心理健康讲座", "工作压力普遍较大，建议邀请专业人员开展心理健康辅导。"),
    ("建议公开评先评优结果", "评先评优过程应更加公开透明，结果及时公示。"),
)
CLOSED_NOTES = ("已办结。", "事项已落实，予以办结。", "经研究，事项办理完毕。")
UNRESOLVABLE_NOTES = (
    "受政策和经费限制，暂时无法解决，已向本人说明情况。",
    "超出本单位职权范围，已向上级部门反映。",
)


def make_name(rng: random.Random, female: bool) -> str:
    chars = FEMALE_CHARS if female else MALE_CHARS
    given = rng.choice(chars)
    if rng.random() < 0.7:
        given = rng.choice(NEUTRAL_CHARS + chars) + given
    return rng.choice(SURNAMES) + given


def numbered(base: str, n: int) -> str:
    """The n-th name built on `base` (n from 0): 办公室, 第二办公室, 第三办公室…"""
    if n == 0:
        return base
    return f"第{CHINESE_NUMERALS[n % 10]}{base}" if n < 10 else f"{base}{n + 1}"


@dataclass(frozen=True)
class TalkText:
    content: str
    problems: str
    suggestions: str
    problem_ids: tuple[int, ...]


def talk_text(
    rng: random.Random, topics: tuple[Topic, ...], month: str, care_reason: str
) -> TalkText:
    """A few hundred characters of a talk record on `topics`, with problems and suggestions."""
    parts = [rng.choice(OPENINGS)]
    fill = {
        "task": rng.choice(TASKS),
        "month": month,
        "family": rng.choice(FAMILY),
        "health": rng.choice(HEALTH),
    }
    for topic in topics:
        chosen = rng.sample(TOPIC_SENTENCES[topic], 2 if rng.random() < 0.7 else 1)
        if len(chosen) == 2 and any(f"{{{k}}}" in chosen[1] for k in ("family", "health")):
            chosen.pop()  # one mention of the family or an illness per talk reads naturally
        parts.extend(sentence.format(**fill) for sentence in chosen)
    if care_reason:
        parts.append("谈话中了解到，" + care_reason)
    parts.append(rng.choice(CLOSINGS))
    problem_ids: tuple[int, ...] = ()
    roll = rng.random()
    if roll < 0.26:
        problem_ids = (rng.randrange(len(PROBLEMS)),)
    elif roll < 0.3:
        problem_ids = tuple(rng.sample(range(len(PROBLEMS)), 2))
    problems = "\n".join(f"{i + 1}. {PROBLEMS[p].said}" for i, p in enumerate(problem_ids))
    suggestions = rng.choice(SUGGESTIONS) if rng.random() < 0.4 else ""
    return TalkText("".join(parts), problems, suggestions, problem_ids)
