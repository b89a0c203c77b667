using Zhifa.Domain.Common;
using Zhifa.Domain.Redaction;

namespace Zhifa.Domain.Tests.Redaction;

/// <summary>PUB-5 on constructed texts: what each detector must find, and what must stay published.</summary>
public sealed class RedactorTests
{
    private static List<(RedactionKind Kind, string Text)> Found(string text, RedactionOptions? options = null)
        => Redactor.Redact(text, options).Spans.Select(s => (s.Kind, s.Text)).ToList();

    [Theory]
    // 居民身份证: 18 digits with their check character (X too), and the old 15-digit numbers with a birth date.
    [InlineData("当事人张某，身份证号码：431023198001011230，住永兴县。", RedactionKind.IdNumber, "431023198001011230")]
    [InlineData("公民身份号码11010519491231002X。", RedactionKind.IdNumber, "11010519491231002X")]
    [InlineData("身份证号：４３１０２３１９８００１０１１２３０", RedactionKind.IdNumber, "４３１０２３１９８００１０１１２３０")]
    [InlineData("身份证:430121199202294560", RedactionKind.IdNumber, "430121199202294560")]
    [InlineData("老身份证号 430121920229456 已换领", RedactionKind.IdNumber, "430121920229456")]
    // Mobile numbers, bare or with +86, spaces or dashes.
    [InlineData("联系电话：13812345678。", RedactionKind.MobilePhone, "13812345678")]
    [InlineData("手机+86 139-1234-5678，", RedactionKind.MobilePhone, "+86 139-1234-5678")]
    [InlineData("电话 199 8888 0000 ", RedactionKind.MobilePhone, "199 8888 0000")]
    [InlineData("手机：１３８１２３４５６７８。", RedactionKind.MobilePhone, "１３８１２３４５６７８")]
    [InlineData("拨打008615912345678联系", RedactionKind.MobilePhone, "008615912345678")]
    // Fixed lines with area codes and extensions.
    [InlineData("电话：0735-5123456", RedactionKind.FixedPhone, "0735-5123456")]
    [InlineData("电话：(010)62345678转8001。", RedactionKind.FixedPhone, "(010)62345678转8001")]
    [InlineData("举报电话 021-61234567-123，", RedactionKind.FixedPhone, "021-61234567-123")]
    [InlineData("座机：07355123456。", RedactionKind.FixedPhone, "07355123456")]
    [InlineData("联系电话：5123456，", RedactionKind.FixedPhone, "5123456")]
    // Bank cards by their Luhn digit anywhere, accounts after the words that introduce them.
    [InlineData("其银行卡6222021902001234562已冻结", RedactionKind.BankCard, "6222021902001234562")]
    [InlineData("卡号 6217 0001 2345 6788 ", RedactionKind.BankCard, "6217 0001 2345 6788")]
    [InlineData("转入4532015112830366", RedactionKind.BankCard, "4532015112830366")]
    [InlineData("开户行：中国农业银行永兴支行，账号：1857 0101 0400 12345。", RedactionKind.BankAccount, "1857 0101 0400 12345")]
    [InlineData("缴至中国工商银行 190502110900012345678 账户", RedactionKind.BankAccount, "190502110900012345678")]
    [InlineData("个人账户为43001234567", RedactionKind.BankAccount, "43001234567")]
    // Addresses of natural persons.
    [InlineData("当事人：李四，男，汉族，1980年1月1日出生，住址：湖南省永兴县城关镇桥口村5组，电话略。", RedactionKind.HomeAddress, "湖南省永兴县城关镇桥口村5组")]
    [InlineData("家庭住址: 浙江省龙泉市剑池街道西街12号\n", RedactionKind.HomeAddress, "浙江省龙泉市剑池街道西街12号")]
    [InlineData("王五，女，现住郴州市北湖区人民路88号3栋201室。", RedactionKind.HomeAddress, "郴州市北湖区人民路88号3栋201室")]
    [InlineData("户籍地：湖南省桂阳县仁义镇东山村", RedactionKind.HomeAddress, "湖南省桂阳县仁义镇东山村")]
    [InlineData("当事人：赵六，男，1975年5月6日出生，住湖南省永兴县马田镇新屋村，", RedactionKind.HomeAddress, "湖南省永兴县马田镇新屋村")]
    // Property certificates.
    [InlineData("房屋登记于湘（2020）永兴县不动产权第0001234号。", RedactionKind.PropertyCertificate, "0001234")]
    [InlineData("房产证号：永房权证字第20150345号", RedactionKind.PropertyCertificate, "20150345")]
    [InlineData("土地使用证编号：YX2008-00125，", RedactionKind.PropertyCertificate, "YX2008-00125")]
    // Vehicle plates, old and new-energy.
    [InlineData("驾驶湘A·12345号小型汽车", RedactionKind.VehiclePlate, "湘A·12345")]
    [InlineData("车辆湘LD12345（新能源）", RedactionKind.VehiclePlate, "湘LD12345")]
    [InlineData("车牌 粤B-8X6Q2 的货车", RedactionKind.VehiclePlate, "粤B-8X6Q2")]
    [InlineData("挂车湘D1234挂超限", RedactionKind.VehiclePlate, "湘D1234挂")]
    // Financial status of a person.
    [InlineData("当事人称其月收入约3000元，无其他收入。", RedactionKind.FinancialStatus, "3000元")]
    [InlineData("其家庭存款5万元", RedactionKind.FinancialStatus, "5万元")]
    [InlineData("个人负债：人民币20万元", RedactionKind.FinancialStatus, "人民币20万元")]
    // Contact e-mail.
    [InlineData("邮箱：zhang.san@example.com。", RedactionKind.Email, "zhang.san@example.com")]
    public void Each_kind_of_personal_data_is_found(string text, RedactionKind kind, string expected)
        => Assert.Contains((kind, expected), Found(text));

