using Zhifa.Domain.Common;

namespace Zhifa.Domain.Matters;

/// <summary>许可, 处罚, 强制, 检查, 征收征用, 确认, 其他 (ORG-6).</summary>
public enum MatterCategory { Licensing, Penalty, Coercion, Inspection, Expropriation, Confirmation, Other }

/// <summary>An enforcement matter on the agency's powers and duties list (权责清单 / 执法事项清单).</summary>
public sealed class Matter
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public MatterCategory Category { get; set; }
    public int? ResponsibleUnitId { get; set; }
    /// <summary>On the random-inspection list (随机抽查事项清单).</summary>
    public bool RandomInspection { get; set; }
    public List<LegalBasis> Bases { get; set; } = [];

    public static string Label(MatterCategory category) => category switch
    {
        MatterCategory.Licensing => "行政许可",
        MatterCategory.Penalty => "行政处罚",
        MatterCategory.Coercion => "行政强制",
        MatterCategory.Inspection => "行政检查",
        MatterCategory.Expropriation => "行政征收征用",
        MatterCategory.Confirmation => "行政确认",
        MatterCategory.Other => "其他",
        _ => category.ToString(),
    };

    /// <summary>Reads a category from its Chinese label, with or without the 行政 prefix (as found in published lists).</summary>
    public static MatterCategory? ParseCategory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var c in Enum.GetValues<MatterCategory>())
        {
            var label = Label(c);
            if (t == label || "行政" + t == label || t == c.ToString()) return c;
        }
        return t == "征收" || t == "征用" ? MatterCategory.Expropriation : null;
    }

    public static ValidationErrors Validate(string? code, string? name, IReadOnlyList<LegalBasis> bases, string fieldPrefix = "")
    {
        var errors = new ValidationErrors()
            .Required(fieldPrefix + "code", code, "事项编码").MaxLength(fieldPrefix + "code", code, 50, "事项编码")
            .Required(fieldPrefix + "name", name, "事项名称").MaxLength(fieldPrefix + "name", name, 200, "事项名称");
        if (bases.Count == 0) errors.Add(fieldPrefix + "bases", "required", "至少需要一条法律依据");
        for (int i = 0; i < bases.Count; i++)
        {
            var f = $"{fieldPrefix}bases[{i}].";
            errors.Required(f + "law", bases[i].Law, "法律法规名称").MaxLength(f + "law", bases[i].Law, 200, "法律法规名称")
                .Required(f + "article", bases[i].Article, "条款").MaxLength(f + "article", bases[i].Article, 50, "条款")
                .MaxLength(f + "text", bases[i].Text, 4000, "条文内容");
        }
        return errors;
    }
}

/// <summary>法律依据: a law, the article cited and its text.</summary>
public sealed class LegalBasis
{
    public int Id { get; set; }
    public int MatterId { get; set; }
    public string Law { get; set; } = "";
    public string Article { get; set; } = "";
    public string Text { get; set; } = "";
}
