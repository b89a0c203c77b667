using Zhifa.Domain.Documents;

namespace Zhifa.Domain.Tests.Documents;

public sealed class DocumentRulesTests
{
    private static readonly DocumentCaseData Data = new(
        "永兴县卫生健康局", "永卫罚〔2026〕12号", "未取得医疗机构执业许可证擅自执业案", "擅自开展诊疗活动。", "便江镇解放路 8 号",
        [new DocumentPartyInfo("康宁诊所", "", "91431023MA4L0000X1", "便江镇解放路 8 号", "李明"), new DocumentPartyInfo("李明", "431023199001011234", "", "", "")],
        [new DocumentOfficerInfo("张伟", "43100001"), new DocumentOfficerInfo("刘洋", "43100002")]);

    private static DocumentType Type(string code) => DocumentTypes.Find(code)!;

    [Fact]
    public void The_catalogue_has_the_sixteen_REC3_types_with_unique_codes()
    {
        // The sixteen of REC-3 and those later areas add (不予行政处罚决定书, 陈述申辩笔录 …), each code and name once.
        Assert.True(DocumentTypes.All.Count >= 16);
        Assert.Equal(DocumentTypes.All.Count, DocumentTypes.All.Select(t => t.Code).Distinct().Count());
        Assert.Equal(DocumentTypes.All.Count, DocumentTypes.All.Select(t => t.Name).Distinct().Count());
        Assert.Equal("现场笔录", Type("site-record").Name);
        Assert.False(Type("site-record").IsNumbered);
        Assert.Equal("罚告", Type("penalty-notice").NumberKind);
    }

    [Fact]
    public void Every_built_in_template_uses_only_known_placeholders()
    {
        foreach (var t in DocumentTypes.All)
        {
            Assert.False(DocumentRules.ValidateTemplatePlaceholders(t.Placeholders).Any, t.Code);
            // Each field a type asks for appears in its own template, or the user's text would go nowhere.
            foreach (var f in t.Fields) Assert.Contains(f.Key, t.Placeholders);
        }
    }

    [Fact]
    public void The_fill_map_takes_the_case_parties_and_officers_and_gives_every_known_placeholder_a_value()
    {
        var map = DocumentRules.FillMap(Type("site-record"), Data, new Dictionary<string, string>(), "", new DateTime(2026, 3, 2, 10, 0, 0));
        Assert.Equal("永卫罚〔2026〕12号", map["案号"]);
        Assert.Equal("康宁诊所、李明", map["当事人"]);
        Assert.Equal("91431023MA4L0000X1、431023199001011234", map["当事人证件号"]);
        Assert.Equal("张伟、刘洋", map["执法人员"]);
        Assert.Equal("43100001、43100002", map["执法证号"]);
        Assert.Equal("便江镇解放路 8 号", map["地点"]);
        Assert.Equal("2026年3月2日", map["日期"]);
        Assert.Equal("现场笔录", map["文书名称"]);
        Assert.All(DocumentPlaceholders.Known, k => Assert.True(map.ContainsKey(k), k));
    }

    [Fact]
    public void A_field_entered_for_the_document_wins_over_the_case()
    {
        var fields = new Dictionary<string, string> { ["地点"] = "诊疗室", ["内容"] = "现场有患者输液", ["未知"] = "x" };
        var map = DocumentRules.FillMap(Type("site-record"), Data, fields, "", new DateTime(2026, 3, 2));
        Assert.Equal("诊疗室", map["地点"]);
        Assert.Equal("现场有患者输液", map["内容"]);
        Assert.False(map.ContainsKey("未知"));
    }

    [Fact]
    public void Filling_replaces_every_placeholder_and_leaves_none()
    {
        var type = Type("penalty-notice");
        var map = DocumentRules.FillMap(type, Data, new Dictionary<string, string>(), "永卫罚告〔2026〕3号", new DateTime(2026, 3, 2));
        var text = DocumentPlaceholders.Fill("{{文书编号}}\n" + string.Join("\n", type.DefaultBody), map);
        Assert.Contains("永卫罚告〔2026〕3号", text);
        Assert.DoesNotContain("{{", text);
    }