    [Theory]
    // Names after field labels and roles, and before what follows only a person.
    [InlineData("当事人：张德明\n性别：男", "张德明")]
    [InlineData("被处罚人姓名：周桂芳 性别：女", "周桂芳")]
    [InlineData("委托代理人：刘晓东，湖南某律师事务所律师。", "刘晓东")]
    [InlineData("经营者：欧阳春华\n", "欧阳春华")]
    [InlineData("经营者(何玉兰)的身份证复印件", "何玉兰")]
    [InlineData("现场负责人黄建国一起查看", "黄建国")]
    [InlineData("证人邓小平在现场", "邓小平")]
    [InlineData("统计人员唐志强在笔录中辩称", "唐志强")]
    [InlineData("公司提供对孙丽的授权委托书1份", "孙丽")]
    [InlineData("1份,韩立新居民身份证复印件1份", "韩立新")]
    [InlineData("被询问人:郑海涛\n", "郑海涛")]
    [InlineData("钱多多，女，1990年出生", "钱多多")]
    [InlineData("当事人由药师蔡雄和营业员叶兰当班", "蔡雄")]
    [InlineData("当事人由药师蔡雄和营业员叶兰当班", "叶兰")]
    public void Names_of_persons_the_case_does_not_know_are_found(string text, string name)
        => Assert.Contains((RedactionKind.PersonName, name), Found(text));

    [Fact]
    public void A_name_found_once_is_redacted_everywhere_it_occurs()
    {
        var r = Redactor.Redact("张德利行政处罚决定书\n当事人：张德利 你未经批准……1.张德利身份证复印件1份。");
        Assert.Equal(3, r.Spans.Count(s => s is { Kind: RedactionKind.PersonName, Text: "张德利" }));
        Assert.DoesNotContain("张德利", r.RedactedText);
        Assert.Contains("张某某行政处罚决定书", r.RedactedText);
    }

    [Fact]
    public void Known_names_are_redacted_even_without_a_cue_and_their_surname_with_mou_stays()
    {
        var text = "经查，李明华与王小二共同实施了违法行为。李某某已缴纳罚款。";
        var r = Redactor.Redact(text, new RedactionOptions { KnownNames = ["李明华", "王小二"] });
        Assert.Equal(["李明华", "王小二"], r.Spans.Select(s => s.Text));
        Assert.Equal("经查，李某某与王某某共同实施了违法行为。李某某已缴纳罚款。", r.RedactedText);
    }

