using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

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
        MatterCategory.Licensing => Messages.Get("matter.category.licensing"),
        MatterCategory.Penalty => Messages.Get("matter.category.penalty"),
        MatterCategory.Coercion => Messages.Get("matter.category.coercion"),
        MatterCategory.Inspection => Messages.Get("matter.category.inspection"),
        MatterCategory.Expropriation => Messages.Get("matter.category.expropriation"),
        MatterCategory.Confirmation => Messages.Get("matter.category.confirmation"),
        MatterCategory.Other => Messages.Get("matter.category.other"),
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
            if (t == label || MatterSheet.CategoryPrefix + t == label || t == c.ToString()) return c;
        }
        return MatterSheet.ExpropriationWords.Contains(t) ? MatterCategory.Expropriation : null;
    }

    public static ValidationErrors Validate(string? code, string? name, IReadOnlyList<LegalBasis> bases, string fieldPrefix = "")
    {
        var errors = new ValidationErrors()
            .Required(fieldPrefix + "code", code, MatterSheet.Code).MaxLength(fieldPrefix + "code", code, 50, MatterSheet.Code)
            .Required(fieldPrefix + "name", name, MatterSheet.Name).MaxLength(fieldPrefix + "name", name, 200, MatterSheet.Name);
        if (bases.Count == 0) errors.Add(fieldPrefix + "bases", "required", Messages.Get("matter.bases_required"));
        for (int i = 0; i < bases.Count; i++)
        {
            var f = $"{fieldPrefix}bases[{i}].";
            errors.Required(f + "law", bases[i].Law, Messages.Get("matter.field.law")).MaxLength(f + "law", bases[i].Law, 200, Messages.Get("matter.field.law"))
                .Required(f + "article", bases[i].Article, MatterSheet.Article).MaxLength(f + "article", bases[i].Article, 50, MatterSheet.Article)
                .MaxLength(f + "text", bases[i].Text, 4000, Messages.Get("matter.field.text"));
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
