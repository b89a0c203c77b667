using Zhifa.Domain.Common;

namespace Zhifa.Domain.Redaction;

/// <summary>Checks what a person submits for a redaction preview and turns it into options.</summary>
public static class RedactionInput
{
    public const int MaxNames = 200;
    public const int MaxNameLength = 50;

    /// <summary>Throws <see cref="DomainValidationException"/> naming each refused field (text, knownNames[i] …).</summary>
    public static RedactionOptions Check(string? text, IReadOnlyList<string?>? knownNames, IReadOnlyList<string?>? legalRepresentatives)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text)) errors.Add("text", "required", "正文不能为空");
        else if (text.Length > Redactor.MaxTextLength) errors.Add("text", "too_long", $"正文不能超过 {Redactor.MaxTextLength} 个字符");
        var known = Names("knownNames", "已知姓名", knownNames, errors);
        var representatives = Names("legalRepresentatives", "法定代表人", legalRepresentatives, errors);
        errors.ThrowIfAny();
        return new RedactionOptions { KnownNames = known, LegalRepresentatives = representatives };
    }

    private static List<string> Names(string field, string label, IReadOnlyList<string?>? names, ValidationErrors errors)
    {
        var list = new List<string>();
        if (names is null) return list;
        if (names.Count > MaxNames)
        {
            errors.Add(field, "too_many", $"{label}最多 {MaxNames} 个");
            return list;
        }
        for (int i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim();
            if (string.IsNullOrEmpty(name)) errors.Add($"{field}[{i}]", "required", $"第 {i + 1} 个{label}为空");
            else if (name.Length > MaxNameLength) errors.Add($"{field}[{i}]", "too_long", $"第 {i + 1} 个{label}超过 {MaxNameLength} 个字符");
            else if (name.Length < 2) errors.Add($"{field}[{i}]", "too_short", $"第 {i + 1} 个{label}“{name}”至少应有 2 个字");
            else list.Add(name);
        }
        return list;
    }

    /// <summary>Splits names typed into one box: one a line, or separated by 、，, ; spaces.</summary>
    public static List<string> SplitNames(string? typed)
        => string.IsNullOrWhiteSpace(typed) ? []
            : typed.Split(['\n', '\r', '、', '，', ',', '；', ';', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
