<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AmendDialog</name>
        <message>
            <source>Add amendment</source>
            <translation>补充更正</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>更正原因(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Correction:</source>
            <translation>更正内容(&amp;C)：</translation>
        </message>
        <message>
            <source>Please give both the reason and the correction.</source>
            <translation>请填写更正原因和更正内容。</translation>
        </message>
    </context>
    <context>
        <name>AppointmentDialog</name>
        <message>
            <source>Reschedule talk</source>
            <translation>谈话改期</translation>
        </message>
        <message>
            <source>Schedule talk</source>
            <translation>安排谈话</translation>
        </message>
        <message>
            <source>(choose a person)</source>
            <translation>（请选择谈话对象）</translation>
        </message>
        <message>
            <source>(choose a talker)</source>
            <translation>（请选择谈话人）</translation>
        </message>
        <message>
            <source>e.g. small meeting room, 2nd floor</source>
            <translation>如：二楼小会议室</translation>
        </message>
        <message>
            <source>This day is a day off (weekend or public holiday).</source>
            <translation>这天是休息日（周末或法定节假日）。</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>谈话对象(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Talker:</source>
            <translation>谈话人(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Date and time:</source>
            <translation>日期和时间(&amp;D)：</translation>
        </message>
        <message>
            <source>P&amp;lace:</source>
            <translation>地点(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Cancel appointment…</source>
            <translation>取消预约…</translation>
        </message>
        <message>
            <source>Please choose the person to talk with.</source>
            <translation>请选择谈话对象。</translation>
        </message>
        <message>
            <source>Please choose who holds the talk.</source>
            <translation>请选择谈话人。</translation>
        </message>
        <message>
            <source>The talker and the person talked with must be different people.</source>
            <translation>谈话人和谈话对象不能是同一人。</translation>
        </message>
        <message>
            <source>This time has already passed. Please choose a later time.</source>
            <translation>该时间已过，请选择以后的时间。</translation>
        </message>
    </context>
    <context>
        <name>AppointmentEditor</name>
        <message>
            <source>Cancel the talk with %1 on %2?</source>
            <translation>取消 %2 与%1的谈话预约吗？</translation>
        </message>
        <message>
            <source>Cancel appointment</source>
            <translation>取消预约</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>保留预约</translation>
        </message>
    </context>
    <context>
        <name>BulkDialog</name>
        <message>
            <source>Change handler or due date</source>
            <translation>更改承办人或办理期限</translation>
        </message>
        <message numerus="yes">
            <source>For the %n chosen follow-up(s):</source>
            <translation>
                <numerusform>对选中的 %n 项跟进事项：</numerusform>
            </translation>
        </message>
        <message>
            <source>New &amp;handler:</source>
            <translation>新承办人(&amp;H)：</translation>
        </message>
        <message>
            <source>New &amp;due date:</source>
            <translation>新办理期限(&amp;D)：</translation>
        </message>
        <message>
            <source>Tick what to change: the handler, the due date or both.</source>
            <translation>请勾选要更改的内容：承办人、办理期限，或两者。</translation>
        </message>
        <message>
            <source>Please name the new handler.</source>
            <translation>请填写新的承办人。</translation>
        </message>
    </context>
    <context>
        <name>CalendarBox</name>
        <message>
            <source>Working calendar</source>
            <translation>工作日历</translation>
        </message>
        <message>
            <source>talkdesk knows China's public holidays and the weekend days made working days once they are announced. Add days here only for a year it does not know yet, or to correct a day for your unit.</source>
            <translation>本软件已内置国家法定节假日和调休安排（国务院公布后随版本更新）。仅当某年安排尚未收录，或本单位需要调整某一天时，才需在此添加。</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Day off</source>
            <translation>休息日</translation>
        </message>
        <message>
            <source>Working day</source>
            <translation>工作日</translation>
        </message>
        <message>
            <source>Note, e.g. Spring Festival 2028</source>
            <translation>备注，如：2028年春节</translation>
        </message>
        <message>
            <source>&amp;Add day</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>删除(&amp;V)</translation>
        </message>
    </context>
    <context>
        <name>CarryOverPanel</name>
        <message>
            <source>Mark &amp;resolved…</source>
            <translation>标记为已解决(&amp;R)…</translation>
        </message>
        <message>
            <source>Record &amp;feedback…</source>
            <translation>登记反馈(&amp;F)…</translation>
        </message>
        <message>
            <source>Last talk</source>
            <translation>上次谈话</translation>
        </message>
        <message>
            <source>Open follow-ups</source>
            <translation>未办结的跟进事项</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>%1 到期</translation>
        </message>
        <message>
            <source>No open follow-ups.</source>
            <translation>没有未办结的跟进事项。</translation>
        </message>
        <message>
            <source>No earlier talk recorded.</source>
            <translation>此前没有谈话记录。</translation>
        </message>
        <message>
            <source>no topics ticked</source>
            <translation>未勾选谈话主题</translation>
        </message>
    </context>
    <context>
        <name>ChartBox</name>
        <message>
            <source>Save as PNG…</source>
            <translation>保存为PNG图片…</translation>
        </message>
        <message>
            <source>Save this chart as a picture (not encrypted)</source>
            <translation>将此图表保存为图片（图片文件不加密）</translation>
        </message>
        <message>
            <source>Nothing to show for this period.</source>
            <translation>本期暂无数据。</translation>
        </message>
    </context>
    <context>
        <name>ClosingDialog</name>
        <message>
            <source>Mark resolved</source>
            <translation>标记为已解决</translation>
        </message>
        <message>
            <source>Cannot be resolved</source>
            <translation>无法解决</translation>
        </message>
        <message>
            <source>How it was &amp;resolved:</source>
            <translation>解决情况(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>原因(&amp;R)：</translation>
        </message>
        <message>
            <source>Please say how the matter was resolved.</source>
            <translation>请填写解决情况。</translation>
        </message>
        <message>
            <source>Please give the reason it cannot be resolved.</source>
            <translation>请填写无法解决的原因。</translation>
        </message>
    </context>
    <context>
        <name>ContentPage</name>
        <message>
            <source>talkdesk</source>
            <translation>talkdesk</translation>
        </message>
    </context>
    <context>
        <name>CoverageModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Talk by</source>
            <translation>应谈日期</translation>
        </message>
        <message>
            <source>Last talk</source>
            <translation>上次谈话</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>预约</translation>
        </message>
    </context>
    <context>
        <name>DayColumn</name>
        <message>
            <source>Day off</source>
            <translation>休</translation>
        </message>
    </context>
    <context>
        <name>DigestDialog</name>
        <message>
            <source>While talkdesk was closed</source>
            <translation>talkdesk 关闭期间的提醒</translation>
        </message>
        <message>
            <source>While talkdesk was closed, these reminders fell due:</source>
            <translation>talkdesk 关闭期间，以下提醒已到期：</translation>
        </message>
        <message>
            <source>… and {count} more in the reminder list</source>
            <translation>……另有 {count} 项，请在提醒列表中查看</translation>
        </message>
        <message>
            <source>Open the reminder list</source>
            <translation>打开提醒列表</translation>
        </message>
    </context>
    <context>
        <name>DraftRecovery</name>
        <message>
            <source>%1 · %2 (talker: %3)</source>
            <translation>%1 · %2（谈话人：%3）</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>……另有 %n 份</numerusform>
            </translation>
        </message>
        <message>
            <source>Unfinished talk records</source>
            <translation>未完成的谈话记录</translation>
        </message>
        <message>
            <source>talkdesk ended while these talk records were open. Everything saved up to then was kept as a draft:</source>
            <translation>talkdesk 上次退出时，以下谈话记录尚未关闭。截至当时已保存的内容均已作为草稿保留：</translation>
        </message>
        <message>
            <source>Open the newest</source>
            <translation>打开最近的一份</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
    </context>
    <context>
        <name>EvaluationReport</name>
        <message>
            <source>Evaluation report on one-to-one talks</source>
            <translation>谈心谈话工作评估报告</translation>
        </message>
        <message>
            <source>{unit} evaluation report on one-to-one talks, {period}</source>
            <translation>{unit} {period}谈心谈话工作评估报告</translation>
        </message>
        <message>
            <source>Evaluation report on one-to-one talks, {period}</source>
            <translation>{period}谈心谈话工作评估报告</translation>
        </message>
        <message>
            <source>Period: {start} to {end}    Compared with: {previous}</source>
            <translation>统计期间：{start}至{end}    对比期间：{previous}</translation>
        </message>
        <message>
            <source>Scope: the whole unit</source>
            <translation>统计范围：全单位</translation>
        </message>
        <message>
            <source>Scope: {department} and the departments under it</source>
            <translation>统计范围：{department}（含下属部门）</translation>
        </message>
        <message>
            <source>Figures as of {as_of}    Written on {made_on}</source>
            <translation>数据截至：{as_of}    生成日期：{made_on}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页 共 {pages} 页</translation>
        </message>
        <message>
            <source>1. </source>
            <translation>一、</translation>
        </message>
        <message>
            <source>2. </source>
            <translation>二、</translation>
        </message>
        <message>
            <source>3. </source>
            <translation>三、</translation>
        </message>
        <message>
            <source>4. </source>
            <translation>四、</translation>
        </message>
        <message>
            <source>5. </source>
            <translation>五、</translation>
        </message>
        <message>
            <source>6. </source>
            <translation>六、</translation>
        </message>
        <message>
            <source>7. </source>
            <translation>七、</translation>
        </message>
        <message>
            <source>(1) </source>
            <translation>（一）</translation>
        </message>
        <message>
            <source>(2) </source>
            <translation>（二）</translation>
        </message>
        <message>
            <source>(3) </source>
            <translation>（三）</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>总体情况</translation>
        </message>
        <message>
            <source>Main indicators</source>
            <translation>主要指标</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>统计图表</translation>
        </message>
        <message>
            <source>People due a talk who had none</source>
            <translation>应谈未谈人员名单</translation>
        </message>
        <message>
            <source>Follow-ups overdue or still owed feedback</source>
            <translation>逾期及待反馈的跟进事项</translation>
        </message>
        <message>
            <source>Overdue on {date} ({count})</source>
            <translation>截至{date}逾期未办结事项（{count}项）</translation>
        </message>
        <message>
            <source>Closed in the period, feedback not yet given ({count})</source>
            <translation>本期已办结、尚未反馈事项（{count}项）</translation>
        </message>
        <message>
            <source>People flagged for care</source>
            <translation>关注对象谈话情况</translation>
        </message>
        <message>
            <source>The charts were not included in this report.</source>
            <translation>本报告未附统计图表。</translation>
        </message>
        <message>
            <source>Figure {n}: {title}</source>
            <translation>图{n}  {title}</translation>
        </message>
        <message>
            <source>Everyone due a talk under the plans was talked with in the period.</source>
            <translation>本期计划内应谈人员均已谈话。</translation>
        </message>
        <message>
            <source>No talk plan covered anyone in the period.</source>
            <translation>本期没有覆盖人员的谈话计划。</translation>
        </message>
        <message>
            <source>None.</source>
            <translation>无。</translation>
        </message>
        <message>
            <source>Only the first {shown} of {total} are listed.</source>
            <translation>共{total}项，仅列出前{shown}项。</translation>
        </message>
        <message>
            <source>Nobody was flagged for care in the period.</source>
            <translation>本期无标记关注的人员。</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>This period ({period})</source>
            <translation>本期（{period}）</translation>
        </message>
        <message>
            <source>Previous period ({period})</source>
            <translation>上期（{period}）</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Talk plan (cadence)</source>
            <translation>谈话计划（频次）</translation>
        </message>
        <message>
            <source>Period without a talk</source>
            <translation>未谈期间</translation>
        </message>
        <message>
            <source>Follow-up item</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Status now</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>Care</source>
            <translation>关注程度</translation>
        </message>
        <message>
            <source>Flagged on</source>
            <translation>标记日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>关注原因</translation>
        </message>
        <message>
            <source>Talked with again on</source>
            <translation>再次谈话日期</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>尚未谈话</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>匿名</translation>
        </message>
        <message>
            <source>{plan} ({cadence})</source>
            <translation>{plan}（{cadence}）</translation>
        </message>
        <message>
            <source>(plan no longer active)</source>
            <translation>（计划已停用）</translation>
        </message>
        <message>
            <source>Coverage (people due a talk who had one)</source>
            <translation>谈话覆盖率（应谈人员中已谈话的比例）</translation>
        </message>
        <message>
            <source>Talks held</source>
            <translation>开展谈话（次）</translation>
        </message>
        <message>
            <source>People talked with</source>
            <translation>谈话人数（人）</translation>
        </message>
        <message>
            <source>Follow-ups opened</source>
            <translation>新增跟进事项（项）</translation>
        </message>
        <message>
            <source>Follow-ups resolved</source>
            <translation>办结跟进事项（项）</translation>
        </message>
        <message>
            <source>Follow-ups that cannot be resolved</source>
            <translation>无法解决事项（项）</translation>
        </message>
        <message>
            <source>Follow-ups overdue (at the period's end)</source>
            <translation>逾期未办结事项（期末，项）</translation>
        </message>
        <message>
            <source>Resolved on time</source>
            <translation>按期办结率</translation>
        </message>
        <message>
            <source>Median days to resolve</source>
            <translation>办结用时中位数</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>反馈率</translation>
        </message>
        <message>
            <source>Responses: satisfied</source>
            <translation>反馈评价：满意（项）</translation>
        </message>
        <message>
            <source>Responses: partly satisfied</source>
            <translation>反馈评价：基本满意（项）</translation>
        </message>
        <message>
            <source>Responses: not satisfied</source>
            <translation>反馈评价：不满意（项）</translation>
        </message>
        <message>
            <source>People flagged for care talked with again</source>
            <translation>关注对象再次谈话率</translation>
        </message>
        <message>
            <source>{percent} ({part} of {whole})</source>
            <translation>{percent}（{part}/{whole}）</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n}天</translation>
        </message>
        <message>
            <source>up {n} points</source>
            <translation>提高{n}个百分点</translation>
        </message>
        <message>
            <source>down {n} points</source>
            <translation>下降{n}个百分点</translation>
        </message>
        <message>
            <source>up {n}</source>
            <translation>增加{n}</translation>
        </message>
        <message>
            <source>down {n}</source>
            <translation>减少{n}</translation>
        </message>
        <message>
            <source>{n} days longer</source>
            <translation>延长{n}天</translation>
        </message>
        <message>
            <source>{n} days shorter</source>
            <translation>缩短{n}天</translation>
        </message>
        <message>
            <source>no change</source>
            <translation>持平</translation>
        </message>
        <message>
            <source>In {period}, {talks} talk(s) were held with {people} people.</source>
            <translation>{period}，共开展谈心谈话{talks}次，谈话对象{people}人。</translation>
        </message>
        <message>
            <source>No talk was recorded in {period}.</source>
            <translation>{period}未记录谈心谈话。</translation>
        </message>
        <message>
            <source>In {period}, {talks} talk(s) were held with {people} people ({change} on the previous period).</source>
            <translation>{period}，共开展谈心谈话{talks}次（较上期{change}），谈话对象{people}人。</translation>
        </message>
        <message>
            <source>{indicator} rose from {before} to {now}</source>
            <translation>{indicator}由{before}提高到{now}</translation>
        </message>
        <message>
            <source>{indicator} fell from {before} to {now}</source>
            <translation>{indicator}由{before}下降到{now}</translation>
        </message>
        <message>
            <source>{indicator} stayed at {now}</source>
            <translation>{indicator}与上期持平，为{now}</translation>
        </message>
        <message>
            <source>{indicator} was {now} (no figure for the previous period)</source>
            <translation>{indicator}为{now}（上期无可比数据）</translation>
        </message>
        <message>
            <source>{indicator} has no figure for this period (it was {before})</source>
            <translation>本期无{indicator}数据（上期为{before}）</translation>
        </message>
        <message>
            <source>{before} {sentence}</source>
            <translation>{before}{sentence}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>.</source>
            <translation>。</translation>
        </message>
        <message>
            <source>coverage</source>
            <translation>谈话覆盖率</translation>
        </message>
        <message>
            <source>the share resolved on time</source>
            <translation>按期办结率</translation>
        </message>
        <message>
            <source>the median time to resolve</source>
            <translation>办结用时中位数</translation>
        </message>
        <message>
            <source>the share given feedback</source>
            <translation>反馈率</translation>
        </message>
        <message>
            <source>{opened} follow-up(s) were opened and {resolved} resolved; on {date}, {overdue} were overdue.</source>
            <translation>本期新增跟进事项{opened}项，办结{resolved}项；截至{date}，逾期未办结{overdue}项。</translation>
        </message>
        <message>
            <source>Of the {given} follow-up(s) whose outcome was told, {satisfied} left the person satisfied, {partly} partly satisfied and {not_satisfied} not satisfied.</source>
            <translation>已反馈的{given}项中，谈话对象表示满意{satisfied}项、基本满意{partly}项、不满意{not_satisfied}项。</translation>
        </message>
        <message>
            <source>{missed} of the {covered} people due a talk under the plans had none in the period (listed below).</source>
            <translation>计划内应谈{covered}人中，尚有{missed}人本期未谈话（名单附后）。</translation>
        </message>
        <message>
            <source>All {covered} people due a talk under the plans were talked with.</source>
            <translation>计划内应谈的{covered}人本期均已谈话。</translation>
        </message>
        <message>
            <source>Of the {people} people flagged for care, {again} were talked with again.</source>
            <translation>标记关注的{people}人中，已再次谈话{again}人。</translation>
        </message>
        <message>
            <source>Reviewer's comments:</source>
            <translation>评阅意见：</translation>
        </message>
        <message>
            <source>Reviewer (signature): ______________</source>
            <translation>评阅人（签字）：______________</translation>
        </message>
        <message>
            <source>Date: ____________</source>
            <translation>日期：      年    月    日</translation>
        </message>
        <message>
            <source>Q1 {year}</source>
            <translation>{year}年第一季度</translation>
        </message>
        <message>
            <source>Q2 {year}</source>
            <translation>{year}年第二季度</translation>
        </message>
        <message>
            <source>Q3 {year}</source>
            <translation>{year}年第三季度</translation>
        </message>
        <message>
            <source>Q4 {year}</source>
            <translation>{year}年第四季度</translation>
        </message>
        <message>
            <source>first half of {year}</source>
            <translation>{year}年上半年</translation>
        </message>
        <message>
            <source>second half of {year}</source>
            <translation>{year}年下半年</translation>
        </message>
        <message>
            <source>the year {year}</source>
            <translation>{year}年度</translation>
        </message>
        <message>
            <source>{year}-{month:02}</source>
            <translation>{year}年{month}月</translation>
        </message>
        <message>
            <source>{start} to {end}</source>
            <translation>{start}至{end}</translation>
        </message>
        <message>
            <source>{year}-{month:02}-{day:02}</source>
            <translation>{year}年{month}月{day}日</translation>
        </message>
    </context>
    <context>
        <name>ExportRecordsDialog</name>
        <message>
            <source>Export records</source>
            <translation>导出谈话记录</translation>
        </message>
        <message numerus="yes">
            <source>The %n selected talk(s)</source>
            <translation>
                <numerusform>选中的 %n 次谈话</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n talk(s) in the list</source>
            <translation>
                <numerusform>列表中的全部 %n 次谈话</numerusform>
            </translation>
        </message>
        <message>
            <source>Word document (.docx)</source>
            <translation>Word 文档（.docx）</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF 文件</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>One document, each talk on its own pages</source>
            <translation>合为一个文档，每次谈话另起一页</translation>
        </message>
        <message>
            <source>One file per talk, into a folder</source>
            <translation>每次谈话一个文件，存入一个文件夹</translation>
        </message>
        <message>
            <source>Put the person's name in the file names</source>
            <translation>文件名中包含谈话对象姓名</translation>
        </message>
        <message>
            <source>Include care details (the documents are marked 内部资料 注意保密)</source>
            <translation>包含关心关爱情况（文档将标注“内部资料 注意保密”）</translation>
        </message>
        <message>
            <source>Private notes are never exported. Exported files are not encrypted; files are named by date and talk number.</source>
            <translation>私密备注从不导出。导出的文件不加密；文件按谈话日期和编号命名。</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Talks:</source>
            <translation>谈话：</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>Files:</source>
            <translation>文件：</translation>
        </message>
    </context>
    <context>
        <name>FeedbackDialog</name>
        <message>
            <source>Record feedback</source>
            <translation>登记反馈</translation>
        </message>
        <message>
            <source>(not known)</source>
            <translation>（未了解）</translation>
        </message>
        <message>
            <source>&amp;On:</source>
            <translation>反馈日期(&amp;O)：</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>反馈方式(&amp;H)：</translation>
        </message>
        <message>
            <source>&amp;What they were told:</source>
            <translation>反馈内容(&amp;W)：</translation>
        </message>
        <message>
            <source>Their &amp;response:</source>
            <translation>本人意见(&amp;R)：</translation>
        </message>
        <message>
            <source>Please say what the person was told.</source>
            <translation>请填写向本人反馈的内容。</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>Follow-up</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>经过</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>Change &amp;status</source>
            <translation>更改状态(&amp;S)</translation>
        </message>
        <message>
            <source>Add &amp;progress note…</source>
            <translation>记录进展(&amp;P)…</translation>
        </message>
        <message>
            <source>Record &amp;feedback…</source>
            <translation>登记反馈(&amp;F)…</translation>
        </message>
        <message>
            <source>Person:</source>
            <translation>当事人：</translation>
        </message>
        <message>
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>来源：</translation>
        </message>
        <message>
            <source>Handler:</source>
            <translation>承办人：</translation>
        </message>
        <message>
            <source>Due:</source>
            <translation>办理期限：</translation>
        </message>
        <message>
            <source>Recorded:</source>
            <translation>登记日期：</translation>
        </message>
        <message>
            <source>Details:</source>
            <translation>具体情况：</translation>
        </message>
        <message>
            <source>Feedback to the person</source>
            <translation>向本人反馈</translation>
        </message>
        <message>
            <source>History</source>
            <translation>办理经过</translation>
        </message>
        <message>
            <source>%1 · overdue</source>
            <translation>%1 · 已逾期</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>状态：%1</translation>
        </message>
        <message>
            <source>Ticket code: %1 — whoever holds this code is told the answer; match the code when they ask.</source>
            <translation>查询码：%1 —— 持码人凭此码查询办理结果，答复时请核对查询码。</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>匿名</translation>
        </message>
        <message>
            <source>The talk of %1</source>
            <translation>%1 的谈话</translation>
        </message>
        <message>
            <source>none</source>
            <translation>未定</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>无法解决的原因：</translation>
        </message>
        <message>
            <source>Resolution:</source>
            <translation>解决情况：</translation>
        </message>
        <message>
            <source>%1 (closed on %2)</source>
            <translation>%1（%2 办结）</translation>
        </message>
        <message>
            <source>Not yet given: the matter is closed, tell the person the outcome.</source>
            <translation>尚未反馈：事项已办结，请向本人反馈办理结果。</translation>
        </message>
        <message>
            <source>Not yet given.</source>
            <translation>尚未反馈。</translation>
        </message>
        <message>
            <source>response: %1</source>
            <translation>本人意见：%1</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>登记</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>办理进展</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>已反馈</translation>
        </message>
        <message>
            <source>New handler</source>
            <translation>更换承办人</translation>
        </message>
        <message>
            <source>New due date</source>
            <translation>调整办理期限</translation>
        </message>
        <message>
            <source>Edited</source>
            <translation>修改内容</translation>
        </message>
    </context>
    <context>
        <name>FollowUpFilterBar</name>
        <message>
            <source>Name, pinyin, ticket code or subject</source>
            <translation>姓名、拼音、查询码或事项</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>未办结</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Awaiting feedback</source>
            <translation>待反馈</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <source>Any due date</source>
            <translation>不限期限</translation>
        </message>
        <message>
            <source>Due within 7 days</source>
            <translation>7天内到期</translation>
        </message>
        <message>
            <source>Due within 30 days</source>
            <translation>30天内到期</translation>
        </message>
        <message>
            <source>No due date</source>
            <translation>未定期限</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>All handlers</source>
            <translation>全部承办人</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>全部来源</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsModel</name>
        <message>
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Double-click to change the status</source>
            <translation>双击可更改状态</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>反馈日期</translation>
        </message>
        <message>
            <source>The person has not yet been told the outcome</source>
            <translation>尚未向本人反馈办理结果</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>匿名</translation>
        </message>
        <message>
            <source>Ticket code: %1</source>
            <translation>查询码：%1</translation>
        </message>
        <message>
            <source>Owed</source>
            <translation>待反馈</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsPage</name>
        <message>
            <source>&amp;New follow-up…</source>
            <translation>新建事项(&amp;N)…</translation>
        </message>
        <message>
            <source>A matter from the suggestion box, a survey or elsewhere</source>
            <translation>来自意见箱、问卷调查或其他渠道的事项</translation>
        </message>
        <message>
            <source>&amp;Details…</source>
            <translation>详情(&amp;D)…</translation>
        </message>
        <message>
            <source>Change &amp;status</source>
            <translation>更改状态(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Progress note…</source>
            <translation>记录进展(&amp;P)…</translation>
        </message>
        <message>
            <source>Record &amp;feedback…</source>
            <translation>登记反馈(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Handler or due date…</source>
            <translation>承办人/期限(&amp;H)…</translation>
        </message>
        <message>
            <source>Change the handler or due date of the chosen rows</source>
            <translation>批量更改选中事项的承办人或办理期限</translation>
        </message>
        <message>
            <source>Show the items whose feedback is still owed</source>
            <translation>显示尚未向本人反馈的事项</translation>
        </message>
        <message numerus="yes">
            <source>%n awaiting feedback</source>
            <translation>
                <numerusform>待反馈 %n 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>共 %n 项</numerusform>
            </translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <source>Change status</source>
            <translation>更改状态</translation>
        </message>
        <message>
            <source>Progress note…</source>
            <translation>记录进展…</translation>
        </message>
        <message>
            <source>Record feedback…</source>
            <translation>登记反馈…</translation>
        </message>
        <message>
            <source>Handler or due date…</source>
            <translation>更改承办人/期限…</translation>
        </message>
        <message>
            <source>Show %1</source>
            <translation>查看%1</translation>
        </message>
    </context>
    <context>
        <name>GuiShell</name>
        <message>
            <source>Demo workspace: its password is %1</source>
            <translation>演示工作区：密码为 %1</translation>
        </message>
        <message>
            <source>A new password was set with the recovery code.</source>
            <translation>已通过恢复码设置新密码。</translation>
        </message>
        <message>
            <source>Starting at login could not be changed on this computer.</source>
            <translation>无法在本机更改开机自动启动设置。</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import people</source>
            <translation>导入人员</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; 上一步(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>下一步(&amp;N) &gt;</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Choose a roster as an Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK). Its columns are matched by their headers (姓名, 部门, 职务, 性别, 政治面貌, 入职时间, 电话, or Name, Department, …); you can change the matching next.</source>
            <translation>请选择人员花名册：Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK 编码）。程序按表头名称（姓名、部门、职务、性别、政治面貌、入职时间、电话，或 Name、Department 等）对应各列，下一步可以调整。</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>选择文件(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Undo last import…</source>
            <translation>撤销上次导入(&amp;U)…</translation>
        </message>
        <message>
            <source>The first rows of the file:</source>
            <translation>文件的前几行：</translation>
        </message>
        <message>
            <source>Import &amp;duplicates too</source>
            <translation>重复人员也导入(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Undo this import…</source>
            <translation>撤销本次导入(&amp;U)…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>&amp;Check rows &gt;</source>
            <translation>检查各行(&amp;C) &gt;</translation>
        </message>
        <message>
            <source>Choose a roster</source>
            <translation>选择花名册</translation>
        </message>
        <message>
            <source>Rosters (*.xlsx *.csv);;All files (*)</source>
            <translation>花名册 (*.xlsx *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <source>No header row was recognised in %1. Choose the column of each field below.</source>
            <translation>未能在 %1 中识别出表头行，请在下面为各项选择对应的列。</translation>
        </message>
        <message>
            <source>The header of %1 is on row %2. Check the column chosen for each field.</source>
            <translation>%1 的表头在第 %2 行。请核对各项对应的列。</translation>
        </message>
        <message>
            <source>Choose the column of names.</source>
            <translation>请选择姓名所在的列。</translation>
        </message>
        <message>
            <source>Checking the rows…</source>
            <translation>正在检查各行…</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) can be imported</source>
            <translation>
                <numerusform>可导入 %n 行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n duplicate(s)</source>
            <translation>
                <numerusform>，重复 %n 行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n row(s) with errors.</source>
            <translation>
                <numerusform>，有错误 %n 行。</numerusform>
            </translation>
        </message>
        <message>
            <source>Duplicates (same name and department) are skipped unless you tick the box.</source>
            <translation>重复人员（姓名和部门都相同）默认跳过，勾选下方选项则一并导入。</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Import %n person(s)</source>
            <translation>
                <numerusform>导入 %n 人(&amp;I)</numerusform>
            </translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message numerus="yes">
            <source>%n person(s) imported</source>
            <translation>
                <numerusform>已导入 %n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n department(s) created.</source>
            <translation>
                <numerusform>，新建部门 %n 个。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) skipped (duplicates or errors).</source>
            <translation>
                <numerusform>跳过 %n 行（重复或有错误）。</numerusform>
            </translation>
        </message>
        <message>
            <source>No roster has been imported yet.</source>
            <translation>尚未导入过花名册。</translation>
        </message>
        <message numerus="yes">
            <source>Last import: %1, %n person(s).</source>
            <translation>
                <numerusform>上次导入：%1，共 %n 人。</numerusform>
            </translation>
        </message>
        <message>
            <source>It was undone.</source>
            <translation>该次导入已撤销。</translation>
        </message>
        <message>
            <source>Undo last import</source>
            <translation>撤销上次导入</translation>
        </message>
        <message numerus="yes">
            <source>Remove the %n person(s) the last import added, and the departments it created?</source>
            <translation>
                <numerusform>确定删除上次导入的 %n 人及其新建的部门吗？</numerusform>
            </translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>撤销导入</translation>
        </message>
        <message>
            <source>Undoing the last import…</source>
            <translation>正在撤销上次导入…</translation>
        </message>
        <message numerus="yes">
            <source>The import was undone: %n person(s) removed</source>
            <translation>
                <numerusform>导入已撤销：删除 %n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n department(s) removed.</source>
            <translation>
                <numerusform>，删除部门 %n 个。</numerusform>
            </translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>Mark resolved</source>
            <translation>标记为已解决</translation>
        </message>
        <message>
            <source>Record feedback</source>
            <translation>登记反馈</translation>
        </message>
        <message>
            <source>Feedback given to the person</source>
            <translation>已向本人反馈</translation>
        </message>
        <message>
            <source>&amp;On:</source>
            <translation>反馈日期(&amp;O)：</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>反馈方式(&amp;H)：</translation>
        </message>
        <message>
            <source>&amp;What they were told:</source>
            <translation>反馈内容(&amp;W)：</translation>
        </message>
        <message>
            <source>How it was &amp;resolved:</source>
            <translation>解决情况(&amp;R)：</translation>
        </message>
        <message>
            <source>Please say how the matter was resolved.</source>
            <translation>请填写解决情况。</translation>
        </message>
        <message>
            <source>Please say what the person was told.</source>
            <translation>请填写向本人反馈的内容。</translation>
        </message>
    </context>
    <context>
        <name>ItemEditDialog</name>
        <message>
            <source>New follow-up</source>
            <translation>新建跟进事项</translation>
        </message>
        <message>
            <source>Edit follow-up</source>
            <translation>编辑跟进事项</translation>
        </message>
        <message>
            <source>(anonymous)</source>
            <translation>（匿名）</translation>
        </message>
        <message>
            <source>An anonymous item gets a ticket code: give it to whoever handed the matter in, so they can ask for the answer.</source>
            <translation>匿名事项会生成查询码，请交给反映人，以便其凭码查询办理结果。</translation>
        </message>
        <message>
            <source>D&amp;ue by:</source>
            <translation>办理期限(&amp;U)：</translation>
        </message>
        <message>
            <source>&amp;Source:</source>
            <translation>来源(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>当事人(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;What:</source>
            <translation>事项(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Details:</source>
            <translation>具体情况(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Handler:</source>
            <translation>承办人(&amp;H)：</translation>
        </message>
        <message>
            <source>Choose the person from the list, or “(anonymous)”.</source>
            <translation>请从列表中选择当事人，或选择“（匿名）”。</translation>
        </message>
        <message>
            <source>Please say what the matter is.</source>
            <translation>请填写事项内容。</translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <source>Mark as left</source>
            <translation>标记为调离</translation>
        </message>
        <message>
            <source>Mark %1 as left? Their talks and follow-ups are kept, but they are no longer listed or planned for.</source>
            <translation>确定将 %1 标记为已调离本单位吗？其谈话记录和跟进事项都会保留，但不再列入人员名单和谈话计划。</translation>
        </message>
        <message>
            <source>&amp;Left on:</source>
            <translation>调离日期(&amp;L)：</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <source>Export ledger</source>
            <translation>导出台账</translation>
        </message>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>All talkers</source>
            <translation>全部谈话人</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部谈话类型</translation>
        </message>
        <message>
            <source>All topics</source>
            <translation>全部主题</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部办理状态</translation>
        </message>
        <message>
            <source>Include care details (the file is then marked 内部资料 注意保密)</source>
            <translation>包含关怀信息（文件将标注“内部资料 注意保密”）</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>时间范围：</translation>
        </message>
        <message>
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <source>Talker:</source>
            <translation>谈话人：</translation>
        </message>
        <message>
            <source>Kind of talk:</source>
            <translation>谈话类型：</translation>
        </message>
        <message>
            <source>Topic:</source>
            <translation>谈话主题：</translation>
        </message>
        <message>
            <source>Record state:</source>
            <translation>记录状态：</translation>
        </message>
        <message>
            <source>Follow-up status:</source>
            <translation>跟进事项状态：</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Talk ledger</source>
            <translation>谈心谈话台账</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>The first day of the period is after the last day.</source>
            <translation>开始日期晚于结束日期，请重新选择。</translation>
        </message>
        <message>
            <source>Writing the ledger…</source>
            <translation>正在生成台账…</translation>
        </message>
        <message>
            <source>Cancelled. No file was written.</source>
            <translation>已取消，未生成任何文件。</translation>
        </message>
        <message>
            <source>The ledger was written to %1: %2 talk(s) and %3 follow-up(s).</source>
            <translation>台账已保存到 %1：谈话 %2 条，跟进事项 %3 项。</translation>
        </message>
        <message>
            <source>The file is not encrypted: keep it in a safe place and delete it when it is no longer needed.</source>
            <translation>该文件未加密：请妥善保管，不再需要时及时删除。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>LedgerWorkbook</name>
        <message>
            <source>Record no.</source>
            <translation>记录编号</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>谈话日期</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>Kind of talk</source>
            <translation>谈话类型</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>谈话主题</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>谈话地点</translation>
        </message>
        <message>
            <source>Others present</source>
            <translation>其他在场人员</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>What was said</source>
            <translation>谈话主要内容</translation>
        </message>
        <message>
            <source>Problems raised</source>
            <translation>反映的问题</translation>
        </message>
        <message>
            <source>Opinions and suggestions</source>
            <translation>意见建议</translation>
        </message>
        <message>
            <source>Corrections</source>
            <translation>更正说明</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>State</source>
            <translation>记录状态</translation>
        </message>
        <message>
            <source>Number of follow-ups</source>
            <translation>跟进事项数</translation>
        </message>
        <message>
            <source>Care</source>
            <translation>关怀关注</translation>
        </message>
        <message>
            <source>Reason for care</source>
            <translation>关怀原因</translation>
        </message>
        <message>
            <source>Item no.</source>
            <translation>事项编号</translation>
        </message>
        <message>
            <source>Follow-up item</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>具体情况</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Talk date</source>
            <translation>谈话日期</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>Recorded on</source>
            <translation>登记日期</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>办理状态</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>是否逾期</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>办结日期</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <source>Feedback on</source>
            <translation>反馈日期</translation>
        </message>
        <message>
            <source>Feedback how</source>
            <translation>反馈方式</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>反馈内容</translation>
        </message>
        <message>
            <source>Person's response</source>
            <translation>本人意见</translation>
        </message>
        <message>
            <source>Talks</source>
            <translation>谈话台账</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>汇总</translation>
        </message>
        <message>
            <source>{unit} {what}, {start} to {end}</source>
            <translation>{unit}{what}（{start}至{end}）</translation>
        </message>
        <message>
            <source>ledger of talks</source>
            <translation>谈心谈话台账</translation>
        </message>
        <message>
            <source>ledger of follow-ups</source>
            <translation>谈话跟进事项台账</translation>
        </message>
        <message>
            <source>summary of the ledger</source>
            <translation>谈心谈话台账汇总</translation>
        </message>
        <message>
            <source>Page &amp;P of &amp;N</source>
            <translation>第 &amp;P 页，共 &amp;N 页</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>(no department)</source>
            <translation>（无部门）</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>时间范围</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>谈话主题</translation>
        </message>
        <message>
            <source>Follow-up status</source>
            <translation>跟进事项状态</translation>
        </message>
        <message>
            <source>Exported on</source>
            <translation>导出日期</translation>
        </message>
        <message>
            <source>Number of talks</source>
            <translation>谈话次数</translation>
        </message>
        <message>
            <source>In this ledger</source>
            <translation>本台账所列</translation>
        </message>
        <message>
            <source>Indicators of the period</source>
            <translation>本期指标</translation>
        </message>
        <message>
            <source>As on the Statistics page: the department and talker filters apply, the others do not.</source>
            <translation>与“统计”页面一致：按部门和谈话人筛选，其他筛选条件不适用于本期指标。</translation>
        </message>
        <message>
            <source>Talks held</source>
            <translation>开展谈话次数</translation>
        </message>
        <message>
            <source>People talked with</source>
            <translation>谈话人数</translation>
        </message>
        <message>
            <source>People due a talk under the plans</source>
            <translation>按谈话计划应谈人数</translation>
        </message>
        <message>
            <source>Of them, talked with</source>
            <translation>其中已谈人数</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>谈话覆盖率</translation>
        </message>
        <message>
            <source>Follow-ups opened</source>
            <translation>新增跟进事项</translation>
        </message>
        <message>
            <source>Follow-ups resolved</source>
            <translation>已解决跟进事项</translation>
        </message>
        <message>
            <source>Resolved on time</source>
            <translation>按期解决</translation>
        </message>
        <message>
            <source>Resolved on time (share of resolved)</source>
            <translation>按期解决率（占已解决）</translation>
        </message>
        <message>
            <source>Follow-ups that cannot be resolved</source>
            <translation>无法解决的跟进事项</translation>
        </message>
        <message>
            <source>Follow-ups overdue on {day}</source>
            <translation>截至 {day} 逾期的跟进事项</translation>
        </message>
        <message>
            <source>Median days to resolve</source>
            <translation>解决用时中位数（天）</translation>
        </message>
        <message>
            <source>Closed follow-ups with someone to tell</source>
            <translation>已办结且需反馈的事项</translation>
        </message>
        <message>
            <source>Of them, feedback given</source>
            <translation>其中已反馈</translation>
        </message>
        <message>
            <source>Feedback given (share)</source>
            <translation>反馈率</translation>
        </message>
        <message>
            <source>The person's response: {response}</source>
            <translation>本人反馈意见：{response}</translation>
        </message>
        <message>
            <source>People flagged for care</source>
            <translation>需关怀关注人数</translation>
        </message>
        <message>
            <source>Of them, talked with again</source>
            <translation>其中已再次谈话</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Unlock…</source>
            <translation>解锁…</translation>
        </message>
        <message>
            <source>Opening the workspace…</source>
            <translation>正在打开工作区…</translation>
        </message>
        <message>
            <source>talkdesk is locked</source>
            <translation>talkdesk 已锁定</translation>
        </message>
        <message>
            <source>Your records are closed and the key has been removed from memory.</source>
            <translation>记录已关闭，密钥已从内存中清除。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Lock now (Ctrl+L)</source>
            <translation>立即锁定（Ctrl+L）</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Search talks and follow-ups (Ctrl+F)</source>
            <translation>搜索谈话记录和跟进事项（Ctrl+F）</translation>
        </message>
        <message>
            <source>New talk</source>
            <translation>新建谈话</translation>
        </message>
        <message>
            <source>Record a new talk (Ctrl+N)</source>
            <translation>记录一次新的谈话（Ctrl+N）</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>提醒</translation>
        </message>
        <message>
            <source>Reminders shown and not yet done</source>
            <translation>已提醒但尚未处理的事项</translation>
        </message>
        <message>
            <source>Ctrl+L locks talkdesk</source>
            <translation>按 Ctrl+L 可随时锁定</translation>
        </message>
        <message>
            <source>Reminders ({count})</source>
            <translation>提醒（{count}）</translation>
        </message>
        <message>
            <source>talkdesk keeps running in the system tray, so that reminders still come. To quit, choose Quit talkdesk in the tray icon's menu. You can change this in Settings.</source>
            <translation>talkdesk 将继续在系统托盘中运行，以便按时提醒。如需退出，请在托盘图标的菜单中选择“退出 talkdesk”。可在“设置”中更改此项。</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Plans</source>
            <translation>谈话计划</translation>
        </message>
        <message>
            <source>Appointments</source>
            <translation>谈话预约</translation>
        </message>
        <message>
            <source>Talks</source>
            <translation>谈话记录</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>统计报告</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
    </context>
    <context>
        <name>NewPasswordFields</name>
        <message>
            <source>New password:</source>
            <translation>新密码：</translation>
        </message>
        <message>
            <source>Repeat it:</source>
            <translation>再次输入：</translation>
        </message>
        <message>
            <source>Use at least 8 characters, mixing letters, digits and signs.</source>
            <translation>密码至少 8 位，请混合使用字母、数字和符号。</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>Too weak: at least 8 characters of several kinds.</source>
            <translation>太弱：至少 8 位，并包含多种字符。</translation>
        </message>
        <message>
            <source>Weak: add length, digits or signs.</source>
            <translation>较弱：请加长密码，或加入数字、符号。</translation>
        </message>
        <message>
            <source>Fair.</source>
            <translation>中等。</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>强。</translation>
        </message>
        <message>
            <source>Strength: %1</source>
            <translation>密码强度：%1</translation>
        </message>
    </context>
    <context>
        <name>PeopleModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>领导</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入职日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>In post</source>
            <translation>在岗</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>已调离</translation>
        </message>
        <message>
            <source>Left on %1</source>
            <translation>%1 调离</translation>
        </message>
    </context>
    <context>
        <name>PeoplePage</name>
        <message>
            <source>Add department…</source>
            <translation>新增部门…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Search by name, pinyin or initials</source>
            <translation>按姓名、拼音或首字母搜索</translation>
        </message>
        <message>
            <source>Show people who left</source>
            <translation>显示已调离人员</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <source>The person's page: talks, follow-ups, plans (Enter)</source>
            <translation>查看此人的谈话、跟进事项和谈话计划（回车）</translation>
        </message>
        <message>
            <source>&amp;Add person…</source>
            <translation>新增人员(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>Mark as &amp;left…</source>
            <translation>标记调离(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Reinstate</source>
            <translation>恢复在岗(&amp;R)</translation>
        </message>
        <message>
            <source>Mark an e&amp;vent…</source>
            <translation>必谈事件(&amp;V)…</translation>
        </message>
        <message>
            <source>An event that calls for a talk soon: new post, hardship, a request…</source>
            <translation>需要及时谈话的事件：新任职、生活困难、本人要求谈话等</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <source>Import people from an Excel or CSV roster</source>
            <translation>从 Excel 或 CSV 花名册导入人员</translation>
        </message>
        <message>
            <source>All (%1)</source>
            <translation>全部 (%1)</translation>
        </message>
        <message numerus="yes">
            <source>%n person(s)</source>
            <translation>
                <numerusform>共 %n 人</numerusform>
            </translation>
        </message>
        <message>
            <source>Add department</source>
            <translation>新增部门</translation>
        </message>
        <message>
            <source>Rename department</source>
            <translation>重命名部门</translation>
        </message>
        <message>
            <source>Department name:</source>
            <translation>部门名称：</translation>
        </message>
    </context>
    <context>
        <name>PeriodChooser</name>
        <message>
            <source>Month</source>
            <translation>按月</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>按季度</translation>
        </message>
        <message>
            <source>Half-year</source>
            <translation>按半年</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>按年度</translation>
        </message>
        <message>
            <source>The period before</source>
            <translation>上一期</translation>
        </message>
        <message>
            <source>The period after</source>
            <translation>下一期</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Add person</source>
            <translation>新增人员</translation>
        </message>
        <message>
            <source>Edit person</source>
            <translation>编辑人员</translation>
        </message>
        <message>
            <source>(no department)</source>
            <translation>（无部门）</translation>
        </message>
        <message>
            <source>Member of the Communist Party of China</source>
            <translation>中共党员</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>Leader (can hold talks)</source>
            <translation>领导（可担任谈话人）</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>姓名(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Gender:</source>
            <translation>性别(&amp;G)：</translation>
        </message>
        <message>
            <source>&amp;Department:</source>
            <translation>部门(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Position:</source>
            <translation>职务(&amp;P)：</translation>
        </message>
        <message>
            <source>P&amp;hone:</source>
            <translation>电话(&amp;H)：</translation>
        </message>
        <message>
            <source>&amp;Joined on:</source>
            <translation>入职日期(&amp;J)：</translation>
        </message>
        <message>
            <source>Please enter the person's name.</source>
            <translation>请填写姓名。</translation>
        </message>
    </context>
    <context>
        <name>PersonView</name>
        <message>
            <source>← All people</source>
            <translation>← 全部人员</translation>
        </message>
        <message>
            <source>Back to the list (Alt+Left)</source>
            <translation>返回人员列表（Alt+←）</translation>
        </message>
        <message>
            <source>&amp;New talk with this person…</source>
            <translation>与其谈话(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>Mark an e&amp;vent…</source>
            <translation>必谈事件(&amp;V)…</translation>
        </message>
        <message>
            <source>An event that calls for a talk soon: new post, hardship, a request…</source>
            <translation>需要尽快谈话的事项：新任职、遇到困难、本人要求等</translation>
        </message>
        <message>
            <source>Mark as &amp;left…</source>
            <translation>标记调离(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Reinstate</source>
            <translation>恢复在岗(&amp;R)</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>领导</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>中共党员</translation>
        </message>
        <message>
            <source>Joined on</source>
            <translation>入职时间</translation>
        </message>
        <message>
            <source>Talks and follow-ups</source>
            <translation>谈话与跟进</translation>
        </message>
        <message>
            <source>No talks or follow-ups with this person yet.</source>
            <translation>尚无与此人的谈话或跟进事项。</translation>
        </message>
        <message>
            <source>Coverage in plans</source>
            <translation>谈话计划落实情况</translation>
        </message>
        <message>
            <source>Not covered by any active plan.</source>
            <translation>未列入任何进行中的谈话计划。</translation>
        </message>
        <message>
            <source>Events calling for a talk</source>
            <translation>必谈事件</translation>
        </message>
        <message>
            <source>No events marked.</source>
            <translation>暂无必谈事件。</translation>
        </message>
        <message numerus="yes">
            <source> · %n waiting</source>
            <translation>
                <numerusform> · %n 项待谈</numerusform>
            </translation>
        </message>
        <message>
            <source>Left on %1</source>
            <translation>%1 调离</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>已调离</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未填写</translation>
        </message>
        <message numerus="yes">
            <source>%n talk(s)</source>
            <translation>
                <numerusform>谈话 %n 次</numerusform>
            </translation>
        </message>
        <message>
            <source>last on %1</source>
            <translation>最近一次 %1</translation>
        </message>
        <message numerus="yes">
            <source>%n open follow-up(s)</source>
            <translation>
                <numerusform>未办结跟进事项 %n 项</numerusform>
            </translation>
        </message>
        <message>
            <source>Talks and follow-ups · %1</source>
            <translation>谈话与跟进 · %1</translation>
        </message>
        <message>
            <source>Showing the newest %1 of %2 · show more</source>
            <translation>已显示最近 %1 条，共 %2 条 · 显示更多</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <source>New plan</source>
            <translation>新建谈话计划</translation>
        </message>
        <message>
            <source>Edit plan</source>
            <translation>编辑谈话计划</translation>
        </message>
        <message>
            <source>e.g. Quarterly talks, finance section</source>
            <translation>如：财务科季度谈心谈话</translation>
        </message>
        <message>
            <source>None</source>
            <translation>不设</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Optional. Counted from the last talk (or the plan's start). From the soft limit on the talk shows as due (yellow); after the hard limit as overdue (red). E.g. ideally every month, at most six weeks: soft 30, hard 42.</source>
            <translation>可不设。从上次谈话（或计划开始）起算：到软期限即提示“应谈”（黄色），超过硬期限即为“逾期”（红色）。例如最好每月一谈、最迟六周：软期限 30 天，硬期限 42 天。</translation>
        </message>
        <message>
            <source> working days</source>
            <translation> 个工作日</translation>
        </message>
        <message>
            <source>How many working days before a period ends to remind of who is still to go.</source>
            <translation>在周期结束前几个工作日提醒尚未谈话的人员。</translation>
        </message>
        <message>
            <source>Active (paused plans remind of nothing)</source>
            <translation>启用（暂停的计划不再提醒）</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>计划名称(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Talker:</source>
            <translation>谈话人(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Cadence:</source>
            <translation>频次(&amp;C)：</translation>
        </message>
        <message>
            <source>&amp;Soft limit (due):</source>
            <translation>软期限/应谈提醒(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Hard limit (at the latest):</source>
            <translation>硬期限/最迟(&amp;H)：</translation>
        </message>
        <message>
            <source>S&amp;tarts on:</source>
            <translation>开始日期(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Remind before period end:</source>
            <translation>周期结束前提醒(&amp;R)：</translation>
        </message>
        <message>
            <source>Search by name, pinyin or initials</source>
            <translation>按姓名、拼音或首字母搜索</translation>
        </message>
        <message>
            <source>Whole departments</source>
            <translation>整个部门</translation>
        </message>
        <message>
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>A department covers everyone in it and in its sub-departments, also people who join it later. The talker is never their own member.</source>
            <translation>选择部门即包括该部门及其下级部门的全部人员，以后调入的人员也自动纳入。谈话人本人不计入谈话对象。</translation>
        </message>
        <message>
            <source>Members (people talked with)</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Please enter a name for the plan.</source>
            <translation>请填写计划名称。</translation>
        </message>
        <message>
            <source>Please choose the talker.</source>
            <translation>请选择谈话人。</translation>
        </message>
        <message>
            <source>Please choose the people or departments this plan covers.</source>
            <translation>请选择本计划的谈话对象（人员或部门）。</translation>
        </message>
        <message>
            <source>The hard limit cannot be shorter than the soft limit.</source>
            <translation>硬期限不能短于软期限。</translation>
        </message>
        <message>
            <source>every </source>
            <translation>每 </translation>
        </message>
        <message>
            <source> weeks</source>
            <translation> 周</translation>
        </message>
        <message>
            <source> months</source>
            <translation> 个月</translation>
        </message>
        <message>
            <source>Chosen: %1 department(s), %2 person(s)</source>
            <translation>已选：%1 个部门，%2 人</translation>
        </message>
    </context>
    <context>
        <name>PlanLinesModel</name>
        <message>
            <source>Plan</source>
            <translation>谈话计划</translation>
        </message>
        <message>
            <source>Talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>Cadence</source>
            <translation>频次</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Last talk</source>
            <translation>最近谈话</translation>
        </message>
        <message>
            <source>Talk by</source>
            <translation>应谈截止</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) late</source>
            <translation>
                <numerusform>已逾期 %n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>还剩 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Appointment %1</source>
            <translation>已预约 %1</translation>
        </message>
        <message numerus="yes">
            <source>Missed %n earlier period(s)</source>
            <translation>
                <numerusform>此前漏谈 %n 个周期</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlansModel</name>
        <message>
            <source>Name</source>
            <translation>计划名称</translation>
        </message>
        <message>
            <source>Talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>Cadence</source>
            <translation>频次</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>对象数</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message>
            <source>&amp;New plan…</source>
            <translation>新建计划(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message numerus="yes">
            <source>%n plan(s)</source>
            <translation>
                <numerusform>共 %n 个计划</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>恢复(&amp;R)</translation>
        </message>
        <message>
            <source>Choose a plan to see who is done and who is due.</source>
            <translation>选择一个计划，查看谁已谈、谁应谈。</translation>
        </message>
        <message>
            <source>Members of %1</source>
            <translation>%1 的谈话对象</translation>
        </message>
        <message>
            <source>This plan is paused: nobody is due in it and it reminds of nothing.</source>
            <translation>本计划已暂停：不计应谈，也不提醒。</translation>
        </message>
        <message>
            <source>Nobody is covered by this plan yet.</source>
            <translation>本计划目前没有谈话对象。</translation>
        </message>
        <message>
            <source>This period: %1 to %2</source>
            <translation>本周期：%1 至 %2</translation>
        </message>
        <message>
            <source>Members: %1</source>
            <translation>共 %1 人</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <source>Add a progress note</source>
            <translation>记录办理进展</translation>
        </message>
        <message>
            <source>What was &amp;done:</source>
            <translation>办理情况(&amp;D)：</translation>
        </message>
        <message>
            <source>Please say what was done.</source>
            <translation>请填写办理情况。</translation>
        </message>
    </context>
    <context>
        <name>PromptsPanel</name>
        <message>
            <source>Tick the topics of the talk to see their questions. Double-click a question to take it into what was said.</source>
            <translation>勾选谈话主题即显示相应提纲问题；双击问题可将其加入谈话内容。</translation>
        </message>
        <message>
            <source>Te&amp;mplate:</source>
            <translation>谈话提纲(&amp;M)：</translation>
        </message>
    </context>
    <context>
        <name>RecordExport</name>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Care details</source>
            <translation>关心关爱情况</translation>
        </message>
        <message>
            <source>This talk is flagged for care. Include the care details (the flag and its reason)?

If you include them, the document is marked 内部资料 注意保密 (internal, keep confidential).</source>
            <translation>这次谈话标注了关心关爱。是否在文档中包含关心关爱情况（标注及原因）？

如包含，文档将标注“内部资料 注意保密”。</translation>
        </message>
        <message>
            <source>Leave them out</source>
            <translation>不包含</translation>
        </message>
        <message>
            <source>Include them</source>
            <translation>包含</translation>
        </message>
    </context>
    <context>
        <name>RecordExporter</name>
        <message>
            <source>Save the record form as</source>
            <translation>谈话记录表另存为</translation>
        </message>
        <message>
            <source>Folder for the record forms</source>
            <translation>选择存放谈话记录表的文件夹</translation>
        </message>
        <message>
            <source>Print the record forms</source>
            <translation>打印谈话记录表</translation>
        </message>
        <message>
            <source>Writing the record forms…</source>
            <translation>正在生成谈话记录表…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Export records</source>
            <translation>导出谈话记录</translation>
        </message>
        <message>
            <source>Stopped. Nothing was written.</source>
            <translation>已停止，未写入任何文件。</translation>
        </message>
        <message>
            <source>The record form was written to %1.</source>
            <translation>谈话记录表已保存到 %1。</translation>
        </message>
        <message>
            <source>The file is not encrypted: keep it in a safe place and delete it when it is no longer needed.</source>
            <translation>该文件未加密：请妥善保管，不再需要时及时删除。</translation>
        </message>
        <message numerus="yes">
            <source>Stopped: %n file(s) had been written to the folder %1.</source>
            <translation>
                <numerusform>已停止：此前已有 %n 个文件保存到文件夹 %1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) were written to the folder %1.</source>
            <translation>
                <numerusform>%n 个文件已保存到文件夹 %1。</numerusform>
            </translation>
        </message>
        <message>
            <source>The files are not encrypted: keep them in a safe place and delete them when they are no longer needed.</source>
            <translation>这些文件未加密：请妥善保管，不再需要时及时删除。</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
    </context>
    <context>
        <name>RecordForm</name>
        <message>
            <source>Talk record</source>
            <translation>谈话记录</translation>
        </message>
        <message>
            <source>{count} talk records {date}</source>
            <translation>谈话记录{count}份_{date}</translation>
        </message>
        <message>
            <source>Record of a one-to-one talk</source>
            <translation>谈心谈话记录表</translation>
        </message>
        <message>
            <source>Time of talk</source>
            <translation>谈话时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>谈话地点</translation>
        </message>
        <message>
            <source>Talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Person talked with</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Department and post</source>
            <translation>部门及职务</translation>
        </message>
        <message>
            <source>Others present</source>
            <translation>其他在场人员</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Kind of talk</source>
            <translation>谈话类型</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>谈话主题</translation>
        </message>
        <message>
            <source>What was said</source>
            <translation>谈话主要内容</translation>
        </message>
        <message>
            <source>Problems raised</source>
            <translation>反映的问题</translation>
        </message>
        <message>
            <source>Opinions and suggestions</source>
            <translation>意见建议</translation>
        </message>
        <message>
            <source>Follow-up measures and their state</source>
            <translation>跟进措施及办理情况</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>反馈情况</translation>
        </message>
        <message>
            <source>Care and concern</source>
            <translation>关心关爱情况</translation>
        </message>
        <message>
            <source>Amendments</source>
            <translation>更正记录</translation>
        </message>
        <message>
            <source>{level}: {reason}</source>
            <translation>{level}：{reason}</translation>
        </message>
        <message>
            <source>Internal material — keep confidential</source>
            <translation>内部资料 注意保密</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页 共 {pages} 页</translation>
        </message>
        <message>
            <source>{unit}: record of a one-to-one talk</source>
            <translation>{unit}谈心谈话记录表</translation>
        </message>
        <message>
            <source>No. {number}</source>
            <translation>编号：{number}</translation>
        </message>
        <message>
            <source>Draft, not finalised</source>
            <translation>草稿（未定稿）</translation>
        </message>
        <message>
            <source>Finalised on {date}</source>
            <translation>{date}定稿</translation>
        </message>
        <message>
            <source>{number}    {state}</source>
            <translation>{number}　　{state}</translation>
        </message>
        <message>
            <source>Date: ____________</source>
            <translation>日期：_____年___月___日</translation>
        </message>
        <message>
            <source>Talker's signature:</source>
            <translation>谈话人（签字）：</translation>
        </message>
        <message>
            <source>Signature of the person talked with:</source>
            <translation>谈话对象（签字）：</translation>
        </message>
        <message>
            <source>Recorder's signature:</source>
            <translation>记录人（签字）：</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>    Result: {text}</source>
            <translation>    办理结果：{text}</translation>
        </message>
        <message>
            <source>handled by {handler}</source>
            <translation>承办：{handler}</translation>
        </message>
        <message>
            <source>due {date}</source>
            <translation>期限：{date}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source> ({state})</source>
            <translation>（{state}）</translation>
        </message>
        <message>
            <source>{n}. {title}: told {how} on {date}</source>
            <translation>{n}. {title}：{date}{how}反馈</translation>
        </message>
        <message>
            <source>: {text}</source>
            <translation>，反馈内容：{text}</translation>
        </message>
        <message>
            <source> (the person: {response})</source>
            <translation>（本人评价：{response}）</translation>
        </message>
        <message>
            <source>Not given yet</source>
            <translation>尚未反馈</translation>
        </message>
        <message>
            <source>{time}, reason for the correction: {reason}</source>
            <translation>{time}　更正原因：{reason}</translation>
        </message>
        <message>
            <source>{year}-{month:02}-{day:02}</source>
            <translation>{year}年{month}月{day}日</translation>
        </message>
    </context>
    <context>
        <name>RecordsExportButton</name>
        <message>
            <source>Export records…</source>
            <translation>导出谈话记录…</translation>
        </message>
    </context>
    <context>
        <name>RecordsPanel</name>
        <message>
            <source>Double-click a line to open it.</source>
            <translation>双击某一行可打开查看。</translation>
        </message>
        <message>
            <source>Close list</source>
            <translation>关闭列表</translation>
        </message>
        <message numerus="yes">
            <source>the first %1 of %n record(s)</source>
            <translation>
                <numerusform>共%n条，显示前%1条</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s)</source>
            <translation>
                <numerusform>共%n条</numerusform>
            </translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>谈话时间</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Talked with</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>谈话类型</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>谈话主题</translation>
        </message>
        <message>
            <source>Care</source>
            <translation>关怀关注</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>匿名</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>办理状态</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>反馈日期</translation>
        </message>
        <message>
            <source>Last talk in the period</source>
            <translation>本期最近一次谈话</translation>
        </message>
        <message>
            <source>None yet</source>
            <translation>尚未谈话</translation>
        </message>
        <message>
            <source>Flagged on</source>
            <translation>标记日期</translation>
        </message>
        <message>
            <source>Talked with again on</source>
            <translation>再次谈话日期</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>尚未再谈</translation>
        </message>
    </context>
    <context>
        <name>RemindersPanel</name>
        <message>
            <source>Talk with {name} on {day} at {time}</source>
            <translation>{day} {time} 与{name}谈话</translation>
        </message>
        <message>
            <source>Talk with {name} at {time}, starting soon</source>
            <translation>{time} 与{name}谈话，即将开始</translation>
        </message>
        <message>
            <source>{plan}: a new period has begun, {count} to talk with by {day}</source>
            <translation>{plan}：新一期已开始，{day} 前需谈话 {count} 人</translation>
        </message>
        <message>
            <source>{plan}: {count} still to talk with by {day}</source>
            <translation>{plan}：{day} 前尚有 {count} 人未谈话</translation>
        </message>
        <message>
            <source>The follow-up for {name} is due on {day}</source>
            <translation>{name}的跟进事项于 {day} 到期</translation>
        </message>
        <message>
            <source>A follow-up is due on {day}</source>
            <translation>有一项跟进事项于 {day} 到期</translation>
        </message>
        <message>
            <source>A talk with {name} is due by {day} ({event})</source>
            <translation>应于 {day} 前与 {name} 谈话（{event}）</translation>
        </message>
        <message>
            <source>The talk with {name} is overdue (due by {day}, {event})</source>
            <translation>与 {name} 的谈话已逾期（应于 {day} 前，{event}）</translation>
        </message>
        <message>
            <source>The follow-up for {name} is overdue (due on {day})</source>
            <translation>{name}的跟进事项已逾期（{day} 到期）</translation>
        </message>
        <message>
            <source>A follow-up is overdue (due on {day})</source>
            <translation>有一项跟进事项已逾期（{day} 到期）</translation>
        </message>
        <message>
            <source> ({scheduled} of them scheduled)</source>
            <translation>（其中 {scheduled} 人已预约）</translation>
        </message>
        <message>
            <source>Appointments: {count}</source>
            <translation>谈话预约：{count} 项</translation>
        </message>
        <message>
            <source>Talk plans: {count}</source>
            <translation>谈话计划：{count} 项</translation>
        </message>
        <message>
            <source>Follow-ups due: {count}</source>
            <translation>到期跟进事项：{count} 项</translation>
        </message>
        <message>
            <source>Follow-ups overdue: {count}</source>
            <translation>逾期跟进事项：{count} 项</translation>
        </message>
        <message>
            <source>Talks called for by an event: {count}</source>
            <translation>必谈事件：{count} 项</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>提醒</translation>
        </message>
        <message>
            <source>No reminders at the moment.</source>
            <translation>目前没有提醒。</translation>
        </message>
        <message>
            <source>Remind me in an hour</source>
            <translation>稍后提醒（1 小时后）</translation>
        </message>
        <message>
            <source>Remind me tomorrow morning</source>
            <translation>明早提醒</translation>
        </message>
        <message>
            <source>Don't remind me again</source>
            <translation>不再提醒</translation>
        </message>
    </context>
    <context>
        <name>ReportCharts</name>
        <message>
            <source>%1 (part %2 of %3)</source>
            <translation>%1（%2/%3）</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Evaluation report</source>
            <translation>评估报告</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>季度</translation>
        </message>
        <message>
            <source>Half-year</source>
            <translation>半年</translation>
        </message>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>Include care details (the file is then marked 内部资料 注意保密)</source>
            <translation>包含关注情况（文件将标注“内部资料 注意保密”）</translation>
        </message>
        <message>
            <source>Write report</source>
            <translation>生成报告</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>期间：</translation>
        </message>
        <message>
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>The report compares the period with the one before it, lists who was due a talk and had none and the follow-ups overdue or still owed feedback, and leaves room for the reviewer's comments. Private notes are never included.</source>
            <translation>报告将本期与上期对比，列出应谈未谈人员和逾期、待反馈的跟进事项，并留有评阅意见栏。私密记录不会写入报告。</translation>
        </message>
        <message>
            <source>%1 (in progress)</source>
            <translation>%1（进行中）</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>Gathering the figures…</source>
            <translation>正在汇总数据…</translation>
        </message>
        <message>
            <source>Drawing the charts…</source>
            <translation>正在绘制图表…</translation>
        </message>
        <message>
            <source>Writing the report…</source>
            <translation>正在生成报告…</translation>
        </message>
        <message>
            <source>The evaluation report for %1 was written to %2.</source>
            <translation>%1评估报告已保存到 %2。</translation>
        </message>
        <message>
            <source>It holds care details and is marked 内部资料 注意保密.</source>
            <translation>报告包含关注情况，已标注“内部资料 注意保密”。</translation>
        </message>
        <message>
            <source>The file is not encrypted: keep it in a safe place and delete it when it is no longer needed.</source>
            <translation>该文件未加密：请妥善保管，不再需要时及时删除。</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>All talkers</source>
            <translation>全部谈话人</translation>
        </message>
        <message>
            <source>Evaluation report…</source>
            <translation>评估报告…</translation>
        </message>
        <message>
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <source>Talker:</source>
            <translation>谈话人：</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>谈话覆盖率</translation>
        </message>
        <message>
            <source>Talks held</source>
            <translation>谈话次数</translation>
        </message>
        <message>
            <source>Follow-ups resolved</source>
            <translation>跟进事项办结</translation>
        </message>
        <message>
            <source>Resolved on time</source>
            <translation>按期办结率</translation>
        </message>
        <message>
            <source>Median days to resolve</source>
            <translation>办结用时中位数（天）</translation>
        </message>
        <message>
            <source>Overdue follow-ups</source>
            <translation>逾期未办结</translation>
        </message>
        <message>
            <source>Feedback given</source>
            <translation>反馈率</translation>
        </message>
        <message>
            <source>Care followed up</source>
            <translation>关怀跟进率</translation>
        </message>
        <message>
            <source>Previous period: %1</source>
            <translation>上期：%1</translation>
        </message>
        <message>
            <source>%1 of %2 people talked with</source>
            <translation>应谈%2人，已谈%1人</translation>
        </message>
        <message>
            <source>%1 opened, %2 unresolvable</source>
            <translation>本期新增%1项，无法解决%2项</translation>
        </message>
        <message>
            <source>%1 of %2 by the due day</source>
            <translation>已解决%2项，其中按期%1项</translation>
        </message>
        <message>
            <source>from opening to resolving</source>
            <translation>从登记到解决</translation>
        </message>
        <message>
            <source>open and past due on %1</source>
            <translation>截至%1已超期未办结</translation>
        </message>
        <message>
            <source>%1 of %2 talked with again</source>
            <translation>标记%2人，已再次谈话%1人</translation>
        </message>
        <message>
            <source>with %1 people</source>
            <translation>涉及%1人</translation>
        </message>
        <message>
            <source>%1 of %2 closed follow-ups</source>
            <translation>办结%2项，已反馈%1项</translation>
        </message>
        <message>
            <source>%1 · figures as of %2 · click a bar, a slice or a figure to list its records</source>
            <translation>%1 · 数据截至%2 · 点击柱条、扇区或指标可列出相应记录</translation>
        </message>
        <message>
            <source>People not talked with</source>
            <translation>本期尚未谈话的人员</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>已解决的跟进事项</translation>
        </message>
        <message>
            <source>Resolved after their due day</source>
            <translation>逾期解决的跟进事项</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期未办结的跟进事项</translation>
        </message>
        <message>
            <source>Feedback not yet given</source>
            <translation>尚未反馈的跟进事项</translation>
        </message>
        <message>
            <source>Flagged for care, not yet talked with again</source>
            <translation>已标记关怀、尚未再次谈话的人员</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Save the chart as</source>
            <translation>图表另存为</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG图片 (*.png)</translation>
        </message>
        <message>
            <source>The chart was saved to %1.</source>
            <translation>图表已保存到 %1。</translation>
        </message>
        <message>
            <source>The file is not encrypted: keep it in a safe place and delete it when it is no longer needed.</source>
            <translation>该文件未加密，请妥善保管，不再需要时及时删除。</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>统计分析</translation>
        </message>
    </context>
    <context>
        <name>SaveTarget</name>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Please choose the file to write.</source>
            <translation>请选择要保存的文件。</translation>
        </message>
        <message>
            <source>The folder %1 does not exist.</source>
            <translation>文件夹 %1 不存在。</translation>
        </message>
        <message>
            <source>%1 exists already. Replace it?</source>
            <translation>%1 已存在，是否替换？</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search talks and follow-ups</source>
            <translation>搜索谈话记录和跟进事项</translation>
        </message>
        <message>
            <source>Words to find, or a name: 张三, zhangsan or zs</source>
            <translation>输入要查找的文字，或姓名：张三、zhangsan、zs</translation>
        </message>
        <message>
            <source>Talks and follow-ups</source>
            <translation>谈话记录和跟进事项</translation>
        </message>
        <message>
            <source>Talks only</source>
            <translation>仅谈话记录</translation>
        </message>
        <message>
            <source>Follow-ups only</source>
            <translation>仅跟进事项</translation>
        </message>
        <message>
            <source>Name, pinyin or initials</source>
            <translation>姓名、拼音或首字母</translation>
        </message>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>All kinds of talk</source>
            <translation>全部谈话类型</translation>
        </message>
        <message>
            <source>All topics</source>
            <translation>全部谈话主题</translation>
        </message>
        <message>
            <source>Private notes and care reasons are searched only when this is ticked.</source>
            <translation>勾选后才搜索私人备注和关注原因。</translation>
        </message>
        <message>
            <source>Enter opens the record · ↓ moves to the results · Esc closes this window</source>
            <translation>回车打开记录 · ↓ 移到搜索结果 · Esc 关闭本窗口</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>人员(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Dates from</source>
            <translation>日期从(&amp;D)</translation>
        </message>
        <message>
            <source>Include p&amp;rivate notes</source>
            <translation>包括私人备注(&amp;R)</translation>
        </message>
        <message>
            <source>Search &amp;in:</source>
            <translation>搜索范围(&amp;I)：</translation>
        </message>
        <message>
            <source>D&amp;epartment:</source>
            <translation>部门(&amp;E)：</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>谈话类型(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Topic:</source>
            <translation>谈话主题(&amp;T)：</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Type words to find in talks and follow-ups, or a person's name, pinyin or initials (张三, zhangsan, zs). Words of any length are found.</source>
            <translation>输入要在谈话记录和跟进事项中查找的文字，或人员的姓名、拼音、首字母（张三、zhangsan、zs）。单字、词语、整句均可查找。</translation>
        </message>
        <message>
            <source>No one is called “%1”.</source>
            <translation>没有名为“%1”的人员。</translation>
        </message>
        <message>
            <source>Nothing found.</source>
            <translation>未找到相关记录。</translation>
        </message>
        <message>
            <source>Private notes were not searched.</source>
            <translation>未搜索私人备注。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln talk(s)</source>
            <translation>
                <numerusform>%Ln 条谈话记录</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln follow-up(s)</source>
            <translation>
                <numerusform>%Ln 个跟进事项</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1和 %2</translation>
        </message>
        <message>
            <source>Found %1.</source>
            <translation>找到 %1。</translation>
        </message>
        <message numerus="yes">
            <source>Found %Ln or more.</source>
            <translation>
                <numerusform>找到 %Ln 条以上。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The newest %n are shown; narrow the search to see others.</source>
            <translation>
                <numerusform>仅显示最新的 %n 条，缩小搜索范围可查看其他记录。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Talker / handler</source>
            <translation>谈话人 / 承办人</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>查到的内容</translation>
        </message>
        <message>
            <source>(anonymous)</source>
            <translation>（匿名）</translation>
        </message>
        <message>
            <source>Found by this name</source>
            <translation>按姓名查到</translation>
        </message>
        <message>
            <source>Talk</source>
            <translation>谈话</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>%1 — click to show the text</source>
            <translation>%1 — 点击显示内容</translation>
        </message>
        <message>
            <source>In private notes: </source>
            <translation>私人备注：</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Workspace</source>
            <translation>工作区</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>姓名：</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>身份：</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>The records are not re-encrypted: the new password protects the same key. The recovery code stays valid.</source>
            <translation>修改密码不会重新加密记录：新密码保护的是同一把密钥。恢复码依然有效。</translation>
        </message>
        <message>
            <source>Current password:</source>
            <translation>当前密码：</translation>
        </message>
        <message>
            <source>Locking</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Remember on this computer</source>
            <translation>在本机记住密码</translation>
        </message>
        <message>
            <source>talkdesk then opens without the password on this computer, using the system's credential store. After a lock the password is always asked.</source>
            <translation>开启后，在本机打开 talkdesk 无需输入密码（密钥保存在系统凭据管理器中）。锁定后解锁仍需输入密码。</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Lock after this long without use:</source>
            <translation>无操作自动锁定时间：</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Tray and start-up</source>
            <translation>系统托盘与启动</translation>
        </message>
        <message>
            <source>Keep running in the tray when the window is closed</source>
            <translation>关闭窗口后继续在系统托盘中运行</translation>
        </message>
        <message>
            <source>Start at login</source>
            <translation>开机自动启动</translation>
        </message>
        <message>
            <source>Please type your current password.</source>
            <translation>请输入当前密码。</translation>
        </message>
        <message>
            <source>The password was changed. Use the new one from now on.</source>
            <translation>密码已修改，今后请使用新密码。</translation>
        </message>
        <message>
            <source>The new language takes effect when talkdesk is started again.</source>
            <translation>新的界面语言将在重新启动 talkdesk 后生效。</translation>
        </message>
    </context>
    <context>
        <name>SetupDialog</name>
        <message>
            <source>Set up talkdesk</source>
            <translation>初始设置</translation>
        </message>
        <message>
            <source>Welcome to talkdesk</source>
            <translation>欢迎使用 talkdesk</translation>
        </message>
        <message>
            <source>Your records are kept on this computer only, encrypted with a key that your password protects. Please tell us who you are and choose a password.</source>
            <translation>所有记录仅保存在本机，并用受您密码保护的密钥加密。请填写您的信息并设置密码。</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>Repeat password:</source>
            <translation>确认密码：</translation>
        </message>
        <message>
            <source>Remember on this computer</source>
            <translation>在本机记住密码</translation>
        </message>
        <message>
            <source>talkdesk then opens without asking for the password on this computer (the key is kept in the system's credential store). Locking always asks.</source>
            <translation>开启后，在本机打开 talkdesk 无需输入密码（密钥保存在系统凭据管理器中）。锁定后解锁仍需输入密码。</translation>
        </message>
        <message>
            <source>Create workspace</source>
            <translation>创建工作区</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>您的姓名：</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>身份：</translation>
        </message>
        <message>
            <source>Please enter your name.</source>
            <translation>请填写您的姓名。</translation>
        </message>
        <message>
            <source>Please enter your unit.</source>
            <translation>请填写单位名称。</translation>
        </message>
        <message>
            <source>Creating the encrypted workspace…</source>
            <translation>正在创建加密工作区…</translation>
        </message>
        <message>
            <source>Your recovery code</source>
            <translation>您的恢复码</translation>
        </message>
        <message>
            <source>If you forget your password, this code is the only way to open your records. It is shown only now. Print it or write it down, and keep it locked away, apart from this computer.</source>
            <translation>忘记密码时，恢复码是打开记录的唯一途径。恢复码只显示这一次，请打印或抄写下来，与本机分开妥善保管。</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>I have kept it safe</source>
            <translation>我已妥善保存</translation>
        </message>
        <message>
            <source>This code opens the workspace and sets a new password if the password is forgotten. Keep it locked away; anyone holding it can read the records.</source>
            <translation>忘记密码时，可用此恢复码打开工作区并设置新密码。请妥善锁存：持有恢复码的人可以读取全部记录。</translation>
        </message>
        <message>
            <source>Check your copy</source>
            <translation>核对恢复码</translation>
        </message>
        <message>
            <source>Type groups %1 and %2 of the recovery code from your copy.</source>
            <translation>请根据您保存的副本，输入恢复码的第 %1 组和第 %2 组。</translation>
        </message>
        <message>
            <source>Group %1:</source>
            <translation>第 %1 组：</translation>
        </message>
        <message>
            <source>Show the code again</source>
            <translation>再次查看恢复码</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Group %1 does not match. Check your copy, or show the code again.</source>
            <translation>第 %1 组不一致。请核对您的副本，或再次查看恢复码。</translation>
        </message>
    </context>
    <context>
        <name>StatisticsCharts</name>
        <message>
            <source>Coverage per department (%)</source>
            <translation>各部门谈话覆盖率（%）</translation>
        </message>
        <message>
            <source>Talks per month</source>
            <translation>每月谈话次数</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>Feedback and responses</source>
            <translation>反馈情况及满意度</translation>
        </message>
        <message>
            <source>Topics raised</source>
            <translation>谈话主题分布</translation>
        </message>
        <message>
            <source>People flagged for care: talked with again</source>
            <translation>关怀对象再次谈话情况</translation>
        </message>
        <message>
            <source>No department</source>
            <translation>未分部门</translation>
        </message>
        <message>
            <source>%1 (%2/%3)</source>
            <translation>%1（%2/%3）</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>Resolved late</source>
            <translation>其中逾期解决</translation>
        </message>
        <message>
            <source>Cannot be resolved</source>
            <translation>无法解决</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期未办结</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Partly satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <source>Not satisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Response not recorded</source>
            <translation>未记录评价</translation>
        </message>
        <message>
            <source>Feedback not yet given</source>
            <translation>尚未反馈</translation>
        </message>
        <message>
            <source>Talked with again</source>
            <translation>已再次谈话</translation>
        </message>
        <message>
            <source>Not yet talked with again</source>
            <translation>尚未再次谈话</translation>
        </message>
        <message>
            <source>%1: %2 (%3%)</source>
            <translation>%1：%2（%3%）</translation>
        </message>
        <message>
            <source>%1: %2 (click to list them)</source>
            <translation>%1：%2（点击列出明细）</translation>
        </message>
    </context>
    <context>
        <name>StatisticsPeriod</name>
        <message>
            <source>%1 (year)</source>
            <translation>%1年</translation>
        </message>
        <message>
            <source>First half of %1</source>
            <translation>%1年上半年</translation>
        </message>
        <message>
            <source>Second half of %1</source>
            <translation>%1年下半年</translation>
        </message>
        <message>
            <source>Q%2 %1</source>
            <translation>%1年第%2季度</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1至%2</translation>
        </message>
    </context>
    <context>
        <name>TalkExportButton</name>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Word (.docx)…</source>
            <translation>Word 文档（.docx）…</translation>
        </message>
        <message>
            <source>PDF…</source>
            <translation>PDF 文件…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save the record first, then export it.</source>
            <translation>请先保存记录，再导出。</translation>
        </message>
    </context>
    <context>
        <name>TalkForm</name>
        <message>
            <source>Talk record</source>
            <translation>谈心谈话记录表</translation>
        </message>
        <message>
            <source>(choose a talker)</source>
            <translation>（请选择谈话人）</translation>
        </message>
        <message>
            <source>(choose a person)</source>
            <translation>（请选择谈话对象）</translation>
        </message>
        <message>
            <source>Type to search</source>
            <translation>输入姓名或部门查找</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>关注原因</translation>
        </message>
        <message>
            <source>What was talked about</source>
            <translation>谈话的主要内容</translation>
        </message>
        <message>
            <source>Problems the person raised</source>
            <translation>谈话对象反映的问题</translation>
        </message>
        <message>
            <source>The person's opinions and suggestions</source>
            <translation>谈话对象提出的意见建议</translation>
        </message>
        <message>
            <source>Show private notes</source>
            <translation>显示私人备注</translation>
        </message>
        <message>
            <source>Private notes (kept on this computer only)</source>
            <translation>私人备注（仅存本机）</translation>
        </message>
        <message>
            <source>Never exported, printed or listed</source>
            <translation>不导出、不打印、不在列表中显示</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <source>&amp;Add item</source>
            <translation>添加事项(&amp;A)</translation>
        </message>
        <message>
            <source>Remove item</source>
            <translation>删除事项</translation>
        </message>
        <message>
            <source>Save draft (Ctrl+S)</source>
            <translation>保存草稿 (Ctrl+S)</translation>
        </message>
        <message>
            <source>Finalise (Ctrl+Enter)</source>
            <translation>定稿 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Add amendment…</source>
            <translation>补充更正…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Talk held &amp;on:</source>
            <translation>谈话时间(&amp;O)：</translation>
        </message>
        <message>
            <source>P&amp;lace:</source>
            <translation>谈话地点(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Talker:</source>
            <translation>谈话人(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Person talked with:</source>
            <translation>谈话对象(&amp;P)：</translation>
        </message>
        <message>
            <source>Others &amp;present:</source>
            <translation>其他在场人员(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Recorder:</source>
            <translation>记录人(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Kind of talk:</source>
            <translation>谈话类型(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Care:</source>
            <translation>关注关怀(&amp;C)：</translation>
        </message>
        <message>
            <source>Topics:</source>
            <translation>谈话主题：</translation>
        </message>
        <message>
            <source>What was &amp;said:</source>
            <translation>谈话内容(&amp;S)：</translation>
        </message>
        <message>
            <source>Prob&amp;lems raised:</source>
            <translation>反映的问题(&amp;L)：</translation>
        </message>
        <message>
            <source>Opinions and s&amp;uggestions:</source>
            <translation>意见建议(&amp;U)：</translation>
        </message>
        <message>
            <source>Follow-up items</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>Amendments</source>
            <translation>补充更正记录</translation>
        </message>
        <message>
            <source>Question prompts</source>
            <translation>谈话提纲</translation>
        </message>
        <message>
            <source>Carry-over</source>
            <translation>上次遗留</translation>
        </message>
        <message>
            <source>New record, not saved yet</source>
            <translation>新记录，尚未保存</translation>
        </message>
        <message>
            <source>Finalised on %1: read-only</source>
            <translation>已于 %1 定稿，不可修改</translation>
        </message>
        <message>
            <source>%1 · reason: %2
%3</source>
            <translation>%1 · 原因：%2
%3</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未定</translation>
        </message>
        <message>
            <source>Finalise record</source>
            <translation>定稿</translation>
        </message>
        <message>
            <source>Finalise this record? It becomes read-only; later corrections are added as amendments with their time and reason.</source>
            <translation>确定定稿吗？定稿后记录不可修改，此后的更正将作为补充更正记录，注明时间和原因。</translation>
        </message>
        <message>
            <source>Finalise</source>
            <translation>定稿</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>暂不定稿</translation>
        </message>
        <message>
            <source>Please choose the talker.</source>
            <translation>请选择谈话人。</translation>
        </message>
        <message>
            <source>Please choose the person talked with.</source>
            <translation>请选择谈话对象。</translation>
        </message>
        <message>
            <source>The talker and the person talked with must be different people.</source>
            <translation>谈话人和谈话对象不能是同一人。</translation>
        </message>
        <message>
            <source>Draft saved at %1</source>
            <translation>草稿已于 %1 保存</translation>
        </message>
        <message>
            <source>Hide private notes</source>
            <translation>隐藏私人备注</translation>
        </message>
    </context>
    <context>
        <name>TalksModel</name>
        <message>
            <source>Date and time</source>
            <translation>谈话时间</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>谈话类型</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>谈话主题</translation>
        </message>
        <message>
            <source>Care</source>
            <translation>关注</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>TalksPage</name>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>New talk… (Ctrl+N)</source>
            <translation>新建谈话… (Ctrl+N)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Export ledger…</source>
            <translation>导出台账…</translation>
        </message>
        <message>
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>状态：</translation>
        </message>
        <message numerus="yes">
            <source>%n talk(s)</source>
            <translation>
                <numerusform>共 %n 次谈话</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>Date</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Talker / handler</source>
            <translation>谈话人／承办人</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>Talk</source>
            <translation>谈话</translation>
        </message>
        <message>
            <source>%1: click to show</source>
            <translation>%1：单击查看</translation>
        </message>
        <message>
            <source>(no topics ticked)</source>
            <translation>（未勾选谈话内容）</translation>
        </message>
        <message>
            <source>%1 · due %2</source>
            <translation>%1 · %2 前办结</translation>
        </message>
    </context>
    <context>
        <name>TodayFigures</name>
        <message>
            <source>Talks this month</source>
            <translation>本月谈话</translation>
        </message>
        <message>
            <source>Open follow-ups</source>
            <translation>未办结事项</translation>
        </message>
        <message>
            <source>Overdue follow-ups</source>
            <translation>逾期事项</translation>
        </message>
        <message>
            <source>Follow-ups awaiting feedback</source>
            <translation>待反馈事项</translation>
        </message>
        <message>
            <source>Good morning, %1</source>
            <translation>%1，上午好</translation>
        </message>
        <message>
            <source>Good afternoon, %1</source>
            <translation>%1，下午好</translation>
        </message>
        <message>
            <source>Good evening, %1</source>
            <translation>%1，晚上好</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Appointments</source>
            <translation>谈话预约</translation>
        </message>
        <message>
            <source>Due and overdue talks</source>
            <translation>应谈和逾期的谈话</translation>
        </message>
        <message>
            <source>Missed periods</source>
            <translation>漏谈的周期</translation>
        </message>
        <message>
            <source>Triggers waiting</source>
            <translation>待谈的必谈事由</translation>
        </message>
        <message>
            <source>Follow-ups due or overdue</source>
            <translation>即将到期和逾期的跟进事项</translation>
        </message>
        <message numerus="yes">
            <source>%n more…</source>
            <translation>
                <numerusform>还有 %n 项…</numerusform>
            </translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Later this week</source>
            <translation>本周稍后</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>No active plans yet. Plans say who talks with whom, how often.</source>
            <translation>还没有启用的谈话计划。谈话计划规定谁与谁谈、多久谈一次。</translation>
        </message>
        <message>
            <source>Nobody is due or overdue in any plan.</source>
            <translation>各计划中暂无应谈或逾期人员。</translation>
        </message>
        <message>
            <source>%1 · %2 · %3 of %4 done</source>
            <translation>%1 · 谈话人 %2 · 已谈 %3/%4</translation>
        </message>
        <message>
            <source>Schedule…</source>
            <translation>安排…</translation>
        </message>
        <message>
            <source>Schedule a talk with this person</source>
            <translation>与此人预约谈话</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) late</source>
            <translation>
                <numerusform>已逾期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>last day today</source>
            <translation>今天是最后一天</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>还剩 %n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> (%n working day(s))</source>
            <translation>
                <numerusform>（%n 个工作日）</numerusform>
            </translation>
        </message>
        <message>
            <source>No period ended without its talk.</source>
            <translation>没有漏谈的周期。</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 至 %2</translation>
        </message>
        <message>
            <source>No events are waiting for a talk.</source>
            <translation>暂无待谈的必谈事由。</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message numerus="yes">
            <source>Due within %n day(s)</source>
            <translation>
                <numerusform>%n 天内到期</numerusform>
            </translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>将到期</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Open talkdesk</source>
            <translation>打开 talkdesk</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Quit talkdesk</source>
            <translation>退出 talkdesk</translation>
        </message>
        <message>
            <source>talkdesk reminder</source>
            <translation>talkdesk 提醒</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>……另有 {count} 项</translation>
        </message>
        <message>
            <source>talkdesk reminders</source>
            <translation>talkdesk 提醒</translation>
        </message>
        <message>
            <source>While talkdesk was closed</source>
            <translation>talkdesk 关闭期间的提醒</translation>
        </message>
    </context>
    <context>
        <name>TriggerDialog</name>
        <message>
            <source>Mark an event (talk required)</source>
            <translation>必谈事件</translation>
        </message>
        <message>
            <source>Some events call for a talk soon: it then shows on the Today page and is reminded like a plan until a talk with %1 is recorded.</source>
            <translation>此类事件发生后应及时谈话。登记后将显示在“今日”页并按期提醒，直到记录了与%1的谈话。</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Optional, e.g. what happened</source>
            <translation>可不填，如简要情况</translation>
        </message>
        <message>
            <source>Person:</source>
            <translation>谈话对象：</translation>
        </message>
        <message>
            <source>&amp;Event:</source>
            <translation>事件(&amp;E)：</translation>
        </message>
        <message>
            <source>&amp;Happened on:</source>
            <translation>发生日期(&amp;H)：</translation>
        </message>
        <message>
            <source>Talk &amp;within:</source>
            <translation>应在几天内谈话(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>备注(&amp;N)：</translation>
        </message>
        <message>
            <source>Talk by %1</source>
            <translation>最迟 %1 前谈话</translation>
        </message>
    </context>
    <context>
        <name>TriggersModel</name>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Happened on</source>
            <translation>发生日期</translation>
        </message>
        <message>
            <source>Talk by</source>
            <translation>应谈截止</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Talked %1</source>
            <translation>已谈 %1</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Unlock talkdesk</source>
            <translation>解锁 talkdesk</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>请输入密码</translation>
        </message>
        <message>
            <source>Forgot password?</source>
            <translation>忘记密码？</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>正在打开…</translation>
        </message>
        <message>
            <source>Set a new password with the recovery code</source>
            <translation>用恢复码设置新密码</translation>
        </message>
        <message>
            <source>Type the recovery code you printed or wrote down when the workspace was created (dashes and spaces do not matter), then choose a new password. Your records stay as they are.</source>
            <translation>请输入创建工作区时打印或抄写的恢复码（短横线和空格可省略），然后设置新密码。您的记录不受影响。</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Set password and unlock</source>
            <translation>设置密码并解锁</translation>
        </message>
        <message>
            <source>Recovery code:</source>
            <translation>恢复码：</translation>
        </message>
        <message>
            <source>The recovery code has 8 groups of 4 letters and digits. Check it against your copy.</source>
            <translation>恢复码共 8 组，每组 4 个字母或数字。请对照您的副本核对。</translation>
        </message>
    </context>
    <context>
        <name>WeekView</name>
        <message>
            <source>‹ Previous week</source>
            <translation>‹ 上一周</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>本周</translation>
        </message>
        <message>
            <source>Next week ›</source>
            <translation>下一周 ›</translation>
        </message>
        <message>
            <source>Schedule a talk…</source>
            <translation>安排谈话…</translation>
        </message>
        <message>
            <source>Reschedule…</source>
            <translation>改期…</translation>
        </message>
        <message>
            <source>Cancel appointment…</source>
            <translation>取消预约…</translation>
        </message>
        <message>
            <source>Double-click an appointment to move it.</source>
            <translation>双击预约可改期。</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 至 %2</translation>
        </message>
        <message>
            <source>Appointments: %1</source>
            <translation>共 %1 个预约</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>show this help and exit</source>
            <translation>显示本帮助并退出</translation>
        </message>
        <message>
            <source>arguments</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
        <message>
            <source>An offline, encrypted desk for one-to-one talks. Without a command, the program window opens.</source>
            <translation>离线、加密的一对一谈心谈话工作台。不带命令运行时打开程序窗口。</translation>
        </message>
        <message>
            <source>open a demo workspace of a fictional office (removed on exit)</source>
            <translation>打开一个虚构单位的示例工作区（退出时删除）</translation>
        </message>
        <message>
            <source>show the version and exit</source>
            <translation>显示版本号并退出</translation>
        </message>
        <message>
            <source>create a new workspace</source>
            <translation>新建工作区</translation>
        </message>
        <message>
            <source>your name</source>
            <translation>您的姓名</translation>
        </message>
        <message>
            <source>your unit (organisation)</source>
            <translation>您所在的单位</translation>
        </message>
        <message>
            <source>your role: leader or (Party branch) secretary</source>
            <translation>您的角色：leader（领导）或 secretary（党支部书记）</translation>
        </message>
        <message>
            <source>create a workspace filled with demo data</source>
            <translation>新建一个填充示例数据的工作区</translation>
        </message>
        <message>
            <source>number of people (default 60)</source>
            <translation>人数（默认 60）</translation>
        </message>
        <message>
            <source>years of talks (default 2)</source>
            <translation>谈话记录的年数（默认 2）</translation>
        </message>
        <message>
            <source>random seed: the same seed gives the same data</source>
            <translation>随机种子：相同的种子生成相同的数据</translation>
        </message>
        <message>
            <source>open the workspace and verify it; exit status 0 only if it is sound</source>
            <translation>打开并检查工作区；仅当工作区完好时退出码为 0</translation>
        </message>
        <message>
            <source>write an encrypted, verified backup of the workspace</source>
            <translation>生成工作区的加密备份并校验</translation>
        </message>
        <message>
            <source>the backup file to write (must not exist yet)</source>
            <translation>要写入的备份文件（不能是已有文件）</translation>
        </message>
        <message>
            <source>print what needs doing on a day: who is due, overdue or missed in each plan, triggers waiting, appointments, follow-ups due or overdue</source>
            <translation>列出某一天的待办：各计划中应谈、逾期或漏谈的人员，待谈的必谈事由，谈话预约，即将到期或逾期的跟进事项</translation>
        </message>
        <message>
            <source>the day, as YYYY-MM-DD (default: today)</source>
            <translation>日期，格式为 YYYY-MM-DD（默认：今天）</translation>
        </message>
        <message>
            <source>print a machine-readable JSON document</source>
            <translation>输出供程序读取的 JSON 文档</translation>
        </message>
        <message>
            <source>restore a backup into a new or empty folder (--data-dir)</source>
            <translation>将备份恢复到新的或空的文件夹（--data-dir）</translation>
        </message>
        <message>
            <source>the backup file to restore</source>
            <translation>要恢复的备份文件</translation>
        </message>
        <message>
            <source>open the backup with its recovery code (asked for) and set a new password</source>
            <translation>用恢复码打开备份（运行时输入），并设置新密码</translation>
        </message>
        <message>
            <source>import records from a file</source>
            <translation>从文件导入记录</translation>
        </message>
        <message>
            <source>import a roster of people from .xlsx or .csv</source>
            <translation>从 .xlsx 或 .csv 文件导入人员名册</translation>
        </message>
        <message>
            <source>import a roster of people from .xlsx or .csv; columns are matched by their header names (姓名, 部门, 职务, 性别, 党员, 入职时间 or Name, Department, …)</source>
            <translation>从 .xlsx 或 .csv 文件导入人员名册；按表头名称对应各列（姓名、部门、职务、性别、党员、入职时间，或 Name、Department 等）</translation>
        </message>
        <message>
            <source>the .xlsx or .csv file</source>
            <translation>.xlsx 或 .csv 文件</translation>
        </message>
        <message>
            <source>check the file and print the report; import nothing</source>
            <translation>只检查文件并输出报告，不导入任何内容</translation>
        </message>
        <message>
            <source>write a talk record, the ledger or the evaluation report to a file</source>
            <translation>将谈话记录、台账或评估报告写入文件</translation>
        </message>
        <message>
            <source>include care details (the file is then marked 内部资料 注意保密)</source>
            <translation>包含关爱详情（文件将标注“内部资料 注意保密”）</translation>
        </message>
        <message>
            <source>one talk as the record form (谈心谈话记录表)</source>
            <translation>将一次谈话导出为谈心谈话记录表</translation>
        </message>
        <message>
            <source>the file to write: .docx or .pdf</source>
            <translation>要写入的文件：.docx 或 .pdf</translation>
        </message>
        <message>
            <source>the talk's number</source>
            <translation>谈话记录编号</translation>
        </message>
        <message>
            <source>the ledger (台账) of talks and follow-ups for a period</source>
            <translation>某一时段谈话和跟进事项的台账</translation>
        </message>
        <message>
            <source>the .xlsx file to write</source>
            <translation>要写入的 .xlsx 文件</translation>
        </message>
        <message>
            <source>the first day, as YYYY-MM-DD</source>
            <translation>起始日期，格式为 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>the last day, as YYYY-MM-DD</source>
            <translation>截止日期，格式为 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>only this department (and those under it)</source>
            <translation>仅限该部门（含下属部门）</translation>
        </message>
        <message>
            <source>the evaluation report (评估报告) of a quarter or half-year</source>
            <translation>某季度或半年的评估报告</translation>
        </message>
        <message>
            <source>the .docx file to write</source>
            <translation>要写入的 .docx 文件</translation>
        </message>
        <message>
            <source>the period, as 2026Q3 or 2026H2</source>
            <translation>时段，如 2026Q3 或 2026H2</translation>
        </message>
        <message>
            <source>the workspace folder (default: TALKDESK_DATA_DIR or the user data folder)</source>
            <translation>工作区文件夹（默认：TALKDESK_DATA_DIR 或用户数据文件夹）</translation>
        </message>
        <message>
            <source>language of the messages (default: TALKDESK_LANG or the system's)</source>
            <translation>提示信息的语言（默认：TALKDESK_LANG 或系统语言）</translation>
        </message>
        <message>
            <source>Interrupted. Nothing was changed.</source>
            <translation>已中断，未作任何更改。</translation>
        </message>
        <message>
            <source>Your name: </source>
            <translation>您的姓名：</translation>
        </message>
        <message>
            <source>Your unit: </source>
            <translation>您所在的单位：</translation>
        </message>
        <message>
            <source>Your role (leader/secretary) [leader]: </source>
            <translation>您的角色（leader 领导 / secretary 党支部书记）[leader]：</translation>
        </message>
        <message>
            <source>The role is either leader or secretary.</source>
            <translation>角色只能是 leader（领导）或 secretary（党支部书记）。</translation>
        </message>
        <message>
            <source>Workspace created in {folder}.</source>
            <translation>工作区已创建于 {folder}。</translation>
        </message>
        <message>
            <source>A demo needs at least 10 people and 1 year.</source>
            <translation>示例数据至少需要 10 人、1 年。</translation>
        </message>
        <message>
            <source>Demo workspace created in {folder}.</source>
            <translation>示例工作区已创建于 {folder}。</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Page authentication (HMAC)</source>
            <translation>页面认证（HMAC）</translation>
        </message>
        <message>
            <source>SQLite integrity</source>
            <translation>SQLite 完整性</translation>
        </message>
        <message>
            <source>Foreign keys</source>
            <translation>外键</translation>
        </message>
        <message>
            <source>Workspace: {folder}</source>
            <translation>工作区：{folder}</translation>
        </message>
        <message>
            <source>Schema revision</source>
            <translation>数据结构版本</translation>
        </message>
        <message>
            <source>The workspace is sound.</source>
            <translation>工作区完好。</translation>
        </message>
        <message>
            <source>The workspace is damaged. Nothing was changed. Restore it from a backup.</source>
            <translation>工作区已损坏，未作任何更改。请从备份恢复。</translation>
        </message>
        <message>
            <source>{file} already exists. Choose a new file name.</source>
            <translation>{file} 已存在，请换一个文件名。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <source>Backup written to {file} and verified.</source>
            <translation>备份已写入 {file} 并通过校验。</translation>
        </message>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>文件 {file} 不存在。</translation>
        </message>
        <message>
            <source>Recovery code of the backup: </source>
            <translation>备份的恢复码：</translation>
        </message>
        <message>
            <source>Password of the backup: </source>
            <translation>备份的密码：</translation>
        </message>
        <message>
            <source>Backup restored into {folder} and verified.</source>
            <translation>备份已恢复到 {folder} 并通过校验。</translation>
        </message>
        <message>
            <source>Password: </source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>New password (at least 8 characters): </source>
            <translation>新密码（至少 8 个字符）：</translation>
        </message>
        <message>
            <source>The same password again: </source>
            <translation>再次输入新密码：</translation>
        </message>
        <message>
            <source>The command failed unexpectedly ({error}). Nothing was changed.</source>
            <translation>命令意外失败（{error}），未作任何更改。</translation>
        </message>
        <message>
            <source>departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>people</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>谈话计划</translation>
        </message>
        <message>
            <source>appointments</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>talks</source>
            <translation>谈话记录</translation>
        </message>
        <message>
            <source>follow-ups</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>templates</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Recovery code (shown only this once):</source>
            <translation>恢复码（仅显示这一次）：</translation>
        </message>
        <message>
            <source>Write it down and keep it locked away. With it alone the workspace can be opened and a new password set; without it a forgotten password cannot be recovered.</source>
            <translation>请抄写下来并妥善锁存。仅凭恢复码即可打开工作区并设置新密码；没有恢复码，忘记的密码将无法找回。</translation>
        </message>
        <message>
            <source>{value} is not a date; write it as YYYY-MM-DD.</source>
            <translation>{value} 不是有效日期，请按 YYYY-MM-DD 格式填写。</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>What needs doing on {day}</source>
            <translation>{day} 待办事项</translation>
        </message>
        <message>
            <source>Appointments today:</source>
            <translation>今日预约：</translation>
        </message>
        <message>
            <source>Appointments later this week (to {day}):</source>
            <translation>本周稍后的预约（至 {day}）：</translation>
        </message>
        <message>
            <source>missed: {name}, {start} – {end}</source>
            <translation>漏谈：{name}，{start} 至 {end}</translation>
        </message>
        <message>
            <source>Nobody is due or overdue.</source>
            <translation>暂无应谈或逾期人员。</translation>
        </message>
        <message>
            <source>Triggers waiting:</source>
            <translation>待谈的必谈事由：</translation>
        </message>
        <message>
            <source>Follow-ups overdue:</source>
            <translation>逾期的跟进事项：</translation>
        </message>
        <message>
            <source>Follow-ups due within {n} days:</source>
            <translation>{n} 天内到期的跟进事项：</translation>
        </message>
        <message>
            <source>Plan {name} (talker {talker}): {done} of {covered} done</source>
            <translation>计划 {name}（谈话人 {talker}）：已谈 {done}/{covered}</translation>
        </message>
        <message>
            <source>%n day(s) late</source>
            <translation>已逾期 %n 天</translation>
        </message>
        <message>
            <source>%n day(s) left</source>
            <translation>还剩 %n 天</translation>
        </message>
        <message>
            <source> (%n working day(s))</source>
            <translation>（%n 个工作日）</translation>
        </message>
        <message>
            <source>{state}: {name}{department}, by {deadline}, {left}</source>
            <translation>{state}：{name}{department}，期限 {deadline}，{left}</translation>
        </message>
        <message>
            <source>{state}: {name}, {kind} on {occurred}, by {due}, {left}</source>
            <translation>{state}：{name}，{occurred} {kind}，期限 {due}，{left}</translation>
        </message>
        <message>
            <source>Roster {file}, header on row {row}:</source>
            <translation>花名册 {file}，表头在第 {row} 行：</translation>
        </message>
        <message>
            <source>row {row}: {status}, {who}</source>
            <translation>第 {row} 行：{status}，{who}</translation>
        </message>
        <message>
            <source>Dry run: %n person(s) would be imported.</source>
            <translation>试运行：可导入 %n 人。</translation>
        </message>
        <message>
            <source>, %n department(s) created.</source>
            <translation>，新建部门 %n 个。</translation>
        </message>
        <message>
            <source>%n duplicate(s) skipped</source>
            <translation>跳过重复 %n 行</translation>
        </message>
        <message>
            <source>, %n row(s) with errors.</source>
            <translation>，有错误 %n 行。</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>未作任何更改。</translation>
        </message>
        <message>
            <source>%n person(s) imported</source>
            <translation>已导入 %n 人</translation>
        </message>
        <message>
            <source>The record form is written as .docx or .pdf, not {file}.</source>
            <translation>谈话记录表只能保存为 .docx 或 .pdf 文件，不能是 {file}。</translation>
        </message>
        <message>
            <source>Talk {number} written to {file}.</source>
            <translation>第 {number} 号谈话记录已保存到 {file}。</translation>
        </message>
        <message>
            <source>The first day ({start}) is after the last day ({end}).</source>
            <translation>开始日期（{start}）晚于结束日期（{end}）。</translation>
        </message>
        <message>
            <source>The ledger is written as an .xlsx workbook, not {file}.</source>
            <translation>台账只能保存为 .xlsx 工作簿，不能保存为 {file}。</translation>
        </message>
        <message>
            <source>Ledger written to {file}: {talks} talks, {follow_ups} follow-ups.</source>
            <translation>台账已保存到 {file}：谈话 {talks} 条，跟进事项 {follow_ups} 项。</translation>
        </message>
        <message>
            <source>It holds care details and is marked 内部资料 注意保密.</source>
            <translation>文件包含关心关爱情况，已标注“内部资料 注意保密”。</translation>
        </message>
        <message>
            <source>The file is not encrypted: keep it in a safe place and delete it when it is no longer needed.</source>
            <translation>该文件未加密：请妥善保管，不再需要时及时删除。</translation>
        </message>
        <message>
            <source>No department has that name. Write it exactly as on the People page.</source>
            <translation>没有这个名称的部门。请按“人员”页面上显示的部门名称准确填写。</translation>
        </message>
        <message>
            <source>Several departments have that name. Export the ledger from the Talks page, where the department can be chosen.</source>
            <translation>有多个部门使用这个名称。请在“谈话记录”页面导出台账，在那里可以选择具体部门。</translation>
        </message>
        <message>
            <source>{value} is not a talk number (a whole number, as 12).</source>
            <translation>{value} 不是谈话编号（应为整数，如 12）。</translation>
        </message>
        <message>
            <source>{period} has not begun yet: choose a period that has.</source>
            <translation>{period} 尚未开始，请选择已开始的期间。</translation>
        </message>
        <message>
            <source>The evaluation report is written as a .docx document, not {file}.</source>
            <translation>评估报告只能保存为 .docx 文档，不能保存为 {file}。</translation>
        </message>
        <message>
            <source>Evaluation report for {period} written to {file}.</source>
            <translation>{period}评估报告已保存到 {file}。</translation>
        </message>
        <message>
            <source>{value} is not a quarter or half-year; write it as 2026Q3 or 2026H2.</source>
            <translation>{value} 不是季度或半年，请按 2026Q3 或 2026H2 的格式填写。</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Every {n} weeks</source>
            <translation>每 {n} 周</translation>
        </message>
        <message>
            <source>Every {n} months</source>
            <translation>每 {n} 个月</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>领导</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>党支部书记</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Finalised</source>
            <translation>已定稿</translation>
        </message>
        <message>
            <source>Regular talk</source>
            <translation>常规谈话</translation>
        </message>
        <message>
            <source>New-post talk</source>
            <translation>任职谈话</translation>
        </message>
        <message>
            <source>Transfer talk</source>
            <translation>调岗谈话</translation>
        </message>
        <message>
            <source>Caring talk</source>
            <translation>关怀谈话</translation>
        </message>
        <message>
            <source>Reminding talk</source>
            <translation>提醒谈话</translation>
        </message>
        <message>
            <source>Requested talk</source>
            <translation>应约谈话</translation>
        </message>
        <message>
            <source>Other talk</source>
            <translation>其他谈话</translation>
        </message>
        <message>
            <source>Work</source>
            <translation>工作</translation>
        </message>
        <message>
            <source>Professional skills</source>
            <translation>业务</translation>
        </message>
        <message>
            <source>Thinking</source>
            <translation>思想</translation>
        </message>
        <message>
            <source>Life</source>
            <translation>生活</translation>
        </message>
        <message>
            <source>Career</source>
            <translation>成长发展</translation>
        </message>
        <message>
            <source>Concerns and requests</source>
            <translation>困难诉求</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>身心健康</translation>
        </message>
        <message>
            <source>No special care</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Keep an eye on</source>
            <translation>一般关注</translation>
        </message>
        <message>
            <source>Needs care</source>
            <translation>重点关爱</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>待办</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>办理中</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>Cannot be resolved</source>
            <translation>无法解决</translation>
        </message>
        <message>
            <source>Talk</source>
            <translation>谈话</translation>
        </message>
        <message>
            <source>Suggestion box</source>
            <translation>意见箱</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>问卷调查</translation>
        </message>
        <message>
            <source>Other source</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>当面</translation>
        </message>
        <message>
            <source>By phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>In writing</source>
            <translation>书面</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Partly satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <source>Not satisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>每月</translation>
        </message>
        <message>
            <source>Quarterly</source>
            <translation>每季度</translation>
        </message>
        <message>
            <source>Every half year</source>
            <translation>每半年</translation>
        </message>
        <message>
            <source>Yearly</source>
            <translation>每年</translation>
        </message>
        <message>
            <source>Every few weeks</source>
            <translation>每隔数周</translation>
        </message>
        <message>
            <source>Every few months</source>
            <translation>每隔数月</translation>
        </message>
        <message>
            <source>New post</source>
            <translation>新任职</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>岗位调整</translation>
        </message>
        <message>
            <source>Hardship</source>
            <translation>遭遇困难</translation>
        </message>
        <message>
            <source>Award or discipline</source>
            <translation>受到奖惩</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>考核评议</translation>
        </message>
        <message>
            <source>Asked for a talk</source>
            <translation>本人申请谈话</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>已安排</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>Not yet due</source>
            <translation>未到期</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>应谈</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>漏谈</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>The workspace is in use by another program or another talkdesk window. Close it and try again.</source>
            <translation>工作区正被其他程序或另一个 talkdesk 窗口使用。请关闭后重试。</translation>
        </message>
        <message>
            <source>talkdesk may not read or write the workspace's files. Check the folder's permissions, or ask your administrator.</source>
            <translation>talkdesk 无权读写工作区文件。请检查文件夹权限，或联系系统管理员。</translation>
        </message>
        <message>
            <source>No workspace was found in this folder. Create one, or choose the folder that holds it.</source>
            <translation>此文件夹中没有工作区。请新建一个，或选择存放工作区的文件夹。</translation>
        </message>
        <message>
            <source>This folder already holds a workspace. Open it, or choose an empty folder.</source>
            <translation>此文件夹中已有工作区。请直接打开，或选择一个空文件夹。</translation>
        </message>
        <message>
            <source>The target folder is not empty. Restore into a new or empty folder; an existing workspace is never overwritten.</source>
            <translation>目标文件夹不是空的。请恢复到新建或空的文件夹中；已有的工作区不会被覆盖。</translation>
        </message>
        <message>
            <source>The password is not correct. Please try again.</source>
            <translation>密码不正确，请重新输入。</translation>
        </message>
        <message>
            <source>The recovery code is not correct. Check each group against the printed code.</source>
            <translation>恢复码不正确。请对照打印的恢复码逐组核对。</translation>
        </message>
        <message>
            <source>The key file (keys.json) is damaged and its backup copy too. Restore the workspace from a backup.</source>
            <translation>密钥文件（keys.json）及其备份副本均已损坏。请从备份中恢复工作区。</translation>
        </message>
        <message>
            <source>The password is right, but the database file is damaged or missing. Nothing was changed. Restore the workspace from a backup.</source>
            <translation>密码正确，但数据库文件已损坏或缺失。未做任何更改。请从备份中恢复工作区。</translation>
        </message>
        <message>
            <source>This file is not a talkdesk database.</source>
            <translation>此文件不是 talkdesk 数据库。</translation>
        </message>
        <message>
            <source>This workspace was made by a newer version of talkdesk. Please update talkdesk.</source>
            <translation>此工作区由更新版本的 talkdesk 创建，请升级 talkdesk。</translation>
        </message>
        <message>
            <source>The password is too weak: use at least 8 characters of several kinds.</source>
            <translation>密码强度太弱：请至少使用 8 位，并包含多种字符。</translation>
        </message>
        <message>
            <source>The two passwords differ. Please type them again.</source>
            <translation>两次输入的密码不一致，请重新输入。</translation>
        </message>
        <message>
            <source>The disk is full. Nothing was lost; free some space and try again.</source>
            <translation>磁盘已满。数据没有丢失；请清理出一些空间后重试。</translation>
        </message>
        <message>
            <source>The file could not be written. Check the folder's permissions and try again.</source>
            <translation>无法写入文件。请检查文件夹权限后重试。</translation>
        </message>
        <message>
            <source>This file is not a sound talkdesk backup. Choose another backup file.</source>
            <translation>此文件不是完好的 talkdesk 备份。请选择其他备份文件。</translation>
        </message>
        <message>
            <source>The record no longer exists. The list has been refreshed.</source>
            <translation>该记录已不存在，列表已刷新。</translation>
        </message>
        <message>
            <source>A required field is empty or not valid: {field}.</source>
            <translation>必填项为空或无效：{field}。</translation>
        </message>
        <message>
            <source>An entry with this name already exists.</source>
            <translation>已存在同名条目。</translation>
        </message>
        <message>
            <source>The workspace is locked. Unlock it with your password.</source>
            <translation>工作区已锁定，请输入密码解锁。</translation>
        </message>
        <message>
            <source>This record is finalised and cannot be edited. Add an amendment instead.</source>
            <translation>该记录已定稿，不能再修改。如需更正，请添加补正说明。</translation>
        </message>
        <message>
            <source>This computer has no credential store, so the password cannot be remembered. Please type your password.</source>
            <translation>本机没有可用的系统凭据管理器，无法记住密码。请输入密码。</translation>
        </message>
        <message>
            <source>The remembered key is no longer in this computer's credential store (for example after a Windows password reset). Please type your password.</source>
            <translation>本机凭据管理器中已找不到记住的密钥（例如重置了 Windows 密码之后）。请输入密码。</translation>
        </message>
        <message>
            <source>The credential store is locked. Please type your password.</source>
            <translation>系统凭据管理器已锁定。请输入密码。</translation>
        </message>
        <message>
            <source>The password is not remembered on this computer.</source>
            <translation>本机未记住密码。</translation>
        </message>
        <message>
            <source>The key remembered on this computer no longer fits this workspace. Please type your password; you can turn remembering on again in Settings.</source>
            <translation>本机记住的密钥已与该工作区不符。请输入密码；可在“设置”中重新开启“在本机记住密码”。</translation>
        </message>
        <message>
            <source>The credential store could not be read. Please type your password.</source>
            <translation>无法读取系统凭据管理器。请输入密码。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>what is to be followed up</source>
            <translation>跟进事项内容</translation>
        </message>
        <message>
            <source>person</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>talker</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>date and time</source>
            <translation>日期和时间</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>text</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>how it was resolved</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>state of the record</source>
            <translation>记录状态</translation>
        </message>
        <message>
            <source>days within which to talk</source>
            <translation>应谈话天数</translation>
        </message>
        <message>
            <source>interval</source>
            <translation>间隔</translation>
        </message>
        <message>
            <source>hard limit</source>
            <translation>最长期限</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. Your data are safe; please try again, and if it happens again, restart talkdesk.</source>
            <translation>发生了意外错误。您的数据是安全的；请重试，如再次出现，请重新启动 talkdesk。</translation>
        </message>
        <message>
            <source>The key file was damaged; its backup copy was used and the key file repaired.</source>
            <translation>密钥文件已损坏；已使用其备份副本打开，并修复了密钥文件。</translation>
        </message>
        <message>
            <source>The workspace was opened after a repair.</source>
            <translation>工作区已在修复后打开。</translation>
        </message>
    </context>
    <context>
        <name>roster</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入职时间</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>领导</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>可导入</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>The name is missing.</source>
            <translation>缺少姓名。</translation>
        </message>
        <message>
            <source>{field} is too long.</source>
            <translation>“{field}”过长。</translation>
        </message>
        <message>
            <source>{field} is not a date (write it as 2019-03-01 or 2019年3月1日).</source>
            <translation>“{field}”不是日期（请写作 2019-03-01 或 2019年3月1日）。</translation>
        </message>
        <message>
            <source>{field} is neither male nor female.</source>
            <translation>“{field}”应为男或女。</translation>
        </message>
        <message>
            <source>{field} is neither yes nor no, nor a political status.</source>
            <translation>“{field}”既不是“是/否”，也不是政治面貌。</translation>
        </message>
        <message>
            <source>{field} is neither yes nor no.</source>
            <translation>“{field}”应为“是”或“否”。</translation>
        </message>
        <message>
            <source>The department has too many levels.</source>
            <translation>部门层级过多。</translation>
        </message>
        <message>
            <source>Several departments have this name; write it with its parent (Office/Archives).</source>
            <translation>有多个同名部门，请连同上级部门一起填写（如 办公室/档案室）。</translation>
        </message>
        <message>
            <source>Same name and department as row {row}.</source>
            <translation>与第 {row} 行姓名、部门相同。</translation>
        </message>
        <message>
            <source>Already in the workspace (same name and department).</source>
            <translation>工作区中已有此人（姓名、部门相同）。</translation>
        </message>
        <message>
            <source>The file could not be read. Check that it exists and that you may open it.</source>
            <translation>无法读取该文件。请确认文件存在且有权限打开。</translation>
        </message>
        <message>
            <source>Only .xlsx and .csv files can be imported. Save the roster as one of these.</source>
            <translation>只能导入 .xlsx 和 .csv 文件。请将花名册另存为其中一种格式。</translation>
        </message>
        <message>
            <source>The file is too large for a roster (more than 10 MB) and was not read.</source>
            <translation>文件超过 10 MB，不像是花名册，未予读取。</translation>
        </message>
        <message>
            <source>The file is not a readable .xlsx workbook. Open it in Excel or WPS and save it again as .xlsx.</source>
            <translation>该文件不是可读取的 .xlsx 工作簿。请用 Excel 或 WPS 打开后重新另存为 .xlsx。</translation>
        </message>
        <message>
            <source>The file is an old .xls workbook or is protected by a password. Save it as .xlsx without a password.</source>
            <translation>该文件是旧版 .xls 工作簿或设有密码。请另存为不设密码的 .xlsx 文件。</translation>
        </message>
        <message>
            <source>The workbook unpacks to far more data than a roster holds (a possible zip bomb) and was refused for safety. Nothing was imported.</source>
            <translation>该工作簿解压后的数据量远超花名册应有的大小（可能是压缩炸弹），为安全起见已拒绝。未导入任何内容。</translation>
        </message>
        <message>
            <source>The workbook contains XML entity declarations, which no roster needs, and was refused for safety. Nothing was imported.</source>
            <translation>该工作簿含有 XML 实体声明（花名册不需要此类内容），为安全起见已拒绝。未导入任何内容。</translation>
        </message>
        <message>
            <source>Line {row} is neither UTF-8 nor GBK text. Save the file as “CSV UTF-8” and try again.</source>
            <translation>第 {row} 行既不是 UTF-8 也不是 GBK 编码的文本。请将文件另存为“CSV UTF-8”后重试。</translation>
        </message>
        <message>
            <source>The file is not a text (CSV) file: line {row} holds binary data.</source>
            <translation>该文件不是文本（CSV）文件：第 {row} 行含有二进制数据。</translation>
        </message>
        <message>
            <source>The CSV file is malformed at line {row} (an unclosed quote or a huge cell).</source>
            <translation>CSV 文件第 {row} 行格式有误（引号未闭合或单元格过大）。</translation>
        </message>
        <message>
            <source>The file holds no rows to import.</source>
            <translation>文件中没有可导入的行。</translation>
        </message>
        <message>
            <source>The file has more than 20,000 rows. Split it into smaller files.</source>
            <translation>文件超过 20,000 行，请拆分成较小的文件。</translation>
        </message>
        <message>
            <source>No column of names was found. Head the column of names “Name” (姓名), or choose it in the import dialog.</source>
            <translation>未找到姓名列。请将姓名所在列的表头写为“姓名”，或在导入对话框中选择该列。</translation>
        </message>
        <message>
            <source>This file cannot be imported.</source>
            <translation>无法导入该文件。</translation>
        </message>
        <message>
            <source>There is no import to undo.</source>
            <translation>没有可撤销的导入。</translation>
        </message>
        <message>
            <source>The last import cannot be undone: some of its people already have talks, plans, appointments, events or follow-ups.</source>
            <translation>无法撤销上次导入：其中有人员已有谈话记录、谈话计划、预约、事件或跟进事项。</translation>
        </message>
        <message>
            <source>The last import cannot be undone: other people, departments or plans now use departments it created.</source>
            <translation>无法撤销上次导入：其新建的部门已被其他人员、部门或谈话计划使用。</translation>
        </message>
    </context>
</TS>
