using System.Buffers;

namespace Zhifa.Domain.Redaction;

/// <summary>
/// The character knowledge the name detector relies on: surnames, characters that (almost) never occur in a given
/// name, and characters that typically follow a name in running text.
/// </summary>
internal static class ChineseNames
{
    // Common single-character surnames. Characters that are mostly function words in documents (和, 由, 但, 都 …)
    // are left out on purpose: they would turn ordinary phrases after a cue into “names”.
    private const string SingleSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢谌奚粟冼蔺楼盘闻厉伊仝郜阚帅屠朴禹祖漆丰卿狄索宣晋扈晁芮阙浦伏鹿薄邸雍辜羊母裘亓修邰赫杭况宿鲜印逯隆茹诸慕亢嵇湛宾戎勾茅尉冶束檀昝衡尧闭松虎莘钮蔚郦郗庹揭訾";

    private static readonly string[] DoubleSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "令狐", "钟离", "闻人", "澹台", "南宫", "西门", "百里", "呼延", "端木", "独孤", "申屠", "万俟", "东郭", "赫连",
    ];

    // Grammar words, administrative units, document vocabulary and masks: a “given name” containing one of these is
    // a phrase, not a name.
    private const string NeverInName =
        "的了在于是未已将对与或及等并不没无也都就又再仍还即则但而且因所被把从自到往给让使由以为之其此这那该各每某本我你他她它们个内外后里日年号份次项条款人者员签确认进行提供作陈述申辩接受询问检查调笔录现场当事同意称表示负责经营店门市公司厂局单位省县区镇乡村街路室栋楼层组社队站处部委厅办件台辆袋瓶盒身证复印罚款决书违法*×＊X犯具有执审核批准系据依关第章节";

    // Characters that commonly follow a name in a sentence (张三在…, 李四的…, 王五一起…).
    private const string AfterName = "的在于是为作称对向与和及等系因将已未从自到被把了说均也都亦就才又同并或即现所个本一陪签承接核表确提辩担经拒不无有驾进出来去到当、，,。；;：:（(）)　 \t\r\n";

    // Words that begin with a surname character and could stand where a name is expected.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "方式", "方法", "方面", "方案", "金额", "高度", "程序", "程度", "周边", "周期", "安全", "安排", "成本", "成果", "成员",
        "成立", "任务", "任何", "华夏", "温度", "常规", "常见", "江河", "关于", "关系", "关联", "康复", "管理", "管辖", "毛重",
        "石油", "白天", "黄金", "林地", "林业", "林木", "田地", "田间", "马路", "许可", "许多", "文件", "文书", "文化", "罗列",
        "包装", "包括", "包含", "宁可", "车辆", "车间", "车主", "车牌", "车型", "项目", "景区", "费用", "房屋", "房产", "房间",
        "商品", "商场", "商户", "沙土", "沙石", "谷物", "路段", "路面", "路口", "路边", "乔木", "陆续", "高温", "高速", "钟表",
        "汤料", "龙头", "雷电", "司法", "司机", "严重", "严格", "齐全", "易燃", "简易", "简单", "苗木", "卫生", "米粉", "燕窝",
        "汪洋", "曲线", "蒲团", "邮箱", "金属", "钱款", "孔洞", "秦岭", "黎明", "贺卡", "顾客", "毕业", "蓝色", "白色", "黄色",
        "红色", "冷藏", "冷冻", "冷库", "海鲜", "水产", "申报", "申领", "宋体", "施工", "施行", "施肥", "牛奶", "牛肉", "羊肉",
        "丁香", "伍万", "陆万", "柴油", "房东", "时间", "余额", "余量", "熊猫", "韩国", "梁柱", "宫殿", "章节", "纪律", "纪要",
    };

    public static bool IsCommonWord(string s) => CommonWords.Contains(s);

    private static readonly SearchValues<char> SurnameChars = SearchValues.Create(SingleSurnames);
    private static readonly SearchValues<char> Never = SearchValues.Create(NeverInName);
    private static readonly SearchValues<char> After = SearchValues.Create(AfterName);

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Length of the surname at <paramref name="at"/> (2 for a double surname, 1, or 0 when none).</summary>
    public static int SurnameLength(ReadOnlySpan<char> text, int at)
    {
        if (at < 0 || at >= text.Length) return 0;
        if (at + 1 < text.Length)
        {
            var two = text.Slice(at, 2);
            foreach (var d in DoubleSurnames)
            {
                if (two.SequenceEqual(d)) return 2;
            }
        }
        return SurnameChars.Contains(text[at]) ? 1 : 0;
    }

    /// <summary>Surname length of a complete name, for the mask (欧阳某某, 张某).</summary>
    public static int SurnameLengthOf(string name)
    {
        if (name.Length >= 3 && DoubleSurnames.Contains(name[..2], StringComparer.Ordinal)) return 2;
        return 1;
    }

    public static bool CanBeGivenNameChar(char c) => IsHan(c) && !Never.Contains(c);

    public static bool TypicallyFollowsName(char c) => After.Contains(c) || !IsHan(c);

    /// <summary>Whether the characters can be a name: a surname followed by one or two given-name characters.</summary>
    public static bool LooksLikeName(ReadOnlySpan<char> s)
    {
        int sl = SurnameLength(s, 0);
        if (sl == 0) return false;
        int given = s.Length - sl;
        if (given is < 1 or > 2) return false;
        for (int i = sl; i < s.Length; i++)
        {
            if (!CanBeGivenNameChar(s[i])) return false;
        }
        return true;
    }
}