    [Theory]
    // Organisations' names, credit codes and the legal representative stay (seed 003 art. 16 (一)).
    [InlineData("当事人：永兴县便民食品有限公司\n统一社会信用代码：91431023MA4L12345X\n法定代表人：王建军\n住所：永兴县便江镇解放路1号")]
    [InlineData("当事人：元江县多美丽商店 统一社会信用代码:92530428MA6M5G1U00")]
    [InlineData("当事人：永兴县张记餐馆，经营地址：永兴县城关镇\n")]
    [InlineData("法定代表人(负责人、经营者):汤丽华\n身份证(其他有效证件)号码:******************")]
    [InlineData("对法定代表人杨东山的询问笔录；法定代表人杨东山的身份证复印件")]
    [InlineData("统一社会信用代码:914104820508994564")]
    // Enforcement officers are published with their certificate numbers.
    [InlineData("执法人员胡志杰(湘09001700106)、杨飞虎(湘09001700171)在出示执法证件后")]
    [InlineData("派出执法人员沈祥和、高懿到现场")]
    [InlineData("执法人员：李卫东（执法证号：43100120001）")]
    // Document numbers, dates, fines, case facts.
    [InlineData("永卫罚〔2026〕12号")]
    [InlineData("湘株醴应急罚〔2023〕125号，2023年6月30日")]
    [InlineData("罚款人民币伍万贰仟壹佰贰拾元（¥52120），违法所得3000元，营业收入12万元")]
    [InlineData("索引号 005452284-00000-2025-00009 发布日期 2026-01-07")]
    [InlineData("豫公网安备 41910302000101号 豫ICP备12009804号-1 邮编：467599")]
    [InlineData("使用登记证编号：车11粤T07755(22)，报告编号：BND-T02506452")]
    [InlineData("网络文化经营许可证(编号:340402200020)")]
    [InlineData("农药登记证号：PD20086244，生产日期批号：20221008")]
    [InlineData("执法人员对当事人的店内进行检查，当事人于2023年1月4日立案，负责人立即联系")]
    [InlineData("经营者身份证复印件1份；负责人身份证复印件一份，受委托人身份证复印件一份")]
    [InlineData("在住所内使用一台叉车")]
    [InlineData("该公司租用厂房，住宿区与生产区未分开，住湖南省永兴县的员工")]
    [InlineData("生产厂家:商丘市大卫化工厂,地址:虞城县木兰大道;")]
    // Already masked by the publisher: nothing left to hide.
    [InlineData("被处罚人: 王** 性别: 男 家庭住址: 浙江省龙泉市************ 投资人：吴某某")]
    public void Published_data_is_not_redacted(string text) => Assert.Empty(Found(text));

    [Fact]
    public void A_decision_generated_by_the_platform_is_redacted_for_a_natural_person_party()
    {
        // The party and officer lines as the platform's own templates write them (DocumentTypes).
        var text = "张德明：\n当事人：张德明　证件号码：431023198001011230\n地址：湖南省永兴县城关镇解放路1号\n"
                 + "经查，你于2026年3月2日在永兴县城关镇销售过期食品。\n执法人员：张伟、李娜　执法证号：330217001000、330217001001\n";
        var r = Redactor.Redact(text);
        Assert.Equal(
            [(RedactionKind.PersonName, "张德明"), (RedactionKind.PersonName, "张德明"), (RedactionKind.IdNumber, "431023198001011230"), (RedactionKind.HomeAddress, "湖南省永兴县城关镇解放路1号")],
            r.Spans.Select(s => (s.Kind, s.Text)));
        Assert.Contains("执法人员：张伟、李娜　执法证号：330217001000、330217001001", r.RedactedText);
        Assert.StartsWith("张某某：\n当事人：张某某　证件号码：431***********1230\n地址：湖南省永兴县********\n", r.RedactedText);
    }

    [Theory]
    [InlineData("周边：\n")]
    [InlineData("高度：\n")]
    [InlineData("当事人：永兴县便民食品有限公司　证件号码：91431023MA4L8K2X0P\n地址：湖南省永兴县城关镇解放路1号\n")]
    public void Ordinary_words_and_an_organisations_address_in_the_platforms_format_stay(string text) => Assert.Empty(Found(text));

    [Fact]
    public void A_legal_representative_passed_in_stays_even_when_also_known()
    {
        var r = Redactor.Redact("周腾飞签字确认，邢亚飞陪同。", new RedactionOptions { KnownNames = ["周腾飞", "邢亚飞"], LegalRepresentatives = ["周腾飞"] });
        Assert.Equal("周腾飞签字确认，邢某某陪同。", r.RedactedText);
    }

    [Fact]
    public void Kinds_not_enabled_are_left_alone()
    {
        var text = "当事人：张德明，手机13812345678。";
        var r = Redactor.Redact(text, new RedactionOptions { Kinds = new HashSet<RedactionKind> { RedactionKind.MobilePhone } });
        Assert.Equal([RedactionKind.MobilePhone], r.Spans.Select(s => s.Kind));
        Assert.Equal("当事人：张德明，手机138********。", r.RedactedText);
    }

