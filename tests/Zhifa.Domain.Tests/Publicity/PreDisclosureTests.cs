using Zhifa.Domain.Agencies;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

public sealed class PreDisclosureTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Officer Officer(int id, string name, string number, DateOnly until, CertificateState state = CertificateState.Active, bool active = true) => new()
    {
        Id = id, AgencyId = 2, UnitId = 10, Name = name, Active = active,
        Certificates = [new Certificate { Number = number, ValidFrom = Today.AddYears(-1), ValidUntil = until, Domains = "卫生健康,公共场所卫生", State = state }],
    };

    private static Matter Matter(int id, string code, string name, MatterCategory category, bool random = false) => new()
    {
        Id = id, AgencyId = 2, Code = code, Name = name, Category = category, ResponsibleUnitId = 10, RandomInspection = random,
        Bases = [new LegalBasis { Id = id, Law = "公共场所卫生管理条例", Article = "第十条", Text = "条文" }],
    };

    private static PreDisclosureSource Source(Action<List<Officer>, List<Matter>>? change = null)
    {
        var agency = new Agency
        {
            Id = 2, ParentId = 1, Name = "永兴县卫生健康局", Type = AgencyType.AdministrativeOrgan, Address = "银都大道 16 号", Contact = "0735-5522110",
            Units = [new Unit { Id = 10, Name = "公共卫生监督股" }, new Unit { Id = 11, Name = "法监股", IsLegalReviewUnit = true }],
        };
        var officers = new List<Officer>
        {
            Officer(1, "张伟", "43102301001", Today.AddYears(2)),
            Officer(2, "陈静", "43102301005", Today.AddDays(-1)),
            Officer(3, "黄磊", "43102301008", Today.AddYears(2), CertificateState.Revoked),
            Officer(4, "周涛", "43102301009", Today.AddYears(2), active: false),
        };
        var matters = new List<Matter>
        {
            Matter(1, "330217001000", "对公共场所未取得卫生许可证擅自营业的行政处罚", MatterCategory.Penalty),
            Matter(2, "330617001000", "公共场所卫生监督检查", MatterCategory.Inspection, random: true),
            Matter(3, "330117001000", "公共场所卫生许可", MatterCategory.Licensing),
        };
        change?.Invoke(officers, matters);
        var benchmark = new DiscretionBenchmark
        {
            MatterId = 1, AgencyId = 2, Behaviour = "未取得卫生许可证擅自营业",
            Grades = [new DiscretionGrade { Order = 1, Tier = DiscretionTier.Lighter, Circumstances = "首次违法", Warning = true, FineMinYuan = 500, FineMaxYuan = 1000 }],
        };
        return new PreDisclosureSource(agency, new Agency { Id = 1, Name = "郴州市司法局" }, officers, matters, [benchmark], Today);
    }

    private static IEnumerable<string> AllCells(ListContent c) => c.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Cells);

    [Fact]
    public void The_officer_list_names_only_officers_with_a_certificate_valid_today_by_name_and_number()
    {
        var list = PreDisclosureBuilder.Build(PreDisclosureLists.Officers, Source());
        var row = Assert.Single(list.Sections.Single().Rows);
        Assert.Equal("张伟", row.Cells[0]);
        Assert.Equal("43102301001", row.Cells[1]);
        Assert.Equal(["姓名", "执法证号", "执法领域", "有效期", "所在机构"], list.Sections.Single().Columns);
    }

    [Theory]
    [InlineData(PreDisclosureLists.Agency, "公共卫生监督股")]
    [InlineData(PreDisclosureLists.Powers, "330617001000")]
    [InlineData(PreDisclosureLists.Basis, "从轻处罚")]
    [InlineData(PreDisclosureLists.RandomInspection, "公共场所卫生监督检查")]
    [InlineData(PreDisclosureLists.Procedure, "事先告知")]
    [InlineData(PreDisclosureLists.ServiceGuide, "公共场所卫生许可")]
    [InlineData(PreDisclosureLists.Supervision, "/gs/complaints")]
    [InlineData(PreDisclosureLists.Supervision, "郴州市司法局")]
    public void Each_list_is_built_from_the_data_it_names(string key, string expected)
    {
        var list = PreDisclosureBuilder.Build(key, Source());
        Assert.Equal(PreDisclosureLists.Title(key), list.Title);
        Assert.Contains(AllCells(list), c => c.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_random_inspection_list_holds_only_the_matters_marked_for_random_inspection()
    {
        var rows = PreDisclosureBuilder.Build(PreDisclosureLists.RandomInspection, Source()).Sections.Single().Rows;
        Assert.Equal(["matter:330617001000"], rows.Select(r => r.Key));
    }

    [Fact]
    public void The_remedies_state_60_days_for_reconsideration_and_6_months_for_litigation()
    {
        var remedies = PreDisclosureBuilder.Build(PreDisclosureLists.Supervision, Source()).Sections.Single(s => s.Key == "remedies");
        Assert.Contains("60 日", remedies.Rows.Single(r => r.Key == "reconsideration").Cells[2], StringComparison.Ordinal);
        Assert.Equal("郴州市司法局", remedies.Rows.Single(r => r.Key == "reconsideration").Cells[1]);
        Assert.Contains("6 个月", remedies.Rows.Single(r => r.Key == "litigation").Cells[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_procedure_list_carries_a_flowchart_for_every_path()
    {
        var list = PreDisclosureBuilder.Build(PreDisclosureLists.Procedure, Source());
        Assert.Equal(Zhifa.Domain.Cases.CaseStateMachine.Procedures.Count, list.Sections.Count);
        Assert.All(list.Sections, s => Assert.StartsWith("<svg", s.Flowchart, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_same_data_gives_the_same_digest_and_survives_storage(string key)
    {
        var a = PreDisclosureBuilder.Build(key, Source());
        var b = PreDisclosureBuilder.Build(key, Source());
        Assert.Equal(a.Digest(), b.Digest());
        Assert.Matches("^[0-9a-f]{64}$", a.Digest());
        var stored = ListContent.FromJson(a.ToJson())!;
        Assert.Equal(a.Digest(), stored.Digest());
        Assert.Empty(PreDisclosureDiff.Compare(a, stored));
    }

    public static TheoryData<string> Keys() => [.. PreDisclosureLists.All];

    public static TheoryData<string, string, RowChangeKind, string> Changes() => new()
    {
        { "an officer joins", PreDisclosureLists.Officers, RowChangeKind.Added, "cert:43102301010" },
        { "an officer's certificate is revoked", PreDisclosureLists.Officers, RowChangeKind.Removed, "cert:43102301001" },
        { "a certificate is renewed", PreDisclosureLists.Officers, RowChangeKind.Changed, "cert:43102301001" },
        { "a matter is abolished", PreDisclosureLists.Powers, RowChangeKind.Removed, "matter:330117001000" },
        { "a matter is renamed", PreDisclosureLists.Basis, RowChangeKind.Changed, "matter:330217001000" },
        { "a matter is marked for random inspection", PreDisclosureLists.RandomInspection, RowChangeKind.Added, "matter:330217001000" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_of_the_data_changes_the_digest_and_the_diff_names_the_row(string what, string key, RowChangeKind kind, string rowKey)
    {
        var before = PreDisclosureBuilder.Build(key, Source());
        var after = PreDisclosureBuilder.Build(key, Source((officers, matters) =>
        {
            switch (what)
            {
                case "an officer joins": officers.Add(Officer(9, "钱进", "43102301010", Today.AddYears(3))); break;
                case "an officer's certificate is revoked": officers[0].Certificates[0].State = CertificateState.Revoked; break;
                case "a certificate is renewed": officers[0].Certificates[0].ValidUntil = Today.AddYears(5); break;
                case "a matter is abolished": matters.RemoveAt(2); break;
                case "a matter is renamed": matters[0].Name += "（修订）"; break;
                case "a matter is marked for random inspection": matters[0].RandomInspection = true; break;
            }
        }));
        Assert.NotEqual(before.Digest(), after.Digest());
        var change = Assert.Single(PreDisclosureDiff.Compare(before, after));
        Assert.Equal(kind, change.Kind);
        Assert.Equal(rowKey, change.RowKey);
        Assert.Equal(kind == RowChangeKind.Added, change.Before is null);
        Assert.Equal(kind == RowChangeKind.Removed, change.After is null);
    }

    [Fact]
    public void A_first_version_compared_with_nothing_adds_every_row()
    {
        var list = PreDisclosureBuilder.Build(PreDisclosureLists.Powers, Source());
        var changes = PreDisclosureDiff.Compare(null, list);
        Assert.Equal(list.RowCount, changes.Count);
        Assert.All(changes, c => Assert.Equal(RowChangeKind.Added, c.Kind));
    }
}