    [Fact]
    public void Every_placeholder_the_services_fill_is_a_known_one()
    {
        var names = typeof(Placeholder).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Contains(n, DocumentPlaceholders.Known));
    }

    [Fact]
    public void Every_built_in_template_with_its_head_is_filled_and_leaves_no_placeholder()
    {
        foreach (var type in DocumentTypes.All)
        {
            var head = type.IsNumbered ? BuiltInTemplate.NumberLine : BuiltInTemplate.CaseNumberLine;
            var map = DocumentRules.FillMap(type, Data, new Dictionary<string, string>(), "永卫罚告〔2026〕3号", new DateTime(2026, 3, 2));
            var text = DocumentPlaceholders.Fill(string.Join("\n", [BuiltInTemplate.AgencyLine, head, .. type.DefaultBody]), map);
            Assert.DoesNotContain("{{", text);
            Assert.StartsWith("永兴县卫生健康局\n", text);
        }
    }

    [Fact]
    public void Placeholders_are_found_with_spaces_inside_the_braces_and_counted_once()
        => Assert.Equal(["当事人", "案号"], DocumentPlaceholders.Extract("{{当事人}}、{{ 案号 }}、{{当事人}}"));

    [Fact]
    public void An_unknown_placeholder_is_refused_by_name()
    {
        var errors = DocumentRules.ValidateTemplatePlaceholders(["当事人", "罚款金额", "开会时间"]);
        var e = Assert.Single(errors.Items);
        Assert.Equal("file", e.Field);
        Assert.Equal("unknown_placeholder", e.Code);
        Assert.Contains("{{罚款金额}}", e.Message);
        Assert.Contains("{{开会时间}}", e.Message);
        Assert.DoesNotContain("{{当事人}}", e.Message);
    }

    [Fact]
    public void Required_fields_are_named_with_their_Chinese_labels()
    {
        var type = Type("inquiry-record");
        var errors = DocumentRules.ValidateFields(type, DocumentRules.NormalizeFields(type, new Dictionary<string, string?> { ["时间"] = "2026年3月2日" }));
        Assert.Equal(["被询问人", "问答"], errors.Items.Select(e => e.Field).Order());
        Assert.Contains(errors.Items, e => e.Message == "问答内容不能为空");
    }

    [Fact]
    public void Numbers_read_like_an_official_document_number()
        => Assert.Equal("永卫罚告〔2026〕3号", DocumentRules.FormatNumber("永卫", "罚告", 2026, 3));

    [Fact]
    public void A_refusal_to_sign_needs_a_reason_and_a_witness()
    {
        var now = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        var refused = DocumentRules.ValidateSignature(true, null, null, " ", null, now);
        Assert.Equal(["reason", "witness"], refused.Items.Select(e => e.Field).Order());
        Assert.False(DocumentRules.ValidateSignature(true, null, null, "当事人拒签", "王五", now).Any);
    }

    [Fact]
    public void A_signature_needs_who_and_when_and_not_a_time_in_the_future()
    {
        var now = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal(["signedAt", "signedBy"], DocumentRules.ValidateSignature(false, "", null, null, null, now).Items.Select(e => e.Field).Order());
        Assert.Equal("in_future", Assert.Single(DocumentRules.ValidateSignature(false, "李明", now.AddHours(1), null, null, now).Items).Code);
        Assert.False(DocumentRules.ValidateSignature(false, "李明", now.AddMinutes(-5), null, null, now).Any);
    }

    [Fact]
    public void Scans_are_recognised_by_their_first_bytes_and_limited_to_20_MB()
    {
        Assert.Equal("application/pdf", DocumentRules.DetectScanType("%PDF-1.7"u8));
        Assert.Equal("image/jpeg", DocumentRules.DetectScanType([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/png", DocumentRules.DetectScanType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Null(DocumentRules.DetectScanType("GIF89a"u8));
        Assert.Equal("unsupported_type", Assert.Single(DocumentRules.ValidateScan(100, null).Items).Code);
        Assert.Equal("too_large", Assert.Single(DocumentRules.ValidateScan(DocumentRules.ScanMaxBytes + 1, "application/pdf").Items).Code);
        Assert.False(DocumentRules.ValidateScan(DocumentRules.ScanMaxBytes, "application/pdf").Any);
    }
}