    [Theory]
    [InlineData(RedactionKind.PersonName, "张德利", "张某某")]
    [InlineData(RedactionKind.PersonName, "欧阳春华", "欧阳某某")]
    [InlineData(RedactionKind.PersonName, "高懿", "高某")]
    [InlineData(RedactionKind.IdNumber, "431023198001011230", "431***********1230")]
    [InlineData(RedactionKind.IdNumber, "430121920229456", "430********9456")]
    [InlineData(RedactionKind.MobilePhone, "13812345678", "138********")]
    [InlineData(RedactionKind.MobilePhone, "+86 139-1234-5678", "+86 139-****-****")]
    [InlineData(RedactionKind.FixedPhone, "0735-5123456", "0735-*******")]
    [InlineData(RedactionKind.FixedPhone, "(010)62345678转8001", "(010)*************")]
    [InlineData(RedactionKind.FixedPhone, "07355123456", "0735*******")]
    [InlineData(RedactionKind.BankCard, "6217 0001 2345 6788", "**** **** **** 6788")]
    [InlineData(RedactionKind.BankAccount, "43001234567", "***********")]
    [InlineData(RedactionKind.HomeAddress, "湖南省永兴县城关镇桥口村5组", "湖南省永兴县********")]
    [InlineData(RedactionKind.VehiclePlate, "湘A·12345", "湘A·*****")]
    [InlineData(RedactionKind.Email, "zhang@qq.com", "*****@qq.com")]
    [InlineData(RedactionKind.PropertyCertificate, "0001234", "*******")]
    [InlineData(RedactionKind.FinancialStatus, "5万元", "**元")]
    public void Masks_keep_the_shape_and_hide_the_person(RedactionKind kind, string original, string mask)
        => Assert.Equal(mask, Masks.For(kind, original));

    [Fact]
    public void Spans_are_ordered_never_overlap_and_point_at_their_text()
    {
        var text = "当事人：张德明，男，身份证号码431023198001011230，住址：湖南省永兴县城关镇桥口村5组，手机13812345678，"
                 + "驾驶湘A·12345，开户行：中国农业银行，账号：6222021902001234562。张德明签字。";
        var r = Redactor.Redact(text);
        Assert.Equal(
            [RedactionKind.PersonName, RedactionKind.IdNumber, RedactionKind.HomeAddress, RedactionKind.MobilePhone, RedactionKind.VehiclePlate, RedactionKind.BankCard, RedactionKind.PersonName],
            r.Spans.Select(s => s.Kind));
        for (int i = 0; i < r.Spans.Count; i++)
        {
            Assert.Equal(r.Spans[i].Text, text.Substring(r.Spans[i].Start, r.Spans[i].Length));
            if (i > 0) Assert.True(r.Spans[i - 1].End <= r.Spans[i].Start);
        }
        Assert.Equal(r.RedactedText, Redactor.Redact(text).RedactedText);
    }

    [Fact]
    public void An_ID_number_wins_over_a_bank_card_reading_of_the_same_digits()
    {
        // 18 digits that are a valid ID number of Gansu (62…) and also pass the Luhn check of a UnionPay card.
        const string id = "620102198001011554";
        Assert.Null(IdentityCodes.CheckIdCardNumber(id));
        var r = Redactor.Redact($"身份证 {id} 。");
        Assert.Equal(RedactionKind.IdNumber, Assert.Single(r.Spans).Kind);
    }

    [Fact]
    public void An_ID_number_with_a_wrong_check_character_is_not_taken_for_one()
        => Assert.DoesNotContain(Found("编码431023198001011231"), s => s.Kind == RedactionKind.IdNumber);

    [Fact]
    public void A_person_confirms_adds_and_removes_spans_and_the_masks_follow()
    {
        var text = "当事人：张德明，证人刘某某，车辆湘A·12345。";
        var proposed = Redactor.Redact(text).Spans;
        // Keeps the name, drops the plate, adds the 刘 of the witness by hand.
        var confirmed = proposed.Where(s => s.Kind == RedactionKind.PersonName).Select(s => (s.Start, s.Length, s.Kind))
            .Append((text.IndexOf("刘某某", StringComparison.Ordinal), 3, RedactionKind.PersonName));
        var r = Redactor.Apply(text, confirmed);
        Assert.Equal("当事人：张某某，证人刘某某，车辆湘A·12345。", r.RedactedText);

        var bad = Assert.Throws<DomainValidationException>(() => Redactor.Apply(text, [(2, 4, RedactionKind.PersonName), (4, 3, RedactionKind.PersonName), (40, 9, RedactionKind.IdNumber)]));
        Assert.Equal(["spans[1]", "spans[2]"], bad.Errors.Select(e => e.Field));
    }
}
