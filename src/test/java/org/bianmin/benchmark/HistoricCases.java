package org.bianmin.benchmark;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ended cases of earlier years, generated in {@code case_record} by the database (the case search
 * and the board read that table; the engine's history of such cases is cleaned after its
 * retention, see HistoryStorageBenchmark): one case a minute back from {@code now}, the items of
 * the market window, applicants' names from 100 surnames and 291 given-name characters,
 * distinct phones and ID numbers.
 */
final class HistoricCases {

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国鹏辉斌宇浩凯健俊帆帅旭宁龙林欢阳佳"
            + "晨瑞博文彬鑫雪琳晶颖慧莉婷倩雯蕾薇梅珍琴云凤荣亮成志海波飞宏峰雷鹤松柏竹兵勤信诚义礼智德仁和顺安康福寿喜乐春夏秋冬"
            + "东南西北中金木水火土山川河湖江月星光明亮清新美好丹青红绿蓝紫彩虹霞露雨雪风云雷电天地人心思念想梦真善忠孝廉耻勇毅"
            + "恒远达通畅宽广博大精深高远长久永昌盛兴旺发展进步创造奋斗努力拼搏向上前行开拓启航扬帆远航青春年华岁月时光流转四季"
            + "轮回万物生长花草树林森木果实种子根叶枝干茎芽苗禾稻麦谷豆菽粟黍稷米粮油盐酱醋茶烟酒糖果蔬菜瓜桃李杏梨枣柿橘橙柚"
            + "荔龙眼椰榴莲芒香蕉菠萝葡萄樱莓";

    /** The columns a generated case fills, for every generator of the benchmarks. */
    static final String INSERT = """
            insert into case_record (case_number, item_code, item_name, department, window_group, disposition, case_type,
              state, applicant_name, applicant_id_number, applicant_phone, lawful, petition, major, submitted_materials,
              missing_materials, received_at, registered_at, registered_by, limit_days, limit_minutes, extension_max_days,
              deadline, warn_at, classification_version, time_limit_version, fired_rules, ended_at, catalogue_version,
              calendar_version)
            """;

    private HistoricCases() {
    }

    static void insert(JdbcTemplate jdbc, int count, Instant now) {
        String given = GIVEN;
        jdbc.update(INSERT + """
                select 'HS' || lpad(g::text, 8, '0'), 'SJ-002', '食品经营许可(小餐饮)', 'dept-market', 'window-market', 'ACCEPTED',
                  'COMMITTED', 'COMPLETED',
                  substr(?, 1 + g % 100, 1) || substr(?, 1 + (g / 100) % ?, 1) || case when g % 3 = 0 then '' else substr(?, 1 + (g / 7) % ?, 1) end,
                  '1101051980' || lpad((g % 100000000)::text, 8, '0'), '137' || lpad(g::text, 8, '0'), true, false, false, '', '',
                  cast(? as timestamptz) - g * interval '1 minute', cast(? as timestamptz) - g * interval '1 minute', 'clerk', 10, null,
                  10, cast(? as timestamptz) - g * interval '1 minute' + interval '14 days',
                  cast(? as timestamptz) - g * interval '1 minute' + interval '11 days', 'benchmark', 'benchmark', 'benchmark',
                  cast(? as timestamptz) - g * interval '1 minute' + interval '7 days', 'benchmark', 'benchmark'
                from generate_series(1, ?) g""", SURNAMES, given, given.length(), given, given.length(),
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), count);
        jdbc.execute("analyze case_record");
    }
}
