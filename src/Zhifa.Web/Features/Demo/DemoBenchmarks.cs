using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;
using Zhifa.Web.Features.Decisions;

namespace Zhifa.Web.Features.Demo;

/// <summary>
/// Discretion benchmarks (DIS-1) of the demo's penalty matters. Where a collected real benchmark fits (the public-places
/// hygiene standard of 《公共场所卫生管理条例》第十四条 and the drinking-water standard of 《生活饮用水卫生监督管理办法》
/// 第二十五条) its circumstances and amounts are used as published; the other grades follow the statutory ranges the
/// matters cite. Each benchmark passes the same rules as one an administrator enters.
/// </summary>
public static class DemoBenchmarks
{
    /// <summary>The circumstance the demo's simple-procedure case records before it is decided with a warning.</summary>
    public const string SimpleCaseCircumstance = "首次被发现未按规定进行卫生检测，检测项目部分缺项的";

    /// <summary>The warning the demo's simple-procedure case decides on the spot (LAW-5).</summary>
    public static ProposalInput SimpleCaseProposal() => new()
    {
        Outcome = "Penalty", PenaltyKinds = ["Warning"], Tier = "Lighter", Circumstances = [SimpleCaseCircumstance],
        Content = "给予警告，并责令于十五日内对顾客用品用具进行卫生检测。",
        ViolatedProvisions = "《公共场所卫生管理条例实施细则》第十九条",
        PenaltyBasis = "《公共场所卫生管理条例实施细则》第三十六条第一项",
        DiscretionReason = "首次被发现，检测项目部分缺项，按裁量基准从轻阶次给予警告。",
    };

    public static async Task SeedAsync(AppDbContext db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var matters = await db.Matters.Where(m => m.Category == MatterCategory.Penalty).ToListAsync();
        var health = matters.First(m => m.Code == "330217001000").AgencyId;
        var water = new Matter
        {
            AgencyId = health, Code = "330217004000", Name = "对集中式供水单位安排未取得体检合格证的人员从事直接供、管水工作的行政处罚",
            Category = MatterCategory.Penalty, ResponsibleUnitId = matters.First(m => m.Code == "330217001000").ResponsibleUnitId,
            Bases = [new LegalBasis { Law = "生活饮用水卫生监督管理办法", Article = "第二十五条", Text = "集中式供水单位安排未取得体检合格证的人员从事直接供、管水工作或安排患有有碍饮用水卫生疾病的或病原携带者从事直接供、管水工作的，县级以上地方人民政府卫生计生主管部门应当责令限期改进，并可对供水单位处以20元以上1000元以下的罚款。" }],
        };
        db.Matters.Add(water);
        await db.SaveChangesAsync();
        matters.Add(water);

        void Add(string code, string behaviour, string basis, string source, params DiscretionGrade[] grades)
        {
            var matter = matters.FirstOrDefault(m => m.Code == code);
            if (matter is null) return;
            for (int i = 0; i < grades.Length; i++) grades[i].Order = i + 1;
            var errors = DiscretionRules.Validate(behaviour, basis, source, grades);
            if (errors.Any) throw new DomainValidationException(errors.Items);
            db.Set<DiscretionBenchmark>().Add(new DiscretionBenchmark
            {
                AgencyId = matter.AgencyId, MatterId = matter.Id, Behaviour = behaviour, Basis = basis, Source = source,
                Version = 1, UpdatedAt = now, UpdatedBy = "admin", Grades = [.. grades],
            });
        }

        Add("330217001000", "公共场所经营者未取得公共场所卫生许可证擅自营业",
            "《公共场所卫生管理条例实施细则》第三十五条：责令限期改正，给予警告，并处以五百元以上五千元以下罚款",
            "按现行实施细则第三十五条的幅度编制；“擅自营业”“经警告仍无改进”等情形取自公共场所卫生行政处罚裁量标准（《公共场所卫生管理条例》第十四条，序号 29）",
            Grade(DiscretionTier.Lighter, "较轻", "营业时间不满一个月，经责令后立即停业并申请卫生许可的", "给予警告，并处五百元以上一千元以下罚款", 500, 1000),
            Grade(DiscretionTier.Ordinary, "一般", "未取得\u201c卫生许可证\u201d擅自营业的", "给予警告，并处一千元以上三千元以下罚款", 1000, 3000),
            Grade(DiscretionTier.Heavier, "较重", "有本条第一款所列情形经警告处罚仍无改进的\n擅自营业期间发生危害健康事故的", "给予警告，并处三千元以上五千元以下罚款", 3000, 5000));

        Add("330217002000", "公共场所经营者未按照规定对公共场所的空气、微小气候、水质、采光、照明、噪声、顾客用品用具等进行卫生检测",
            "《公共场所卫生管理条例实施细则》第三十六条第一项：责令限期改正，给予警告，并可处以二千元以下罚款",
            "主要卫生指标不合格的项数分档取自公共场所卫生行政处罚裁量标准（《公共场所卫生管理条例》第十四条，序号 29）；金额按实施细则第三十六条的幅度",
            Grade(DiscretionTier.Lighter, "从轻", SimpleCaseCircumstance + "\n符合《条例》第十四条第一款的规定，有一项主要卫生指标不合格的", "给予警告", null, null),
            Grade(DiscretionTier.Ordinary, "一般", "全年未进行卫生检测的\n符合《条例》第十四条第一款的规定，有两项主要卫生指标不合格的", "给予警告，并处五百元以上一千元以下罚款", 500, 1000),
            Grade(DiscretionTier.Heavier, "从重", "有本条第一款所列情形经警告处罚仍无改进的\n符合《条例》第十四条第一款的规定，有三项主要卫生指标不合格的", "给予警告，并处一千元以上二千元以下罚款", 1000, 2000));

        Add("330217003000", "医疗机构使用非卫生技术人员从事医疗卫生技术工作",
            "《医疗机构管理条例》：责令限期改正，并可以处以罚款；情节严重的，吊销其《医疗机构执业许可证》",
            "按使用人数与整改情况分档，分档方式参照卫生行政处罚自由裁量权指导标准（生活饮用水部分：1人 / 2人以上 / 规定期限内仍不改正）",
            Grade(DiscretionTier.Ordinary, "一般", "使用非卫生技术人员 1 人的", "责令限期改正，并处一万元以上三万元以下罚款", 10000, 30000, warning: false),
            Grade(DiscretionTier.Heavier, "较重", "使用非卫生技术人员 2 人以上的", "责令限期改正，并处三万元以上五万元以下罚款", 30000, 50000, warning: false),
            Grade(DiscretionTier.Heavier, "严重", "在规定期限内仍不改正的", "处五万元以上十万元以下罚款", 50000, 100000, warning: false));

        // The real standard as published: 1人 300元, 2人以上 500元, 期限内仍不改正 1000元.
        Add("330217004000", "集中式供水单位安排未取得体检合格证的人员从事直接供、管水工作",
            "《生活饮用水卫生监督管理办法》第二十五条：责令限期改进，并可对供水单位处以20元以上1000元以下的罚款",
            "卫生行政处罚自由裁量权指导标准（一、《生活饮用水卫生监督管理办法》序号 1）https://m.bdocx.com/doc/11918627.html",
            Grade(DiscretionTier.Ordinary, "", "1人无健康证明", "处以罚款300元", 300, 300, warning: false),
            Grade(DiscretionTier.Heavier, "", "2人以上无健康证明", "处以罚款500元", 500, 500, warning: false),
            Grade(DiscretionTier.Heavier, "", "在规定期限内仍不改正者", "处以1000元罚款", 1000, 1000, warning: false));

        Add("331017001000", "生产经营单位未按照规定对从业人员进行安全生产教育和培训",
            "《中华人民共和国安全生产法》第九十七条第三项：责令限期改正，处十万元以下的罚款",
            "按涉及人员分档，分档方式参照安全生产违法行为行政处罚裁量权基准（普通从业人员 / 主要负责人、安全管理人员、特种作业人员）",
            Grade(DiscretionTier.Ordinary, "一般", "未经培训上岗的为普通从业人员的", "处一万元以上三万元以下罚款", 10000, 30000, warning: false),
            Grade(DiscretionTier.Heavier, "从重", "未经培训上岗的为主要负责人、安全管理人员或者特种作业人员的\n未经培训上岗的从业人员 10 人以上的", "处三万元以上十万元以下罚款", 30000, 100000, warning: false));

        Add("110917001000", "律师同时在两个以上律师事务所执业",
            "《中华人民共和国律师法》第四十七条第一项：给予警告，可以处五千元以下的罚款；有违法所得的，没收违法所得",
            "按执业时间与所数分档，依律师法第四十七条的幅度编制",
            Grade(DiscretionTier.Lighter, "从轻", "同时执业不满三个月且已主动纠正的", "给予警告", null, null),
            Grade(DiscretionTier.Ordinary, "一般", "同时执业三个月以上的", "给予警告，并处三千元以下罚款", 0, 3000),
            Grade(DiscretionTier.Heavier, "从重", "同时在三个以上律师事务所执业的", "给予警告，并处三千元以上五千元以下罚款", 3000, 5000));
        await db.SaveChangesAsync();
    }

    private static DiscretionGrade Grade(DiscretionTier tier, string label, string circumstances, string standard, decimal? min, decimal? max, bool warning = true)
        => new() { Tier = tier, Label = label, Circumstances = circumstances, Standard = standard, Warning = warning, FineMinYuan = min, FineMaxYuan = max };
}
